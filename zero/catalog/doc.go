// Package catalog loads Zero-style message catalogs and keeps the one in
// force.
//
// A catalog is two kinds of YAML file, as in Zero:
//
//   - error catalogs (vertx-error.yml) map a key E<n>, W<n> or I<n> to the
//     system message template of code -n. The prefix only says at which log
//     level the code is reported (Error, Warn, Info); the number space is
//     shared, so one number lives under one prefix only.
//   - readable overlays (vertx-readible.yml) map the bare number n to the
//     text an end user may read for code -n.
//
// Templates are java.text.MessageFormat patterns (see package msgfmt); a
// template containing "{}" is formatted slf4j-style instead, each "{}"
// taking the next argument, which is what Zero does with such templates.
//
// Every template is compiled when the catalog loads, so a malformed template
// fails the load with an error naming its file, line and key, and never
// fails a request. A loaded *Catalog is immutable. The catalog in force is
// read with Current and replaced with Swap or Reload, which is safe while
// requests are running.
//
// A file is one YAML document holding one mapping; a file with a second
// document ("---") is refused at the line where it starts, since reading
// only the first would silently drop the rest.
//
// The framework's own catalogs (package config) are always loaded first,
// then those of the packages of generated exceptions the program imports
// (see Register), then the files given to Load. A key of an application
// file that redefines a framework code is an error unless AllowOverride
// is given. A start-up that loads and checks everything reads:
//
//	cat, err := catalog.Load() // plus ErrorFile/ReadableFile for catalogs no package carries
//	if err != nil {
//		log.Fatal(err) // names file, line and key of every problem
//	}
//	texts, err := readable.Load(readable.Check(cat))
//	if err != nil {
//		log.Fatal(err)
//	}
//	catalog.Swap(cat)
//	readable.Swap(texts)
package catalog
