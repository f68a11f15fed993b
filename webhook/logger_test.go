package webhook_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jivokit/jivokit/webhook"
	"github.com/jivokit/jivokit/webhook/webhooktest"
)

// logBuffer is a JSON slog destination safe for concurrent use.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

// records returns the JSON records written so far.
func (l *logBuffer) records(t *testing.T) []map[string]any {
	t.Helper()
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(l.buf.String()), "\n") {
		if line == "" {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("log line is not JSON: %s", line)
		}
		out = append(out, m)
	}
	l.buf.Reset()
	return out
}

func TestWithLogger(t *testing.T) {
	var logs logBuffer
	logger := slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	h, err := webhook.New(webhook.Funcs{
		ChatFinished: func(context.Context, *webhook.ChatFinished) error { return errors.New("archive down") },
		OfflineMessage: func(context.Context, *webhook.OfflineMessage) error {
			time.Sleep(30 * time.Millisecond)
			return nil
		},
		ClientUpdated: func(context.Context, *webhook.ClientUpdated) error { panic("boom") },
	}, webhook.WithLogger(logger), webhook.WithPath("/hook"), webhook.WithSlowThreshold(20*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	post := func(path, body string) {
		r := httptest.NewRequest(http.MethodPost, path, strings.NewReader(body))
		r.RemoteAddr = "203.0.113.7:4711"
		h.ServeHTTP(httptest.NewRecorder(), r)
	}
	tests := []struct {
		name, path, body string
		want             map[string]any
	}{
		{"ok", "/hook", `{"event_name":"chat_accepted","chat_id":1}`, nil},
		{"wrong path", "/other", `{}`, map[string]any{"level": "INFO", "msg": "webhook: request refused", "status": 404.0, "err": "webhook: not found"}},
		{"no event_name", "/hook", `{}`, map[string]any{"level": "WARN", "msg": "webhook: request refused", "status": 400.0, "err": "webhook: no event_name"}},
		{"function error", "/hook", `{"event_name":"chat_finished","chat_id":7676}`,
			map[string]any{"level": "WARN", "msg": "webhook: function failed", "event": "chat_finished", "chat_id": "7676", "err": "webhook: chat_finished: archive down"}},
		{"field not read", "/hook", `{"event_name":"chat_accepted","visitor":{"chats_count":"x"}}`,
			map[string]any{"level": "WARN", "msg": "webhook: field not read", "event": "chat_accepted"}},
		{"slow", "/hook", `{"event_name":"offline_message","chat_id":3}`,
			map[string]any{"level": "WARN", "msg": "webhook: slow function", "event": "offline_message", "chat_id": "3"}},
		{"panic", "/hook", `{"event_name":"client_updated"}`, map[string]any{"level": "ERROR", "msg": "webhook: function panicked", "event": "client_updated"}},
	}
	for _, tt := range tests {
		post(tt.path, tt.body)
		recs := logs.records(t)
		if tt.want == nil {
			if len(recs) != 0 {
				t.Errorf("%s: logged %v", tt.name, recs)
			}
			continue
		}
		if len(recs) != 1 {
			t.Fatalf("%s: %d records: %v", tt.name, len(recs), recs)
		}
		rec := recs[0]
		if rec["remote"] != "203.0.113.7:4711" {
			t.Errorf("%s: remote %v", tt.name, rec["remote"])
		}
		for k, v := range tt.want {
			if rec[k] != v {
				t.Errorf("%s: %s = %v, want %v (%v)", tt.name, k, rec[k], v, rec)
			}
		}
		if tt.name == "slow" && rec["took"] == nil {
			t.Errorf("slow: no duration: %v", rec)
		}
		if tt.name == "panic" && !strings.Contains(rec["err"].(string), "boom") {
			t.Errorf("panic: err %v", rec["err"])
		}
	}
}

// TestLoggerAndErrorHandler: the error handler gets the errors the logger logs;
// a discarding logger leaves only the func.
func TestLoggerAndErrorHandler(t *testing.T) {
	var logs logBuffer
	var got []error
	h, _ := webhook.New(webhook.Funcs{}, webhook.WithLogger(slog.New(slog.NewJSONHandler(&logs, nil))),
		webhook.WithErrorHandler(func(_ context.Context, err error) { got = append(got, err) }))
	webhooktest.Post(t, h, `{}`)
	if len(got) != 1 || !errors.Is(got[0], webhook.ErrNoEventName) || len(logs.records(t)) != 1 {
		t.Fatalf("error handler got %v", got)
	}
	if _, err := webhook.New(webhook.Funcs{}, webhook.WithLogger(nil)); err == nil || !strings.Contains(err.Error(), "DiscardHandler") {
		t.Fatalf("WithLogger(nil): %v", err)
	}
	if _, err := webhook.New(webhook.Funcs{}, webhook.WithSlowThreshold(-1)); err == nil {
		t.Fatal("negative slow threshold accepted")
	}
}

// TestLoggerDefaultIsSlogDefault: without WithLogger, slog.Default() at
// the time of logging is used.
func TestLoggerDefaultIsSlogDefault(t *testing.T) {
	var logs logBuffer
	old := slog.Default()
	defer slog.SetDefault(old)
	h, _ := webhook.New(webhook.Funcs{})
	slog.SetDefault(slog.New(slog.NewJSONHandler(&logs, nil)))
	webhooktest.Post(t, h, `[]`)
	recs := logs.records(t)
	if len(recs) != 1 || recs[0]["msg"] != "webhook: request refused" {
		t.Fatalf("records %v", recs)
	}
}
