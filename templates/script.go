package templates

import (
	"context"
	"errors"
	"io"
	"strings"

	"github.com/a-h/templ"

	"github.com/jivokit/jivokit/jsapi"
	"github.com/jivokit/jivokit/jsapi/runtime"
)

// runtimeJS is the page runtime every snippet and WASM loader carries.
var runtimeJS = newInline(runtime.Script)

// inline is a script of ours to inline, checked once.
type inline struct {
	js  string
	err error // errScriptEnd when js cannot be inlined
}

func newInline(js string) inline { return inline{js, checkInline(js)} }

// runtimeHandle renders the runtime once per page (per render context).
var runtimeHandle = templ.NewOnceHandle()

// runtimeOnce renders the runtime, from src or inline, unless this page
// already has it.
func runtimeOnce(src string) templ.Component {
	return templ.ComponentFunc(func(ctx context.Context, w io.Writer) error {
		return runtimeHandle.Once().Render(templ.WithChildren(ctx, runtimeScript(src)), w)
	})
}

// errScriptEnd: an inline script's source holds "</script" or "<!--",
// which would end or garble its element.
var errScriptEnd = errors.New("templates: inline script contains </script or <!--; it cannot be inlined safely")

// inlineScript renders js in a script element with the page's CSP nonce.
// js is our own code, never configuration; it is still checked for
// anything that would end the element early.
func inlineScript(s inline) templ.Component {
	return templ.ComponentFunc(func(ctx context.Context, w io.Writer) error {
		if s.err != nil {
			return s.err
		}
		return writeScript(ctx, w, "", s.js)
	})
}

func checkInline(js string) error {
	lower := strings.ToLower(js)
	if strings.Contains(lower, "</script") || strings.Contains(lower, "<!--") {
		return errScriptEnd
	}
	return nil
}

// configBlock renders cfg as the runtime's JSON data block, with the
// request's nonce. templ.JSONScript encodes with encoding/json, which
// escapes <, >, & and U+2028/U+2029, so no string in it can end the element;
// invalid UTF-8 has been left out by Widget.Config before.
func configBlock(cfg jsapi.PageConfig) templ.Component {
	return templ.JSONScript(jsapi.ConfigElementID, cfg)
}

// writeScript writes <script attrs nonce="...">body</script>.
func writeScript(ctx context.Context, w io.Writer, attrs, body string) error {
	open := "<script" + attrs
	if nonce := templ.GetNonce(ctx); nonce != "" {
		open += ` nonce="` + templ.EscapeString(nonce) + `"`
	}
	for _, s := range [...]string{open, ">", body, "</script>"} {
		if _, err := io.WriteString(w, s); err != nil {
			return err
		}
	}
	return nil
}
