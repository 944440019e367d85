// Package shoperr holds the shop example's own exceptions: declared in
// exceptions.yml, templated in vertx-error.yml, explained to users in
// vertx-readible.yml and its zh-CN overlay, and generated into
// exceptions_gen.go by zerofault's gen, the path a team follows for its
// own service.
package shoperr

//go:generate go tool gen exceptions.yml
