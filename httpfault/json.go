package httpfault

import (
	"bytes"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/zeroport/zerofault/internal/jsontext"
	"github.com/zeroport/zerofault/readable"
)

// appendBody writes Zero's body,
// {"id","code","message","info"[,"fields"][,"debug"]}: the shape of
// webexc's AppendJSON plus the extensions.
func (h *Handler) appendBody(dst []byte, f *fault, r *http.Request, id string, debug bool) []byte {
	scratch := getBuf()
	text := *scratch
	dst = append(dst, `{"id":`...)
	dst = jsontext.AppendString(dst, id)
	dst = append(dst, `,"code":`...)
	dst = strconv.AppendInt(dst, int64(f.code()), 10)
	dst = append(dst, `,"message":"`...)
	text = clipBytes(f.appendMessage(text[:0]), maxText)
	dst = jsontext.AppendEscaped(dst, text)
	dst = append(dst, '"')

	b := h.bundle()
	lang := h.language(r, b)
	text = clipBytes(appendInfo(text[:0], b, lang, f), maxText)
	if !isBlank(text) {
		dst = append(dst, `,"info":"`...)
		dst = jsontext.AppendEscaped(dst, text)
		dst = append(dst, '"')
	}
	if len(f.fields) > 0 {
		dst, text = h.appendFields(dst, text, f, lang)
	}
	*scratch = text
	putBuf(scratch)
	if debug {
		dst = appendDebug(dst, f)
	}
	return append(dst, '}')
}

// appendInfo appends the readable text for the chosen language: the
// bundle's text in that language (or a language it falls back to before
// the default) wins; else the exception's own readable text, which the
// catalog's overlay gave in the default language, or SetReadable set;
// else the bundle's default-language text.
func appendInfo(dst []byte, b *readable.Bundle, lang readable.Language, f *fault) []byte {
	def := b.Default()
	if lang.Tag() != def.Tag() {
		out, from, ok := b.AppendText(dst, lang, f.code(), f.args()...)
		if ok && from.Tag() != def.Tag() {
			return out
		}
	}
	if own := f.appendOwnReadable(dst); !isBlank(own[len(dst):]) {
		return own
	}
	out, _, _ := b.AppendText(dst, def, f.code(), f.args()...)
	return out
}

// appendFields appends ,"fields":[{"field","rule","param","info"},…]: every
// violation of a validation failure, "param" only for rules that take one.
// scratch is a buffer for the texts, returned for the caller's pool.
func (h *Handler) appendFields(dst, scratch []byte, f *fault, lang readable.Language) ([]byte, []byte) {
	var rl *ruleLang
	if h.opts.Rules != nil {
		rl = h.opts.Rules.lang(lang)
	}
	dst = append(dst, `,"fields":[`...)
	for i, fe := range f.fields {
		if i > 0 {
			dst = append(dst, ',')
		}
		field := fieldPath(fe)
		dst = append(dst, `{"field":`...)
		dst = jsontext.AppendString(dst, field)
		dst = append(dst, `,"rule":`...)
		dst = jsontext.AppendString(dst, fe.Tag())
		if p := fe.Param(); p != "" {
			dst = append(dst, `,"param":`...)
			dst = jsontext.AppendString(dst, p)
		}
		scratch = scratch[:0]
		if h.opts.Rules != nil {
			scratch = h.opts.Rules.appendText(scratch, rl, fe.Tag(), kindOf(fe.Kind()), field, fe.Param())
		}
		if len(scratch) > 0 {
			dst = append(dst, `,"info":"`...)
			dst = jsontext.AppendEscaped(dst, scratch)
			dst = append(dst, '"')
		}
		dst = append(dst, '}')
	}
	return append(dst, ']'), scratch
}

// appendDebug appends ,"debug":{"target","class","causes"[,"stack"]}.
func appendDebug(dst []byte, f *fault) []byte {
	dst = append(dst, `,"debug":{"target":`...)
	dst = jsontext.AppendString(dst, string(f.targetName()))
	dst = append(dst, `,"class":`...)
	dst = jsontext.AppendString(dst, f.className())
	dst = append(dst, `,"causes":[`...)
	for i, s := range causes(f.err) {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = jsontext.AppendString(dst, s)
	}
	dst = append(dst, ']')
	if f.panic != nil && len(f.panic.Stack) > 0 {
		dst = append(dst, `,"stack":[`...)
		first := true
		for line := range bytes.Lines(f.panic.Stack) {
			line = bytes.TrimRight(line, "\n")
			if len(bytes.TrimSpace(line)) == 0 {
				continue
			}
			if !first {
				dst = append(dst, ',')
			}
			first = false
			dst = append(dst, '"')
			dst = jsontext.AppendEscaped(dst, bytes.ReplaceAll(line, []byte("\t"), []byte("  ")))
			dst = append(dst, '"')
		}
		dst = append(dst, ']')
	}
	return append(dst, '}')
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
	var walk func(error, int)
	walk = func(err error, depth int) {
		for ; err != nil && depth < maxDepth; depth++ {
			if j, ok := err.(interface{ Unwrap() []error }); ok {
				// errors.Join and the like: list the parts, not the
				// container, whose text is theirs joined.
				for _, inner := range j.Unwrap() {
					walk(inner, depth+1)
				}
				return
			}
			s := err.Error()
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
			u, ok := err.(interface{ Unwrap() error })
			if !ok {
				return
			}
			err = u.Unwrap()
		}
	}
	walk(err, 0)
	return out
}
