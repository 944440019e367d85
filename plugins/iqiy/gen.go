// Package iqiy holds the WebExceptions of zero-ifx-iqiy, Zero's iQIYI
// open-API client plugin (Zero's io.vertx.tp.error), generated from
// exceptions.yml.
package iqiy

//go:generate go tool gen exceptions.yml
