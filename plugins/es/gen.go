// Package es holds the WebExceptions of zero-ifx-es, Zero's ElasticSearch
// plugin (Zero's io.vertx.tp.error), generated from exceptions.yml.
package es

//go:generate go tool gen exceptions.yml
