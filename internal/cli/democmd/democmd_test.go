package democmd

import (
	"bytes"
	"context"
	"errors"
	"github.com/jivokit/jivokit/internal/lib/testtool"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jivokit/jivokit/assets"
)

func TestRunUsage(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantStderr string
	}{
		{"bad host", []string{"-allow-host", "a/b"}, 64, "is not a host name"},
		{"unknown flag", []string{"-port", "1"}, 64, "flag provided but not defined"},
		{"argument", []string{"extra"}, 64, "takes no arguments"},
		{"bad widget id", []string{"-widget-id", "<script>"}, 64, "-widget-id"},
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

// TestRunBadAddress: a bad address is reported before the app is built.
func TestRunBadAddress(t *testing.T) {
	buildDir := filepath.Join(t.TempDir(), "build")
	var stdout, stderr bytes.Buffer
	code := Run(context.Background(), nil, &stdout, &stderr, []string{"-addr", "256.0.0.1:-1", "-build-dir", buildDir})
	if code != 1 || !strings.Contains(stderr.String(), "jivokit demo: listen tcp") {
		t.Errorf("exit %d, stderr %q; want 1 and the listen error", code, stderr.String())
	}
	if _, err := os.Stat(buildDir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the build started before the listen failed (%v)", err)
	}
}

// TestRunBusyPort: a busy port is reported with a hint at -addr, and
// nothing says a build started.
func TestRunBusyPort(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	var stdout, stderr bytes.Buffer
	code := Run(context.Background(), nil, &stdout, &stderr, []string{"-addr", busy.Addr().String(), "-build-dir", t.TempDir()})
	if code != 1 || !strings.Contains(stderr.String(), "address already in use; choose another address with -addr") {
		t.Errorf("exit %d, stderr %q; want 1 and a hint at -addr", code, stderr.String())
	}
	if stdout.Len() > 0 {
		t.Errorf("stdout %q, want nothing", stdout.String())
	}
}

// TestRunStops: the demo builds into -build-dir, serves until its context
// ends (Ctrl-C), then stops with exit code 0. Its limits only catch a hang:
// the first build of the example app may be slow on a busy machine.
func TestRunStops(t *testing.T) {
	const serveLimit, stopLimit = 5 * time.Minute, time.Minute
	buildDir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr testtool.Buffer
	done := make(chan int, 1)
	go func() {
		done <- Run(ctx, nil, &stdout, &stderr, []string{"-addr", "127.0.0.1:0", "-build-dir", buildDir})
	}()
	deadline := time.After(serveLimit)
	for !strings.Contains(stdout.String(), "open http://127.0.0.1:") {
		select {
		case code := <-done:
			t.Fatalf("exit %d before serving; stderr:\n%s", code, stderr.String())
		case <-deadline:
			t.Fatalf("no URL printed after %v; stdout:\n%s", serveLimit, stdout.String())
		case <-time.After(10 * time.Millisecond):
		}
	}
	if _, err := assets.ReadManifest(os.DirFS(buildDir)); err != nil {
		t.Errorf("nothing built into -build-dir: %v", err)
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 || !strings.Contains(stdout.String(), "stopped") {
			t.Errorf("exit %d; stdout:\n%s\nstderr:\n%s", code, stdout.String(), stderr.String())
		}
	case <-time.After(stopLimit):
		t.Fatalf("the demo did not stop within %v of Ctrl-C", stopLimit)
	}
}

// TestRunInterruptedBuild: Ctrl-C during the first build (a cold build
// cache makes it last) says what was interrupted, not a bare "context
// canceled", and exits 1 without serving.
func TestRunInterruptedBuild(t *testing.T) {
	t.Setenv("GOCACHE", t.TempDir())
	buildDir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr testtool.Buffer
	done := make(chan int, 1)
	go func() {
		done <- Run(ctx, nil, &stdout, &stderr, []string{"-addr", "127.0.0.1:0", "-build-dir", buildDir})
	}()
	// The build has started when its work directory exists.
	for started := false; !started; {
		select {
		case code := <-done:
			t.Fatalf("exit %d before the build started; stderr:\n%s", code, stderr.String())
		case <-time.After(10 * time.Millisecond):
		}
		tmp, _ := filepath.Glob(filepath.Join(buildDir, ".build-*"))
		started = len(tmp) > 0
	}
	cancel()
	select {
	case code := <-done:
		want := "jivokit demo: interrupted while building github.com/jivokit/jivokit/wasm/example; stopped before serving\n"
		if code != 1 || !strings.HasSuffix(stderr.String(), want) || strings.Contains(stderr.String(), "context canceled") {
			t.Errorf("exit %d; stderr:\n%s\nwant exit 1 ending in %q", code, stderr.String(), want)
		}
		if strings.Contains(stdout.String(), "open http") {
			t.Errorf("served after Ctrl-C: %s", stdout.String())
		}
	case <-time.After(time.Minute):
		t.Fatal("the demo did not stop within a minute of Ctrl-C")
	}
}

// TestHelp: -h prints the usage, the flags included, on stdout.
func TestHelp(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := Run(context.Background(), nil, &stdout, &stderr, []string{"-h"})
	for _, want := range []string{"usage: jivokit demo", "-addr address", "-allow-host name", "-build-dir directory", "-widget-id id"} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("the help lacks %q:\n%s", want, stdout.String())
		}
	}
	if code != 0 || stderr.Len() > 0 {
		t.Errorf("exit %d, stderr %q", code, stderr.String())
	}
}
