package httpfault

import (
	"strconv"

	"github.com/zeroport/zerofault/internal/jsontext"
	"github.com/zeroport/zerofault/internal/xmltext"
)

// DefaultProblemTypeBase starts problem type URIs when
// Options.ProblemTypeBase is not set.
const DefaultProblemTypeBase = "urn:zerofault:error:"

// ProblemJSON answers application/problem+json, RFC 9457's problem
// details:
//
//	{"type":"urn:zerofault:error:60010","title":"…","status":404,"detail":"…",
//	 "instance":"urn:zerofault:id:4f1c…","code":-60010,"request_id":"4f1c…","message":"…"}
//
// type is a URI per code (Options.ProblemTypeBase and the code's number),
// title the same for every occurrence of the code in the response's
// language, status the HTTP status, detail the readable text, instance
// the occurrence's id. Zero's members follow as extensions, named as RFC
// 9457 §3.2 asks (letters, digits and "_", three characters at least):
// code, request_id, message, errors (a validation failure's violations,
// {"pointer":"#/items/3/sku","detail","rule","param"}) and debug.
type ProblemJSON struct{}

// MediaType returns "application/problem+json".
func (ProblemJSON) MediaType() string { return "application/problem+json" }

// ContentType returns the media type with its charset.
func (ProblemJSON) ContentType() string { return "application/problem+json; charset=UTF-8" }

// Append appends a's problem details.
func (ProblemJSON) Append(dst []byte, a *Answer) []byte {
	dst = append(dst, `{"type":"`...)
	start := len(dst)
	if dst = AppendType(dst, a.TypeBase, a.Code); a.safe&safeType == 0 {
		dst = escapeTail(dst, start, false)
	}
	dst = append(dst, `","title":"`...)
	start = len(dst)
	title, safe := a.appendTitle(dst)
	if dst = title; !safe {
		dst = escapeTail(dst, start, false)
	}
	dst = append(dst, `","status":`...)
	dst = strconv.AppendInt(dst, int64(a.Status), 10)
	if len(a.Info) > 0 {
		dst = append(dst, `,"detail":`...)
		dst = appendJSONText(dst, a.Info, a.safe&safeInfo != 0)
	}
	dst = append(dst, `,"instance":"`...)
	dst = append(dst, instancePrefix...)
	if a.safe&safeID != 0 {
		dst = append(dst, a.ID...)
	} else {
		dst = jsontext.AppendEscaped(dst, a.ID)
	}
	dst = append(dst, `","code":`...)
	dst = strconv.AppendInt(dst, int64(a.Code), 10)
	dst = append(dst, `,"request_id":`...)
	dst = appendJSONText(dst, a.ID, a.safe&safeID != 0)
	dst = append(dst, `,"message":`...)
	dst = appendJSONText(dst, a.Message, a.safe&safeMessage != 0)
	if len(a.Fields) > 0 {
		dst = append(dst, `,"errors":[`...)
		for i, fl := range a.Fields {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = append(dst, `{"pointer":"`...)
			start = len(dst)
			dst = escapeTail(AppendPointer(dst, fl.Field), start, false)
			dst = append(dst, '"')
			if len(fl.Info) > 0 {
				dst = append(dst, `,"detail":`...)
				dst = jsontext.AppendString(dst, fl.Info)
			}
			dst = append(dst, `,"rule":`...)
			dst = jsontext.AppendString(dst, fl.Rule)
			if fl.Param != "" {
				dst = append(dst, `,"param":`...)
				dst = jsontext.AppendString(dst, fl.Param)
			}
			dst = append(dst, '}')
		}
		dst = append(dst, ']')
	}
	if a.Debug != nil {
		dst = append(dst, `,"debug":`...)
		dst = appendDebugJSON(dst, a.Debug)
	}
	return append(dst, '}')
}

// instancePrefix makes an occurrence's id a URI.
const instancePrefix = "urn:zerofault:id:"

// plain reports whether text needs no escaping in JSON or XML: it is
// printable ASCII without " & ' < > or \.
func plain(text []byte) bool {
	for _, c := range text {
		if c < ' ' || c > '~' || c == '"' || c == '&' || c == '\'' || c == '<' || c == '>' || c == '\\' {
			return false
		}
	}
	return true
}

// escapeTail escapes dst[start:], a type, title or pointer just
// appended as it is, for XML or JSON text. One that needs no escaping
// (see [plain] and jsontext.Safe), as most do, is left alone; another is copied to the stack
// and escaped back in place: no allocation up to 256 bytes.
func escapeTail(dst []byte, start int, xml bool) []byte {
	if xml && plain(dst[start:]) || !xml && jsontext.Safe(dst[start:]) {
		return dst
	}
	var scratch [256]byte
	raw := append(scratch[:0], dst[start:]...)
	if xml {
		return xmltext.AppendEscaped(dst[:start], raw)
	}
	return jsontext.AppendEscaped(dst[:start], raw)
}

// ProblemXML answers application/problem+xml: the members of
// [ProblemJSON] as elements of <problem xmlns="urn:ietf:rfc:7807">,
// arrays as <i> items, as RFC 9457's appendix describes.
type ProblemXML struct{}

