// Package excel holds the WebExceptions of zero-ifx-excel, Zero's Excel
// client plugin (Zero's io.vertx.tp.error), generated from exceptions.yml.
package excel

//go:generate go run github.com/zeroport/zerofault/gen exceptions.yml
