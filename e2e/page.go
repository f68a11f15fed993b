package e2e

import (
	"context"
	"errors"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Page is one tab, opened by Browser.Open for one test. Its methods fail
// that test (with t.Fatal) when the browser does not do what they ask in
// time, so call them from the test's own goroutine.
type Page struct {
	tb      testing.TB
	ctx     context.Context
	url     string
	timeout time.Duration // the test's evaluations and waits
	browser time.Duration // what the browser does for the harness: open, load, report
	allow   []*regexp.Regexp

	mu      sync.Mutex
	console []ConsoleMessage
}

// Open opens url in a new tab, in a browser context of its own, and waits
// for its load event. When the test ends, the page's console is checked
// (see the package documentation), a failed test gets a screenshot, and
// the tab closes.
func (b *Browser) Open(tb testing.TB, url string, opts ...Option) *Page {
	tb.Helper()
	if err := (config{}).with(opts).errLaunchOnly("Open"); err != nil {
		tb.Fatal(err)
	}
	cfg := b.cfg.with(opts)
	allow, err := cfg.allowed()
	if err != nil {
		tb.Fatal(err)
	}
	ctx, cancel := chromedp.NewContext(b.ctx, chromedp.WithNewBrowserContext())
	// Opening the tab and loading the page take what the browser takes
	// under load, whatever the page's timeout: a short Timeout is meant
	// for the test's own evaluations and waits.
	open := max(cfg.timeout, DefaultTimeout)
	p := &Page{tb: tb, ctx: ctx, url: url, timeout: cfg.timeout, browser: open, allow: allow}
	// The first Run binds the tab to the context it gets, so it cannot take
	// a context with a deadline: the wait for it is bounded here instead.
	opened := make(chan error, 1)
	go func() { opened <- chromedp.Do(ctx) }()
	select {
	case err := <-opened:
		if err != nil {
			cancel()
			tb.Fatalf("e2e: opening a tab: %v", err)
		}
	case <-time.After(open):
		cancel()
		tb.Fatalf("e2e: opening a tab: no answer from the browser after %v", open)
	}
	if err := chromedp.Listen(ctx, p.record); err != nil {
		cancel()
		tb.Fatalf("e2e: listening to the tab: %v", err)
	}
	tb.Cleanup(func() {
		p.finish()
		cancel()
	})
	nav, cancelNav := context.WithTimeout(ctx, open)
	defer cancelNav()
	if _, err := chromedp.Run(nav, chromedp.Navigate(url)); err != nil {
		tb.Fatalf("e2e: opening %s: %v", url, err)
	}
	return p
}

// URL is the address the page was opened at.
func (p *Page) URL() string { return p.url }

// Context is the page's chromedp context, for actions this package lacks:
//
//	title, err := chromedp.Run(p.Context(), chromedp.Title())
func (p *Page) Context() context.Context { return p.ctx }

// run runs a step with the page's timeout.
func (p *Page) run(a chromedp.Action[chromedp.Void]) error {
	ctx, cancel := context.WithTimeout(p.ctx, p.timeout)
	defer cancel()
	_, err := chromedp.Run(ctx, a)
	return err
}

// Eval evaluates the JavaScript expression on p, awaits it if it is a
// promise, and decodes its JSON value into a T. It fails the test when the
// expression throws, the value does not decode or it takes too long.
func Eval[T any](p *Page, expression string) T {
	p.tb.Helper()
	v, err := EvalErr[T](p, expression)
	if err != nil {
		p.tb.Fatalf("e2e: evaluating %s: %v", short(expression), err)
	}
	return v
}

// EvalErr is Eval returning the error instead of failing the test, for
// expressions that are expected to throw.
func EvalErr[T any](p *Page, expression string) (T, error) {
	ctx, cancel := context.WithTimeout(p.ctx, p.timeout)
	defer cancel()
	return chromedp.Run(ctx, chromedp.Evaluate[T](expression, chromedp.EvalAwaitPromise))
}

// Do evaluates the JavaScript expression for its effect, as Eval does, and
// ignores its value.
func (p *Page) Do(expression string) {
	p.tb.Helper()
	Eval[chromedp.Void](p, expression)
}

// WaitFor waits until the JavaScript expression is truthy, polling it every
// few milliseconds. It fails the test when the expression throws or stays
// falsy for the page's timeout.
func (p *Page) WaitFor(expression string) {
	p.tb.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, p.timeout+time.Second)
	defer cancel()
	_, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](expression,
		chromedp.WithPollingInterval(10*time.Millisecond),
		chromedp.WithPollingTimeout(p.timeout)))
	if errors.Is(err, chromedp.ErrPollingTimeout) || errors.Is(err, context.DeadlineExceeded) {
		p.tb.Fatalf("e2e: still false after %v: %s", p.timeout, expression)
	}
	if err != nil {
		p.tb.Fatalf("e2e: waiting for %s: %v", short(expression), err)
	}
}

// Click waits until the first element matching the CSS selector is
// visible and clicks its centre with the mouse.
func (p *Page) Click(selector string) {
	p.tb.Helper()
	if err := p.run(chromedp.Click(chromedp.CSS(selector))); err != nil {
		p.tb.Fatalf("e2e: clicking %s: %v", selector, err)
	}
}

// Text waits until the first element matching the CSS selector is visible
// and returns its visible text.
func (p *Page) Text(selector string) string {
	p.tb.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, p.timeout)
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(selector)))
	if err != nil {
		p.tb.Fatalf("e2e: reading the text of %s: %v", selector, err)
	}
	return s
}

// short trims an expression for an error message.
func short(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 120 {
		return s[:117] + "..."
	}
	return s
}
