package demo

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jivokit/jivokit/internal/cli/webhooktool"
	"github.com/jivokit/jivokit/webhook"
	"github.com/jivokit/jivokit/webhook/samples"
)

// demoHeader must be on the page's own requests: a cross-site form cannot
// set it, so other sites cannot make the demo send webhooks.
const demoHeader = "X-Jivokit-Demo"

// sendResult is the answer of POST /demo/webhook/send.
type sendResult struct {
	OK     bool   `json:"ok"`
	Output string `json:"output"` // the request, the reply and what the agent sees
}

// maxSendForm bounds the form of POST /demo/webhook/send.
const maxSendForm = 4 << 10

// serveSend posts the sample payload of an event to the demo's own webhook
// endpoint over HTTP, as the vendor would, with the sample visitor's user
// token (a chat event's; a CRM event has none), and answers what was sent
// and received. The demo's endpoint takes both families, as one Handler
// can.
func (s *Server) serveSend(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get(demoHeader) == "" {
		http.Error(w, "missing "+demoHeader+" header", http.StatusForbidden)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxSendForm)
	if err := r.ParseForm(); err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			http.Error(w, fmt.Sprintf("the form is over %d bytes: send only event=NAME", maxSendForm), http.StatusRequestEntityTooLarge)
			return
		}
		http.Error(w, "the form cannot be read: "+err.Error(), http.StatusBadRequest)
		return
	}
	if !r.Form.Has("event") {
		http.Error(w, "the form has no event: send event=NAME", http.StatusBadRequest)
		return
	}
	event := webhook.Name(r.FormValue("event"))
	if !slices.Contains(samples.Names(), event) && !slices.Contains(samples.CRMNames(), event) {
		http.Error(w, "unknown event "+strconv.Quote(string(event)), http.StatusBadRequest)
		return
	}
	payload, err := samples.Payload(event)
	if err == nil && !slices.Contains(samples.CRMNames(), event) { // a CRM event is about the CRM, not a visitor: no token
		cfg, _ := s.widget.Config(sampleVisitor)
		payload, err = withUserToken(payload, cfg.UserToken)
	}
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), 10*time.Second)
	defer cancel()
	var out strings.Builder
	ok := s.post(ctx, &out, event, payload)
	writeJSON(w, sendResult{OK: ok, Output: out.String()})
}

// withUserToken sets the payload's user_token, keeping its other fields in
// their order.
func withUserToken(payload []byte, token string) ([]byte, error) {
	if token == "" {
		return payload, nil
	}
	body := bytes.TrimSpace(payload)
	if !bytes.HasPrefix(body, []byte("{")) || !bytes.HasSuffix(body, []byte("}")) {
		return nil, fmt.Errorf("demo: the sample payload is not a JSON object")
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(body, &fields); err != nil {
		return nil, fmt.Errorf("demo: the sample payload: %w", err)
	}
	if _, ok := fields["user_token"]; ok {
		return nil, fmt.Errorf("demo: the sample payload already has a user_token")
	}
	v, err := json.Marshal(token)
	if err != nil {
		return nil, err
	}
	// The samples have no user_token: it goes after event_name, the first field.
	open := bytes.IndexByte(body, '{')
	out := append([]byte{}, body[:open+1]...)
	out = append(out, "\n\"user_token\": "...)
	out = append(out, v...)
	out = append(out, ',')
	return append(out, body[open+1:]...), nil
}

// post sends payload to the demo's webhook endpoint, as `jivokit webhook
// send` does, and writes the request, the reply and what the agent would
// see to out. It reports whether the reply is good.
func (s *Server) post(ctx context.Context, out io.Writer, event webhook.Name, payload []byte) bool {
	ok, err := webhooktool.Send(ctx, out, s.self+s.webhookPath, "jivokit-demo", event, payload, false)
	if err != nil {
		fmt.Fprintf(out, "\n%v\n", err)
	}
	return ok
}

// eventJSON is one received event, for the page's live log.
type eventJSON struct {
	Seq             uint64 `json:"seq"`
	Time            string `json:"time"`
	Name            string `json:"event_name"`
	VerifiedVisitor string `json:"verified_visitor,omitempty"`
	Summary         string `json:"summary"`
	Failed          string `json:"failed,omitempty"` // the function's error, once it has failed
	// Event is the event, or null when it is not kept in memory (over
	// the live log's bound per event, or among the oldest past its bound
	// in all): EventOmitted is its size then.
	Event        json.RawMessage `json:"event"`
	EventOmitted int             `json:"event_omitted,omitempty"`
}

// maxEventsResponse bounds the events an answer of serveEvents holds: the
// entries past it are in the next answer (the page asks again from the
// last seq it got). One entry is always answered, and each is bounded by
// the live log's KeepEventBytes.
const maxEventsResponse = 1 << 20

// serveEvents answers the events received after ?since=SEQ, oldest first.
// A since at or beyond the last event's sequence number answers none: a
// page that polls ahead of the log sees nothing new, never the whole log.
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	since, err := strconv.ParseUint(q.Get("since"), 10, 64)
	if err != nil && q.Has("since") {
		http.Error(w, "since must be a sequence number from 0 to 18446744073709551615", http.StatusBadRequest)
		return
	}
	out := []eventJSON{}
	{
		size := 0
		for _, e := range s.events.Since(since) {
			size += len(e.Event) + len(e.Summary) + len(e.Failed) + len(e.VerifiedVisitor) + 200
			if len(out) > 0 && size > maxEventsResponse {
				break
			}
			out = append(out, eventJSON{Seq: e.Seq, Time: e.Time.Format(time.TimeOnly), Name: string(e.Name),
				VerifiedVisitor: e.VerifiedVisitor, Summary: e.Summary, Failed: e.Failed, Event: e.Event, EventOmitted: e.EventOmitted})
		}
	}
	writeJSON(w, out)
}

// writeJSON answers v as JSON, without HTML escaping (an event of '<'
// would take six bytes a '<'): the answer is application/json, never
// sniffed as HTML, and the page shows it as text.
func writeJSON(w http.ResponseWriter, v any) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Cache-Control", "no-store")
	w.Write(bytes.TrimSuffix(b.Bytes(), []byte("\n")))
}
