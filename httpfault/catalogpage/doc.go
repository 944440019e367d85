// Package catalogpage serves the error catalog in force as a web page:
// every code the service knows — the framework's and the team's — in a
// searchable, filterable table of code, class, module, status, system
// message template and readable text, with a switch over the languages
// of the readable texts, and one page per code.
//
// The page of code -N is at N below the page's mount point: mount it
// where httpfault.Options.ProblemTypeBase (echofault's
// ErrorHandlerConfig.ProblemTypeBase) points, and every problem type
// URI a problem+json answer carries leads to the page of its code, as
// RFC 9457 would have it.
//
// # Mounting
//
// The handler expects its mount point stripped from the request path,
// as [net/http.StripPrefix] does. With the page at /errors/:
//
//	page := catalogpage.New(nil)
//	faults := httpfault.New(&httpfault.Options{ProblemTypeBase: "/errors/"})
//
//	mux.Handle("GET /errors/", http.StripPrefix("/errors", page))       // net/http
//	e.GET("/errors/*", echo.WrapHandler(http.StripPrefix("/errors", page))) // Echo v4 and v5
//
// ProblemTypeBase may be an absolute URI instead
// ("https://api.example.com/errors/"), when clients should find the
// page from anywhere.
//
// # URLs
//
//	/errors/                the table; ?q= searches, ?module= and ?status=
//	                        filter, ?lang= picks the texts' language
//	                        (else Accept-Language)
//	/errors/60010           the page of code -60010: status, class,
//	                        module, template and the texts of every language
//	/errors/?format=json    the table's data for tools (same filters), with
//	                        the texts of every language
//	/errors/60010?format=json  one code's data
//
// A code's JSON is
//
//	{"code": -60010, "page": "60010", "class": "_404ServiceNotFoundException",
//	 "package": "github.com/zeroport/zerofault/webexc", "module": "webexc",
//	 "status": 404, "level": "error", "template": "(404) - No service handles {1} {0}.",
//	 "readable": {"en": "…", "zh-CN": "…"}, "plural": {"ru": {"forms": {…}, "count": 0}}}
//
// and the table's {"languages": [{"tag", "name"}], "codes": [...]}.
// "page" is relative to the table's URL.
//
// # What it shows
//
// Codes come from the catalog in force (every template) and from the
// web exception classes registered with webexc (every generated package
// the program imports registers its own). Class, package and status are
// known for registered codes; a code no imported package declares shows
// its template's "(NNN) -" status, as webexc.New answers it, and no
// class. Codes without a status are system codes: a response reports
// them as -60007. Readable texts are shown as their files write them,
// placeholders and plural forms included.
//
// Nothing is cached: each request reads catalog.Current(),
// readable.Current() and the registry once, so catalog.Swap and
// readable.Swap show at the next request. That costs a few
// milliseconds for the whole table of a few hundred codes, a fraction
// of one for a code's page (BenchmarkPage); a service that fears
// crawlers mounts the page behind its usual limits.
//
// The page is self-contained: its template, style sheet and script are
// embedded, no other origin is contacted, and a Content-Security-Policy
// allows nothing else. Every text is escaped by html/template. The page
// shows what the catalogs publish, never where their files lie, and
// nothing of any request. It works without script too: the form then
// asks the server to filter.
package catalogpage
