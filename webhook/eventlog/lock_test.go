package eventlog_test

import (
	"errors"
	"math"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/jivokit/jivokit/webhook"
	"github.com/jivokit/jivokit/webhook/eventlog"
	"github.com/jivokit/jivokit/webhook/webhooktest"
)

func TestOpenLocksTheLog(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" {
		t.Skip("the lock is taken on Unix")
	}
	path := filepath.Join(t.TempDir(), "events.jsonl")
	f, _, err := eventlog.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = eventlog.Open(path)
	if !errors.Is(err, eventlog.ErrInUse) || !strings.Contains(err.Error(), "log is in use by another process") {
		t.Fatalf("a second Open = %v, want ErrInUse", err)
	}
	f.Close()
	f, _, err = eventlog.Open(path)
	if err != nil {
		t.Fatalf("Open after Close = %v", err)
	}
	f.Close()
}

func TestEventLogSeqDoesNotWrap(t *testing.T) {
	var out strings.Builder
	log := &eventlog.Log{Out: &out, Start: math.MaxUint64 - 1}
	ev := webhooktest.Event[*webhook.ChatFinished](t)
	if e, err := log.Record(ev); err != nil || e.Seq != math.MaxUint64 {
		t.Fatalf("Record = %d, %v", e.Seq, err)
	}
	for range 2 {
		if e, err := log.Record(ev); !errors.Is(err, eventlog.ErrNotRecorded) || e.Seq != 0 {
			t.Fatalf("Record past the largest seq = %d, %v", e.Seq, err)
		}
	}
	if n := strings.Count(out.String(), "\n"); n != 1 || log.Len() != 1 {
		t.Fatalf("%d lines, Len %d", n, log.Len())
	}
	if s := log.Since(math.MaxUint64 - 1); len(s) != 1 {
		t.Fatalf("Since = %v", s)
	}
}
