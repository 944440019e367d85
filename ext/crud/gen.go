// Package crud holds the WebExceptions of zero-crud, Zero's generic CRUD
// extension (Zero's io.vertx.tp.error), generated from exceptions.yml.
package crud

//go:generate go tool gen exceptions.yml
