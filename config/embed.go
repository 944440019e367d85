// Package config embeds zerofault's own catalogs, so that a binary needs no
// files to describe the framework's exceptions.
//
//   - vertx-error.yml maps E<code> (or W<code>, I<code>) to a system message
//     template, as Zero's up/config/vertx-error.yml does.
//   - vertx-readible.yml maps a bare code to the text an end user may read,
//     in English; vertx-readible.<tag>.yml (e.g. vertx-readible.zh-CN.yml)
//     holds the same texts in the language of a BCP 47 tag.
//
// Applications add their own catalogs on top of these; see package
// github.com/zeroport/zerofault/zero/catalog.
package config

import "embed"

// ErrorFile and ReadableFile are the names of the embedded catalogs in FS.
const (
	ErrorFile    = "vertx-error.yml"
	ReadableFile = "vertx-readible.yml"
)

// ReadableLanguage is the language of ReadableFile.
const ReadableLanguage = "en"

// FS holds the framework catalogs: ErrorFile, ReadableFile and the
// translated readable overlays.
//
//go:embed vertx-error.yml vertx-readible.yml vertx-readible.*.yml
var FS embed.FS
