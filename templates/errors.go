package templates

import (
	"strconv"
	"strings"

	"github.com/jivokit/jivokit/jsapi"
)

// Error is a sentinel error of this package; test for one with errors.Is.
type Error string

func (e Error) Error() string { return string(e) }

// Why a widget could not be built, or a part of a visitor's configuration
// was left out of the page.
const (
	// ErrWidgetID: the widget id is not one the vendor's loader accepts
	// (jsapi.WidgetIDRule).
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
// without, or (Reason jsapi.Advised) rendered with jivokit's advice about
// it. It is jsapi's type: the snippet and webhook replies report alike.
// Field names the part in the JSON block's terms, e.g.
// "custom_data[2].link" or "contact_info.email"; Err says why:
// ErrInvalidUTF8, ErrLinkNotAllowed, ErrNoSigner, a *jsapi.InputError, a
// *jsapi.Warning, or the signer's error.
type Dropped = jsapi.Dropped

// RenderError lists every part of a visitor's configuration a snippet left
// out, and every part it kept with jivokit's advice (a *jsapi.Warning,
// found with errors.As). The page is still rendered, without the parts left
// out; the widget's error handler (WithErrorHandler) receives the error,
// and Widget.Config returns it. errors.Is matches the reasons of the parts.
type RenderError struct {
	Dropped []Dropped
}

func (e *RenderError) Error() string {
	var b strings.Builder
	b.WriteString("templates: ")
	n := 0
	for _, advice := range []bool{false, true} {
		first := true
		for _, d := range e.Dropped {
			if d.Kept() != advice {
				continue
			}
			if first {
				if n > 0 {
					b.WriteString("; ")
				}
				if advice {
					b.WriteString("kept with advice: ")
				} else {
					b.WriteString("left out of the page: ")
				}
			} else {
				b.WriteString("; ")
			}
			first = false
			n++
			msg := d.Err.Error()
			if w, ok := d.Err.(*jsapi.Warning); ok {
				msg = w.Problem
			}
			b.WriteString(d.Field + ": " + strings.TrimPrefix(msg, "jivo: "))
		}
	}
	return b.String()
}

// LeftOut reports whether any part was left out of the page, rather than
// only advised on.
func (e *RenderError) LeftOut() bool {
	for _, d := range e.Dropped {
		if !d.Kept() {
			return true
		}
	}
	return false
}

// Unwrap returns the reasons, so that errors.Is(err, ErrLinkNotAllowed)
// holds when any link was dropped, and errors.As finds a *jsapi.Warning.
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
