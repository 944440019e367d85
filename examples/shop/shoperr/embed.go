package shoperr

import (
	"embed"

	"github.com/zeroport/zerofault/readable"
	"github.com/zeroport/zerofault/zero/catalog"
)

// FS holds the shop's catalogs, so the service runs with no files beside it.
//
//go:embed vertx-error.yml vertx-readible.yml vertx-readible.*.yml
var FS embed.FS

// Catalog returns the framework catalog extended with the shop's templates
// and readable texts.
func Catalog() (*catalog.Catalog, error) {
	return catalog.Load(
		catalog.ErrorFS(FS, "vertx-error.yml"),
		catalog.ReadableFS(FS, "vertx-readible.yml"),
	)
}

// Readable returns the framework's readable texts, in every language it
// ships, extended with the shop's English texts and their translations.
func Readable() (*readable.Bundle, error) {
	return readable.Load(readable.Glob(FS, "vertx-readible*.yml"))
}
