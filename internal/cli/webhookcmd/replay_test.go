package webhookcmd_test

import (
	"context"
	"errors"
	"log/slog"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jivokit/jivokit/webhook"
	"github.com/jivokit/jivokit/webhook/eventlog"
	"github.com/jivokit/jivokit/webhook/samples"
)

// TestSendEveryCRMEventToListen: every CRM sample goes through send to
// listen, is answered {"result":"ok"}, and is logged.
func TestSendEveryCRMEventToListen(t *testing.T) {
	logFile := filepath.Join(t.TempDir(), "events.jsonl")
	url, out := startListen(t, "-log", logFile)
	for _, name := range samples.CRMNames() {
		code, stdout, stderr := run("send", string(name), "-url", url)
		if code != 0 || !strings.Contains(stdout, `"result": "ok"`) || !strings.HasSuffix(stdout, "reply ok\n") {
			t.Errorf("send %s: exit %d\n%s\n%s", name, code, stdout, stderr)
		}
	}
	data, _ := os.ReadFile(logFile)
	if n := strings.Count(string(data), "\n"); n != len(samples.CRMNames()) {
		t.Fatalf("%d lines logged, want %d", n, len(samples.CRMNames()))
	}
	waitFor(t, func() bool { return strings.Contains(out.String(), "created_deal · deal #1042 Website redesign") }, out.String)
}

func waitFor(t *testing.T, ok func() bool, show func() string) {
	t.Helper()
	for start := time.Now(); !ok(); time.Sleep(5 * time.Millisecond) {
		if time.Since(start) > 5*time.Second {
			t.Fatalf("not seen:\n%s", show())
		}
	}
}

