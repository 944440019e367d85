// Package config embeds zerofault's own catalogs, so that a binary needs no
// files to describe the framework's exceptions.
//
//   - vertx-error.yml maps E<code> (or W<code>, I<code>) to a system message
//     template, as Zero's up/config/vertx-error.yml does.
//   - vertx-readible.yml maps a bare code to the text an end user may read,
//     in English; vertx-readible.<tag>.yml (e.g. vertx-readible.zh-CN.yml)
//     holds the same texts in the language of a BCP 47 tag.
//   - vertx-rules.yml maps a validation rule ("required", "min.string") to
//     the text that explains its failure to an end user, in English;
//     vertx-rules.<tag>.yml holds the same keys in another language.
//
// Applications add their own catalogs on top of these; see package
// github.com/zeroport/zerofault/zero/catalog.
package config

import "embed"

// ErrorFile, ReadableFile and RulesFile are the names of the embedded
// catalogs in FS.
const (
	ErrorFile    = "vertx-error.yml"
	ReadableFile = "vertx-readible.yml"
	RulesFile    = "vertx-rules.yml"
)

// ReadableLanguage is the language of ReadableFile and RulesFile.
const ReadableLanguage = "en"

// FS holds the framework catalogs: ErrorFile, ReadableFile, RulesFile and
// their translations (vertx-readible.<tag>.yml, vertx-rules.<tag>.yml).
//
//go:embed vertx-error.yml vertx-readible.yml vertx-readible.*.yml vertx-rules.yml vertx-rules.*.yml
var FS embed.FS
