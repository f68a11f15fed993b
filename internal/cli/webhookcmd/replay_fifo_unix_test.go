//go:build unix

package webhookcmd_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jivokit/jivokit/internal/cli/webhookcmd"
)

// TestReplayStreams checks that replay sends each event as it reads it:
// the first event is sent while the rest of the log is still to come.
func TestReplayStreams(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "events.fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal("making a FIFO:", err)
	}
	url, out := startListen(t)
	lines := logLines(t, 2)
	done := make(chan string, 1)
	go func() {
		var o, e bytes.Buffer
		code := webhookcmd.Run(context.Background(), nil, &o, &e, []string{"replay", "-log", fifo, "-url", url, "-rate", "0"})
		done <- strings.Join([]string{o.String(), e.String(), string(rune('0' + code))}, "\n")
	}()
	w, err := os.OpenFile(fifo, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	w.WriteString(lines[0])
	// The first event arrives before the log ends.
	for start := time.Now(); !strings.Contains(out.String(), "#1 "); time.Sleep(5 * time.Millisecond) {
		if time.Since(start) > 5*time.Second {
			w.Close()
			t.Fatalf("the first event was not sent before the log ended:\n%s", <-done)
		}
	}
	w.WriteString(lines[1])
	w.Close()
	select {
	case res := <-done:
		if !strings.Contains(res, "2 events sent, every reply ok") || !strings.HasSuffix(res, "0") {
			t.Fatal(res)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("replay did not end")
	}
	t.Run("-failed needs a file", func(t *testing.T) {
		code, _, stderr := run("replay", "-log", fifo, "-url", url, "-failed")
		if code != 64 || !strings.Contains(stderr, "not a pipe") {
			t.Fatalf("exit %d %s", code, stderr)
		}
	})
}
