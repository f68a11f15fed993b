package e2e

import (
	"context"
	"errors"
	"os"
	"sync"
	"testing"
	"time"
)

// ErrNoChromium is wrapped by Launch's error (and so NewBrowser's) when
// there is no browser to run.
var ErrNoChromium = errors.New("e2e: Chromium not found (install Debian's chromium package, or set JIVOKIT_CHROMIUM)")

// ErrShutDown is the error of NewBrowser after Shutdown.
var ErrShutDown = errors.New("e2e: the browser was shut down")

// startTimeout bounds a browser's start.
const startTimeout = 60 * time.Second

// Browser opens pages in a headless Chromium: the test process's shared
// one (NewBrowser), or one of its own (Launch).
type Browser struct {
	ctx  context.Context // the browser's root chromedp context
	cfg  config
	stop func() // stops a browser Launch started; nil for the shared one
}

// shared is the test process's one browser.
var shared struct {
	mu      sync.Mutex
	browser *Browser
	err     error
}

// NewBrowser returns a Browser for tb in the test process's shared
// Chromium, which it starts with Launch on first use. The options apply to
// every page it opens; WithChromium and WithBrowserFlag fail the test
// (the shared browser is started from the environment: use Launch for a
// browser of your own).
//
// Without a browser to run, it skips the test, or fails it when the
// environment variable CI is set.
func NewBrowser(tb testing.TB, opts ...Option) *Browser {
	tb.Helper()
	cfg := config{}.with(opts)
	if err := cfg.errLaunchOnly("NewBrowser"); err != nil {
		tb.Fatal(err)
	}
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

// start starts the shared browser once, with Launch; a failed start is
// not retried.
func start() (context.Context, error) {
	shared.mu.Lock()
	defer shared.mu.Unlock()
	if shared.browser != nil || shared.err != nil {
		if shared.err != nil {
			return nil, shared.err
		}
		return shared.browser.ctx, nil
	}
	b, err := Launch(context.Background())
	if err != nil {
		shared.err = err
		return nil, err
	}
	shared.browser = b
	return b.ctx, nil
}

// Shutdown stops the shared browser and removes its profile directory.
// Later calls of NewBrowser fail with ErrShutDown. Main calls it; call it
// yourself from a TestMain of your own after m.Run.
func Shutdown() {
	shared.mu.Lock()
	defer shared.mu.Unlock()
	if shared.browser != nil {
		shared.browser.Close()
	}
	shared.browser, shared.err = nil, ErrShutDown
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
