package serve_test

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jivokit/jivokit/internal/cli/serve"
)

// start serves h with limits on loopback until the test ends and returns
// the address.
func start(t *testing.T, limits serve.Limits, h http.Handler) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- serve.Run(ctx, limits.Server(h), ln) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Run: %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Error("Run did not return after its context ended")
		}
	})
	return ln.Addr().String()
}

func dial(t *testing.T, addr string) net.Conn {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// get sends a keep-alive GET on c and reads the reply's status.
func get(t *testing.T, c net.Conn, r *bufio.Reader, path string) int {
	t.Helper()
	c.SetDeadline(time.Now().Add(5 * time.Second))
	if _, err := io.WriteString(c, "GET "+path+" HTTP/1.1\r\nHost: test\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	res, err := http.ReadResponse(r, nil)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	return res.StatusCode
}

// waitClosed reports whether the server closes c within d.
func waitClosed(c net.Conn, r io.Reader, d time.Duration) error {
	c.SetReadDeadline(time.Now().Add(d))
	_, err := io.Copy(io.Discard, r)
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return err
	}
	return nil // EOF or reset: closed
}

var ok = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ok") })

func TestSlowBodyIsCutOff(t *testing.T) {
	readErr := make(chan error, 1)
	addr := start(t, serve.Limits{ReadTimeout: 300 * time.Millisecond, WriteTimeout: 5 * time.Second},
		http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			_, err := io.ReadAll(r.Body)
			readErr <- err
		}))
	c := dial(t, addr)
	io.WriteString(c, "POST / HTTP/1.1\r\nHost: test\r\nContent-Length: 1000\r\n\r\n")
	// One byte every 20 ms: the whole body would take 20 s.
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		for range 1000 {
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
			}
			if _, err := c.Write([]byte("x")); err != nil {
				return
			}
		}
	}()
	select {
	case err := <-readErr:
		if err == nil {
			t.Fatal("the dribbled body was read whole")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("a body sent a byte at a time was still being read after 5 s")
	}
	if err := waitClosed(c, c, 5*time.Second); err != nil {
		t.Fatalf("the connection stayed open: %v", err)
	}
}

func TestIdleConnectionIsClosed(t *testing.T) {
	addr := start(t, serve.Limits{ReadTimeout: time.Minute, IdleTimeout: 200 * time.Millisecond}, ok)
	c := dial(t, addr)
	r := bufio.NewReader(c)
	if code := get(t, c, r, "/"); code != 200 {
		t.Fatalf("status %d", code)
	}
	if err := waitClosed(c, r, 5*time.Second); err != nil {
		t.Fatalf("an idle keep-alive connection stayed open: %v", err)
	}
}

func TestSlowHandlerMissesTheWriteTimeout(t *testing.T) {
	addr := start(t, serve.Limits{WriteTimeout: 200 * time.Millisecond},
		http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			time.Sleep(400 * time.Millisecond)
			io.WriteString(w, "late")
		}))
	c := dial(t, addr)
	c.SetDeadline(time.Now().Add(5 * time.Second))
	io.WriteString(c, "GET / HTTP/1.1\r\nHost: test\r\n\r\n")
	if res, err := http.ReadResponse(bufio.NewReader(c), nil); err == nil {
		t.Fatalf("a reply after the write timeout arrived: %s", res.Status)
	}
}

// many is more connections than the bound the servers once had (256):
// a fresh sender then waited behind idle or slow ones.
const many = 300

// answeredWithin posts to addr on a new connection and fails unless the
// reply arrives within d.
func answeredWithin(t *testing.T, addr string, d time.Duration) {
	t.Helper()
	c := dial(t, addr)
	start := time.Now()
	c.SetDeadline(start.Add(d))
	io.WriteString(c, "GET / HTTP/1.1\r\nHost: test\r\n\r\n")
	res, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatalf("a fresh sender was not answered within %v: %v", d, err)
	}
	res.Body.Close()
}

func TestIdleConnectionsDoNotHoldANewOne(t *testing.T) {
	addr := start(t, serve.DefaultLimits(), ok)
	for range many {
		c := dial(t, addr)
		if code := get(t, c, bufio.NewReader(c), "/"); code != 200 {
			t.Fatalf("status %d", code)
		}
	}
	answeredWithin(t, addr, 2*time.Second)
}

func TestSlowHeadersDoNotHoldANewOne(t *testing.T) {
	addr := start(t, serve.DefaultLimits(), ok)
	for range many {
		c := dial(t, addr)
		io.WriteString(c, "GET / HTTP/1.1\r\nHost: test\r\nX-Slow: a")
	}
	answeredWithin(t, addr, 2*time.Second)
}

