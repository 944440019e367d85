package httpfault

import (
	"fmt"

	"github.com/zeroport/zerofault/webexc"
)

// The standard web exceptions the handler answers with when an error is
// not a WebException already: the generated classes of package webexc,
// as they registered themselves, so that logs and debug output name them
// as Zero would and no second list of them exists.
var (
	classValidation = registered(webexc.CodeValidation)
	classParam      = registered(webexc.CodeParameterFromString)
	classMedia      = registered(webexc.CodeMediaNotSupport)
	classInternal   = registered(webexc.CodeInternalServer)
	classNotFound   = registered(webexc.CodeServiceNotFound)
	classBadRequest = registered(webexc.CodeBadRequest)
	classUnauth     = registered(webexc.CodeUnauthorized)
	classForbidden  = registered(webexc.CodeForbidden)
	classMethod     = registered(webexc.CodeMethodForbidden)
)

// registered returns the class webexc registered for code. webexc's
// generated init runs before this package's, so a miss is a bug of the
// module itself.
func registered(code int) *webexc.Class {
	r, ok := webexc.Lookup(code)
	if !ok {
		panic(fmt.Sprintf("httpfault: webexc registered no class for %d", code))
	}
	return r.Class
}

// EchoMedia lists the media types Echo's DefaultBinder reads: the
// SupportedMedia of the Echo adapters.
const EchoMedia = "application/json, application/xml, text/xml, application/x-www-form-urlencoded, multipart/form-data"

// withheld stands for the details of an internal error in production:
// they are in the log record, whose request id the body carries.
const withheld = "details are in the server log"
