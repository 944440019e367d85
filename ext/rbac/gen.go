// Package rbac holds the WebExceptions of zero-rbac, Zero's authentication
// and authorization extension (Zero's io.vertx.tp.error), generated from
// exceptions.yml.
package rbac

//go:generate go tool gen exceptions.yml
