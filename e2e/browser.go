package e2e

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// ErrNoChromium is the error of a test process that found no browser to run.
var ErrNoChromium = errors.New("e2e: Chromium not found (install Debian's chromium package, or set JIVOKIT_CHROMIUM)")

// ErrShutDown is the error of NewBrowser after Shutdown.
var ErrShutDown = errors.New("e2e: the browser was shut down")

// startTimeout bounds the browser's start.
const startTimeout = 60 * time.Second

// Browser opens pages in the test process's shared headless Chromium.
type Browser struct {
	ctx context.Context // the root chromedp context of the shared browser
	cfg config
}

// shared is the test process's one browser.
var shared struct {
	mu     sync.Mutex
	ctx    context.Context
	cancel context.CancelFunc
	err    error
}

// NewBrowser returns a Browser for tb, starting the shared Chromium if it
// is not running yet. The options apply to every page it opens.
//
// Without a browser to run, it skips the test, or fails it when the
// environment variable CI is set.
func NewBrowser(tb testing.TB, opts ...Option) *Browser {
	tb.Helper()
	cfg := config{}.with(opts)
	if _, err := cfg.allowed(); err != nil {
		tb.Fatal(err)
	}
	ctx, err := start()
	if err != nil {
		unavailable(tb, err)
		return nil
	}
	return &Browser{ctx: ctx, cfg: cfg}
}

// unavailable skips or fails tb for a browser that did not start.
func unavailable(tb testing.TB, err error) {
	tb.Helper()
	if errors.Is(err, ErrNoChromium) && os.Getenv("CI") == "" {
		tb.Skip(err)
	}
	tb.Fatal(err)
}

// start starts the shared browser once; a failed start is not retried.
func start() (context.Context, error) {
	shared.mu.Lock()
	defer shared.mu.Unlock()
	if shared.ctx != nil || shared.err != nil {
		return shared.ctx, shared.err
	}
	path, err := chromiumPath()
	if err != nil {
		shared.err = err
		return nil, err
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.WindowSize(1280, 900),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("no-first-run", true),
	)
	allocCtx, allocCancel := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	done := make(chan error, 1)
	go func() { done <- chromedp.Do(ctx) }() // starts the browser
	select {
	case err = <-done:
	case <-time.After(startTimeout):
		err = fmt.Errorf("no answer after %v", startTimeout)
	}
	if err != nil {
		cancel()
		allocCancel()
		shared.err = fmt.Errorf("e2e: starting %s: %w", path, err)
		return nil, shared.err
	}
	shared.ctx = ctx
	shared.cancel = func() {
		cancel()
		allocCancel()
	}
	return ctx, nil
}

// chromiumPath finds the browser: $JIVOKIT_CHROMIUM, /usr/bin/chromium, or
// a usual name on PATH.
func chromiumPath() (string, error) {
	if p := os.Getenv("JIVOKIT_CHROMIUM"); p != "" {
		full, err := exec.LookPath(p)
		if err != nil {
			return "", fmt.Errorf("%w: JIVOKIT_CHROMIUM=%s: %w", ErrNoChromium, p, err)
		}
		return full, nil
	}
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless-shell", "headless_shell"} {
		if full, err := exec.LookPath(name); err == nil {
			return full, nil
		}
	}
	return "", ErrNoChromium
}

// Shutdown stops the shared browser and removes its profile directory.
// Later calls of NewBrowser fail with ErrShutDown. Main calls it; call it
// yourself from a TestMain of your own after m.Run.
func Shutdown() {
	shared.mu.Lock()
	defer shared.mu.Unlock()
	if shared.cancel != nil {
		shared.cancel()
	}
	shared.ctx, shared.cancel, shared.err = nil, nil, ErrShutDown
}

// Main runs the tests, stops the shared browser and exits; call it from
// TestMain:
//
//	func TestMain(m *testing.M) { e2e.Main(m) }
func Main(m *testing.M) {
	code := m.Run()
	Shutdown()
	os.Exit(code)
}
