package templates

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/a-h/templ"

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
	const widgetTag = `<script src="//code.jivosite.com/widget/Abc1234567" async`
	for _, tc := range []struct {
		name       string
		opts       []Option
		widgetTag  bool
		loader     string // the loader's attributes, "" for none
		notInclude string
	}{
		{"default eager", nil, true, "", ""},
		{"eager", []Option{WithLoad(LoadEager)}, true, "", ""},
		{"eager with tracking", []Option{WithTrackPages()}, true, `<script data-load="eager" data-track-pages nonce="n0nce">`, `data-src="`},
		{"idle", []Option{WithLoad(LoadIdle)}, false, `<script data-load="idle" data-src="//code.jivosite.com/widget/Abc1234567" nonce="n0nce">`, ""},
		{"consent", []Option{WithLoad(LoadConsent)}, false, `<script data-load="consent" data-src="//code.jivosite.com/widget/Abc1234567" nonce="n0nce">`, ""},
		{"interaction, translated, focus and hover", []Option{WithLoad(LoadInteraction), WithLauncherLabel(`Écrivez-nous "ici" <3`), WithLoadIntent(IntentFocus, IntentHover), WithTrackPages()}, false,
			`<script data-load="interaction" data-src="//code.jivosite.com/widget/Abc1234567" data-label="Écrivez-nous &#34;ici&#34; &lt;3" data-intent="click focus hover" data-track-pages nonce="n0nce">`, ""},
		{"stub under consent", []Option{WithLoad(LoadConsent), withStub(stub.Options{LoadDelay: 5 * time.Millisecond, Offline: true})}, false,
			`<script data-load="consent" data-src="/jivokit/stub.js" data-attrs="{&#34;data-load-delay&#34;:&#34;5&#34;,&#34;data-offline&#34;:&#34;true&#34;}" nonce="n0nce">`, `<script src="/jivokit/stub.js"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			html := render(t, tc.opts...)
			if got := strings.Contains(html, widgetTag); got != tc.widgetTag {
				t.Errorf("widget <script src> in the HTML: %v, want %v\n%s", got, tc.widgetTag, html)
			}
			if tc.loader == "" {
				if strings.Contains(html, "data-load=") {
					t.Errorf("the loader is on an eager page:\n%s", html)
				}
				return
			}
			if !strings.Contains(html, tc.loader+runtime.Loader+"</script>") {
				t.Errorf("no loader %s in\n%s", tc.loader, html)
			}
			if tc.notInclude != "" && strings.Contains(html, tc.notInclude) {
				t.Errorf("the HTML has %s:\n%s", tc.notInclude, html)
			}
		})
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
