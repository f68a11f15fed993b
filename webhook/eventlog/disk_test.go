package eventlog_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"

	"github.com/jivokit/jivokit/webhook"
	"github.com/jivokit/jivokit/webhook/eventlog"
	"github.com/jivokit/jivokit/webhook/webhooktest"
)

// fullDisk is a log file whose writes, while full is set, write half of
// the line and fail with ENOSPC, as a disk that fills up mid-line does.
type fullDisk struct {
	*os.File
	full atomic.Bool
}

func (d *fullDisk) Write(p []byte) (int, error) {
	if d.full.Load() {
		n, _ := d.File.Write(p[:len(p)/2])
		return n, &os.PathError{Op: "write", Path: d.Name(), Err: syscall.ENOSPC}
	}
	return d.File.Write(p)
}

// halfWriter is the same for a writer that cannot be cut back.
type halfWriter struct {
	bytes.Buffer
	full bool
}

func (w *halfWriter) Write(p []byte) (int, error) {
	if w.full {
		n, _ := w.Buffer.Write(p[:len(p)/2])
		return n, syscall.ENOSPC
	}
	return w.Buffer.Write(p)
}

// seqs returns the seq of each line of data, failing on a line that is not
// a whole entry.
func seqs(t *testing.T, data string) []uint64 {
	t.Helper()
	var out []uint64
	for _, line := range strings.SplitAfter(data, "\n") {
		if line == "" {
			continue
		}
		var e struct {
			Seq   *uint64         `json:"seq"`
			Event json.RawMessage `json:"event"`
		}
		if !strings.HasSuffix(line, "\n") || json.Unmarshal([]byte(line), &e) != nil || e.Seq == nil || e.Event == nil {
			t.Fatalf("not a whole entry: %.300q", line)
		}
		out = append(out, *e.Seq)
	}
	return out
}

func TestEventLogFullDisk(t *testing.T) {
	for _, sync := range []bool{false, true} {
		name := "write"
		if sync {
			name = "write+sync"
		}
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "events.jsonl")
			f, err := os.Create(path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			disk := &fullDisk{File: f}
			log := &eventlog.Log{Out: disk, Sync: sync}
			called := 0
			h := newHandler(t, log.Funcs(webhook.Funcs{
				ChatFinished: func(context.Context, *webhook.ChatFinished) error { called++; return nil },
			}))
			payload := webhooktest.Payload(t, webhook.NameChatFinished)
			post := func(wantStatus int) {
				t.Helper()
				rep := webhooktest.Post(t, h, payload)
				if rep.Status != wantStatus {
					t.Fatalf("status %d, want %d: %s", rep.Status, wantStatus, rep.Body)
				}
				if wantStatus != 200 && !strings.Contains(rep.Result, "no space left on device") {
					t.Fatalf("result %q", rep.Result)
				}
			}
			post(200)
			disk.full.Store(true)
			post(http.StatusServiceUnavailable)
			post(http.StatusServiceUnavailable)
			if called != 1 {
				t.Fatalf("the function ran %d times, want once: only for the recorded event", called)
			}
			disk.full.Store(false)
			post(200)
			post(200)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if got := seqs(t, string(data)); len(got) != 3 || got[0] != 1 || got[1] != 4 || got[2] != 5 {
				t.Fatalf("seqs %v in the log, want [1 4 5]", got)
			}
		})
	}
	t.Run("a writer that cannot be cut back", func(t *testing.T) {
		w := &halfWriter{}
		log := &eventlog.Log{Out: w}
		ev := webhooktest.Event[*webhook.ChatFinished](t)
		log.Record(ev)
		w.full = true
		if _, err := log.Record(ev); !errors.Is(err, eventlog.ErrNotRecorded) || !errors.Is(err, syscall.ENOSPC) {
			t.Fatalf("Record = %v", err)
		}
		w.full = false
		if _, err := log.Record(ev); err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(w.String(), "\n")
		if len(lines) != 4 || lines[3] != "" {
			t.Fatalf("%d lines: %q", len(lines), w.String())
		}
		seqs(t, lines[0]+"\n"+lines[2]+"\n") // whole, each on its own line
	})
}

