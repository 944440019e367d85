// Package ambient holds the WebExceptions of zero-ambient, Zero's extension
// that loads and initializes applications (Zero's io.vertx.tp.error),
// generated from exceptions.yml.
package ambient

//go:generate go tool gen exceptions.yml
