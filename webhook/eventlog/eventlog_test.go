package eventlog_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/jivokit/jivokit/internal/lib/testtool"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/jivokit/jivokit/usertoken/usertokentest"
	"github.com/jivokit/jivokit/webhook"
	"github.com/jivokit/jivokit/webhook/eventlog"
	"github.com/jivokit/jivokit/webhook/samples"
	"github.com/jivokit/jivokit/webhook/webhooktest"
)

func TestEventLogRecordsBeforeTheFunction(t *testing.T) {
	var out bytes.Buffer
	var print testtool.Buffer
	log := &eventlog.Log{Out: &out, Print: &print, Keep: 3}
	signer := usertokentest.Signer(t)
	var seenAtCall uint64
	h := newHandler(t, log.Funcs(webhook.Funcs{
		ChatAccepted: func(context.Context, *webhook.ChatAccepted) (*webhook.AgentView, error) {
			seenAtCall = log.Len()
			return nil, nil
		},
	}), webhook.WithSigner(signer))

	ev := webhooktest.Event[*webhook.ChatAccepted](t)
	ev.UserToken = usertokentest.Mint(t, signer, "customer-42")
	webhooktest.Post(t, h, ev)
	if seenAtCall != 1 {
		t.Fatalf("the function ran before the event was logged (len %d)", seenAtCall)
	}
	for _, name := range samples.Names() {
		webhooktest.Post(t, h, webhooktest.Payload(t, name))
	}
	webhooktest.Post(t, h, `{"event_name":"chat_transferred","chat_id":1}`)

	flush(t, log)
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != 10 {
		t.Fatalf("%d lines logged, want 10:\n%s", len(lines), out.String())
	}
	var first struct {
		Seq             uint64          `json:"seq"`
		Name            string          `json:"event_name"`
		VerifiedVisitor string          `json:"verified_visitor"`
		Event           json.RawMessage `json:"event"`
	}
	if err := json.Unmarshal([]byte(lines[0]), &first); err != nil {
		t.Fatal(err)
	}
	if first.Seq != 1 || first.Name != "chat_accepted" || first.VerifiedVisitor != "customer-42" || !bytes.Contains(first.Event, []byte(`"chat_id":3537`)) {
		t.Fatalf("first line %s", lines[0])
	}
	if !strings.Contains(lines[9], `"event_name":"chat_transferred"`) {
		t.Fatalf("unknown event not logged: %s", lines[9])
	}
	if !strings.HasPrefix(print.String(), `#1 `) || !strings.Contains(print.String(), ` chat_accepted chat 3537 · John Smith <email@example.com> +14084987855 visitor #2846 · verified visitor "customer-42" · agent Thomas Anderson #2224 · http://example.com/`) {
		t.Fatalf("readable output:\n%s", print.String())
	}

	if got := recentSummary(log); strings.HasPrefix(got, "chat_transferred") || !strings.HasPrefix(got, "chat 1") {
		t.Errorf("Entry.Summary repeats the name or lacks the chat: %q", got)
	}

	recent := log.Recent()
	if len(recent) != 3 || recent[0].Seq != 8 || recent[2].Seq != 10 {
		t.Fatalf("Recent = %d entries from %d", len(recent), recent[0].Seq)
	}
	if since := log.Since(9); len(since) != 1 || since[0].Seq != 10 {
		t.Fatalf("Since(9) = %v", since)
	}
	if since := log.Since(10); len(since) != 0 {
		t.Fatalf("Since(10) = %v", since)
	}
	if since := log.Since(math.MaxUint64); len(since) != 0 {
		t.Fatalf("Since(MaxUint64) = %d entries, want none", len(since))
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestEventLogWriteFailureIsTheReply(t *testing.T) {
	called := false
	log := &eventlog.Log{Out: failingWriter{}}
	h := newHandler(t, log.Funcs(webhook.Funcs{
		ChatFinished: func(context.Context, *webhook.ChatFinished) error { called = true; return nil },
	}))
	rep := webhooktest.Post(t, h, webhooktest.Payload(t, webhook.NameChatFinished))
	if rep.OK() || !strings.Contains(rep.Result, "disk full") || called {
		t.Fatalf("reply %s, function called %v", rep.Body, called)
	}
}

func TestSummary(t *testing.T) {
	tests := []struct {
		name webhook.Name
		want string
	}{
		{webhook.NameCallEvent, "call_event chat 2302 · John Smith <email@example.com> +14084987855 visitor #2846 · call callback end +14084987855 · agent Thomas Anderson #2224 · http://example.com/"},
		{webhook.NameChatFinished, "chat_finished chat 7676 · John Smith <email@example.com> +14084987855 visitor #2846 · agent Thomas Anderson #2224 · 1 message · http://example.com/"},
		{webhook.NameOfflineMessage, `offline_message · John Smith <email@example.com> +14084987855 visitor #2846 · message "Message text" · http://example.com/`},
		{webhook.NameClientUpdated, `client_updated · John Smith <email@example.com> +14084987855 visitor #1217 · user_token "customer-42" (unverified)`},
	}
	for _, tt := range tests {
		ev, _ := webhook.Decode(webhooktest.Payload(t, tt.name))
		if got := eventlog.Summary(ev); got != tt.want {
			t.Errorf("Summary(%s)\n got %s\nwant %s", tt.name, got, tt.want)
		}
	}
	ev, _ := webhook.Decode([]byte("{\"event_name\":\"chat_updated\",\"visitor\":{\"name\":\"Ann\\nFake: line\\u2028\"}}"))
	if got := eventlog.Summary(ev); strings.ContainsAny(got, "\n\u2028") {
		t.Errorf("summary spans lines: %q", got)
	}
}

func recentSummary(log *eventlog.Log) string {
	r := log.Recent()
	return r[len(r)-1].Summary
}

func flush(t *testing.T, log *eventlog.Log) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := log.Flush(ctx); err != nil {
		t.Fatalf("Flush: %v", err)
	}
}

// blockedWriter blocks every Write until released, as a pipe nobody reads.
type blockedWriter struct {
	release chan struct{}
	out     testtool.Buffer
}

func (b *blockedWriter) Write(p []byte) (int, error) {
	<-b.release
	return b.out.Write(p)
}

// postAll posts n events and fails the test unless all are answered ok
// within 20 s.
func postAll(t *testing.T, h http.Handler, n int) {
	t.Helper()
	done := make(chan string, 1)
	go func() {
		payload := webhooktest.Payload(t, webhook.NameChatFinished)
		for i := range n {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, webhooktest.NewRequest(t, "/", payload))
			if rec.Code != 200 || !strings.Contains(rec.Body.String(), `"result":"ok"`) {
				done <- fmt.Sprintf("event %d: %d %s", i, rec.Code, rec.Body)
				return
			}
		}
		done <- ""
	}()
	select {
	case msg := <-done:
		if msg != "" {
			t.Fatal(msg)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("events stopped being answered: the readable output holds up the replies")
	}
}

func TestEventLogAnUnreadPrintHoldsUpNothing(t *testing.T) {
	var out testtool.Buffer
	print := &blockedWriter{release: make(chan struct{})}
	log := &eventlog.Log{Out: &out, Print: print}
	h := newHandler(t, log.Funcs(webhook.Funcs{}))
	// Enough events to overflow the view's buffer several times.
	n := 2 * eventlog.ViewBuffer / 150
	postAll(t, h, n)
	if got := strings.Count(out.String(), "\n"); got != n {
		t.Fatalf("%d events in the log, want %d", got, n)
	}
	if log.Len() != uint64(n) || log.Dropped() == 0 {
		t.Fatalf("Len %d, Dropped %d", log.Len(), log.Dropped())
	}

	// Once the output is read again, the next line comes after a note of
	// what is missing.
	close(print.release)
	flush(t, log)
	postAll(t, h, 1)
	flush(t, log)
	shown := print.out.String()
	printed := strings.Count(shown, "\n#") + 1
	if uint64(printed)+log.Dropped() != uint64(n+1) {
		t.Fatalf("%d lines printed + %d dropped != %d events", printed, log.Dropped(), n+1)
	}
	note := regexp.MustCompile(`\n\((\d+) events not shown here: the output was not read in time; the event log has them\)\n#`).FindStringSubmatch(shown)
	if note == nil || note[1] != strconv.FormatUint(log.Dropped(), 10) {
		t.Fatalf("no note of the %d dropped lines before the next one printed:\n...%s", log.Dropped(), shown[max(0, len(shown)-500):])
	}
}

type brokenPipe struct{ writes atomic.Int32 }

func (b *brokenPipe) Write([]byte) (int, error) {
	b.writes.Add(1)
	return 0, syscall.EPIPE
}

func TestEventLogAClosedPrintLosesNothing(t *testing.T) {
	var out testtool.Buffer
	print := &brokenPipe{}
	log := &eventlog.Log{Out: &out, Print: print}
	h := newHandler(t, log.Funcs(webhook.Funcs{}))
	postAll(t, h, 50)
	flush(t, log)
	if got := strings.Count(out.String(), "\n"); got != 50 {
		t.Fatalf("%d events in the log, want 50", got)
	}
	if log.Dropped() != 50 || print.writes.Load() != 1 {
		t.Fatalf("Dropped %d, %d writes to the broken pipe; want 50 and 1", log.Dropped(), print.writes.Load())
	}
}

func TestEventLogSync(t *testing.T) {
	f, err := os.Create(filepath.Join(t.TempDir(), "events.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	log := &eventlog.Log{Out: f, Sync: true}
	h := newHandler(t, log.Funcs(webhook.Funcs{}))
	if rep := webhooktest.Post(t, h, webhooktest.Payload(t, webhook.NameChatFinished)); !rep.OK() {
		t.Fatalf("reply %s", rep.Body)
	}
	if data, _ := os.ReadFile(f.Name()); strings.Count(string(data), "\n") != 1 {
		t.Fatalf("log %q", data)
	}

	// A writer that cannot sync is an error, not a silent promise.
	log = &eventlog.Log{Out: &bytes.Buffer{}, Sync: true}
	h = newHandler(t, log.Funcs(webhook.Funcs{}))
	if rep := webhooktest.Post(t, h, webhooktest.Payload(t, webhook.NameChatFinished)); rep.OK() || !strings.Contains(rep.Result, "no Sync method") {
		t.Fatalf("reply %s", rep.Body)
	}
}

func TestEventLogRecordsEventsMadeInCode(t *testing.T) {
	var out bytes.Buffer
	log := &eventlog.Log{Out: &out}
	if _, err := log.Record(&webhook.ChatFinished{Base: webhook.Base{ChatID: "5"}}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), `"event":{"event_name":"chat_finished","chat_id":"5"`) {
		t.Fatalf("logged %s", out.String())
	}
}

// syncRecorder is an Out whose Sync remembers how much was written when
// it was called.
type syncRecorder struct {
	mu     sync.Mutex
	buf    bytes.Buffer
	synced int
	syncs  int
}

func (s *syncRecorder) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.Write(p)
}

func (s *syncRecorder) Sync() error {
	s.mu.Lock()
	n := s.buf.Len()
	s.mu.Unlock()
	time.Sleep(time.Millisecond) // a disk flush
	s.mu.Lock()
	s.synced, s.syncs = n, s.syncs+1
	s.mu.Unlock()
	return nil
}

// onDisk reports whether the line of event seq was written before the
// last Sync.
func (s *syncRecorder) onDisk(seq uint64) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return bytes.Contains(s.buf.Bytes()[:s.synced], []byte(fmt.Sprintf(`{"seq":%d,`, seq)))
}

