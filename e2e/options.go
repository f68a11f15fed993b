package e2e

import (
	"fmt"
	"regexp"
	"time"
)

// Option changes how pages behave: given to Launch or NewBrowser, it
// applies to every page that browser opens; given to Open, to that page
// only. WithChromium and WithBrowserFlag change how Launch starts the
// browser, and apply to Launch only.
type Option func(*config)

type config struct {
	allow   []string
	timeout time.Duration
	launch  launchConfig // Launch's options
}

// DefaultTimeout bounds each evaluation and wait of a page. Opening a
// page (the tab and its load) is bounded by it or by a longer Timeout.
const DefaultTimeout = 15 * time.Second

// WithAllowedConsole lets console errors, exceptions and browser log errors whose
// text matches the regular expression pattern pass without failing the test,
// for a page that is expected to report one. A pattern that does not
// compile fails the test at NewBrowser or Open.
func WithAllowedConsole(pattern string) Option {
	return func(c *config) { c.allow = append(c.allow, pattern) }
}

// Timeout bounds each evaluation and wait; DefaultTimeout when not given,
// or when d is not positive. A shorter timeout does not shorten opening
// the page, which takes what the browser takes.
func WithTimeout(d time.Duration) Option {
	return func(c *config) {
		if d > 0 {
			c.timeout = d
		}
	}
}

func (c config) with(opts []Option) config {
	c.allow = append([]string(nil), c.allow...)
	c.launch.flags = append([]flag(nil), c.launch.flags...)
	if c.timeout == 0 {
		c.timeout = DefaultTimeout
	}
	for _, o := range opts {
		o(&c)
	}
	return c
}

// allowed compiles the WithAllowedConsole patterns.
func (c config) allowed() ([]*regexp.Regexp, error) {
	out := make([]*regexp.Regexp, 0, len(c.allow)+1)
	out = append(out, iframeNoise)
	for _, p := range c.allow {
		re, err := regexp.Compile(p)
		if err != nil {
			return nil, fmt.Errorf("e2e.WithAllowedConsole(%q): %w", p, err)
		}
		out = append(out, re)
	}
	return out, nil
}
