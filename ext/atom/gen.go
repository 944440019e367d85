// Package atom holds the WebExceptions of zero-atom, Zero's extension for
// dynamic models and their storage (Zero's io.vertx.tp.error), generated
// from exceptions.yml.
package atom

//go:generate go tool gen exceptions.yml