func TestOpenContinuesSeq(t *testing.T) {
	path := filepath.Join(t.TempDir(), "events.jsonl")
	ev := webhooktest.Event[*webhook.ChatFinished](t)
	run := func(events int) *eventlog.Log {
		t.Helper()
		f, last, err := eventlog.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		log := &eventlog.Log{Out: f, Start: last, Keep: 2}
		for range events {
			if _, err := log.Record(ev); err != nil {
				t.Fatal(err)
			}
		}
		return log
	}
	run(3)
	log := run(3)
	data, _ := os.ReadFile(path)
	if got := seqs(t, string(data)); len(got) != 6 || got[3] != 4 || got[5] != 6 {
		t.Fatalf("seqs %v across a restart, want 1 to 6", got)
	}
	if log.Len() != 3 {
		t.Fatalf("Len = %d, want the 3 events of this run", log.Len())
	}
	var kept []uint64
	for _, e := range log.Recent() {
		kept = append(kept, e.Seq)
	}
	if len(kept) != 2 || kept[0] != 5 || kept[1] != 6 {
		t.Fatalf("kept %v, want [5 6]", kept)
	}
	if s := log.Since(5); len(s) != 1 || s[0].Seq != 6 {
		t.Fatalf("Since(5) = %v", s)
	}
	if s := log.Since(6); len(s) != 0 {
		t.Fatalf("Since(6) = %v", s)
	}

	t.Run("a part line at the end", func(t *testing.T) {
		f, _ := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
		f.WriteString(`{"seq":7,"time":"2026-01-0`)
		f.Close()
		run(1)
		data, _ := os.ReadFile(path)
		if got := seqs(t, string(data)); len(got) != 7 || got[6] != 7 {
			t.Fatalf("seqs %v, want 1 to 7", got)
		}
	})
	t.Run("a new file", func(t *testing.T) {
		f, last, err := eventlog.Open(filepath.Join(t.TempDir(), "new.jsonl"))
		if err != nil || last != 0 {
			t.Fatalf("Open = %d, %v", last, err)
		}
		f.Close()
	})
	t.Run("a long last line", func(t *testing.T) {
		p := filepath.Join(t.TempDir(), "long.jsonl")
		long := `{"seq":41,"event":{"x":"` + strings.Repeat("a", 300<<10) + `"}}` + "\n"
		os.WriteFile(p, []byte(`{"seq":40,"event":{}}`+"\n"+long+"\n"), 0o644)
		f, last, err := eventlog.Open(p)
		if err != nil || last != 41 {
			t.Fatalf("Open = %d, %v", last, err)
		}
		f.Close()
	})
}

// TestEventLogFullDiskMarks checks that a failure or over-limit line that
// the disk cuts short leaves nothing that the next line joins onto.
func TestEventLogFullDiskMarks(t *testing.T) {
	ev := webhooktest.Event[*webhook.ChatFinished](t)
	check := func(t *testing.T, data string) {
		t.Helper()
		for i, line := range strings.SplitAfter(data, "\n") {
			if line == "" {
				continue
			}
			if !strings.HasSuffix(line, "\n") || !json.Valid([]byte(line)) {
				t.Fatalf("line %d is not whole JSON: %.300q", i+1, line)
			}
		}
		if got := seqs(t, eventLines(data)); len(got) != 2 || got[0] != 1 || got[1] != 2 {
			t.Fatalf("seqs %v, want [1 2]", got)
		}
	}
	marks := func(t *testing.T, log *eventlog.Log, full func(bool)) {
		t.Helper()
		fails := log.Funcs(webhook.Funcs{ChatFinished: func(context.Context, *webhook.ChatFinished) error {
			full(true) // the failure line meets a full disk
			return errors.New("crm is down")
		}}).ChatFinished
		if err := fails(context.Background(), ev); err == nil {
			t.Fatal("the function's error is lost")
		}
		log.RecordOversize(context.Background(), webhook.Oversize{EventName: "chat_finished", Size: 9 << 20, Limit: 8 << 20})
		full(false)
		if _, err := log.Record(ev); err != nil {
			t.Fatal(err)
		}
	}
	t.Run("a file", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "events.jsonl")
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		disk := &fullDisk{File: f}
		marks(t, &eventlog.Log{Out: disk}, disk.full.Store)
		data, _ := os.ReadFile(path)
		check(t, string(data))
		if n := strings.Count(string(data), "\n"); n != 2 {
			t.Fatalf("%d lines, want the 2 events' (the part marks cut back): %q", n, data)
		}
	})
	t.Run("a writer that cannot be cut back", func(t *testing.T) {
		w := &halfWriter{}
		marks(t, &eventlog.Log{Out: w}, func(b bool) { w.full = b })
		check(t, strings.ReplaceAll(keepJSON(w.String()), "\n\n", "\n"))
		// The part lines stay, but each on a line of its own.
		for _, line := range strings.Split(w.String(), "\n") {
			if strings.Contains(line, `"event"`) && !json.Valid([]byte(line)) {
				t.Fatalf("an event's line is joined to a part line: %.300q", line)
			}
		}
	})
}

