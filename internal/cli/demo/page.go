package demo

//go:generate go tool -modfile=../../../tools/go.mod templ generate -path .

import (
	"bytes"
	"crypto/rand"
	"encoding/base64"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/a-h/templ"

	"github.com/jivokit/jivokit/stub"
	"github.com/jivokit/jivokit/templates"
	"github.com/jivokit/jivokit/templates/stubwidget"
	"github.com/jivokit/jivokit/webhook/samples"
)

// basePolicy is the page's own Content-Security-Policy, before the widget's
// and the WASM app's sources and the request's nonce are added.
const basePolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; " +
	"base-uri 'none'; object-src 'none'; form-action 'self'; frame-ancestors 'none'"

// pageData is what the page template shows.
type pageData struct {
	Stub        bool
	Failing     bool             // this page's widget fails to load, on purpose
	Load        templates.Load   // the loading strategy of this page
	Loads       []templates.Load // the strategies to switch between
	WidgetID    string
	Visitor     visitorRow
	Fields      []fieldRow
	Snippet     templ.Component
	App         templ.Component
	WebhookPath string
	Events      []string
}

type visitorRow struct {
	ID, Name, Email, Phone, Description, Invitation, Token, TokenCheck string
}

type fieldRow struct{ Title, Key, Content, Link string }

// servePage renders the demo page into a buffer, so that a failure never
// sends half a page, with a fresh nonce in the page and its CSP header.
func (s *Server) servePage(w http.ResponseWriter, r *http.Request) {
	nonce := newNonce()
	ctx := templ.WithNonce(r.Context(), nonce)
	load := templates.LoadEager
	if q := r.URL.Query(); q.Has("load") {
		l, err := templates.ParseLoad(q.Get("load"))
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		load = l
	}
	widget := s.widgets[load]
	failing := r.URL.Query().Has("fail")
	if failing {
		widget = s.failing
	}
	d, err := s.pageData(widget)
	d.Failing = failing
	var b bytes.Buffer
	if err == nil {
		err = page(d).Render(ctx, &b)
	}
	if err != nil {
		http.Error(w, "rendering the page: "+err.Error(), http.StatusInternalServerError)
		return
	}
	// 'strict-dynamic': the widget's loader adds its bundle and runs it in
	// an iframe's inline script, trusted through the nonced script.
	policy := templates.ParsePolicy(basePolicy).Merge(widget.Policy(), templates.WASMPolicy(),
		templates.Policy{"script-src": {"'strict-dynamic'"}}).WithNonce(nonce)
	h := w.Header()
	h.Set("Content-Security-Policy", policy.String())
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	w.Write(b.Bytes())
}

func (s *Server) pageData(widget *templates.Widget) (pageData, error) {
	app, err := templates.WASMAppFromManifest("/app/", s.manifest)
	if err != nil {
		return pageData{}, err
	}
	cfg, _ := widget.Config(sampleVisitor)
	v := visitorRow{ID: sampleVisitor.ID, Token: cfg.UserToken}
	if c := cfg.ContactInfo; c != nil {
		v.Name, v.Email, v.Phone, v.Description = c.Name, c.Email, c.Phone, c.Description
	}
	if inv := cfg.Invitation; inv != nil {
		v.Invitation = inv.Text
	}
	if claims, err := s.signer.Verify(cfg.UserToken); err != nil {
		v.TokenCheck = "does not verify: " + err.Error()
	} else {
		v.TokenCheck = "verifies: visitor " + claims.VisitorID + ", valid until " + claims.ExpiresAt.UTC().Format("2006-01-02 15:04 UTC")
	}
	var fields []fieldRow
	for _, f := range cfg.CustomData {
		fields = append(fields, fieldRow{f.Title, f.Key, f.Content, f.Link})
	}
	var events []string
	for _, n := range append(samples.Names(), samples.CRMNames()...) {
		events = append(events, string(n))
	}
	return pageData{
		Stub:        s.stub,
		Load:        widget.Load(),
		Loads:       templates.Loads,
		WidgetID:    widget.ID(),
		Visitor:     v,
		Fields:      fields,
		Snippet:     widget.Snippet(sampleVisitor),
		App:         app,
		WebhookPath: s.webhookPath,
		Events:      events,
	}, nil
}

func newNonce() string {
	b := make([]byte, 16)
	rand.Read(b)
	return base64.StdEncoding.EncodeToString(b)
}

// newWidgets builds the widget once per loading strategy, the demo's
// switch between them.
func newWidgets(id string, opts []templates.Option) (map[templates.Load]*templates.Widget, error) {
	ws := make(map[templates.Load]*templates.Widget, len(templates.Loads))
	for _, l := range templates.Loads {
		o := append(slices.Clone(opts), templates.WithLoad(l))
		if l == templates.LoadInteraction {
			o = append(o, templates.WithLauncherLabel("Chat with us"), templates.WithLoadIntent(templates.IntentHover, templates.IntentFocus))
		}
		w, err := templates.NewWidget(id, o...)
		if err != nil {
			return nil, err
		}
		ws[l] = w
	}
	return ws, nil
}

// loadHelp says what a strategy does, on the page.
var loadHelp = map[templates.Load]string{
	templates.LoadEager:       "The loader adds the widget's script at once: the browser fetches it with the page.",
	templates.LoadIdle:        "The loader fetches the widget after the page's load event, in an idle period.",
	templates.LoadInteraction: "Nothing is fetched until the visitor points at, focuses or clicks the launcher in the corner; a click opens the chat once the widget has loaded.",
	templates.LoadConsent:     "Nothing is fetched until the page calls jivokit.load(), as a cookie banner's accept button does.",
}

// loadConst is the name of l's constant in package templates.
func loadConst(l templates.Load) string {
	if l == "" {
		return "LoadEager"
	}
	return "Load" + strings.ToUpper(string(l[:1])) + string(l[1:])
}

// Where the demo's failing widget is looked for: nothing answers there.
const missingWidget = "/demo/no-widget.js"

// newFailing builds the widget of /?fail: its script is missing, so the
// loader's watchdog reports the failure and shows the fallback link.
func newFailing(id string, tokens templates.Option) (*templates.Widget, error) {
	return templates.NewWidget(id, tokens,
		stubwidget.WithURL(missingWidget, stub.Options{}),
		templates.WithLoadTimeout(5*time.Second),
		templates.WithFallback("mailto:support@example.com", "E-mail us instead"))
}
