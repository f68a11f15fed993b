package demo

import (
	"bytes"
	"net/http"
	"strings"

	"github.com/a-h/templ"

	"github.com/jivokit/jivokit/jsapi"
	"github.com/jivokit/jivokit/stub"
	"github.com/jivokit/jivokit/templates"
)

// lifeWidgets are the stub widgets the life pages switch between, one per
// language, as a site has one per channel.
var lifeWidgets = []lifeWidget{{"1000001", "en", "English"}, {"1000002", "de", "Deutsch"}}

type lifeWidget struct{ ID, Lang, Label string }

// lifeData is what a life page shows.
type lifeData struct {
	Name, Lang, Visitor string
	Stub                bool
	Widgets             []lifeWidget
	Snippet             templ.Component
}

// lifeVisitors are the pages' visitors: each page has its own, so that a
// navigation shows the new page's configuration reaching the widget.
var lifeVisitors = map[string]string{"one": "Ada on page one", "two": "Ada on page two", "private": "Ada, privately"}

// lifeScript is the stub at a vendor-shaped path, /life/widget/ID: the
// widget's configuration (jivo_config, as the vendor's script leaves it)
// names the id and its language, and a stub whose page switches widgets
// starts afresh each time.
type lifeScript string

func (l lifeScript) WidgetScript() (string, map[string]string, error) {
	return "/life/widget/" + string(l), map[string]string{"data-load-delay": "300"}, nil
}

// newLifeWidget builds the life pages' widget: the stub per language, or
// the real widget of Config.WidgetID.
func (s *Server) newLifeWidget(id string) (*templates.Widget, error) {
	opts := []templates.Option{
		templates.WithLife(templates.Life{HidePaths: []string{"/life/private"}, HideWhileMarked: true, OwnLauncher: true}),
	}
	if s.stub {
		m := map[string]string{}
		for _, w := range lifeWidgets {
			m[w.Lang] = w.ID
		}
		id = lifeWidgets[0].ID
		opts = append(opts, templates.WithScript(lifeScript(id)), templates.WithLanguages(m))
	}
	return templates.NewWidget(id, opts...)
}

func (s *Server) lifeRoutes(mux *http.ServeMux) {
	if s.lifeWidget == nil && s.widget != nil {
		s.lifeWidget, _ = s.newLifeWidget(s.widget.ID())
	}
	if s.lifeWidget == nil {
		return
	}
	mux.HandleFunc("GET /life/{$}", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/life/one", http.StatusSeeOther)
	})
	mux.HandleFunc("GET /life/{name}", s.serveLife)
	if s.stub {
		stubFiles := stub.Handler()
		mux.HandleFunc("GET /life/widget/{rest...}", func(w http.ResponseWriter, r *http.Request) {
			serveLifeWidget(w, r, stubFiles)
		})
	}
}

// lifeLang returns the language of the life pages' widget id, or "".
func lifeLang(id string) string {
	for _, x := range lifeWidgets {
		if x.ID == id {
			return x.Lang
		}
	}
	return ""
}

// serveLifeWidget serves the stub as widget ID at /life/widget/ID, and what
// a stub that loads the vendor's way asks for next to it (its config,
// status and bundle) from the stub's handler, the config in the widget's
// language.
func serveLifeWidget(w http.ResponseWriter, r *http.Request, stubFiles http.Handler) {
	rest := r.PathValue("rest")
	if strings.Contains(rest, "/") {
		if i := strings.LastIndexByte(rest, '/'); strings.Contains(rest, "config/") && lifeLang(rest[i+1:]) != "" {
			q := r.URL.Query()
			q.Set("locale", lifeLang(rest[i+1:]))
			r.URL.RawQuery = q.Encode()
		}
		stubFiles.ServeHTTP(w, r)
		return
	}
	id := rest
	lang := lifeLang(id)
	if lang == "" {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.Write([]byte(`window.jivo_config = {widget_id: "` + id + `", locale: "` + lang + `"}; delete window.jivokitStub;` + "\n" + stub.Script))
}

func (s *Server) serveLife(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	who, ok := lifeVisitors[name]
	if !ok {
		http.NotFound(w, r)
		return
	}
	widget := s.lifeWidget
	if lang := r.URL.Query().Get("lang"); lang != "" {
		widget = widget.ForLanguage(lang)
	} else {
		widget = widget.ForRequest(r)
	}
	lang := "en"
	for _, x := range lifeWidgets {
		if x.ID == widget.ID() {
			lang = x.Lang
		}
	}
	v := templates.Visitor{Config: jsapi.PageConfig{ContactInfo: &jsapi.ContactInfo{Name: who}}}
	d := lifeData{Name: name, Lang: lang, Visitor: who, Stub: s.stub, Snippet: widget.Snippet(v)}
	if s.stub {
		d.Widgets = lifeWidgets
	}
	nonce := newNonce()
	var b bytes.Buffer
	if err := lifePage(d).Render(templ.WithNonce(r.Context(), nonce), &b); err != nil {
		http.Error(w, "rendering the page: "+err.Error(), http.StatusInternalServerError)
		return
	}
	// 'strict-dynamic', as on the main page: the widget's loader adds its
	// bundle and runs it in its iframe.
	policy := templates.ParsePolicy(basePolicy).Merge(widget.Policy(), templates.Policy{"script-src": {"'strict-dynamic'"}}).WithNonce(nonce)
	h := w.Header()
	h.Set("Content-Security-Policy", policy.String())
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Vary", "Accept-Language")
	w.Write(b.Bytes())
}
