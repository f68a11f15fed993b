package demo

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/jivokit/jivokit/internal/cli/serve"
)

// TestDemoCutsOffSlowAndIdlePeers: the demo serves with Config.Limits, so
// a header dribbled a byte at a time and an idle keep-alive connection are
// both closed.
func TestDemoCutsOffSlowAndIdlePeers(t *testing.T) {
	limits := serve.DefaultLimits()
	limits.ReadHeaderTimeout, limits.ReadTimeout, limits.IdleTimeout = 300*time.Millisecond, 300*time.Millisecond, 200*time.Millisecond
	_, base := startTest(t, Config{Limits: &limits})
	host := strings.TrimPrefix(base, "http://")

	closedWithin := func(t *testing.T, c net.Conn, r io.Reader) {
		t.Helper()
		c.SetReadDeadline(time.Now().Add(5 * time.Second))
		_, err := io.Copy(io.Discard, r)
		var ne net.Error
		if errors.As(err, &ne) && ne.Timeout() {
			t.Fatal("the connection was still open after 5 s")
		}
	}

	t.Run("a request a byte at a time", func(t *testing.T) {
		c, err := net.Dial("tcp", host)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		stop := make(chan struct{})
		defer close(stop)
		go func() {
			for _, b := range []byte("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + strings.Repeat("a", 1000)) {
				select {
				case <-stop:
					return
				case <-time.After(20 * time.Millisecond):
				}
				if _, err := c.Write([]byte{b}); err != nil {
					return
				}
			}
		}()
		closedWithin(t, c, c)
	})

	t.Run("idle keep-alive", func(t *testing.T) {
		c, err := net.Dial("tcp", host)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		fmt.Fprintf(c, "GET /demo/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
		r := bufio.NewReader(c)
		c.SetReadDeadline(time.Now().Add(5 * time.Second))
		res, err := http.ReadResponse(r, nil)
		if err != nil {
			t.Fatalf("reply: %v", err)
		}
		io.Copy(io.Discard, res.Body)
		closedWithin(t, c, r)
	})
}
