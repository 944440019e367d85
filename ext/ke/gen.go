// Package ke holds the WebExceptions of zero-ke, Zero's kernel extension of
// helpers shared by the others (Zero's io.vertx.tp.error), generated from
// exceptions.yml.
package ke

//go:generate go tool gen exceptions.yml
