package e2e

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// fakeTB is a test inside a test: it records what the harness reports
// instead of failing the real test, so the harness's failures can be tested.
type fakeTB struct {
	testing.TB // the real test, for what fakeTB does not override

	mu       sync.Mutex
	errors   []string
	logs     []string
	failed   bool
	skipped  bool
	cleanups []func()
}

// newFakeTB returns an inner test of t; the screenshots of its failures go
// to a temporary directory of t.
func newFakeTB(t *testing.T) *fakeTB {
	t.Setenv("JIVOKIT_E2E_ARTIFACTS", t.TempDir())
	return &fakeTB{TB: t}
}

func (f *fakeTB) Helper()      {}
func (f *fakeTB) Name() string { return f.TB.Name() + "/inner" }

func (f *fakeTB) Failed() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.failed
}

func (f *fakeTB) Errorf(format string, args ...any) { f.fail(fmt.Sprintf(format, args...)) }
func (f *fakeTB) Error(args ...any)                 { f.fail(fmt.Sprint(args...)) }
func (f *fakeTB) Fatalf(format string, args ...any) {
	f.fail(fmt.Sprintf(format, args...))
	runtime.Goexit()
}
func (f *fakeTB) Fatal(args ...any)                { f.fail(fmt.Sprint(args...)); runtime.Goexit() }
func (f *fakeTB) Skip(args ...any)                 { f.skip(fmt.Sprint(args...)) }
func (f *fakeTB) Skipf(format string, args ...any) { f.skip(fmt.Sprintf(format, args...)) }
func (f *fakeTB) Logf(format string, args ...any)  { f.log(fmt.Sprintf(format, args...)) }
func (f *fakeTB) Log(args ...any)                  { f.log(fmt.Sprint(args...)) }

func (f *fakeTB) Cleanup(fn func()) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.cleanups = append(f.cleanups, fn)
}

func (f *fakeTB) fail(msg string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.failed = true
	f.errors = append(f.errors, msg)
}

func (f *fakeTB) skip(msg string) {
	f.mu.Lock()
	f.skipped = true
	f.logs = append(f.logs, "SKIP: "+msg)
	f.mu.Unlock()
	runtime.Goexit()
}

func (f *fakeTB) log(msg string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.logs = append(f.logs, msg)
}

// run runs body as the inner test's body on a goroutine of its own (so
// Fatal and Skip end only it), then its cleanups, last registered first.
func (f *fakeTB) run(body func(tb testing.TB)) {
	goroutine(func() { body(f) })
	for i := len(f.cleanups) - 1; i >= 0; i-- {
		goroutine(f.cleanups[i])
	}
}

func goroutine(fn func()) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn()
	}()
	<-done
}

// errorText is every error the inner test reported, one per line.
func (f *fakeTB) errorText() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return strings.Join(f.errors, "\n")
}

func (f *fakeTB) logText() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return strings.Join(f.logs, "\n")
}
