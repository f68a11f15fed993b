package demo

import (
	"context"
	"errors"
	"io"
	"net"
	"os"
	"path/filepath"
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