func TestEventLogSyncBeforeReturning(t *testing.T) {
	out := &syncRecorder{}
	log := &eventlog.Log{Out: out, Sync: true}
	ev, _ := webhook.Decode(webhooktest.Payload(t, webhook.NameChatFinished))
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 20 {
				e, err := log.Record(ev)
				if err != nil {
					t.Error(err)
					return
				}
				if !out.onDisk(e.Seq) {
					t.Errorf("Record of event %d returned before its line was synced", e.Seq)
				}
			}
		})
	}
	wg.Wait()
	if out.syncs == 0 || out.syncs > 160 {
		t.Fatalf("%d syncs for 160 events", out.syncs)
	}
	t.Logf("%d syncs for 160 events recorded by 8 senders", out.syncs)
}

// failOnceSync is an Out whose first Sync fails and later ones succeed, as
// fsync can after the kernel dropped the pages it could not write.
type failOnceSync struct {
	bytes.Buffer
	calls int
}

func (f *failOnceSync) Sync() error {
	f.calls++
	if f.calls == 1 {
		return errors.New("input/output error")
	}
	return nil
}

// TestEventLogSyncFailureSticks: once a Sync failed, every later event
// fails too, since a Sync that succeeds after a failed one says nothing of
// the lines written before it.
func TestEventLogSyncFailureSticks(t *testing.T) {
	out := &failOnceSync{}
	log := &eventlog.Log{Out: out, Sync: true}
	ev, _ := webhook.Decode(webhooktest.Payload(t, webhook.NameChatFinished))
	for i := range 3 {
		if _, err := log.Record(ev); err == nil || !strings.Contains(err.Error(), "input/output error") {
			t.Fatalf("event %d: %v, want the failed Sync's error", i+1, err)
		}
	}
}