// MediaType returns "application/problem+xml".
func (ProblemXML) MediaType() string { return "application/problem+xml" }

// ContentType returns the media type with its charset.
func (ProblemXML) ContentType() string { return "application/problem+xml; charset=UTF-8" }

// Append appends a's problem details as XML.
func (ProblemXML) Append(dst []byte, a *Answer) []byte {
	dst = append(dst, `<?xml version="1.0" encoding="UTF-8"?>`+"\n"+`<problem xmlns="urn:ietf:rfc:7807"><type>`...)
	start := len(dst)
	dst = escapeTail(AppendType(dst, a.TypeBase, a.Code), start, true)
	dst = append(dst, "</type><title>"...)
	start = len(dst)
	dst = escapeTail(a.AppendTitle(dst), start, true)
	dst = append(dst, "</title>"...)
	dst = append(dst, "<status>"...)
	dst = strconv.AppendInt(dst, int64(a.Status), 10)
	dst = append(dst, "</status>"...)
	if len(a.Info) > 0 {
		dst = xmltext.AppendElement(dst, "detail", a.Info)
	}
	dst = append(dst, "<instance>"+instancePrefix...)
	dst = xmltext.AppendEscaped(dst, a.ID)
	dst = append(dst, "</instance><code>"...)
	dst = strconv.AppendInt(dst, int64(a.Code), 10)
	dst = append(dst, "</code>"...)
	dst = xmltext.AppendElement(dst, "request_id", a.ID)
	dst = xmltext.AppendElement(dst, "message", a.Message)
	if len(a.Fields) > 0 {
		dst = append(dst, "<errors>"...)
		for _, fl := range a.Fields {
			dst = append(dst, "<i>"...)
			dst = append(dst, "<pointer>"...)
			start = len(dst)
			dst = escapeTail(AppendPointer(dst, fl.Field), start, true)
			dst = append(dst, "</pointer>"...)
			if len(fl.Info) > 0 {
				dst = xmltext.AppendElement(dst, "detail", fl.Info)
			}
			dst = xmltext.AppendElement(dst, "rule", fl.Rule)
			if fl.Param != "" {
				dst = xmltext.AppendElement(dst, "param", fl.Param)
			}
			dst = append(dst, "</i>"...)
		}
		dst = append(dst, "</errors>"...)
	}
	if a.Debug != nil {
		dst = appendDebugXML(dst, a.Debug)
	}
	return append(dst, "</problem>"...)
}

// ZeroXML answers Zero's shape in XML, for clients that ask for
// application/xml or text/xml (Media):
//
//	<error><id>…</id><code>-60010</code><message>…</message><info>…</info>
//	  <fields><field><field>email</field><rule>email</rule><info>…</info></field></fields></error>
type ZeroXML struct {
	Media string // "application/xml" or "text/xml"
}

// MediaType returns Media.
func (x ZeroXML) MediaType() string { return x.Media }

// ContentType returns Media with its charset.
func (x ZeroXML) ContentType() string { return x.Media + "; charset=UTF-8" }

// Append appends a in Zero's shape as XML.
func (ZeroXML) Append(dst []byte, a *Answer) []byte {
	dst = append(dst, `<?xml version="1.0" encoding="UTF-8"?>`+"\n<error>"...)
	dst = xmltext.AppendElement(dst, "id", a.ID)
	dst = append(dst, "<code>"...)
	dst = strconv.AppendInt(dst, int64(a.Code), 10)
	dst = append(dst, "</code>"...)
	dst = xmltext.AppendElement(dst, "message", a.Message)
	if len(a.Info) > 0 {
		dst = xmltext.AppendElement(dst, "info", a.Info)
	}
	if len(a.Fields) > 0 {
		dst = append(dst, "<fields>"...)
		for _, fl := range a.Fields {
			dst = append(dst, "<field>"...)
			dst = xmltext.AppendElement(dst, "field", fl.Field)
			dst = xmltext.AppendElement(dst, "rule", fl.Rule)
			if fl.Param != "" {
				dst = xmltext.AppendElement(dst, "param", fl.Param)
			}
			if len(fl.Info) > 0 {
				dst = xmltext.AppendElement(dst, "info", fl.Info)
			}
			dst = append(dst, "</field>"...)
		}
		dst = append(dst, "</fields>"...)
	}
	if a.Debug != nil {
		dst = appendDebugXML(dst, a.Debug)
	}
	return append(dst, "</error>"...)
}

// appendDebugXML appends <debug><target/><class/><causes><i/></causes><stack><i/></stack></debug>.
func appendDebugXML(dst []byte, d *Debug) []byte {
	dst = append(dst, "<debug>"...)
	dst = xmltext.AppendElement(dst, "target", d.Target)
	dst = xmltext.AppendElement(dst, "class", d.Class)
	dst = append(dst, "<causes>"...)
	for _, c := range d.Causes {
		dst = xmltext.AppendElement(dst, "i", c)
	}
	dst = append(dst, "</causes>"...)
	if len(d.Stack) > 0 {
		dst = append(dst, "<stack>"...)
		for _, line := range d.StackLines() {
			dst = xmltext.AppendElement(dst, "i", line)
		}
		dst = append(dst, "</stack>"...)
	}
	return append(dst, "</debug>"...)
}
