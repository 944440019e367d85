package httpfault

import (
	"fmt"

	"github.com/zeroport/zerofault/webexc"
)

// standard names one of the standard web exceptions the handler answers
// with when an error is not a WebException already. Their classes are
// the generated ones of package webexc, as they registered themselves,
// so that logs and debug output name them as Zero would and no second
// list of them exists; the index lets a plan keep what each needs.
type standard uint8

const (
	stdValidation standard = iota
	stdParam
	stdMedia
	stdInternal
	stdNotFound
	stdBadRequest
	stdUnauth
	stdForbidden
	stdMethod
	numStandard
)

var standardClasses = [numStandard]*webexc.Class{
	stdValidation: registered(webexc.CodeValidation),
	stdParam:      registered(webexc.CodeParameterFromString),
	stdMedia:      registered(webexc.CodeMediaNotSupport),
	stdInternal:   registered(webexc.CodeInternalServer),
	stdNotFound:   registered(webexc.CodeServiceNotFound),
	stdBadRequest: registered(webexc.CodeBadRequest),
	stdUnauth:     registered(webexc.CodeUnauthorized),
	stdForbidden:  registered(webexc.CodeForbidden),
	stdMethod:     registered(webexc.CodeMethodForbidden),
}

func (s standard) class() *webexc.Class { return standardClasses[s] }

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
