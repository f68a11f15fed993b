// Package templates renders the JivoChat widget into server-rendered pages
// with templ components, safely: the widget's script, the page runtime
// (package jsapi/runtime), and the visitor's configuration as a JSON data
// block the runtime applies when the widget loads.
//
// Build the widget once, render it per request:
//
//	widget, err := templates.NewWidget("abc123XYZ0",
//		templates.WithSafeHosts("example.com"),
//		templates.WithVisitorTokens(signer, 24*time.Hour),
//	)
//	if err != nil {
//		log.Fatal(err) // says what is wrong with the id or an option
//	}
//	// The site's own Content-Security-Policy, which the widget's needs extend.
//	sitePolicy := templates.ParsePolicy("default-src 'self'; img-src 'self' data:; object-src 'none'")
//
//	// in a handler, or as @widget.Snippet(v) in a templ file; nonce is the
//	// request's fresh random value in base64:
//	ctx := templ.WithNonce(r.Context(), nonce)
//	csp := sitePolicy.Merge(widget.Policy()).WithNonce(nonce)
//	w.Header().Set("Content-Security-Policy", csp.String())
//	err = widget.Snippet(templates.Visitor{
//		ID: user.ID, // signed into the user token the webhooks carry
//		Config: jsapi.PageConfig{
//			ContactInfo: &jsapi.ContactInfo{Name: user.Name, Email: user.Email},
//			CustomData:  []jsapi.CustomField{{Title: "Plan", Content: "Pro", Link: "https://example.com/a/1"}},
//		},
//	}).Render(ctx, w)
//
// Configuration is data, never code: every string reaches the page inside
// JSON that escapes <, >, & and U+2028/U+2029, so none can end the script
// element or start another. Parts the vendor does not take (invalid UTF-8,
// a link outside the safe hosts, custom fields past the tenth) are left
// out, not altered; parts that break only jivokit's advice (an e-mail
// address without a dot in its domain, a phone number with an extension, a
// relative link) are kept, or left out with WithStrict. The page still
// renders and the widget's error handler (WithErrorHandler) learns of both
// as a *RenderError. Widget.Config returns the same result without
// rendering.
//
// WithLoad picks when the widget's script is fetched (eager, idle, on the
// first interaction with a launcher, or on consent) and WithTrackPages
// follows a single-page app's history. WithScript swaps the vendor's
// script for another, such as the stub widget (package
// templates/stubwidget), for development and tests. WASMApp loads a Go program compiled to
// WebAssembly; AssetHandler serves the runtime and wasm_exec.js. Every
// script element carries the nonce of templ.WithNonce; Widget.Policy and
// WASMPolicy give what they need of the Content-Security-Policy, to Merge
// into the site's own: sent alone, they would block the page's other
// scripts, styles and images.
package templates

//go:generate go tool -modfile=../tools/go.mod templ generate