// eventLines keeps the lines of data that have an event.
func eventLines(data string) string {
	var b strings.Builder
	for _, line := range strings.SplitAfter(data, "\n") {
		if strings.Contains(line, `"event":`) {
			b.WriteString(line)
		}
	}
	return b.String()
}

// keepJSON keeps the lines of data that are JSON.
func keepJSON(data string) string {
	var b strings.Builder
	for _, line := range strings.Split(data, "\n") {
		if json.Valid([]byte(line)) {
			b.WriteString(line + "\n")
		}
	}
	return b.String()
}

// TestEventLogNotRecordedIsNotCounted: an event answered 503 because its
// line could not be written prints as not recorded, is not counted as
// received and is not kept; its seq is not used again.
func TestEventLogNotRecordedIsNotCounted(t *testing.T) {
	for _, sync := range []bool{false, true} {
		t.Run(fmt.Sprint("sync=", sync), func(t *testing.T) {
			f, err := os.Create(filepath.Join(t.TempDir(), "events.jsonl"))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			var out testBuffer
			var disk io.Writer
			var fail func(bool)
			if sync {
				s := &failingSync{File: f}
				disk, fail = s, s.fail.Store
			} else {
				d := &fullDisk{File: f}
				disk, fail = d, d.full.Store
			}
			log := &eventlog.Log{Out: disk, Print: &out, Sync: sync}
			ev := webhooktest.Event[*webhook.ChatFinished](t)
			log.Record(ev)
			fail(true)
			if _, err := log.Record(ev); !errors.Is(err, eventlog.ErrNotRecorded) {
				t.Fatalf("Record = %v", err)
			}
			fail(false)
			if _, err := log.Record(ev); err != nil && !sync {
				t.Fatal(err)
			}
			if err := log.Flush(context.Background()); err != nil {
				t.Fatal(err)
			}
			want := uint64(2)
			if sync {
				want = 1 // after a failed flush, every later event fails too
			}
			if log.Len() != want {
				t.Fatalf("Len = %d, want %d: an event answered 503 is counted", log.Len(), want)
			}
			lines := strings.Split(strings.TrimSpace(out.String()), "\n")
			if len(lines) != 3 || !strings.HasPrefix(lines[1], "#2 ") || !strings.Contains(lines[1], "NOT RECORDED chat_finished") || strings.Contains(lines[0]+lines[2], "NOT RECORDED") != sync {
				t.Fatalf("readable lines:\n%s", out.String())
			}
			if !sync {
				if r := log.Recent(); len(r) != 2 || r[0].Seq != 1 || r[1].Seq != 3 {
					t.Fatalf("kept %+v, want seqs 1 and 3", r)
				}
				if s := log.Since(1); len(s) != 1 || s[0].Seq != 3 {
					t.Fatalf("Since(1) = %+v", s)
				}
			}
		})
	}
}

// failingSync is a log file whose Sync fails while fail is set.
type failingSync struct {
	*os.File
	fail atomic.Bool
}

func (f *failingSync) Sync() error {
	if f.fail.Load() {
		return syscall.EIO
	}
	return f.File.Sync()
}

// testBuffer is a bytes.Buffer safe for concurrent use.
type testBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *testBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *testBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}
