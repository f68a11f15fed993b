package templates

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/a-h/templ"

	"github.com/jivokit/jivokit/jsapi"
	"github.com/jivokit/jivokit/jsapi/runtime"
	"github.com/jivokit/jivokit/stub"
)

func render(t *testing.T, opts ...Option) string {
	t.Helper()
	w, err := NewWidget("Abc1234567", opts...)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := w.Snippet(Visitor{}).Render(templ.WithNonce(context.Background(), "n0nce"), &b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestLoadStrategiesRender(t *testing.T) {
	for _, tc := range []struct {
		name   string
		opts   []Option
		loader string // the loader's attributes
	}{
		{"default eager", nil, `<script data-load="eager" data-src="//code.jivosite.com/widget/Abc1234567" nonce="n0nce">`},
		{"eager", []Option{WithLoad(LoadEager)}, `<script data-load="eager" data-src="//code.jivosite.com/widget/Abc1234567" nonce="n0nce">`},
		{"eager with tracking", []Option{WithTrackPages()}, `<script data-load="eager" data-src="//code.jivosite.com/widget/Abc1234567" data-track-pages nonce="n0nce">`},
		{"idle", []Option{WithLoad(LoadIdle)}, `<script data-load="idle" data-src="//code.jivosite.com/widget/Abc1234567" nonce="n0nce">`},
		{"consent", []Option{WithLoad(LoadConsent)}, `<script data-load="consent" data-src="//code.jivosite.com/widget/Abc1234567" nonce="n0nce">`},
		{"interaction, translated, focus and hover", []Option{WithLoad(LoadInteraction), WithLauncherLabel(`Écrivez-nous "ici" <3`), WithLoadIntent(IntentFocus, IntentHover), WithTrackPages()},
			`<script data-load="interaction" data-src="//code.jivosite.com/widget/Abc1234567" data-label="Écrivez-nous &#34;ici&#34; &lt;3" data-intent="click focus hover" data-track-pages nonce="n0nce">`},
		{"stub under consent", []Option{WithLoad(LoadConsent), withStub(stub.Options{LoadDelay: 5 * time.Millisecond, Offline: true})},
			`<script data-load="consent" data-src="/jivokit/stub.js" data-attrs="{&#34;data-load-delay&#34;:&#34;5&#34;,&#34;data-offline&#34;:&#34;true&#34;}" nonce="n0nce">`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			html := render(t, tc.opts...)
			// Every strategy: the loader adds the widget's script, so
			// that a policy with 'strict-dynamic' trusts it with hashes
			// only as with a nonce; no parser-inserted <script src>.
			if strings.Contains(html, "<script src=") {
				t.Errorf("a parser-inserted <script src> in the HTML:\n%s", html)
			}
			if !strings.Contains(html, tc.loader+runtime.Loader+"</script>") {
				t.Errorf("no loader %s in\n%s", tc.loader, html)
			}
		})
	}
}

func TestLoadWatchdogSettings(t *testing.T) {
	w, err := NewWidget("Abc1234567", WithLoadTimeout(5*time.Second), WithFallback("mailto:help@shop.example", "E-mail us"))
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := w.Config(Visitor{})
	if err != nil || cfg.LoadTimeout != 5000 || cfg.Fallback == nil || *cfg.Fallback != (jsapi.Fallback{URL: "mailto:help@shop.example", Label: "E-mail us"}) {
		t.Errorf("Config = %+v (fallback %+v), %v", cfg, cfg.Fallback, err)
	}
	// The visitor's own settings win; invalid ones are left out and reported.
	cfg, err = w.Config(Visitor{Config: jsapi.PageConfig{LoadTimeout: 800, Fallback: &jsapi.Fallback{URL: "tel:+15550100", Label: "Call"}}})
	if err != nil || cfg.LoadTimeout != 800 || cfg.Fallback.URL != "tel:+15550100" {
		t.Errorf("visitor's settings: %+v, %v", cfg, err)
	}
	cfg, err = w.Config(Visitor{Config: jsapi.PageConfig{LoadTimeout: -1, Fallback: &jsapi.Fallback{URL: "javascript:alert(1)", Label: "x"}}})
	var re *RenderError
	if !errors.As(err, &re) || strings.Join(re.Fields(), ",") != "load_timeout,fallback" || cfg.LoadTimeout != 5000 || cfg.Fallback.URL != "mailto:help@shop.example" {
		t.Errorf("invalid visitor's settings: %+v, %v", cfg, err)
	}
	html := render(t, WithLoadTimeout(1500*time.Millisecond), WithFallback("/contact", "Contact us"))
	if !strings.Contains(html, `"load_timeout":1500,"fallback":{"url":"/contact","label":"Contact us"}`) {
		t.Errorf("the block lacks the settings:\n%s", html)
	}
	// None by default: the runtime's defaults apply.
	if html := render(t); !strings.Contains(html, `type="application/json" nonce="n0nce">{}`) {
		t.Errorf("settings in a default block:\n%s", html)
	}
	for _, o := range []Option{WithLoadTimeout(0), WithLoadTimeout(-time.Second), WithLoadTimeout(2 * time.Hour), WithFallback("javascript:x", "x"), WithFallback("/c", "")} {
		if _, err := NewWidget("Abc1234567", o); !errors.Is(err, ErrOption) {
			t.Errorf("NewWidget = %v, want ErrOption", err)
		}
	}
}

func TestLoadOptionErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		opts []Option
		want string
	}{
		{"unknown strategy", []Option{WithLoad("lazy")}, `unknown loading strategy "lazy"`},
		{"label without interaction", []Option{WithLauncherLabel("Chat")}, "need WithLoad(LoadInteraction)"},
		{"intent without interaction", []Option{WithLoad(LoadIdle), WithLoadIntent(IntentHover)}, "need WithLoad(LoadInteraction)"},
		{"unknown intent", []Option{WithLoad(LoadInteraction), WithLoadIntent("scroll")}, `unknown intent "scroll"`},
		{"empty label", []Option{WithLoad(LoadInteraction), WithLauncherLabel(" ")}, "non-empty UTF-8 text"},
		{"long label", []Option{WithLoad(LoadInteraction), WithLauncherLabel(strings.Repeat("é", maxLabel+1))}, "at most 100 characters"},
		{"nil script", []Option{WithScript(nil)}, "needs a script source"},
		{"bad attribute", []Option{WithScript(badAttrs{})}, `"onload" is not a lower-case data-* name`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := NewWidget("Abc1234567", tc.opts...)
			if err == nil || !errors.Is(err, ErrOption) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want ErrOption saying %q", err, tc.want)
			}
		})
	}
	for _, s := range []string{"eager", "idle", "interaction", "consent"} {
		if l, err := ParseLoad(s); err != nil || string(l) != s {
			t.Errorf("ParseLoad(%q) = %q, %v", s, l, err)
		}
	}
}

type badAttrs struct{}

func (badAttrs) WidgetScript() (string, map[string]string, error) {
	return "/w.js", map[string]string{"onload": "alert(1)"}, nil
}
