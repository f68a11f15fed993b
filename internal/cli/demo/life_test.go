package demo

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func lifeServer(t *testing.T) *http.ServeMux {
	t.Helper()
	s := &Server{stub: true}
	w, err := s.newLifeWidget("")
	if err != nil {
		t.Fatal(err)
	}
	s.lifeWidget = w
	mux := http.NewServeMux()
	s.lifeRoutes(mux)
	return mux
}

func lifeGet(t *testing.T, h http.Handler, path, lang string) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest("GET", path, nil)
	if lang != "" {
		r.Header.Set("Accept-Language", lang)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, r)
	return rec
}

// TestLifePages: each page has its visitor, the htmx boost, the life
// script with its rules, a policy with the page's nonce, and the widget of
// the visitor's language.
func TestLifePages(t *testing.T) {
	mux := lifeServer(t)
	for _, tc := range []struct{ path, lang, widget, visitor string }{
		{"/life/one", "", "/life/widget/1000001", "Ada on page one"},
		{"/life/two", "de-AT,de;q=0.9", "/life/widget/1000002", "Ada on page two"},
		{"/life/private?lang=de", "en", "/life/widget/1000002", "Ada, privately"},
		{"/life/one?lang=en", "de", "/life/widget/1000001", "Ada on page one"},
	} {
		rec := lifeGet(t, mux, tc.path, tc.lang)
		html := rec.Body.String()
		if rec.Code != 200 {
			t.Fatalf("%s: %d %s", tc.path, rec.Code, html)
		}
		for _, want := range []string{`<body hx-boost="true">`, `data-widget-src="` + tc.widget + `"`, tc.visitor, `/life/private`, `data-jivokit-launcher`, `src="/demo/htmx.min.js" nonce=`} {
			if !strings.Contains(html, want) {
				t.Errorf("%s (Accept-Language %q) lacks %s", tc.path, tc.lang, want)
			}
		}
		if csp := rec.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "'nonce-") {
			t.Errorf("%s: policy %q", tc.path, csp)
		}
	}
	if rec := lifeGet(t, mux, "/life/nope", ""); rec.Code != 404 {
		t.Errorf("an unknown page: %d", rec.Code)
	}
	rec := lifeGet(t, mux, "/life/widget/1000002", "")
	if js := rec.Body.String(); rec.Code != 200 || !strings.HasPrefix(js, `window.jivo_config = {widget_id: "1000002", locale: "de"};`) {
		t.Errorf("the German widget's script: %d %.80s", rec.Code, js)
	}
	if rec := lifeGet(t, mux, "/life/widget/42", ""); rec.Code != 404 {
		t.Errorf("an unknown widget: %d", rec.Code)
	}
}

// TestVendoredHTMX: the demo's copy of htmx is the version tools/web pins
// for the tests.
func TestVendoredHTMX(t *testing.T) {
	pinned, err := os.ReadFile(filepath.Join("..", "..", "..", "tools", "web", "node_modules", "htmx.org", "dist", "htmx.min.js"))
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	ours, err := os.ReadFile(filepath.Join("static", "htmx.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(ours, pinned) {
		t.Error("static/htmx.min.js differs from tools/web's pinned htmx: copy it again")
	}
}