func TestBusyConnectionsDoNotHoldANewOne(t *testing.T) {
	entered, release := make(chan struct{}, many), make(chan struct{})
	defer close(release)
	addr := start(t, serve.DefaultLimits(), http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/block" {
			entered <- struct{}{}
			<-release
		}
		io.WriteString(w, "ok")
	}))
	for range many {
		c := dial(t, addr)
		io.WriteString(c, "GET /block HTTP/1.1\r\nHost: test\r\n\r\n")
	}
	for range many {
		select {
		case <-entered:
		case <-time.After(10 * time.Second):
			t.Fatal("not every blocking request arrived")
		}
	}
	answeredWithin(t, addr, 2*time.Second)
}

func TestKeepAliveSendersAllAnswered(t *testing.T) {
	addr := start(t, serve.DefaultLimits(), http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		io.WriteString(w, "ok")
	}))
	const events = 5
	var wg sync.WaitGroup
	var failed atomic.Int64
	for range many {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tr := &http.Transport{MaxIdleConnsPerHost: 1}
			defer tr.CloseIdleConnections()
			client := &http.Client{Timeout: 10 * time.Second, Transport: tr}
			for range events {
				res, err := client.Post("http://"+addr+"/", "application/json", strings.NewReader(`{"event_name":"chat_finished"}`))
				if err != nil {
					failed.Add(1)
					continue
				}
				io.Copy(io.Discard, res.Body)
				res.Body.Close()
				if res.StatusCode != 200 {
					failed.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	if n := failed.Load(); n > 0 {
		t.Fatalf("%d of %d events were not answered", n, many*events)
	}
}

// TestGoneSenderIsNotHandled: a request read after its sender closed the
// connection (it gave up waiting) is dropped, not handled.
func TestGoneSenderIsNotHandled(t *testing.T) {
	entered, release := make(chan struct{}, 1), make(chan struct{})
	var handled atomic.Int64
	addr := start(t, serve.Limits{WriteTimeout: time.Minute}, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/block" {
			entered <- struct{}{}
			<-release
		} else {
			handled.Add(1)
		}
		io.WriteString(w, "ok")
	}))
	c := dial(t, addr)
	// Two requests, the second read only once the first is answered.
	io.WriteString(c, "GET /block HTTP/1.1\r\nHost: test\r\n\r\nPOST /event HTTP/1.1\r\nHost: test\r\nContent-Length: 2\r\n\r\n{}")
	select {
	case <-entered:
	case <-time.After(5 * time.Second):
		t.Fatal("the first request did not arrive")
	}
	c.Close() // the sender gives up
	time.Sleep(200 * time.Millisecond)
	close(release)
	// A control: a sender that stays is handled.
	c2 := dial(t, addr)
	if code := get(t, c2, bufio.NewReader(c2), "/other"); code != 200 {
		t.Fatalf("status %d", code)
	}
	time.Sleep(100 * time.Millisecond)
	if n := handled.Load(); n != 1 {
		t.Fatalf("%d requests handled, want 1: the one of the sender that gave up was handled", n)
	}
}

func TestCheck(t *testing.T) {
	def := serve.DefaultLimits()
	tests := []struct {
		name    string
		limits  serve.Limits
		handler time.Duration
		want    string
	}{
		{"defaults, 10 s handler", def, 10 * time.Second, ""},
		{"no write timeout", serve.Limits{}, time.Hour, ""},
		{"handler without deadline", serve.Limits{WriteTimeout: time.Second}, 0, ""},
		{"no room to reply", serve.Limits{WriteTimeout: 12 * time.Second}, 10 * time.Second, "at least 5s longer than the handler's deadline (10s)"},
		{"negative", serve.Limits{ReadTimeout: -1, IdleTimeout: -2}, 0, "read timeout is negative"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.limits.Check(tt.handler)
			if (err == nil) != (tt.want == "") || err != nil && !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Check = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestRegisterFlags(t *testing.T) {
	limits := serve.DefaultLimits()
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	limits.RegisterFlags(fs)
	if err := fs.Parse([]string{"-read-timeout", "1s", "-write-timeout", "2s", "-idle-timeout", "3s"}); err != nil {
		t.Fatal(err)
	}
	want := serve.Limits{ReadHeaderTimeout: serve.DefaultReadHeaderTimeout, ReadTimeout: time.Second, WriteTimeout: 2 * time.Second, IdleTimeout: 3 * time.Second}
	if limits != want {
		t.Fatalf("limits %+v, want %+v", limits, want)
	}
	if f := fs.Lookup("idle-timeout"); f == nil || f.DefValue != "2m0s" {
		t.Fatalf("-idle-timeout default %v", f)
	}
	srv := limits.Server(ok)
	if srv.ReadHeaderTimeout != time.Second || srv.ReadTimeout != time.Second || srv.WriteTimeout != 2*time.Second || srv.IdleTimeout != 3*time.Second {
		t.Fatalf("server timeouts %v %v %v %v", srv.ReadHeaderTimeout, srv.ReadTimeout, srv.WriteTimeout, srv.IdleTimeout)
	}
}
