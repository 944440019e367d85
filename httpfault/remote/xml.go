package remote

import (
	"cmp"
	"encoding/xml"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/zeroport/zerofault/webexc"
	"github.com/zeroport/zerofault/zero"
)

// DecodeXML is the [Decoder] of Zero's answer in XML and of RFC 9457
// problem details in XML, told apart by their root element:
//
//	<error><id/><code/><message/><info/><fields><field><field/><rule/><param/><info/></field></fields></error>
//	<problem xmlns="urn:ietf:rfc:7807"><status/><detail/><instance/><code/><request_id/><message/><errors><i><pointer/><detail/><rule/><param/></i></errors></problem>
//
// The root must be <error> (no namespace) or <problem> in the namespace
// urn:ietf:rfc:7807, with a negative integer <code>; elements it does
// not know are skipped. Ids, pointers and the debug element are read as
// [DecodeJSON] reads them. The document is parsed by encoding/xml:
// predefined entities only, UTF-8 only.
func DecodeXML(status int, header http.Header, body []byte) (webexc.Remote, error) {
	var a xmlAnswer
	if err := xml.Unmarshal(body, &a); err != nil {
		return webexc.Remote{}, fmt.Errorf("%w: XML: %v", ErrNotAnswer, err)
	}
	switch {
	case a.XMLName.Local == "error" && a.XMLName.Space == "":
	case a.XMLName.Local == "problem" && a.XMLName.Space == problemNS:
	default:
		return webexc.Remote{}, fmt.Errorf("%w: XML root <%s> in namespace %q", ErrNotAnswer, clip(a.XMLName.Local, 64), clip(a.XMLName.Space, 64))
	}
	code, err := strconv.Atoi(strings.TrimSpace(a.Code))
	if err != nil || code >= 0 {
		return webexc.Remote{}, fmt.Errorf("%w: XML without a negative <code>", ErrNotAnswer)
	}
	st, _ := strconv.Atoi(strings.TrimSpace(a.Status))
	r := webexc.Remote{
		Code:     code,
		Status:   cmp.Or(status, st),
		Message:  a.Message,
		Readable: cmp.Or(a.Info, a.Detail),
		ID:       cmp.Or(a.ID, a.RequestID),
		Target:   zero.Target(a.Target),
	}
	if id, ok := strings.CutPrefix(a.Instance, instancePrefix); ok && r.ID == "" {
		r.ID = id
	}
	var fs FieldErrors
	for _, f := range append(a.Fields, a.Errors...) {
		fe := FieldError{Field: f.Field, Rule: f.Rule, Param: f.Param, Info: cmp.Or(f.Info, f.Detail)}
		if fe.Field == "" && f.Pointer != "" {
			fe.Field = pathOf(f.Pointer)
		}
		fs = append(fs, fe)
	}
	if len(fs) > 0 {
		r.Cause = fs
	}
	return r, nil
}

// problemNS is the namespace of RFC 9457's problem+xml.
const problemNS = "urn:ietf:rfc:7807"

// xmlAnswer holds both roots' elements; names match in any namespace.
type xmlAnswer struct {
	XMLName   xml.Name
	ID        string     `xml:"id"`
	Code      string     `xml:"code"`
	Status    string     `xml:"status"`
	Message   string     `xml:"message"`
	Info      string     `xml:"info"`
	Detail    string     `xml:"detail"`
	Instance  string     `xml:"instance"`
	RequestID string     `xml:"request_id"`
	Fields    []xmlField `xml:"fields>field"`
	Errors    []xmlField `xml:"errors>i"`
	Target    string     `xml:"debug>target"`
}

type xmlField struct {
	Field   string `xml:"field"`
	Pointer string `xml:"pointer"`
	Rule    string `xml:"rule"`
	Param   string `xml:"param"`
	Info    string `xml:"info"`
	Detail  string `xml:"detail"`
}
