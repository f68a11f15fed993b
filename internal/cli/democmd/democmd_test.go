package democmd

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"
)

func TestRunUsage(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantStderr string
	}{
		{"help", []string{"-h"}, 0, "usage: jivokit demo"},
		{"unknown flag", []string{"-port", "1"}, 2, "flag provided but not defined"},
		{"argument", []string{"extra"}, 2, "takes no arguments"},
		{"bad widget id", []string{"-widget-id", "<script>"}, 2, "-widget-id"},
		{"bad address", []string{"-addr", "256.0.0.1:-1"}, 1, "jivokit demo:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := Run(context.Background(), nil, &stdout, &stderr, tt.args)
			if code != tt.wantCode || !strings.Contains(stderr.String(), tt.wantStderr) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, stderr.String(), tt.wantCode, tt.wantStderr)
			}
		})
	}
}

// TestRunStops: the demo serves until its context ends (Ctrl-C), then
// stops with exit code 0.
func TestRunStops(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var stdout, stderr syncBuffer
	done := make(chan int, 1)
	go func() { done <- Run(ctx, nil, &stdout, &stderr, []string{"-addr", "127.0.0.1:0"}) }()
	deadline := time.After(60 * time.Second)
	for !strings.Contains(stdout.String(), "open http://127.0.0.1:") {
		select {
		case code := <-done:
			t.Fatalf("exit %d before serving; stderr:\n%s", code, stderr.String())
		case <-deadline:
			t.Fatalf("no URL printed after 60s; stdout:\n%s", stdout.String())
		case <-time.After(10 * time.Millisecond):
		}
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 || !strings.Contains(stdout.String(), "stopped") {
			t.Errorf("exit %d; stdout:\n%s\nstderr:\n%s", code, stdout.String(), stderr.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the demo did not stop within 10s of Ctrl-C")
	}
}
