package e2e

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"time"

	"github.com/chromedp/chromedp"
)

// defaultChromium is the browser tried first when neither WithChromium nor
// JIVOKIT_CHROMIUM names one: Debian's chromium package.
var defaultChromium = "/usr/bin/chromium"

// launchConfig is what Launch's options set.
type launchConfig struct {
	chromium string
	flags    []flag
}

type flag struct {
	name  string
	value any
}

// WithChromium runs the browser at path (a file, or a name looked up on
// PATH) instead of $JIVOKIT_CHROMIUM, /usr/bin/chromium or the browsers
// chromedp finds. It applies to Launch only.
func WithChromium(path string) Option {
	return func(c *config) { c.launch.chromium = path }
}

// WithBrowserFlag passes the command-line flag --name (value true) or
// --name=value (a string) to the browser, after Launch's own flags, which
// it may override: WithBrowserFlag("js-flags", "--no-opt"). It applies to
// Launch only.
func WithBrowserFlag(name string, value any) Option {
	return func(c *config) { c.launch.flags = append(c.launch.flags, flag{name, value}) }
}

// errLaunchOnly is the error of a launch option given where a browser is
// not started.
func (c config) errLaunchOnly(where string) error {
	if c.launch.chromium != "" || len(c.launch.flags) > 0 {
		return fmt.Errorf("e2e: WithChromium and WithBrowserFlag apply to Launch, not %s", where)
	}
	return nil
}

// Launch starts a headless Chromium of its own and returns a Browser that
// opens pages in it; Close stops it, and so does the end of ctx. Page
// options (WithAllowedConsole, WithTimeout) apply to every page it opens.
// Unlike NewBrowser it needs no test: a benchmark or measurement command
// launches its browser the same way, and reaches chromedp through
// Browser.Context.
//
// The browser is the one WithChromium names, else $JIVOKIT_CHROMIUM, else
// /usr/bin/chromium, else the first that chromedp finds on PATH (chromium,
// google-chrome, headless-shell, ...). It runs with chromedp's default
// flags (headless, no first run, no background networking, no sync,
// /dev/shm not used), a temporary profile, and these of its own:
// --no-sandbox (tests often run as root in containers), --disable-gpu,
// --disable-component-update (the browser downloads nothing) and a
// 1280×900 window.
//
// When no browser is found, the error wraps ErrNoChromium. Starting is
// bounded by ctx and by a minute.
func Launch(ctx context.Context, opts ...Option) (*Browser, error) {
	cfg := config{}.with(opts)
	if _, err := cfg.allowed(); err != nil {
		return nil, err
	}
	path, err := chromiumPath(cfg.launch.chromium)
	if err != nil {
		return nil, err
	}
	flags := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.WindowSize(1280, 900),
		chromedp.Flag("disable-component-update", true),
	)
	if path != "" {
		flags = append(flags, chromedp.ExecPath(path))
	}
	for _, f := range cfg.launch.flags {
		flags = append(flags, chromedp.Flag(f.name, f.value))
	}
	allocCtx, allocCancel := chromedp.NewExecAllocator(ctx, flags...)
	bctx, cancel := chromedp.NewContext(allocCtx)
	stop := func() {
		cancel()
		allocCancel()
	}
	done := make(chan error, 1)
	go func() { done <- chromedp.Do(bctx) }() // starts the browser
	timer := time.NewTimer(startTimeout)
	defer timer.Stop()
	select {
	case err = <-done:
	case <-timer.C:
		err = fmt.Errorf("no answer after %v", startTimeout)
	case <-ctx.Done():
		err = ctx.Err()
	}
	if err != nil {
		stop()
		name := path
		if name == "" {
			name = "Chromium"
		}
		if errors.Is(err, exec.ErrNotFound) {
			return nil, fmt.Errorf("%w: %w", ErrNoChromium, err)
		}
		return nil, fmt.Errorf("e2e: starting %s: %w", name, err)
	}
	return &Browser{ctx: bctx, cfg: cfg, stop: stop}, nil
}

// chromiumPath is the browser to run: path, else $JIVOKIT_CHROMIUM, else
// /usr/bin/chromium when it is there, else "": chromedp's own search. A
// browser that is named but missing is ErrNoChromium.
func chromiumPath(path string) (string, error) {
	from := "WithChromium"
	if path == "" {
		path, from = os.Getenv("JIVOKIT_CHROMIUM"), "JIVOKIT_CHROMIUM"
	}
	if path != "" {
		full, err := exec.LookPath(path)
		if err != nil {
			return "", fmt.Errorf("%w: %s=%s: %w", ErrNoChromium, from, path, err)
		}
		return full, nil
	}
	if full, err := exec.LookPath(defaultChromium); err == nil {
		return full, nil
	}
	return "", nil
}

// Context is the browser's chromedp context, for what Open does not do:
// a tab of its own for a measurement, say.
//
//	tab, cancel := chromedp.NewContext(b.Context(), chromedp.WithNewBrowserContext())
//	defer cancel()
func (b *Browser) Context() context.Context { return b.ctx }

// Close stops a browser that Launch started, removes its profile and
// waits for it to exit. A Browser of NewBrowser shares the test process's
// browser: its Close does nothing (Shutdown stops that one).
func (b *Browser) Close() {
	if b.stop != nil {
		b.stop()
	}
}
