package templates

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/a-h/templ"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/jivokit/jivokit/jsapi"
	"github.com/jivokit/jivokit/jsapi/runtime"
	"github.com/jivokit/jivokit/stub"
	"github.com/jivokit/jivokit/usertoken/usertokentest"
)

// FuzzWidget renders a snippet from arbitrary strings in every field,
// parses the page as a browser would (golang.org/x/net/html), and checks
// that it holds exactly the three expected script elements (configuration
// block, runtime, widget) with the right types, sources and nonces, and
// that the JSON block decodes back to the configuration: every input value
// either arrives unchanged or is named in the *RenderError.
func FuzzWidget(f *testing.F) {
	f.Add("abc123", "", "nonce", "Ann", "ann@example.com", "+1 555 0100", "desc", "tok", "", "Pro", "Plan", "https://example.com/a", "k", "#1e88e5", "#fff", "Hi", 3, 50, false, false, false)
	f.Add("x", "code.jivo.ru", "", "</script><script>alert(1)</script>", "<!--", "<script", "\u2028\u2029", "'\"", "user-1", "a\xffb", "\xc0", "javascript:alert(1)", "", "red", "", "", -1, -5, true, true, true)
	signer := usertokentest.Signer(f)
	f.Fuzz(func(t *testing.T, id, host, nonce, name, email, phone, desc, token, visitorID, content, title, link, key, color, color2, invText string, dept, queue int, useStub, safe, runtimeURL bool) {
		opts := []Option{WithErrorHandler(func(context.Context, error) {})}
		if host != "" {
			opts = append(opts, WithHost(host))
		}
		if useStub {
			opts = append(opts, withStub(stub.Options{Offline: true, LoadDelay: 10 * time.Millisecond}))
		}
		if safe {
			opts = append(opts, WithSafeHosts("example.com"))
		}
		if runtimeURL {
			opts = append(opts, WithRuntimeURL(RuntimePath))
		}
		if visitorID != "" {
			opts = append(opts, WithVisitorTokens(signer, time.Hour))
		}
		w, err := NewWidget(id, opts...)
		if err != nil {
			if !errors.Is(err, ErrWidgetID) && !errors.Is(err, ErrHost) {
				t.Fatalf("NewWidget(%q, host %q) = %v, want ErrWidgetID or ErrHost", id, host, err)
			}
			return
		}
		in := jsapi.PageConfig{
			ContactInfo: &jsapi.ContactInfo{Name: name, Email: email, Phone: phone, Description: desc},
			CustomData:  []jsapi.CustomField{{Content: content, Title: title, Link: link, Key: key}},
			WidgetColor: &jsapi.WidgetColor{Color: color, Color2: color2},
			Invitation:  &jsapi.Invitation{Text: invText, DepartmentID: dept},
			QueueLimit:  queue,
		}
		if visitorID == "" {
			in.UserToken = token
		}
		v := Visitor{ID: visitorID, Config: in}
		want, cfgErr := w.Config(v)
		var dropped []string
		if cfgErr != nil {
			var re *RenderError
			if !errors.As(cfgErr, &re) {
				t.Fatalf("Config error %T, want *RenderError", cfgErr)
			}
			dropped = re.Fields()
		}

		// Config and jsapi.PageConfig.Validate apply the same rules: Config
		// drops nothing exactly when Validate accepts the configuration,
		// but for what only Config checks (UTF-8, safe hosts, signing).
		if visitorID == "" && !safe && allValidUTF8(name, email, phone, desc, token, content, title, link, key, color, color2, invText) {
			if verr := in.Validate(); (cfgErr == nil) != (verr == nil) {
				t.Errorf("Config dropped %v, but PageConfig.Validate = %v", dropped, verr)
			}
		}

		ctx := context.Background()
		if nonce != "" {
			ctx = templ.WithNonce(ctx, nonce)
		}
		var b bytes.Buffer
		if err := w.Snippet(v).Render(ctx, &b); err != nil {
			t.Fatalf("Render: %v", err)
		}
		scripts := parseScripts(t, b.String())
		if len(scripts) != 3 {
			t.Fatalf("page has %d elements, want 3 scripts:\n%s", len(scripts), b.String())
		}
		cfgEl, rtEl, widgetEl := scripts[0], scripts[1], scripts[2]
		for i, s := range scripts {
			if s.tag != "script" {
				t.Fatalf("element %d is <%s>, want <script>:\n%s", i, s.tag, b.String())
			}
			gotNonce, hasNonce := s.attrs["nonce"]
			if hasNonce != (nonce != "") || hasNonce && !sameAttr(gotNonce, nonce) {
				t.Errorf("script %d nonce = %q (present %v), want %q", i, gotNonce, hasNonce, nonce)
			}
		}
		if cfgEl.attrs["type"] != "application/json" || cfgEl.attrs["id"] != jsapi.ConfigElementID || len(cfgEl.attrs) != 2+btoi(nonce != "") {
			t.Errorf("config block attributes %v", cfgEl.attrs)
		}
		var got jsapi.PageConfig
		dec := json.NewDecoder(strings.NewReader(cfgEl.text))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&got); err != nil {
			t.Fatalf("config block does not decode: %v\n%s", err, cfgEl.text)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("config block decodes to %+v, want %+v", got, want)
		}
		if runtimeURL {
			if rtEl.attrs["src"] != RuntimePath || rtEl.text != "" {
				t.Errorf("runtime script %v %q", rtEl.attrs, rtEl.text)
			}
		} else if rtEl.text != runtime.Script || rtEl.attrs["src"] != "" {
			t.Errorf("runtime script is not the runtime: attrs %v", rtEl.attrs)
		}
		// The loader adds the widget's script.
		if widgetEl.attrs["data-src"] != w.ScriptURL() || widgetEl.attrs["data-load"] != "eager" || widgetEl.text != runtime.Loader {
			t.Errorf("loader %v, want data-src %q", widgetEl.attrs, w.ScriptURL())
		}
		if useStub && widgetEl.attrs["data-attrs"] != `{"data-load-delay":"10","data-offline":"true"}` {
			t.Errorf("stub script attributes %v", widgetEl.attrs)
		}

		// Every input value arrives unchanged or is reported.
		check := func(field, sent, arrived string) {
			t.Helper()
			if sent == "" || sent == arrived {
				return
			}
			if arrived != "" {
				t.Errorf("%s: sent %q, page has %q", field, sent, arrived)
			}
			if !slices.ContainsFunc(dropped, func(d string) bool {
				return d == field || strings.HasPrefix(field, d+".") || strings.HasPrefix(d, field+".")
			}) {
				t.Errorf("%s: %q left out without a report (dropped %v)", field, sent, dropped)
			}
		}
		ci := got.ContactInfo
		if ci == nil {
			ci = &jsapi.ContactInfo{}
		}
		check("contact_info.name", name, ci.Name)
		check("contact_info.email", email, ci.Email)
		check("contact_info.phone", phone, ci.Phone)
		check("contact_info.description", desc, ci.Description)
		if visitorID == "" {
			check("user_token", token, got.UserToken)
		} else if got.UserToken == "" && !slices.Contains(dropped, "user_token") {
			t.Errorf("visitor %q got no token and no report", visitorID)
		} else if got.UserToken != "" {
			if c, err := signer.Verify(got.UserToken); err != nil || c.VisitorID != visitorID {
				t.Errorf("token for %q: %+v, %v", visitorID, c, err)
			}
		}
		cf := jsapi.CustomField{}
		if len(got.CustomData) > 0 {
			cf = got.CustomData[0]
		}
		for _, c := range []struct{ f, sent, got string }{{"content", content, cf.Content}, {"title", title, cf.Title}, {"key", key, cf.Key}, {"link", link, cf.Link}} {
			check("custom_data[0]."+c.f, c.sent, c.got)
		}
		if cf.Link != "" {
			// Without safe hosts a link jivokit advises on arrives with a
			// report; with them, only http(s) links to those hosts arrive.
			if jsapi.ValidateLink(cf.Link) != nil && !slices.Contains(dropped, "custom_data[0].link") ||
				safe && (jsapi.ValidateLink(cf.Link) != nil || !strings.HasSuffix("."+jsapi.LinkHost(cf.Link), ".example.com")) {
				t.Errorf("unsafe link %q reached the page", cf.Link)
			}
		}
		wc := got.WidgetColor
		if wc == nil {
			wc = &jsapi.WidgetColor{}
		}
		check("widget_color", color, wc.Color)
		if wc.Color != "" {
			check("widget_color.color2", color2, wc.Color2)
		}
		inv := got.Invitation
		if inv == nil {
			inv = &jsapi.Invitation{}
		}
		check("invitation", invText, inv.Text)
		if inv.Text != "" && dept != inv.DepartmentID && !slices.Contains(dropped, "invitation.department_id") {
			t.Errorf("department %d became %d without a report", dept, inv.DepartmentID)
		}
		if queue != got.QueueLimit && !slices.Contains(dropped, "queue_limit") {
			t.Errorf("queue limit %d became %d without a report", queue, got.QueueLimit)
		}
	})
}

