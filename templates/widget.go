package templates

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"time"

	"github.com/jivokit/jivokit/jsapi"
	"github.com/jivokit/jivokit/usertoken"
)

// Widget is a site's JivoChat widget: its id, where its script comes from,
// and the site-wide rules for visitor configuration. Build one at start-up
// with NewWidget; it is immutable and safe for concurrent use. Render it per
// request with Snippet.
type Widget struct {
	id         string
	host       string
	script     *script // another widget script than the vendor's (WithScript)
	load       Load
	intents    []Intent
	label      string
	track      bool
	timeout    time.Duration   // WithLoadTimeout
	fallback   *jsapi.Fallback // WithFallback
	runtimeURL string
	safeHosts  jsapi.SafeHosts
	strict     bool // WithStrict
	signer     *usertoken.Signer
	tokenTTL   time.Duration
	report     func(context.Context, error)
	now        func() time.Time  // the clock tokens are issued by; tests fix it
	life       *lifeRules        // WithLife
	langs      map[string]string // WithLanguages: lower-case tag to id
}

// Option configures a Widget.
type Option func(*settings)

type settings struct {
	w    Widget
	errs []error
}

// WithHost loads the widget from host instead of HostDefault, e.g. HostRU.
func WithHost(host string) Option {
	return func(s *settings) {
		if err := validateHost(host); err != nil {
			s.errs = append(s.errs, err)
		}
		s.w.host = host
	}
}

// ScriptSource is a widget script that stands in for the vendor's, such
// as the stub widget (package templates/stubwidget offers it).
type ScriptSource interface {
	// WidgetScript returns the script's URL and the data-* attributes of
	// its element, or why it cannot be used.
	WidgetScript() (url string, attrs map[string]string, err error)
}

// script is a ScriptSource's answer, checked.
type script struct {
	url   string
	attrs map[string]string
}

// WithScript loads the widget from src instead of the vendor's servers:
// its URL must be http(s), protocol-relative or a path, and its attributes
// lower-case data-* names. Nothing reaches the vendor's servers. The stub
// widget's option (stubwidget.With) is one; a program that never asks for
// it does not link the stub.
func WithScript(src ScriptSource) Option {
	return func(s *settings) {
		if src == nil {
			s.errs = append(s.errs, fmt.Errorf("%w: WithScript needs a script source", ErrOption))
			return
		}
		u, attrs, err := src.WidgetScript()
		if err != nil {
			s.errs = append(s.errs, fmt.Errorf("%w: %w", ErrOption, err))
		}
		if err := validateURL("widget script URL", u); err != nil {
			s.errs = append(s.errs, err)
		}
		for k := range attrs {
			if !dataAttr(k) {
				s.errs = append(s.errs, fmt.Errorf("%w: widget script attribute %q is not a lower-case data-* name", ErrOption, k))
			}
		}
		s.w.script = &script{u, maps.Clone(attrs)}
	}
}

// dataAttr reports whether k is data- followed by lower-case letters,
// digits and dashes.
func dataAttr(k string) bool {
	if len(k) <= 5 || k[:5] != "data-" {
		return false
	}
	for _, c := range k[5:] {
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '-' {
			return false
		}
	}
	return true
}

// WithRuntimeURL loads the page runtime from u (for instance RuntimePath,
// served by AssetHandler) instead of inlining it, which lets browsers cache
// it. By default the runtime is inlined.
func WithRuntimeURL(u string) Option {
	return func(s *settings) {
		if err := validateURL("runtime URL", u); err != nil {
			s.errs = append(s.errs, err)
		}
		s.w.runtimeURL = u
	}
}

// WithSafeHosts restricts custom data links to these hosts and their
// subdomains, as the admin panel's "Safe URL" does; links elsewhere are left
// out and reported, as are links that are no http(s) link with a host
// (javascript:, data:, relative ones). The webhook handler's
// webhook.WithSafeHosts takes the same list by the same rules: see
// jsapi.SafeHosts for what an entry may be. Without it every link passes,
// one that is not an absolute http(s) URL with jivokit's advice (reported;
// left out with WithStrict). Given more than once, the last list counts.
func WithSafeHosts(hosts ...string) Option {
	return func(s *settings) {
		if len(hosts) == 0 {
			s.errs = append(s.errs, fmt.Errorf("%w: WithSafeHosts needs at least one host; leave it out to allow links to any host", ErrOption))
			return
		}
		list, err := jsapi.NewSafeHosts(hosts...)
		if err != nil {
			s.errs = append(s.errs, fmt.Errorf("%w: WithSafeHosts: %w", ErrOption, err))
			return
		}
		s.w.safeHosts = list
	}
}

