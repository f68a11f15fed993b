package webhook_test

import (
	"bufio"
	"context"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/jivokit/jivokit/webhook"
)

// TestHandler413BeforeContinue: a body declared over the limit, from a
// sender that waits for "100 Continue" before sending it, is answered 413
// at once, without "100 Continue" and without waiting for the body; the
// oversize record has its size.
func TestHandler413BeforeContinue(t *testing.T) {
	var mu sync.Mutex
	var got []webhook.Oversize
	h, err := webhook.New(webhook.Funcs{}, webhook.WithMaxBodySize(1<<20), webhook.WithLogger(slog.New(slog.DiscardHandler)),
		webhook.WithOversize(func(_ context.Context, o webhook.Oversize) {
			mu.Lock()
			defer mu.Unlock()
			got = append(got, o)
		}))
	if err != nil {
		t.Fatal(err)
	}
	addr := serveLoopback(t, h)
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(5 * time.Second))
	start := time.Now()
	_, err = conn.Write([]byte("POST / HTTP/1.1\r\nHost: " + addr + "\r\nContent-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: 9437184\r\n\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusRequestEntityTooLarge {
		t.Fatalf("status %s, want 413 before any body", res.Status)
	}
	if took := time.Since(start); took > 900*time.Millisecond {
		t.Fatalf("the 413 took %v: the handler waited for the body", took)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(got) != 1 || got[0].Size != 9437184 || got[0].AtLeast || got[0].EventName != "" {
		t.Fatalf("oversize records %+v", got)
	}
}
