package webhookcmd_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jivokit/jivokit/internal/cli/webhookcmd"
)

// stuckStderr takes writes until one contains "listening", and then blocks
// every write until released: a stderr nobody reads any more.
type stuckStderr struct {
	mu      sync.Mutex
	buf     bytes.Buffer
	stuck   bool
	release chan struct{}
}

func (w *stuckStderr) Write(p []byte) (int, error) {
	w.mu.Lock()
	if w.stuck {
		w.mu.Unlock()
		<-w.release
		return len(p), nil
	}
	defer w.mu.Unlock()
	w.buf.Write(p)
	w.stuck = bytes.Contains(p, []byte("listening"))
	return len(p), nil
}

func (w *stuckStderr) text() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.String()
}

// TestListenWithAStderrNobodyReads: requests that log (refused ones) are
// answered, and an interrupt stops the listener within its grace period,
// while its stderr takes nothing.
func TestListenWithAStderrNobodyReads(t *testing.T) {
	stderr := &stuckStderr{release: make(chan struct{})}
	t.Cleanup(func() { close(stderr.release) })
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	exited := make(chan int, 1)
	go func() {
		exited <- webhookcmd.Run(ctx, nil, &bytes.Buffer{}, stderr, []string{"listen", "-addr", "127.0.0.1:0"})
	}()
	re := regexp.MustCompile(`url=(http://\S+)`)
	var url string
	for deadline := time.Now().Add(10 * time.Second); url == ""; time.Sleep(10 * time.Millisecond) {
		if m := re.FindStringSubmatch(stderr.text()); m != nil {
			url = m[1]
		} else if time.Now().After(deadline) {
			t.Fatalf("listen did not start:\n%s", stderr.text())
		}
	}
	// Each refused request logs a line; far more than a pipe holds.
	client := &http.Client{Timeout: 5 * time.Second}
	for i := range 1000 {
		res, err := client.Get(url)
		if err != nil {
			t.Fatalf("request %d not answered while stderr is not read: %v", i+1, err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusMethodNotAllowed {
			t.Fatalf("request %d: status %d", i+1, res.StatusCode)
		}
	}
	start := time.Now()
	cancel()
	select {
	case <-exited:
	case <-time.After(10 * time.Second):
		t.Fatal("listen did not stop after an interrupt while stderr is not read")
	}
	if d := time.Since(start); d > 7*time.Second {
		t.Fatalf("listen took %v to stop", d)
	}
}

// TestListenContinuesTheLogsSeq: a restarted listener goes on from the
// seq of the log's last line.
func TestListenContinuesTheLogsSeq(t *testing.T) {
	logFile := filepath.Join(t.TempDir(), "events.jsonl")
	for i := range 2 {
		t.Run(fmt.Sprint("run ", i+1), func(t *testing.T) {
			url, _ := startListen(t, "-log", logFile)
			postMany(t, url, 2)
		})
	}
	data, err := os.ReadFile(logFile)
	if err != nil {
		t.Fatal(err)
	}
	var got []uint64
	for _, line := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
		var e struct{ Seq uint64 }
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			t.Fatal(err)
		}
		got = append(got, e.Seq)
	}
	if fmt.Sprint(got) != "[1 2 3 4]" {
		t.Fatalf("seqs %v across a restart, want [1 2 3 4]", got)
	}
}
