package demo

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/jivokit/jivokit/internal/cli/webhookcmd"
	"github.com/jivokit/jivokit/webhook"
)

// newWebhookHandler is the endpoint of `jivokit webhook listen`: it records
// every event and shows the agent what it received.
var newWebhookHandler = webhookcmd.NewHandler

// demoHeader must be on the page's own requests: a cross-site form cannot
// set it, so other sites cannot make the demo send webhooks.
const demoHeader = "X-Jivokit-Demo"

// sendResult is the answer of POST /demo/webhook/send.
type sendResult struct {
	OK     bool   `json:"ok"`
	Output string `json:"output"` // what `jivokit webhook send` printed
}

// serveSend posts a sample event to the demo's own webhook endpoint with
// `jivokit webhook send`, signed for the sample visitor, and answers what
// the command printed.
func (s *Server) serveSend(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get(demoHeader) == "" {
		http.Error(w, "missing "+demoHeader+" header", http.StatusForbidden)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, 4<<10)
	event := r.FormValue("event")
	if !slices.Contains(webhook.Names(), webhook.Name(event)) {
		http.Error(w, "unknown event "+strconv.Quote(event), http.StatusBadRequest)
		return
	}
	cfg, _ := s.widget.Config(sampleVisitor)
	args := []string{"send", event, "-url", s.self + s.webhookPath, "-timeout", "5s"}
	if cfg.UserToken != "" {
		args = append(args, "-set", "user_token="+cfg.UserToken)
	}
	var out bytes.Buffer
	ctx, cancel := context.WithTimeout(r.Context(), 10*time.Second)
	defer cancel()
	code := webhookcmd.Run(ctx, nil, &out, &out, args)
	writeJSON(w, sendResult{OK: code == 0, Output: out.String()})
}

// eventJSON is one received event, for the page's live log.
type eventJSON struct {
	Seq             uint64          `json:"seq"`
	Time            string          `json:"time"`
	Name            string          `json:"event_name"`
	VerifiedVisitor string          `json:"verified_visitor,omitempty"`
	Summary         string          `json:"summary"`
	Event           json.RawMessage `json:"event"`
}

// serveEvents answers the events received after ?since=SEQ, oldest first.
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	since, err := strconv.ParseUint(r.URL.Query().Get("since"), 10, 64)
	if err != nil && r.URL.Query().Has("since") {
		http.Error(w, "since must be a number", http.StatusBadRequest)
		return
	}
	out := []eventJSON{}
	for _, e := range s.events.Since(since) {
		out = append(out, eventJSON{Seq: e.Seq, Time: e.Time.Format(time.TimeOnly), Name: string(e.Name),
			VerifiedVisitor: e.VerifiedVisitor, Summary: e.Summary, Event: e.Event})
	}
	writeJSON(w, out)
}

func writeJSON(w http.ResponseWriter, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.Write(b)
}
