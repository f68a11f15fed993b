package templates

import (
	"strconv"
	"strings"
)

// Error is a sentinel error of this package; test for one with errors.Is.
type Error string

func (e Error) Error() string { return string(e) }

// Why a widget could not be built, or a part of a visitor's configuration
// was left out of the page.
const (
	// ErrWidgetID: the widget id is not one the vendor's loader accepts
	// (WidgetIDRule).
	ErrWidgetID Error = "templates: invalid widget id"
	// ErrHost: the script host is not a host name.
	ErrHost Error = "templates: invalid script host"
	// ErrURL: a script or stylesheet URL is not a same-origin path or an
	// http(s) URL.
	ErrURL Error = "templates: invalid URL"
	// ErrNonce: a CSP nonce is not base64 (ValidateNonce).
	ErrNonce Error = "templates: invalid CSP nonce"
	// ErrOption: options that contradict each other or lack a value.
	ErrOption Error = "templates: invalid option"
	// ErrInvalidUTF8: a configuration string is not valid UTF-8; it is left
	// out rather than altered.
	ErrInvalidUTF8 Error = "is not valid UTF-8"
	// ErrLinkNotAllowed: a custom data link points outside the safe hosts
	// given to WithSafeHosts.
	ErrLinkNotAllowed Error = "points outside the safe hosts"
	// ErrNoSigner: a visitor id was given but the widget has no signer
	// (WithVisitorTokens).
	ErrNoSigner Error = "needs WithVisitorTokens to sign a visitor id"
)

// Dropped is one part of a visitor's configuration the page was rendered
// without.
type Dropped struct {
	// Field names the part in the JSON block's terms, e.g.
	// "custom_data[2].link" or "contact_info.email".
	Field string
	// Err says why: ErrInvalidUTF8, ErrLinkNotAllowed, ErrNoSigner, a
	// *jsapi.InputError, or the signer's error.
	Err error
}

// RenderError lists every part of a visitor's configuration a snippet left
// out. The page is still rendered, without those parts; the widget's error
// handler (WithErrorHandler) receives the error, and Widget.Config returns it.
// errors.Is matches the reasons of the parts.
type RenderError struct {
	Dropped []Dropped
}

func (e *RenderError) Error() string {
	var b strings.Builder
	b.WriteString("templates: left out of the page: ")
	for i, d := range e.Dropped {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(d.Field + ": " + strings.TrimPrefix(d.Err.Error(), "jivo: "))
	}
	return b.String()
}

// Unwrap returns the reasons, so that errors.Is(err, ErrLinkNotAllowed)
// holds when any link was dropped.
func (e *RenderError) Unwrap() []error {
	errs := make([]error, len(e.Dropped))
	for i, d := range e.Dropped {
		errs[i] = d.Err
	}
	return errs
}

// Fields returns the names of the dropped parts, in order.
func (e *RenderError) Fields() []string {
	out := make([]string, len(e.Dropped))
	for i, d := range e.Dropped {
		out[i] = d.Field
	}
	return out
}

func quote(s string) string {
	if len(s) > 40 {
		s = s[:40] + "..."
	}
	return strconv.QuoteToASCII(s)
}
