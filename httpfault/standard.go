package httpfault

import (
	"net/http"

	"github.com/zeroport/zerofault/webexc"
	"github.com/zeroport/zerofault/zero"
)

// The standard web exceptions the handler answers with when an error is
// not a WebException already, under Zero's class names so that logs and
// debug output name them as Zero would.
var (
	classValidation = webClass("_400ValidationException", -60000, http.StatusBadRequest)
	classParam      = webClass("_400ParameterFromStringException", -60004, http.StatusBadRequest)
	classMedia      = webClass("_415MediaNotSupportException", -60006, http.StatusUnsupportedMediaType)
	classInternal   = webClass("_500InternalServerException", -60007, http.StatusInternalServerError)
	classNotFound   = webClass("_404ServiceNotFoundException", -60010, http.StatusNotFound)
	classBadRequest = webClass("_400BadRequestException", -60011, http.StatusBadRequest)
	classUnauth     = webClass("_401UnauthorizedException", -60012, http.StatusUnauthorized)
	classForbidden  = webClass("_403ForbiddenException", -60013, http.StatusForbidden)
	classMethod     = webClass("_405MethodForbiddenException", -60014, http.StatusMethodNotAllowed)
)

func webClass(name string, code, status int) *webexc.Class {
	return &webexc.Class{Class: zero.Class{Name: name, Family: zero.FamilyWeb, Code: code}, Status: status}
}

// EchoMedia lists the media types Echo's DefaultBinder reads: the
// SupportedMedia of the Echo adapters.
const EchoMedia = "application/json, application/xml, text/xml, application/x-www-form-urlencoded, multipart/form-data"

// withheld stands for the details of an internal error in production:
// they are in the log record, whose request id the body carries.
const withheld = "details are in the server log"
