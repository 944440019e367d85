// Package redis holds the WebExceptions of zero-ifx-redis, Zero's Redis
// session-store plugin (Zero's io.vertx.tp.error), generated from
// exceptions.yml.
package redis

//go:generate go tool gen exceptions.yml
