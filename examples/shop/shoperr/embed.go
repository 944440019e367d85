package shoperr

import (
	"github.com/zeroport/zerofault/readable"
	"github.com/zeroport/zerofault/zero/catalog"
)

// The shop's catalogs lie beside exceptions.yml, so the generated code
// (exceptions_gen.go) embeds them and registers them with the loaders:
// importing this package brings them along, and the service runs with no
// files beside it.

// Catalog returns the framework catalog extended with the shop's templates
// and readable texts.
func Catalog() (*catalog.Catalog, error) {
	return catalog.Load()
}

// Readable returns the framework's readable texts, in every language it
// ships, extended with the shop's texts and their translations, each
// checked against the catalog: it must name a code that has a template,
// and use only the params of that template.
func Readable() (*readable.Bundle, error) {
	cat, err := Catalog()
	if err != nil {
		return nil, err
	}
	return readable.Load(readable.Check(cat))
}
