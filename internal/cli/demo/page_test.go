package demo

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/a-h/templ"
)

// TestPageSanitizesLinks: a custom field's link is shown as a link only
// when it is a web address; a javascript: link is neutralised.
func TestPageSanitizesLinks(t *testing.T) {
	d := pageData{
		Stub:    true,
		Snippet: templ.NopComponent,
		App:     templ.NopComponent,
		Fields: []fieldRow{
			{Title: "Order", Content: "42", Link: "https://example.com/orders/42"},
			{Title: "Trap", Content: "x", Link: "javascript:alert(document.cookie)"},
		},
	}
	var b bytes.Buffer
	if err := page(d).Render(context.Background(), &b); err != nil {
		t.Fatal(err)
	}
	html := b.String()
	if !strings.Contains(html, `href="https://example.com/orders/42"`) {
		t.Error("the https link is not rendered")
	}
	if strings.Contains(html, `href="javascript:`) || !strings.Contains(html, `href="`+string(templ.FailedSanitizationURL)+`"`) {
		t.Errorf("the javascript: link is not neutralised:\n%s", html)
	}
}
