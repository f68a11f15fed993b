//go:build unix

package webhookcmd_test

import (
	"net"
	"net/http"
	"os"
	"os/exec"
	"testing"
	"time"
)

// TestListenProcessStderrNotRead gives listen a stderr pipe that nobody
// reads: requests that log are answered after the pipe is full, and
// an interrupt (Ctrl-C) stops the process within its grace period.
func TestListenProcessStderrNotRead(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	cmd := exec.Command(os.Args[0], "listen", "-addr", addr)
	cmd.Env = append(os.Environ(), "JIVOKIT_TEST_LISTEN=1")
	cmd.Stderr = w
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	w.Close() // the child's copy remains, and nobody reads r
	exited := make(chan struct{})
	go func() { cmd.Wait(); close(exited) }()
	t.Cleanup(func() { cmd.Process.Kill(); <-exited })

	client := &http.Client{Timeout: 5 * time.Second}
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		if res, err := client.Get("http://" + addr); err == nil {
			res.Body.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("listen did not start")
		}
	}
	// Each refused request logs a line of about 150 bytes: 2,000 of them
	// fill the pipe's 64 KiB several times over.
	for i := range 2000 {
		res, err := client.Get("http://" + addr)
		if err != nil {
			t.Fatalf("request %d not answered while stderr is not read: %v", i+1, err)
		}
		res.Body.Close()
	}
	start := time.Now()
	cmd.Process.Signal(os.Interrupt)
	select {
	case <-exited:
	case <-time.After(10 * time.Second):
		t.Fatal("listen did not stop on an interrupt while its stderr is not read")
	}
	if d := time.Since(start); d > 7*time.Second {
		t.Fatalf("listen took %v to stop", d)
	}
}
