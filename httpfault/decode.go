package httpfault

import (
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
)

// DefaultBodyLimit is the body size DecodeJSON reads at most when given
// no limit: 1 MiB, plenty for a JSON request, and a bound on what one
// request can make the service read and hold. Services that take
// uploads set their own limit per route (http.MaxBytesReader, echo's
// BodyLimit middleware).
const DefaultBodyLimit = 1 << 20

// DecodeJSON reads r's body as JSON into v, the binder of a net/http
// handler: an error it returns is answered as Echo's binder's would be.
// A Content-Type other than application/json is a 415; a body over
// limit bytes (DefaultBodyLimit when limit <= 0) is a 413 and is not
// read further; a value of the wrong JSON type is a 400 naming the field
// (-60004); malformed JSON, or more than one value, a 400 (-60011).
func DecodeJSON(w http.ResponseWriter, r *http.Request, v any, limit int64) error {
	if ct := r.Header.Get("Content-Type"); ct != "" {
		if media, _, err := mime.ParseMediaType(ct); err != nil || media != "application/json" {
			return &StatusError{Status: http.StatusUnsupportedMediaType}
		}
	}
	if limit <= 0 {
		limit = DefaultBodyLimit
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, limit))
	err := dec.Decode(v)
	if err == nil {
		if _, extra := dec.Token(); extra != io.EOF {
			err = errors.New("the body holds more than one JSON value")
		}
	}
	if err == nil {
		return nil
	}
	if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
		return &StatusError{Status: http.StatusRequestEntityTooLarge, Err: err}
	}
	return &StatusError{Status: http.StatusBadRequest, Err: err}
}
