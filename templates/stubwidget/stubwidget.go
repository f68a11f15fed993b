// Package stubwidget switches a templates.Widget to the stub widget
// (package stub), for development and tests: only programs that import it
// link the stub's script.
//
//	widget, err := templates.NewWidget("AbCdEf1234", stubwidget.With(stub.Options{LoadDelay: 200 * time.Millisecond}))
//	mux.Handle("/jivokit/", stub.Handler()) // serves stub.Path and the vendor's config, status and bundle paths
//
// The stub loads the vendor's way (docs/stub.md): its widget id is
// stub.Options.WidgetID (stub.DefaultWidgetID when empty), and an id the
// vendor's loader refuses (jsapi.ValidWidgetID) is an error here, stating
// the rule.
package stubwidget

import (
	"github.com/jivokit/jivokit/stub"
	"github.com/jivokit/jivokit/templates"
)

// Script is the stub widget as a templates.ScriptSource: loaded from URL
// (stub.Path when empty) with Options' data-* attributes.
type Script struct {
	Options stub.Options
	URL     string
}

// WidgetScript returns the stub's URL and attributes, or what is wrong
// with its options (stub.Options.Validate: a widget id the vendor refuses,
// an unknown failure mode, a delay out of range, ...).
func (s Script) WidgetScript() (url string, attrs map[string]string, err error) {
	url = s.URL
	if url == "" {
		url = stub.Path
	}
	return url, s.Options.Attrs(), s.Options.Validate()
}

// With loads the stub widget from stub.Path (serve it with stub.Handler)
// instead of the vendor's script, with options o. Nothing reaches the
// vendor's servers.
func With(o stub.Options) templates.Option {
	return templates.WithScript(Script{Options: o})
}

// WithURL loads the stub widget from u (a path on the site, or an http(s)
// or protocol-relative URL) instead of stub.Path.
func WithURL(u string, o stub.Options) templates.Option {
	return templates.WithScript(Script{Options: o, URL: u})
}
