package demo

import (
	"bytes"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

// stallingLog records writes until stall is called, and then blocks every
// write until the test ends: a stderr nobody reads any more.
type stallingLog struct {
	mu      sync.Mutex
	buf     bytes.Buffer
	stalled bool
	release chan struct{}
}

func (w *stallingLog) Write(p []byte) (int, error) {
	w.mu.Lock()
	if w.stalled {
		w.mu.Unlock()
		<-w.release
		return len(p), nil
	}
	defer w.mu.Unlock()
	return w.buf.Write(p)
}

func (w *stallingLog) stall() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.stalled = true
}

func (w *stallingLog) text() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.String()
}

// TestDemoLogNobodyReads: the demo's messages about requests go to
// Config.Log, and a Log that takes nothing holds up neither the requests
// nor the shutdown (the test's cleanup bounds it).
func TestDemoLogNobodyReads(t *testing.T) {
	logw := &stallingLog{release: make(chan struct{})}
	t.Cleanup(func() { close(logw.release) }) // runs after the demo has stopped
	s, base := startTest(t, Config{Log: logw})
	client := &http.Client{Timeout: 5 * time.Second}
	get := func(i int) {
		t.Helper()
		res, err := client.Get(base + s.WebhookPath())
		if err != nil {
			t.Fatalf("request %d not answered: %v", i, err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusMethodNotAllowed {
			t.Fatalf("request %d: status %d", i, res.StatusCode)
		}
	}
	get(0)
	for deadline := time.Now().Add(5 * time.Second); !strings.Contains(logw.text(), "request refused"); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("the refused request was not reported to Config.Log:\n%s", logw.text())
		}
	}
	logw.stall()
	for i := range 1000 {
		get(i + 1)
	}
}
