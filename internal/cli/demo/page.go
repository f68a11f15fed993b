package demo

//go:generate go tool templ generate -path .

import (
	"bytes"
	"crypto/rand"
	"encoding/base64"
	"net/http"

	"github.com/a-h/templ"

	"github.com/jivokit/jivokit/templates"
	"github.com/jivokit/jivokit/webhook"
)

// basePolicy is the page's own Content-Security-Policy, before the widget's
// and the WASM app's sources and the request's nonce are added.
const basePolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; " +
	"base-uri 'none'; object-src 'none'; form-action 'self'; frame-ancestors 'none'"

// pageData is what the page template shows.
type pageData struct {
	Stub        bool
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
	d, err := s.pageData()
	var b bytes.Buffer
	if err == nil {
		err = page(d).Render(ctx, &b)
	}
	if err != nil {
		http.Error(w, "rendering the page: "+err.Error(), http.StatusInternalServerError)
		return
	}
	policy := templates.ParsePolicy(basePolicy).Merge(s.widget.Policy(), templates.WASMPolicy()).WithNonce(nonce)
	h := w.Header()
	h.Set("Content-Security-Policy", policy.String())
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	w.Write(b.Bytes())
}

func (s *Server) pageData() (pageData, error) {
	app, err := templates.WASMAppFromManifest("/app/", s.manifest)
	if err != nil {
		return pageData{}, err
	}
	cfg, _ := s.widget.Config(sampleVisitor)
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
	for _, n := range webhook.Names() {
		events = append(events, string(n))
	}
	return pageData{
		Stub:        s.stub,
		WidgetID:    s.widget.ID(),
		Visitor:     v,
		Fields:      fields,
		Snippet:     s.widget.Snippet(sampleVisitor),
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