// WithStrict turns jivokit's advice about a visitor's configuration into
// refusal: a part that breaks no rule of the vendor's but one of jivokit's
// advice (an e-mail address or phone number of an unusual shape, a
// relative or mailto: link, a colour that is not #rgb or #rrggbb, a blank
// invitation) is left out of the page and reported, rather than kept and
// reported. The vendor's own rules and what cannot be written are enforced
// either way; see jsapi.Kind.
func WithStrict() Option {
	return func(s *settings) { s.w.strict = true }
}

// WithVisitorTokens signs Visitor.ID into the page's user token with signer,
// valid for ttl; the webhook handler verifies it with the same signer.
func WithVisitorTokens(signer *usertoken.Signer, ttl time.Duration) Option {
	return func(s *settings) {
		if signer == nil {
			s.errs = append(s.errs, fmt.Errorf("%w: WithVisitorTokens needs a signer (usertoken.NewSigner)", ErrOption))
		}
		if signer != nil {
			// A trial token shows a ttl the signer refuses now, not per request.
			if _, err := signer.Issue("jivokit", ttl); err != nil {
				s.errs = append(s.errs, fmt.Errorf("%w: WithVisitorTokens: %w", ErrOption, err))
			}
		}
		s.w.signer, s.w.tokenTTL = signer, ttl
	}
}

// WithErrorHandler sets the function that receives the *RenderError of each
// snippet that left parts of a visitor's configuration out or kept them
// with jivokit's advice (a *jsapi.Warning, found with errors.As), with the
// request's context. By default it is logged with slog at level warn.
// (webhook.WithErrorHandler and jivo.SetErrorHandler are the same idea in
// their packages.)
func WithErrorHandler(handler func(ctx context.Context, err error)) Option {
	return func(s *settings) {
		if handler == nil {
			s.errs = append(s.errs, fmt.Errorf("%w: WithErrorHandler needs a function", ErrOption))
		}
		s.w.report = handler
	}
}

// NewWidget returns the widget with the given id (the last part of the
// admin panel's code, //code.jivosite.com/widget/ID). The error lists every
// problem with id and opts.
func NewWidget(id string, opts ...Option) (*Widget, error) {
	s := settings{w: Widget{id: id, host: HostDefault, load: LoadEager, now: time.Now}}
	if err := ValidateWidgetID(id); err != nil {
		s.errs = append(s.errs, err)
	}
	for _, o := range opts {
		o(&s)
	}
	if s.w.load != LoadInteraction && (s.w.label != "" || s.w.intents != nil) {
		s.errs = append(s.errs, fmt.Errorf("%w: WithLauncherLabel and WithLoadIntent need WithLoad(LoadInteraction)", ErrOption))
	}
	if err := errors.Join(s.errs...); err != nil {
		return nil, err
	}
	if s.w.report == nil {
		s.w.report = logReport
	}
	w := s.w
	return &w, nil
}

func logReport(ctx context.Context, err error) {
	var re *RenderError
	if errors.As(err, &re) && !re.LeftOut() {
		slog.WarnContext(ctx, "jivokit: advice about a visitor's configuration", "error", err)
		return
	}
	slog.WarnContext(ctx, "jivokit: visitor configuration left out of the page", "error", err)
}

// ID returns the widget id.
func (w *Widget) ID() string { return w.id }

// Host returns the host the vendor's script is loaded from.
func (w *Widget) Host() string { return w.host }

// ScriptURL returns the URL of the vendor's widget script,
// "//code.jivosite.com/widget/ID", or the one of WithScript.
func (w *Widget) ScriptURL() string {
	if w.script != nil {
		return w.script.url
	}
	return "//" + w.host + "/widget/" + w.id
}

// Load returns the widget's loading strategy.
func (w *Widget) Load() Load { return w.load }
