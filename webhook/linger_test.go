package webhook_test

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jivokit/jivokit/webhook"
)

// serveLoopback serves h on 127.0.0.1 and returns its address.
func serveLoopback(t *testing.T, h http.Handler) string {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return strings.TrimPrefix(srv.URL, "http://")
}

// TestHandler413ReachesClientsThatWriteFirst: a client that writes its
// whole 2 MiB body before reading (no Expect: 100-continue) gets the 413
// and its JSON error, not a reset connection. It talks raw TCP so that
// nothing between it and the server reads the reply early.
func TestHandler413ReachesClientsThatWriteFirst(t *testing.T) {
	h, err := webhook.New(webhook.Funcs{}, webhook.WithMaxBodySize(1<<20), webhook.WithLogger(slog.New(slog.DiscardHandler)))
	if err != nil {
		t.Fatal(err)
	}
	addr := serveLoopback(t, h)
	body := `{"event_name":"chat_finished","pad":"` + strings.Repeat("x", 2<<20) + `"}`
	for _, chunked := range []bool{false, true} {
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		conn.SetDeadline(time.Now().Add(20 * time.Second))
		head := "POST / HTTP/1.1\r\nHost: " + addr + "\r\nContent-Type: application/json\r\n"
		var req string
		if chunked {
			req = head + "Transfer-Encoding: chunked\r\n\r\n" + strconv.FormatInt(int64(len(body)), 16) + "\r\n" + body + "\r\n0\r\n\r\n"
		} else {
			req = head + "Content-Length: " + strconv.Itoa(len(body)) + "\r\n\r\n" + body
		}
		// Written in pieces over about 1.5 s, as over a real network: a
		// server that closes early does so while the body still arrives.
		const pieces = 32
		step := len(req)/pieces + 1
		for i := 0; i < len(req); i += step {
			if _, err := io.WriteString(conn, req[i:min(i+step, len(req))]); err != nil {
				t.Fatalf("chunked %v: writing the body: %v", chunked, err)
			}
			time.Sleep(50 * time.Millisecond)
		}
		res, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil {
			t.Fatalf("chunked %v: reading the reply: %v", chunked, err)
		}
		reply, err := io.ReadAll(res.Body)
		conn.Close()
		var v struct{ Result, Error string }
		if res.StatusCode != http.StatusRequestEntityTooLarge || json.Unmarshal(reply, &v) != nil || !strings.Contains(v.Error, "too large") {
			t.Fatalf("chunked %v: %d %s (%v), want 413 with the JSON error", chunked, res.StatusCode, reply, err)
		}
	}
}

// TestHandler413ToAStalledPeer: a peer that sends part of a body over the
// limit and then stops gets its 413 once the discarding's time is up, and
// the connection is closed: it cannot hold the connection (and the
// handler's goroutine) for ever.
func TestHandler413ToAStalledPeer(t *testing.T) {
	defer webhook.SetLingerTime(300 * time.Millisecond)()
	h, err := webhook.New(webhook.Funcs{}, webhook.WithMaxBodySize(1000), webhook.WithLogger(slog.New(slog.DiscardHandler)))
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
	body := `{"event_name":"chat_finished","pad":"` + strings.Repeat("x", 2900)
	io.WriteString(conn, "POST / HTTP/1.1\r\nHost: "+addr+"\r\nContent-Type: application/json\r\nContent-Length: 3000\r\n\r\n"+body[:2900])
	r := bufio.NewReader(conn)
	res, err := http.ReadResponse(r, nil)
	if err != nil {
		t.Fatalf("no reply to a stalled body within 5 s: %v", err)
	}
	io.Copy(io.Discard, res.Body)
	if res.StatusCode != http.StatusRequestEntityTooLarge || !res.Close {
		t.Fatalf("reply %d (close %v), want 413 and the connection closed", res.StatusCode, res.Close)
	}
}

// TestHandler413GivesUpOnHugeBodies: a body far beyond the limit is not
// read to its end; the reply comes at once.
func TestHandler413GivesUpOnHugeBodies(t *testing.T) {
	h, _ := webhook.New(webhook.Funcs{}, webhook.WithMaxBodySize(1024), webhook.WithLogger(slog.New(slog.DiscardHandler)))
	addr := serveLoopback(t, h)
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	// Declares 1 GiB and sends none of it: the reply must not wait for it.
	io.WriteString(conn, "POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1073741824\r\n\r\n")
	res, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil || res.StatusCode != http.StatusRequestEntityTooLarge {
		t.Fatalf("reply %v, %v", res, err)
	}
}

// TestHandler413PythonURLLib posts 2 MiB with Python's urllib, which sends
// no Expect header, when python3 is installed.
func TestHandler413PythonURLLib(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil || testing.Short() {
		t.Skip("python3 not installed")
	}
	h, _ := webhook.New(webhook.Funcs{}, webhook.WithMaxBodySize(1<<20), webhook.WithLogger(slog.New(slog.DiscardHandler)))
	addr := serveLoopback(t, h)
	const script = `
import sys, urllib.request, urllib.error
body = b'{"event_name":"chat_finished","pad":"' + b'x' * (2 << 20) + b'"}'
req = urllib.request.Request("http://" + sys.argv[1] + "/", data=body, headers={"Content-Type": "application/json"})
try:
    urllib.request.urlopen(req, timeout=20)
    print("no error")
except urllib.error.HTTPError as e:
    print(e.code, e.read().decode())
`
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, py, "-c", script, addr)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil || !strings.HasPrefix(string(out), "413 ") || !strings.Contains(string(out), `"result":"webhook: body too large`) {
		t.Fatalf("urllib got %q (%v), want 413 with the JSON error", out, err)
	}
}
