package templates

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/a-h/templ"

	"github.com/jivokit/jivokit/jsapi"
	"github.com/jivokit/jivokit/jsapi/runtime"
)

// Load is when the page fetches the widget's script (docs/runtime.md).
type Load string

const (
	// LoadEager has the page runtime's loader add the widget's <script
	// src async> as soon as it runs: the browser fetches it with the page.
	// The default.
	LoadEager Load = "eager"
	// LoadIdle fetches it after the page's load event, in an idle period
	// (requestIdleCallback, at most 3 s late; a timer where it is missing).
	LoadIdle Load = "idle"
	// LoadInteraction shows a small launcher button where the widget's
	// label will be; the first click fetches the widget and opens the chat
	// once it has loaded (WithLoadIntent adds focus and hover, which only
	// fetch it). Nothing goes to the widget's host before.
	LoadInteraction Load = "interaction"
	// LoadConsent fetches nothing until the page calls jivokit.load(), say
	// from a cookie banner's accept button.
	LoadConsent Load = "consent"
)

// Loads are the loading strategies, LoadEager first.
var Loads = []Load{LoadEager, LoadIdle, LoadInteraction, LoadConsent}

// ParseLoad returns the strategy named s ("eager", "idle", "interaction",
// "consent"); the error wraps ErrOption.
func ParseLoad(s string) (Load, error) {
	if l := Load(s); slices.Contains(Loads, l) {
		return l, nil
	}
	return "", fmt.Errorf("%w: unknown loading strategy %q (want eager, idle, interaction or consent)", ErrOption, s)
}

// Intent is what, besides a click, makes the launcher of LoadInteraction
// fetch the widget (without opening the chat).
type Intent string

const (
	// IntentFocus fetches the widget when the launcher gets the focus.
	IntentFocus Intent = "focus"
	// IntentHover fetches it when the pointer moves over the launcher.
	IntentHover Intent = "hover"
)

// WithLoad sets when the widget's script is fetched; LoadEager by default.
// Under every strategy the HTML carries no <script src> for the widget:
// the page runtime's loader adds it, with the page's CSP nonce, when the
// time comes (at once under LoadEager), and jivokit.load() (Go: jivo.Load)
// starts it earlier. Calls made before it has loaded queue and replay as
// ever.
func WithLoad(l Load) Option {
	return func(s *settings) {
		if _, err := ParseLoad(string(l)); err != nil {
			s.errs = append(s.errs, fmt.Errorf("WithLoad: %w", err))
		}
		s.w.load = l
	}
}

// WithLoadIntent makes focus and/or hover on the launcher fetch the widget
// ahead of the click, which then opens the chat sooner. It needs
// WithLoad(LoadInteraction).
func WithLoadIntent(intents ...Intent) Option {
	return func(s *settings) {
		for _, i := range intents {
			if i != IntentFocus && i != IntentHover {
				s.errs = append(s.errs, fmt.Errorf("%w: WithLoadIntent: unknown intent %q (want focus or hover)", ErrOption, i))
			}
		}
		s.w.intents = append([]Intent{}, intents...)
	}
}

// maxLabel is the longest launcher label, in characters.
const maxLabel = 100

// WithLauncherLabel sets the text of the launcher of LoadInteraction (by
// default "Chat"), say in the page's language. It needs
// WithLoad(LoadInteraction).
func WithLauncherLabel(label string) Option {
	return func(s *settings) {
		if strings.TrimSpace(label) == "" || !utf8.ValidString(label) || utf8.RuneCountInString(label) > maxLabel {
			s.errs = append(s.errs, fmt.Errorf("%w: WithLauncherLabel needs a non-empty UTF-8 text of at most %d characters", ErrOption, maxLabel))
		}
		s.w.label = label
	}
}

// WithTrackPages makes the page runtime follow a single-page app's
// history (pushState, replaceState, popstate, hashchange) and send the
// page's title and URL to the widget (sendPageTitle) once per URL change.
func WithTrackPages() Option {
	return func(s *settings) { s.w.track = true }
}

// WithLoadTimeout sets how long after loading starts the page runtime's
// loader waits for the widget before it reports the failure (jivokit.phase
// "failed", queued calls refused, the launcher turned into WithFallback's
// link); jsapi.DefaultLoadTimeout (20 s) by default. It goes into the
// configuration block's load_timeout, in milliseconds, unless the
// visitor's configuration sets one.
func WithLoadTimeout(d time.Duration) Option {
	return func(s *settings) {
		if d < time.Millisecond || d > jsapi.MaxLoadTimeout*time.Millisecond {
			s.errs = append(s.errs, fmt.Errorf("%w: WithLoadTimeout needs a duration from 1ms to 1h, got %v", ErrOption, d))
		}
		s.w.timeout = d
	}
}

// WithFallback sets the link the page shows when the widget fails to
// load: in the launcher's place, or alone in its corner on a page without
// one. url is a path on the site, or a URL with one of
// jsapi.FallbackSchemes: mailto:, tel:, a messenger (https://t.me/…,
// https://wa.me/…, tg:), a contact page; label is its text. It goes into
// the configuration block's fallback unless the visitor's configuration
// sets one.
func WithFallback(url, label string) Option {
	return func(s *settings) {
		f := jsapi.Fallback{URL: url, Label: label}
		if err := f.Validate(); err != nil {
			s.errs = append(s.errs, fmt.Errorf("%w: WithFallback: %w", ErrOption, err))
		}
		s.w.fallback = &f
	}
}

// loadDefaults puts the widget's watchdog settings (WithLoadTimeout,
// WithFallback) into out where the visitor's configuration, cleaned, has
// none.
func (w *Widget) loadDefaults(out *jsapi.PageConfig) {
	if out.LoadTimeout == 0 && w.timeout > 0 {
		out.LoadTimeout = int(w.timeout.Milliseconds())
	}
	if out.Fallback == nil && w.fallback != nil {
		clean := *w.fallback
		out.Fallback = &clean
	}
}

// loaderJS is the runtime's loader, which every snippet carries.
var loaderJS = newInline(runtime.Loader)

// loaderScript renders the loader with its settings in data-* attributes.
func loaderScript(w *Widget) templ.Component {
	return templ.ComponentFunc(func(ctx context.Context, out io.Writer) error {
		if loaderJS.err != nil {
			return loaderJS.err
		}
		var b strings.Builder
		attr := func(k, v string) {
			b.WriteString(" " + k + `="` + templ.EscapeString(v) + `"`)
		}
		attr("data-load", string(w.load))
		attr("data-src", w.ScriptURL())
		if w.script != nil && len(w.script.attrs) > 0 {
			data, err := json.Marshal(w.script.attrs)
			if err != nil {
				return err
			}
			attr("data-attrs", string(data))
		}
		if w.label != "" {
			attr("data-label", w.label)
		}
		if len(w.intents) > 0 {
			in := make([]string, len(w.intents))
			for i, x := range w.intents {
				in[i] = string(x)
			}
			attr("data-intent", "click "+strings.Join(in, " "))
		}
		if w.track {
			b.WriteString(" data-track-pages")
		}
		return writeScript(ctx, out, b.String(), loaderJS.js)
	})
}
