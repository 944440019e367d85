package httpfault

import (
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/zeroport/zerofault/internal/errtree"
	"github.com/zeroport/zerofault/internal/jsontext"
	"github.com/zeroport/zerofault/readable"
)

// answer works out what every format writes for f: the texts go into
// scratch, a pooled buffer the caller returns once the body is written.
func (h *Handler) answer(a *Answer, f *fault, r *http.Request, id string, debug bool, scratch []byte) []byte {
	b := h.bundle()
	*a = Answer{ID: id, Code: f.code(), Status: f.status(), Class: f.className(), TypeBase: h.opts.ProblemTypeBase, bundle: b}
	if jsontext.Safe(id) { // checked once: every format writes it once or twice
		a.safe |= safeID
	}
	text, msgSafe := f.appendMessage(scratch[:0])
	text = clipBytes(text, maxText)
	msgEnd := len(text)
	a.lang = h.language(r, b)
	var infoSafe bool
	if fi := f.fixedInfo(b, a.lang); fi != nil {
		text = append(text, fi.text...) // clipped and checked already
		a.Language, infoSafe = fi.lang, fi.safe
	} else {
		var used readable.Language
		text, used, infoSafe = appendInfo(text, b, a.lang, f)
		text = append(text[:msgEnd], clipBytes(text[msgEnd:], maxText)...)
		if !isBlank(text[msgEnd:]) {
			a.Language = used.String()
		} else {
			text = text[:msgEnd]
		}
	}
	a.safe |= safeFlags(msgSafe, infoSafe)
	if h.typeSafe {
		a.safe |= safeType
	}
	infoEnd := len(text)
	if len(f.fields) == 0 && len(f.violations) > 0 {
		// Explained already, by whoever found them (another process).
		a.Fields = make([]Field, len(f.violations))
		for i, v := range f.violations {
			start := len(text)
			text = append(text, v.Info...)
			a.Fields[i] = Field{Field: clip(v.Field), Rule: clip(v.Rule), Param: clip(v.Param), Info: text[start:]}
		}
	}
	if len(f.fields) > 0 {
		a.Fields = make([]Field, len(f.fields))
		rules := h.opts.Rules
		if rules == nil {
			rules = DefaultRules() // compiled on the first validation failure
		}
		rl := rules.lang(a.lang)
		for i, fe := range f.fields {
			path := fieldPath(fe)
			start := len(text)
			text = rules.appendText(text, rl, fe.Tag(), kindOf(fe.Kind()), path, fe.Param())
			a.Fields[i] = Field{Field: path, Rule: fe.Tag(), Param: fe.Param(), Info: text[start:]}
		}
	}
	// Slices are taken last: appends above may have moved the buffer.
	a.Message, a.Info = text[:msgEnd:msgEnd], text[msgEnd:infoEnd:infoEnd]
	if len(a.Fields) > 0 {
		// Re-slice the field texts from the final buffer, in order.
		at := infoEnd
		for i := range a.Fields {
			n := len(a.Fields[i].Info)
			a.Fields[i].Info = text[at : at+n : at+n]
			at += n
		}
	}
	if debug {
		a.Debug = &Debug{Target: string(f.targetName()), Class: f.className(), Causes: causes(f.err)}
		if f.panic != nil {
			a.Debug.Stack = f.panic.Stack
		}
	}
	return text
}

// ZeroJSON is Zero's own body, {"id","code","message","info"} with
// "fields" for a validation failure and "debug" when allowed: the shape of
// webexc's AppendJSON plus the extensions, byte for byte.
var ZeroJSON Format = zeroJSON{}

type zeroJSON struct{}

func (zeroJSON) MediaType() string   { return "application/json" }
func (zeroJSON) ContentType() string { return contentTypeJSON }

