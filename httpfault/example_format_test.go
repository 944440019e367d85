package httpfault_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"

	"github.com/zeroport/zerofault/httpfault"
	"github.com/zeroport/zerofault/httpfault/remote"
	"github.com/zeroport/zerofault/webexc"
)

// awsXML answers failures in the envelope of AWS's XML APIs, for a team
// whose clients already parse it:
//
//	<Response><Errors><Error><Code>E60008</Code><Message>…</Message></Error></Errors><RequestID>…</RequestID></Response>
//
// The code is Zero's catalog key (E<n> for code -n), the message the
// system message. The envelope has no place for the readable text, the
// field violations or the debug details: a client that needs them asks
// for application/problem+json, which the service keeps offering.
type awsXML struct{}

// MediaType is the type the envelope is offered for, in Accept.
func (awsXML) MediaType() string { return "application/xml" }

// ContentType is the Content-Type of the answers.
func (awsXML) ContentType() string { return "application/xml; charset=UTF-8" }

// Append writes the envelope; everything a client sent is escaped.
func (awsXML) Append(dst []byte, a *httpfault.Answer) []byte {
	b := bytes.NewBuffer(dst)
	b.WriteString("<Response><Errors><Error><Code>E")
	b.WriteString(strconv.Itoa(-a.Code))
	b.WriteString("</Code><Message>")
	_ = xml.EscapeText(b, a.Message)
	b.WriteString("</Message></Error></Errors><RequestID>")
	_ = xml.EscapeText(b, []byte(a.ID))
	b.WriteString("</RequestID></Response>")
	return b.Bytes()
}

// decodeAWS is the calling side's decoder of the same envelope: a
// remote.Decoder.
func decodeAWS(status int, _ http.Header, body []byte) (webexc.Remote, error) {
	var r struct {
		XMLName xml.Name `xml:"Response"`
		Errors  []struct {
			Code    string `xml:"Code"`
			Message string `xml:"Message"`
		} `xml:"Errors>Error"`
		RequestID string `xml:"RequestID"`
	}
	if err := xml.Unmarshal(body, &r); err != nil {
		return webexc.Remote{}, err
	}
	if len(r.Errors) == 0 {
		return webexc.Remote{}, errors.New("no <Error> in the envelope")
	}
	n, err := strconv.Atoi(strings.TrimPrefix(r.Errors[0].Code, "E"))
	if err != nil || n <= 0 {
		return webexc.Remote{}, fmt.Errorf("code %q is not a Zero key", r.Errors[0].Code)
	}
	return webexc.Remote{Code: -n, Status: status, Message: r.Errors[0].Message, ID: r.RequestID}, nil
}

// A format of a team's own: the service offers an AWS-style XML
// envelope for application/xml (in place of Zero's XML; Zero's JSON
// stays the default, problem+json stays offered), and a caller
// registers the matching decoder, so that the failure comes back typed
// on its side. Neither is a default.
func Example_customFormat() {
	// The service.
	faults := httpfault.New(&httpfault.Options{
		Formats: []httpfault.Format{httpfault.ZeroJSON, httpfault.ProblemJSON{}, awsXML{}},
		Logger:  slog.New(slog.DiscardHandler),
	})
	srv := httptest.NewServer(faults.HandlerFunc(func(w http.ResponseWriter, r *http.Request) error {
		return webexc.NewRecordNotFound("Orders")
	}))
	defer srv.Close()

	// The caller, at start-up: its decoder goes first for the type; a
	// body it refuses goes on to the built-in one (Zero's XML).
	remote.RegisterDecoder("application/xml", decodeAWS)

	req, _ := http.NewRequest(http.MethodGet, srv.URL+"/orders/9", nil)
	req.Header.Set("Accept", "application/xml")
	req.Header.Set("X-Request-Id", "req-7")
	resp, err := srv.Client().Do(req)
	if err != nil {
		panic(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	fmt.Println(resp.StatusCode, resp.Header.Get("Content-Type"))
	fmt.Println(string(body))

	err, ok := remote.Decode(resp.StatusCode, resp.Header, body)
	w, _ := errors.AsType[*webexc.WebException](err)
	fmt.Println(ok, webexc.IsRecordNotFound(err), w.Code(), w.Status(), w.ID())
	fmt.Println(w.Message())
	// Output:
	// 404 application/xml; charset=UTF-8
	// <Response><Errors><Error><Code>E60008</Code><Message>(404) - The requested record does not exist in storage.</Message></Error></Errors><RequestID>req-7</RequestID></Response>
	// true true -60008 404 req-7
	// (404) - The requested record does not exist in storage.
}
