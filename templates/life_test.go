package templates

import (
	"errors"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/jivokit/jivokit/jsapi/runtime"
	"github.com/jivokit/jivokit/stub"
)

func TestWithLifeRenders(t *testing.T) {
	html := render(t, WithLife(Life{HidePaths: []string{"/checkout/*"}, HideBelow: 600, HideWhileMarked: true, OwnLauncher: true}))
	want := `<script data-jivokit data-life="{&#34;paths&#34;:[&#34;/checkout/*&#34;],&#34;below&#34;:600,&#34;elements&#34;:true,&#34;launcher&#34;:true}" data-widget-src="//code.jivosite.com/widget/Abc1234567" data-widget-attrs="{}" nonce="n0nce">` + runtime.Life + `</script>`
	if !strings.Contains(html, want) {
		t.Errorf("no life script %s in\n%s", want, html)
	}
	// After the loader, which adds the widget's script.
	if i, j := strings.Index(html, `data-src="//code.jivosite.com/widget/Abc1234567"`), strings.Index(html, "data-life="); i < 0 || j < i {
		t.Errorf("the life script does not come after the widget's script:\n%s", html)
	}
	if html := render(t); strings.Contains(html, "data-life") {
		t.Errorf("a page without WithLife carries the life script:\n%s", html)
	}
	// The stub's script and attributes, for reset and switchWidget.
	html = render(t, WithLife(Life{}), withStub(stub.Options{LoadDelay: 5 * time.Millisecond}), WithLoad(LoadConsent))
	if !strings.Contains(html, `data-life="{}" data-widget-src="/jivokit/stub.js" data-widget-attrs="{&#34;data-load-delay&#34;:&#34;5&#34;}"`) {
		t.Errorf("the stub's script is not named to the life script:\n%s", html)
	}
}

func TestWithLifeRefusesBadRules(t *testing.T) {
	for _, l := range []Life{
		{HidePaths: []string{"checkout/*"}},
		{HidePaths: []string{"/a b"}},
		{HidePaths: []string{"/a?x=1"}},
		{HideBelow: -1},
	} {
		_, err := NewWidget("1234567", WithLife(l))
		if !errors.Is(err, ErrOption) || !strings.Contains(err.Error(), "WithLife") {
			t.Errorf("%+v: %v, want an ErrOption naming WithLife", l, err)
		}
	}
}

func TestWithLanguages(t *testing.T) {
	w, err := NewWidget("1111111", WithLanguages(map[string]string{"de": "2222222", "pt-BR": "3333333", "pt": "4444444"}))
	if err != nil {
		t.Fatal(err)
	}
	for lang, id := range map[string]string{"de": "2222222", "DE-at": "2222222", "pt-br": "3333333", "pt-PT": "4444444", "fr": "1111111", "": "1111111"} {
		if got := w.ForLanguage(lang).ID(); got != id {
			t.Errorf("ForLanguage(%q) = %s, want %s", lang, got, id)
		}
	}
	if w.ForLanguage("fr") != w {
		t.Error("an unmapped language does not return the widget itself")
	}
	for header, id := range map[string]string{
		"fr-CH, fr;q=0.9, de;q=0.8, *;q=0.5": "2222222",
		"en;q=0.2, pt-BR;q=0.9":              "3333333",
		"de;q=0, en":                         "1111111",
		"":                                   "1111111",
		"de;q=oops, pt":                      "4444444",
	} {
		r := httptest.NewRequest("GET", "/", nil)
		r.Header.Set("Accept-Language", header)
		got := w.ForRequest(r)
		if got.ID() != id {
			t.Errorf("Accept-Language %q: %s, want %s", header, got.ID(), id)
		}
		if !strings.HasSuffix(got.ScriptURL(), "/widget/"+id) {
			t.Errorf("Accept-Language %q: script %s", header, got.ScriptURL())
		}
	}
	if w.ID() != "1111111" {
		t.Error("ForLanguage changed the widget")
	}
	// A script source at a vendor-shaped path follows the id.
	sw, err := NewWidget("1111111", WithScript(pathScript("/w/widget/1111111")), WithLanguages(map[string]string{"de": "2222222"}))
	if err != nil {
		t.Fatal(err)
	}
	if u := sw.ForLanguage("de").ScriptURL(); u != "/w/widget/2222222" {
		t.Errorf("the script source's URL for de: %s", u)
	}
	if u := sw.ScriptURL(); u != "/w/widget/1111111" {
		t.Errorf("ForLanguage changed the widget's script: %s", u)
	}
	for _, m := range []map[string]string{nil, {"english": "2222222"}, {"en": ""}, {"pt-BR": "2222222", "pt-br": "3333333"}} {
		if _, err := NewWidget("1111111", WithLanguages(m)); err == nil {
			t.Errorf("WithLanguages(%v) was accepted", m)
		}
	}
}

type pathScript string

func (p pathScript) WidgetScript() (string, map[string]string, error) { return string(p), nil, nil }