func (zeroJSON) Append(dst []byte, a *Answer) []byte {
	dst = append(dst, `{"id":`...)
	dst = appendJSONText(dst, a.ID, a.safe&safeID != 0)
	dst = append(dst, `,"code":`...)
	dst = strconv.AppendInt(dst, int64(a.Code), 10)
	dst = append(dst, `,"message":`...)
	dst = appendJSONText(dst, a.Message, a.safe&safeMessage != 0)
	if len(a.Info) > 0 {
		dst = append(dst, `,"info":`...)
		dst = appendJSONText(dst, a.Info, a.safe&safeInfo != 0)
	}
	if len(a.Fields) > 0 {
		dst = append(dst, `,"fields":[`...)
		for i, fl := range a.Fields {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = append(dst, `{"field":`...)
			dst = jsontext.AppendString(dst, fl.Field)
			dst = append(dst, `,"rule":`...)
			dst = jsontext.AppendString(dst, fl.Rule)
			if fl.Param != "" {
				dst = append(dst, `,"param":`...)
				dst = jsontext.AppendString(dst, fl.Param)
			}
			if len(fl.Info) > 0 {
				dst = append(dst, `,"info":`...)
				dst = jsontext.AppendString(dst, fl.Info)
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

// appendDebugJSON appends {"target","class","causes"[,"stack"]}.
func appendDebugJSON(dst []byte, d *Debug) []byte {
	dst = append(dst, `{"target":`...)
	dst = jsontext.AppendString(dst, d.Target)
	dst = append(dst, `,"class":`...)
	dst = jsontext.AppendString(dst, d.Class)
	dst = append(dst, `,"causes":[`...)
	for i, c := range d.Causes {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = jsontext.AppendString(dst, c)
	}
	dst = append(dst, ']')
	if len(d.Stack) > 0 {
		dst = append(dst, `,"stack":[`...)
		for i, line := range d.StackLines() {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = jsontext.AppendString(dst, line)
		}
		dst = append(dst, ']')
	}
	return append(dst, '}')
}

// appendInfo appends the readable text for the chosen language: the
// bundle's text in that language (or a language it falls back to before
// the default) wins; else the exception's own readable text, which the
// catalog's overlay gave in the default language, or SetReadable set;
// else the bundle's default-language text.
//
// It returns the language of the text it appended, and whether the text
// needs no escaping in JSON.
func appendInfo(dst []byte, b *readable.Bundle, lang readable.Language, f *fault) ([]byte, readable.Language, bool) {
	def := b.Default()
	if f.exc != nil && f.exc.Remote() {
		// Rebuilt from another process's answer: no params to format a
		// text of this process's with; its own text is the answer. The
		// language asked for is claimed for it: a gateway forwards it, and
		// the remote side answered in it.
		out, safe := f.appendOwnReadable(dst)
		return out, lang, safe
	}
	if lang != def { // Languages of one bundle compare as pointers
		out, from, safe, ok := b.AppendTextJSON(dst, lang, f.code(), f.args()...)
		if ok && from != def {
			return out, from, safe
		}
	}
	if own, safe := f.appendOwnReadable(dst); !isBlank(own[len(dst):]) {
		return own, def, safe
	}
	out, _, safe, _ := b.AppendTextJSON(dst, def, f.code(), f.args()...)
	return out, def, safe
}

// maxText bounds the message and the info of a body: their params may
// hold what a client sent (a path, an id), and an exception built by
// application code has not cut them.
const maxText = 2048

// clipBytes cuts b to max bytes, at a character boundary, ending in "…".
func clipBytes(b []byte, max int) []byte {
	if len(b) <= max {
		return b
	}
	cut := max
	for cut > 0 && !utf8.RuneStart(b[cut]) {
		cut--
	}
	return append(b[:cut], "…"...)
}

// maxCause bounds each text causes lists: an error's text may hold what
// a client sent (a 300 KB value strconv could not parse, say).
const maxCause = 1024

// causes lists the texts of the errors in err's tree, outermost first,
// leaving out a text that an earlier one already contains (fmt.Errorf's
// %w repeats its cause's text), each cut to maxCause bytes. Its cost is
// paid only by debug responses and enabled log records.
func causes(err error) []string {
	var out []string
	for e := range errtree.All(err) {
		if _, ok := e.(interface{ Unwrap() []error }); ok {
			// errors.Join and the like: list the parts, not the
			// container, whose text is theirs joined.
			continue
		}
		s := e.Error()
		dup := false
		for _, prev := range out {
			if strings.Contains(prev, s) {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, clipTo(s, maxCause))
		}
	}
	return out
}