// TestReplay logs events at a first endpoint whose chat_finished function
// fails, then replays the log into a second listener with each filter.
func TestReplay(t *testing.T) {
	dir := t.TempDir()
	logA := filepath.Join(dir, "a.jsonl")
	f, err := os.Create(logA)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	elog := &eventlog.Log{Out: f}
	failing := webhook.Funcs{ChatFinished: func(context.Context, *webhook.ChatFinished) error { return errors.New("archive is down") }}
	h, _ := webhook.New(elog.Funcs(failing), webhook.WithMaxBodySize(16<<10), webhook.WithOversize(elog.RecordOversize),
		webhook.WithLogger(slog.New(slog.DiscardHandler)))
	srvA := httptest.NewServer(h)
	defer srvA.Close()

	send := func(args ...string) {
		t.Helper()
		run(append([]string{"send"}, args...)...)
	}
	send("chat_accepted", "-url", srvA.URL, "-set", "chat_id=1") // seq 1
	send("chat_finished", "-url", srvA.URL, "-set", "chat_id=1") // seq 2, fails
	time.Sleep(20 * time.Millisecond)
	between := time.Now()
	time.Sleep(20 * time.Millisecond)
	send("chat_finished", "-url", srvA.URL, "-set", "chat_id=2")                                             // seq 3, fails
	send("created_deal", "-url", srvA.URL)                                                                   // seq 4
	send("offline_message", "-url", srvA.URL, "-set", "chat_id=3")                                           // seq 5
	send("chat_finished", "-url", srvA.URL, "-set", "chat_id=9", "-set", "pad="+strings.Repeat("x", 20<<10)) // over the limit
	if elog.Len() != 5 {
		t.Fatalf("%d events logged at the first endpoint", elog.Len())
	}

	logB := filepath.Join(dir, "b.jsonl")
	urlB, _ := startListen(t, "-log", logB)
	linesB := func() int {
		data, _ := os.ReadFile(logB)
		return strings.Count(string(data), "\n")
	}
	tests := []struct {
		name  string
		args  []string
		seqs  []string
		notes []string
	}{
		{"all", nil, []string{"#1 chat_accepted chat 1", "#2 chat_finished chat 1", "#3", "#4 created_deal", "#5 offline_message chat 3"}, []string{"not sent: chat_finished chat 9"}},
		{"-event", []string{"-event", "chat_finished"}, []string{"#2 chat_finished chat 1", "#3 chat_finished chat 2"}, nil},
		{"-event offline_messages", []string{"-event", "offline_messages"}, []string{"#5 offline_message"}, nil},
		{"-chat", []string{"-chat", "1"}, []string{"#1 chat_accepted chat 1", "#2 chat_finished chat 1"}, nil},
		{"-since N", []string{"-since", "4"}, []string{"#4 created_deal", "#5 offline_message"}, nil},
		{"-since TIME", []string{"-since", between.Format(time.RFC3339Nano)}, []string{"#3 chat_finished chat 2", "#4", "#5"}, nil},
		{"-since DURATION", []string{"-since", "1h"}, []string{"#1", "#2", "#3", "#4", "#5"}, nil},
		{"-failed", []string{"-failed"}, []string{"#2 chat_finished chat 1 (failed: archive is down)", "#3 chat_finished chat 2 (failed: archive is down)"}, nil},
		{"-failed -chat", []string{"-failed", "-chat", "2"}, []string{"#3 chat_finished chat 2"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := linesB()
			code, out, errOut := run(append([]string{"replay", "-log", logA, "-url", urlB, "-rate", "0"}, tt.args...)...)
			if code != 0 {
				t.Fatalf("exit %d\n%s\n%s", code, out, errOut)
			}
			lines := strings.Split(strings.TrimSpace(out), "\n")
			var sent []string
			for _, l := range lines {
				if strings.HasPrefix(l, "#") {
					sent = append(sent, l)
					if !strings.Contains(l, `→ 200 {"result":"ok"}`) && !strings.Contains(l, "→ 200 {") {
						t.Errorf("reply line %q", l)
					}
				}
			}
			if len(sent) != len(tt.seqs) {
				t.Fatalf("sent %d events, want %d:\n%s", len(sent), len(tt.seqs), out)
			}
			for i, want := range tt.seqs {
				if !strings.HasPrefix(sent[i], want) {
					t.Errorf("line %d = %q, want it to start %q", i, sent[i], want)
				}
			}
			for _, note := range tt.notes {
				if !strings.Contains(out, note) {
					t.Errorf("output lacks %q:\n%s", note, out)
				}
			}
			if got := linesB() - before; got != len(tt.seqs) {
				t.Errorf("the second listener logged %d events, want %d", got, len(tt.seqs))
			}
		})
	}

	t.Run("bodies as received", func(t *testing.T) {
		a, _ := os.ReadFile(logA)
		b, _ := os.ReadFile(logB)
		for _, want := range []string{`"event_type":"crm_deal","event_name":"created_deal"`, `"chat_id":2,`} {
			if !strings.Contains(string(a), want) || !strings.Contains(string(b), want) {
				t.Errorf("%s not in both logs", want)
			}
		}
	})

	t.Run("-rate", func(t *testing.T) {
		start := time.Now()
		code, out, _ := run("replay", "-log", logA, "-url", urlB, "-rate", "20")
		if took := time.Since(start); code != 0 || took < 190*time.Millisecond {
			t.Fatalf("5 events at 20/s took %v (exit %d)\n%s", took, code, out)
		}
	})

	t.Run("a failed reply exits 1", func(t *testing.T) {
		code, out, _ := run("replay", "-log", logA, "-url", srvA.URL, "-failed", "-rate", "0")
		if code != 1 || strings.Count(out, `"result":"archive is down"} FAILED`) != 2 || !strings.Contains(out, "2 replies failed") {
			t.Fatalf("exit %d\n%s", code, out)
		}
		code, out, _ = run("replay", "-log", logA, "-url", "http://127.0.0.1:1/", "-event", "created_deal")
		if code != 1 || !strings.Contains(out, "#4 created_deal →") {
			t.Fatalf("an endpoint that is down: exit %d\n%s", code, out)
		}
	})

	t.Run("a log that is not a log", func(t *testing.T) {
		bad := filepath.Join(dir, "bad.jsonl")
		os.WriteFile(bad, []byte("{\"seq\":1}\nnot json\n"), 0o644)
		code, _, errOut := run("replay", "-log", bad, "-url", urlB)
		if code != 1 || !strings.Contains(errOut, "line 2") {
			t.Fatalf("exit %d: %s", code, errOut)
		}
	})
}

// TestReplayIntoItsOwnLog: an endpoint that logs to the file being
// replayed appends to it as replay reads; replay sends only the events the
// log held when it started, and stops.
func TestReplayIntoItsOwnLog(t *testing.T) {
	logFile := filepath.Join(t.TempDir(), "events.jsonl")
	f, err := os.Create(logFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	elog := &eventlog.Log{Out: f}
	h, _ := webhook.New(elog.Funcs(webhook.Funcs{}), webhook.WithLogger(slog.New(slog.DiscardHandler)))
	srv := httptest.NewServer(h)
	defer srv.Close()
	for _, chat := range []string{"1", "2", "3"} {
		run("send", "chat_finished", "-url", srv.URL, "-set", "chat_id="+chat)
	}
	done := make(chan struct{})
	var code int
	var stdout, stderr string
	go func() {
		defer close(done)
		code, stdout, stderr = run("replay", "-log", logFile, "-url", srv.URL, "-rate", "0")
	}()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatalf("replay into its own log has not stopped; %d events logged", elog.Len())
	}
	if code != 0 || strings.Count(stdout, "→ 200") != 3 {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
	}
	if n := elog.Len(); n != 6 {
		t.Fatalf("%d events logged, want the 3 sent and the 3 replayed", n)
	}
}
