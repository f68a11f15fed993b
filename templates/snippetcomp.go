package templates

import (
	"context"
	"io"

	"github.com/a-h/templ"
)

// Snippet renders the widget for one visitor: the configuration block
// (<script type="application/json" id="jivokit-config">), the page runtime
// unless the page already has it, and the widget's script (the vendor's, or
// another with WithScript, such as the stub's), or, under a
// loading strategy other than LoadEager, the loader that adds it later. Every script element carries the CSP nonce of
// templ.WithNonce.
//
// Parts of v the vendor does not take are left out, and they and the parts
// kept with jivokit's advice are reported to the widget's error handler
// (WithErrorHandler) as a *RenderError; the page still renders.
// Render fails only when writing fails.
func (w *Widget) Snippet(v Visitor) templ.Component {
	return templ.ComponentFunc(func(ctx context.Context, out io.Writer) error {
		cfg, err := w.Config(v)
		if err != nil {
			w.report(ctx, err)
		}
		return snippet(w, cfg).Render(ctx, out)
	})
}
