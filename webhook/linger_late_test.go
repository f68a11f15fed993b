package webhook_test

import (
	"bufio"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/jivokit/jivokit/webhook"
)

// TestHandler413ForALateChunkedBody: a chunked body that crosses the
// limit late, and goes on arriving slowly, gets its 413 within the
// server's read timeout, not after it (when the reply could no longer be
// written).
func TestHandler413ForALateChunkedBody(t *testing.T) {
	h, err := webhook.New(webhook.Funcs{}, webhook.WithMaxBodySize(1000), webhook.WithLogger(slog.New(slog.DiscardHandler)))
	if err != nil {
		t.Fatal(err)
	}
	const readTimeout = 1500 * time.Millisecond
	srv := httptest.NewUnstartedServer(h)
	srv.Config.ReadTimeout, srv.Config.WriteTimeout = readTimeout, 3*time.Second
	srv.Start()
	t.Cleanup(srv.Close)
	conn, err := net.Dial("tcp", strings.TrimPrefix(srv.URL, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	start := time.Now()
	fmt.Fprint(conn, "POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		// 100 bytes every 50 ms: the limit is crossed after about 550 ms;
		// then it keeps coming, 10 bytes at a time.
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			case <-time.After(50 * time.Millisecond):
			}
			n := 100
			if i >= 11 {
				n = 10
			}
			if _, err := fmt.Fprintf(conn, "%x\r\n%s\r\n", n, strings.Repeat("x", n)); err != nil {
				return
			}
		}
	}()
	conn.SetReadDeadline(start.Add(5 * time.Second))
	res, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("no reply after %v: %v", time.Since(start).Round(time.Millisecond), err)
	}
	reply, _ := io.ReadAll(res.Body)
	res.Body.Close()
	// Without the read timeout's bound the body is read on past it and the
	// 413 never comes; the margin is for a loaded machine's scheduling.
	if took := time.Since(start); res.StatusCode != http.StatusRequestEntityTooLarge || took > readTimeout+time.Second {
		t.Fatalf("%s %s after %v, want 413 within the read timeout (%v)", res.Status, reply, took.Round(time.Millisecond), readTimeout)
	}
}
