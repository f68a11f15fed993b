package demo

import (
	"context"
	"errors"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRunListensFirst: a busy address is reported before the app is built.
func TestRunListensFirst(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	buildDir := filepath.Join(t.TempDir(), "build")
	cfg := Config{Addr: busy.Addr().String(), App: "./testdata/no-such-app", BuildDir: buildDir}
	err = Run(context.Background(), cfg, io.Discard)
	var op *net.OpError
	if !errors.As(err, &op) || op.Op != "listen" {
		t.Errorf("Run on a busy address: %v, want the listen error", err)
	}
	if _, err := os.Stat(buildDir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the build started before the listen failed (%v)", err)
	}
}

// TestRunBusyAddressHint: the listen error says how to choose another
// address, and nothing about building is printed before it.
func TestRunBusyAddressHint(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	var stdout strings.Builder
	err = Run(context.Background(), Config{Addr: busy.Addr().String(), App: "./testdata/no-such-app", BuildDir: t.TempDir()}, &stdout)
	if err == nil || !strings.Contains(err.Error(), "-addr") || !strings.Contains(err.Error(), "address already in use") {
		t.Errorf("Run on a busy address: %v, want the listen error and a hint at -addr", err)
	}
	if stdout.Len() > 0 {
		t.Errorf("printed before the listen error: %q", stdout.String())
	}
}

// TestRunCompileErrorOnce: the go command's messages reach the log once,
// and the error does not repeat them.
func TestRunCompileErrorOnce(t *testing.T) {
	var log, stdout strings.Builder
	cfg := Config{Addr: "127.0.0.1:0", App: "../../build/wasmbuild/testdata/broken", BuildDir: t.TempDir(), Log: &log}
	err := Run(context.Background(), cfg, &stdout)
	if err == nil {
		t.Fatal("a broken app built")
	}
	all := log.String() + err.Error()
	if n := strings.Count(all, "undefinedFunction"); n != 1 {
		t.Errorf("the compiler's message shows %d times, want once:\nlog:\n%s\nerror: %v", n, log.String(), err)
	}
	if !strings.Contains(err.Error(), "building ../../build/wasmbuild/testdata/broken") {
		t.Errorf("the error %q does not say what failed", err)
	}
}

// TestNewInterrupted: a demo stopped before its app is built says so, not
// a bare "context canceled".
func TestNewInterrupted(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := New(ctx, Config{BuildDir: t.TempDir()})
	if !errors.Is(err, context.Canceled) || err.Error() != "demo: interrupted while building "+AppPackage+"; stopped before serving" {
		t.Errorf("New with its context ended: %v", err)
	}
}

// TestNewOutsideAClone: outside the jivokit module, a binary that does not
// know its release (a test binary, or one built in a clone) says how to get
// one that does, once.
func TestNewOutsideAClone(t *testing.T) {
	t.Chdir(t.TempDir())
	var log strings.Builder
	_, err := New(context.Background(), Config{BuildDir: t.TempDir(), Log: &log})
	if !errors.Is(err, errNoVersion) || !strings.Contains(err.Error(), "go install "+ModulePath+"/cmd/jivokit@latest") {
		t.Fatalf("New outside a clone: %v", err)
	}
	if log.Len() > 0 {
		t.Errorf("the log repeats it: %q", log.String())
	}
}
