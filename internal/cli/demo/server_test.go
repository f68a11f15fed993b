package demo

import (
	"context"
	"net"
	"testing"
	"time"
)

// stopLimit bounds a test demo's shutdown: its server gives connections 5
// seconds, so only a hang takes longer.
const stopLimit = 30 * time.Second

// startTest serves the demo for a test on a free port of 127.0.0.1 and
// returns it with its base URL, http://127.0.0.1:PORT. The app is built
// into a temporary directory of the test unless cfg.BuildDir names one.
// When the test ends the demo stops, and the test fails when it does not
// stop cleanly within 30 seconds.
func startTest(tb testing.TB, cfg Config) (*Server, string) {
	tb.Helper()
	if cfg.BuildDir == "" {
		cfg.BuildDir = tb.TempDir()
	}
	ctx, cancel := context.WithCancel(context.Background())
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		cancel()
		tb.Fatal(err)
	}
	s, err := New(ctx, cfg)
	if err != nil {
		cancel()
		ln.Close()
		tb.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	tb.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				tb.Errorf("demo: Serve: %v", err)
			}
		case <-time.After(stopLimit):
			tb.Errorf("demo: still serving %v after the test ended", stopLimit)
		}
	})
	return s, "http://" + ln.Addr().String()
}
