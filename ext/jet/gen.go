// Package jet holds the WebExceptions of zero-jet, Zero's extension for
// dynamic routing and channels (Zero's io.vertx.tp.error), generated from
// exceptions.yml.
package jet

//go:generate go tool gen exceptions.yml
