package e2e

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

func TestChromiumPath(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "no-chromium")
	t.Run("JIVOKIT_CHROMIUM missing", func(t *testing.T) {
		t.Setenv("JIVOKIT_CHROMIUM", missing)
		if _, err := chromiumPath(""); !errors.Is(err, ErrNoChromium) || !strings.Contains(err.Error(), "JIVOKIT_CHROMIUM=") {
			t.Errorf("a missing JIVOKIT_CHROMIUM gave %v, want ErrNoChromium naming it", err)
		}
	})
	t.Run("WithChromium missing", func(t *testing.T) {
		t.Setenv("JIVOKIT_CHROMIUM", "")
		if _, err := chromiumPath(missing); !errors.Is(err, ErrNoChromium) || !strings.Contains(err.Error(), "WithChromium=") {
			t.Errorf("a missing WithChromium gave %v, want ErrNoChromium naming it", err)
		}
	})
	t.Run("WithChromium before JIVOKIT_CHROMIUM", func(t *testing.T) {
		t.Setenv("JIVOKIT_CHROMIUM", missing)
		self, err := os.Executable()
		if err != nil {
			t.Fatal(err)
		}
		if got, err := chromiumPath(self); err != nil || got != self {
			t.Errorf("chromiumPath(%q) = %q, %v", self, got, err)
		}
	})
	t.Run("nothing named: chromedp searches", func(t *testing.T) {
		t.Setenv("JIVOKIT_CHROMIUM", "")
		old := defaultChromium
		defaultChromium = missing
		defer func() { defaultChromium = old }()
		if got, err := chromiumPath(""); err != nil || got != "" {
			t.Errorf(`chromiumPath("") = %q, %v; want "" (chromedp's search)`, got, err)
		}
	})
}

// TestLaunchFindsNoBrowser: with nothing named and no browser on PATH,
// chromedp's search fails and Launch says ErrNoChromium.
func TestLaunchFindsNoBrowser(t *testing.T) {
	t.Setenv("JIVOKIT_CHROMIUM", "")
	t.Setenv("PATH", t.TempDir())
	old := defaultChromium
	defaultChromium = filepath.Join(t.TempDir(), "no-chromium")
	defer func() { defaultChromium = old }()
	b, err := Launch(context.Background())
	if !errors.Is(err, ErrNoChromium) {
		if b != nil {
			b.Close()
		}
		t.Fatalf("Launch without a browser: %v, want ErrNoChromium", err)
	}
}

func TestLaunchRejectsBadOptions(t *testing.T) {
	if _, err := Launch(context.Background(), WithAllowedConsole("(")); err == nil || !strings.Contains(err.Error(), "WithAllowedConsole") {
		t.Errorf("a bad pattern: %v", err)
	}
	for _, opt := range []Option{WithChromium("/bin/true"), WithBrowserFlag("js-flags", "--no-opt")} {
		inner := newFakeTB(t)
		inner.run(func(tb testing.TB) { NewBrowser(tb, opt) })
		if !strings.Contains(inner.errorText(), "apply to Launch, not NewBrowser") {
			t.Errorf("NewBrowser with a launch option: %q", inner.errorText())
		}
	}
}

// TestLaunch starts a browser of its own, with a flag, outside any test
// helper: a tab through Context sees the flag; Open works as on the
// shared browser; Close stops it.
func TestLaunch(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	b, err := Launch(ctx, WithBrowserFlag("user-agent", "jivokit-launch-test"), WithTimeout(30*time.Second))
	if err != nil {
		unavailable(t, err)
	}
	defer b.Close()

	tab, cancelTab := chromedp.NewContext(b.Context())
	ua, err := chromedp.Run(tab, chromedp.Evaluate[string]("navigator.userAgent"))
	cancelTab()
	if err != nil || ua != "jivokit-launch-test" {
		t.Errorf("user agent %q, %v; want the flag's", ua, err)
	}

	srv := testServer(t)
	p := b.Open(t, srv.URL+"/plain.html")
	if got := Eval[string](p, "document.title"); got != "plain page" {
		t.Errorf("title %q", got)
	}
	inner := newFakeTB(t)
	inner.run(func(tb testing.TB) { b.Open(tb, srv.URL+"/plain.html", WithChromium("/bin/true")) })
	if !strings.Contains(inner.errorText(), "apply to Launch, not Open") {
		t.Errorf("Open with a launch option: %q", inner.errorText())
	}

	b.Close()
	if b.Context().Err() == nil {
		t.Error("the browser's context is live after Close")
	}
}

// TestNewBrowserCloseKeepsTheSharedBrowser: Close on a Browser of
// NewBrowser does nothing; the shared browser serves the next test.
func TestNewBrowserCloseKeepsTheSharedBrowser(t *testing.T) {
	srv := testServer(t)
	NewBrowser(t).Close()
	p := NewBrowser(t).Open(t, srv.URL+"/plain.html")
	if got := Eval[string](p, "document.title"); got != "plain page" {
		t.Errorf("title %q after Close of a shared Browser", got)
	}
}
