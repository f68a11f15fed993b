package webhook_test

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/jivokit/jivokit/jsapi"
	"github.com/jivokit/jivokit/webhook"
	"github.com/jivokit/jivokit/webhook/eventlog"
)

// addFixtures seeds f with every fixture and a few hand-made bodies.
func addFixtures(f *testing.F) {
	files := fixtureFiles()
	if len(files) == 0 {
		f.Fatal("no fixtures")
	}
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, s := range []string{``, `{}`, `null`, `[]`, `{"event_name":7}`, `{"event_name":"offline_messages","offline_message_id":1e999}`,
		`{"event_name":"chat_finished","chat":{"messages":[{"agent_id":{}}]}}`, `{"event_name":"chat_accepted","tags":["a",{"id":1}],"visitor":{"number":-0.5e3}}`,
		`{"event_name":"chat_accepted","chat_id":"\u0000\ud800"}`} {
		f.Add([]byte(s))
	}
}

func FuzzDecode(f *testing.F) {
	addFixtures(f)
	f.Fuzz(func(t *testing.T, body []byte) {
		ev, err := webhook.Decode(body)
		if err != nil {
			if !errors.Is(err, webhook.ErrMalformed) && !errors.Is(err, webhook.ErrNoEventName) {
				t.Fatalf("error without a sentinel: %v", err)
			}
			// The scanner refuses what encoding/json refuses, and no more.
			if errors.Is(err, webhook.ErrMalformed) && json.Valid(body) && !strings.Contains(err.Error(), "not an object") &&
				!strings.Contains(err.Error(), "event_name is a JSON") && !strings.Contains(err.Error(), "max depth") {
				t.Fatalf("valid JSON refused: %v\n%q", err, body)
			}
			return
		}
		if ev.Header().EventName == "" || !json.Valid(body) {
			t.Fatalf("decoded %q without a name or from invalid JSON", body)
		}
		eventlog.Summary(ev)
		// It encodes again as valid JSON, with the same name.
		out, err := json.Marshal(ev)
		if err != nil {
			t.Fatalf("encoding %q: %v", body, err)
		}
		again, err := webhook.Decode(out)
		if err != nil || again.Name() != ev.Name() {
			t.Fatalf("%q encodes as %q, which decodes to %v, %v", body, out, again, err)
		}
	})
}

// FuzzHandler posts any body to a handler whose functions reply with what
// they got, and checks that every answer is JSON with a known status.
func FuzzHandler(f *testing.F) {
	addFixtures(f)
	view := func(b *webhook.Base) *webhook.AgentView {
		return &webhook.AgentView{
			CustomData:  []jsapi.CustomField{{Title: b.Visitor.Name, Content: b.Visitor.Description, Link: b.Page.URL}},
			ContactInfo: &jsapi.ContactInfo{Name: b.Visitor.Name, Email: b.Visitor.Email},
			CRMLink:     b.Page.URL,
			Page:        &b.Page,
		}
	}
	h, err := webhook.New(webhook.Funcs{
		ChatAccepted: func(_ context.Context, e *webhook.ChatAccepted) (*webhook.AgentView, error) {
			return view(&e.Base), nil
		},
		ChatUpdated: func(_ context.Context, e *webhook.ChatUpdated) (*webhook.AgentView, error) {
			return view(&e.Base), errors.New(e.Visitor.Name)
		},
	}, webhook.WithSafeHosts("example.com"), webhook.WithMaxBodySize(4096), webhook.WithLogger(slog.New(slog.DiscardHandler)))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		r := httptest.NewRequest("POST", "/", strings.NewReader(string(body)))
		r.Header.Set("Content-Type", "application/json")
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		var rep webhook.Reply
		if err := json.Unmarshal(w.Body.Bytes(), &rep); err != nil {
			t.Fatalf("reply is not JSON: %v\n%s", err, w.Body.Bytes())
		}
		switch w.Code {
		case 200:
			for _, f := range rep.CustomData {
				if f.Link != "" && jsapi.LinkHost(f.Link) != "example.com" && !strings.HasSuffix(jsapi.LinkHost(f.Link), ".example.com") {
					t.Fatalf("unsafe link sent: %q", f.Link)
				}
			}
		case 400, 413:
			if rep.Result != rep.Error || rep.Error == "" || rep.OK() {
				t.Fatalf("%d without an error: %s", w.Code, w.Body.Bytes())
			}
		default:
			t.Fatalf("status %d: %s", w.Code, w.Body.Bytes())
		}
	})
}
