package httpfault

import (
	"context"
	"log/slog"
	"net/http"

	"github.com/zeroport/zerofault/readable"
	"github.com/zeroport/zerofault/webexc"
	"github.com/zeroport/zerofault/zero"
)

// Options configures a [Handler]. A nil *Options, or a zero field, takes
// the default, which is safe for production.
type Options struct {
	// Logger receives one record per failure. Default: slog.Default(),
	// looked up at each failure, so slog.SetDefault later still counts.
	Logger *slog.Logger

	// Readable localizes the "info" texts. Default: readable.Current(),
	// looked up per request, so readable.Swap takes effect at once.
	Readable *readable.Bundle

	// Rules explains failed validation rules. Default: [DefaultRules].
	Rules *Rules

	// LangParam is the query parameter that names the response language
	// ahead of Accept-Language. Default "lang".
	LangParam string

	// DisableLangParam leaves the response language to Accept-Language
	// alone.
	DisableLangParam bool

	// RequestIDHeader is the header a request id travels in, both ways.
	// Default "X-Request-Id".
	RequestIDHeader string

	// Development puts the text of internal errors (panics, unknown
	// errors, 5xx statuses) into the -60007 message of every response,
	// as a debug request sees it. Default false, which is production: the
	// message then says the details are in the log. Never set it in
	// production; the text of an error can hold anything.
	Development bool

	// Map turns errors into WebExceptions before the handler's own
	// classification: domain errors (sql.ErrNoRows → a 404 of your own
	// code, say). Return nil to leave an error to the handler. The
	// WebException returned is only read, never modified.
	Map func(err error) *webexc.WebException

	// Classify recognises the error types of a framework; adapters set
	// it, and a team may chain its own in front. See [Classifier].
	Classify Classifier

	// Formats are the body formats offered, in the order of preference:
	// the first answers clients whose Accept names none of them. One
	// format is a forced format. Default: [DefaultFormats], Zero's JSON
	// first.
	Formats []Format

	// ProblemTypeBase starts the "type" URI of RFC 9457 answers, which
	// ends in the code's number: point it at the catalog page
	// (catalogpage) to make every type dereference. Default
	// "urn:zerofault:error:".
	ProblemTypeBase string

	// SupportedMedia lists the media types the service reads, the {1} of
	// a 415's -60006. Default "application/json"; the Echo adapters
	// default to what Echo's binder reads ([EchoMedia]).
	SupportedMedia string

	// ClientErrorLogLimit bounds the log records of client errors (4xx)
	// per code and second; records over it are dropped and counted, and
	// the next record of that code says how many ("dropped"). Server
	// errors are always logged. Default 10; negative: no limit.
	ClientErrorLogLimit int

	// Observe sees every failure answered, once, after its answer is
	// worked out (and, through [Handler.Answer], written): tracing and
	// metrics hook in here, whatever the adapter, and never classify
	// again. ctx is the request's; a's byte slices are valid only during
	// the call. A failure of a committed response is only logged, not
	// observed. A panic in Observe is logged and goes no further.
	// Default nil.
	Observe func(ctx context.Context, a *Answer)

	// The fields below serve [Handler.ServeError], the net/http entry
	// point. Adapters work these out in their framework's terms and hand
	// the results over in [Facts].

	// Debug reports whether this request may see debug details: the
	// error chain, the exception's target and class, the stack of a
	// panic, the text of an internal error. Default nil: never. See
	// [DebugToken].
	Debug func(r *http.Request) bool

	// Target names where the standard exceptions arose (404, 405, 500,
	// validation, …). Default [PatternTarget]. A WebException keeps its
	// own target.
	Target func(r *http.Request) zero.Target
}

// defaultLogLimit is ClientErrorLogLimit's default: enough to see what
// is going on, too few to fill a disk.
const defaultLogLimit = 10

// PatternTarget names the route pattern that matched (http.ServeMux sets
// r.Pattern, e.g. "GET /users/{id}") as the target, or "Router" when no
// route matched.
func PatternTarget(r *http.Request) zero.Target {
	if r.Pattern != "" {
		return zero.Target(r.Pattern)
	}
	return RouterTarget
}

// RouterTarget is the target of failures no route answered for.
const RouterTarget zero.Target = "Router"
