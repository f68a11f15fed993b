package wasmbuild

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"
)

// TestBuildCancelStopsTheCompilers: cancelling a build stops the go
// command and the compilers it started, and leaves no work directory
// (not even in a GOTMPDIR of Options.Env).
func TestBuildCancelStopsTheCompilers(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("finds the build's processes in /proc")
	}
	// A cold cache, so that the go command compiles package runtime (for
	// seconds); the marker tells the build's processes from every other.
	cache := t.TempDir()
	marker := []byte("GOCACHE=" + cache)
	out, goTmp := t.TempDir(), t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() {
		_, err := Build(ctx, "./testdata/hello", Options{OutDir: out, Env: []string{string(marker), "GOTMPDIR=" + goTmp}})
		done <- err
	}()
	for !compilingRuntime(processesWith(marker)) {
		select {
		case err := <-done:
			t.Skipf("the build ended (%v) before it compiled the runtime", err)
		case <-time.After(10 * time.Millisecond):
		}
	}
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("Build gave %v, want context.Canceled", err)
		}
	case <-time.After(time.Minute):
		t.Fatal("Build did not return within a minute of its context ending")
	}
	// An interrupted compiler is gone at once; one left running would
	// compile on for seconds.
	for deadline := time.Now().Add(2 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		left := processesWith(marker)
		if len(left) == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("processes %v of the cancelled build still run", left)
		}
	}
	for _, dir := range []string{out, goTmp} {
		if entries, err := os.ReadDir(dir); err != nil || len(entries) != 0 {
			t.Errorf("the cancelled build left %v in %s (%v)", entries, dir, err)
		}
	}
}

// processesWith lists the processes whose environment holds the entry env.
func processesWith(env []byte) []string {
	paths, _ := filepath.Glob("/proc/[0-9]*/environ")
	var pids []string
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		for _, e := range bytes.Split(b, []byte{0}) {
			if bytes.Equal(e, env) {
				pids = append(pids, filepath.Base(filepath.Dir(p)))
				break
			}
		}
	}
	return pids
}

// compilingRuntime reports whether one of the processes compiles package
// runtime, which takes seconds.
func compilingRuntime(pids []string) bool {
	for _, pid := range pids {
		args, _ := os.ReadFile(filepath.Join("/proc", pid, "cmdline"))
		if bytes.Contains(args, []byte("\x00-p\x00runtime\x00")) {
			return true
		}
	}
	return false
}
