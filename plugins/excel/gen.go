// Package excel holds the WebExceptions of zero-ifx-excel, Zero's Excel
// client plugin (Zero's io.vertx.tp.error), generated from exceptions.yml.
package excel

//go:generate go tool gen exceptions.yml