func allValidUTF8(s ...string) bool {
	return !slices.ContainsFunc(s, func(s string) bool { return !utf8.ValidString(s) })
}

type element struct {
	tag   string
	attrs map[string]string
	text  string
}

func hasAttr(e element, name string) bool { _, ok := e.attrs[name]; return ok }

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// sameAttr compares an attribute value after parsing with what was
// rendered; the HTML parser replaces NUL and normalises line breaks, as a
// browser does.
func sameAttr(parsed, sent string) bool {
	sent = strings.ReplaceAll(strings.ReplaceAll(sent, "\r\n", "\n"), "\r", "\n")
	sent = strings.ReplaceAll(sent, "\x00", "\uFFFD")
	return parsed == sent || parsed == strings.ToValidUTF8(sent, "\uFFFD")
}

// parseScripts parses page as the body of a document and returns every
// element in it (html, head and body aside) in document order.
func parseScripts(t *testing.T, page string) []element {
	t.Helper()
	doc, err := html.Parse(strings.NewReader("<!DOCTYPE html><html><head></head><body>" + page + "</body></html>"))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	var out []element
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode || n.DataAtom == atom.Html || n.DataAtom == atom.Head || n.DataAtom == atom.Body {
			continue
		}
		e := element{tag: n.Data, attrs: map[string]string{}}
		for _, a := range n.Attr {
			e.attrs[a.Key] = a.Val
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode {
				e.text += c.Data
			}
		}
		out = append(out, e)
	}
	return out
}
