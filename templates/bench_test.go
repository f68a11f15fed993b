package templates

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"reflect"
	"testing"
	"time"

	"github.com/a-h/templ"

	"github.com/jivokit/jivokit/jsapi"
	"github.com/jivokit/jivokit/jsapi/runtime"
	"github.com/jivokit/jivokit/usertoken/usertokentest"
)

// typicalVisitor is a logged-in visitor with everything a shop would set.
var typicalVisitor = Visitor{
	ID: "user-42",
	Config: jsapi.PageConfig{
		ContactInfo: &jsapi.ContactInfo{Name: "Ann Smith", Email: "ann@example.com", Phone: "+1 555 0100", Description: "Pro customer since 2019"},
		CustomData: []jsapi.CustomField{
			{Title: "Plan", Content: "Pro", Link: "https://example.com/a/1"},
			{Title: "Cart", Content: "3 items, $120", Link: "https://shop.example.com/cart/42"},
			{Title: "Last order", Content: "#10443 <shipped>", Key: "order"},
		},
		WidgetColor: &jsapi.WidgetColor{Color: "#1e88e5", Color2: "#43a047"},
		Invitation:  &jsapi.Invitation{Text: "Need help with your order?", DepartmentID: 3},
	},
}

func benchWidget(tb testing.TB) *Widget {
	return newTestWidget(tb, WithSafeHosts("example.com"), WithVisitorTokens(usertokentest.Signer(tb), time.Hour))
}

// BenchmarkWidget renders the full snippet (configuration block with a
// signed token, inline runtime, widget script) with templ.
func BenchmarkWidget(b *testing.B) {
	w := benchWidget(b)
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		// A fresh context per page, as per request: the runtime renders
		// once per context.
		ctx := templ.WithNonce(context.Background(), "bm9uY2Utbm9uY2U")
		if err := w.Snippet(typicalVisitor).Render(ctx, &buf); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(buf.Len()))
}

// htmlSnippet is the same markup as the templ components, in html/template:
// html/template JSON-encodes .Config in the application/json script.
var htmlSnippet = template.Must(template.New("snippet").Parse(
	`<script type="application/json" id="jivokit-config"{{with .Nonce}} nonce="{{.}}"{{end}}>{{.Config}}</script>` +
		`<script{{with .Nonce}} nonce="{{.}}"{{end}}>{{.Runtime}}</script>` +
		`<script data-load="eager" data-src="{{.ScriptURL}}"{{with .Nonce}} nonce="{{.}}"{{end}}>{{.Loader}}</script>`))

type htmlSnippetData struct {
	Nonce     string
	Config    jsapi.PageConfig
	Runtime   template.JS
	Loader    template.JS
	ScriptURL string
}

// BenchmarkWidgetHTMLTemplate renders the same page with html/template,
// after the same Widget.Config (token signing, checks).
func BenchmarkWidgetHTMLTemplate(b *testing.B) {
	w := benchWidget(b)
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := renderHTMLTemplate(w, &buf, "bm9uY2Utbm9uY2U"); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(buf.Len()))
}

func renderHTMLTemplate(w *Widget, out io.Writer, nonce string) error {
	cfg, _ := w.Config(typicalVisitor)
	return htmlSnippet.Execute(out, htmlSnippetData{Nonce: nonce, Config: cfg, Runtime: template.JS(runtime.Script), Loader: template.JS(runtime.Loader), ScriptURL: w.ScriptURL()})
}

// TestHTMLTemplateBaselineIsEquivalent keeps the benchmark honest: both
// render the same scripts with the same configuration.
func TestHTMLTemplateBaselineIsEquivalent(t *testing.T) {
	w := benchWidget(t)
	w.now = func() time.Time { return goldenNow }
	var a, b bytes.Buffer
	if err := w.Snippet(typicalVisitor).Render(templ.WithNonce(context.Background(), "n"), &a); err != nil {
		t.Fatal(err)
	}
	if err := renderHTMLTemplate(w, &b, "n"); err != nil {
		t.Fatal(err)
	}
	sa, sb := parseScripts(t, a.String()), parseScripts(t, b.String())
	if len(sa) != 3 || len(sb) != 3 {
		t.Fatalf("scripts: templ %d, html/template %d", len(sa), len(sb))
	}
	for i := range sa {
		if sa[i].text != sb[i].text && i != 0 {
			t.Errorf("script %d differs", i)
		}
		if fmt.Sprint(sa[i].attrs) != fmt.Sprint(sb[i].attrs) {
			t.Errorf("script %d attributes: %v vs %v", i, sa[i].attrs, sb[i].attrs)
		}
	}
	var ca, cb jsapi.PageConfig
	if err := jsonUnmarshal(sa[0].text, &ca); err != nil {
		t.Fatal(err)
	}
	if err := jsonUnmarshal(sb[0].text, &cb); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(ca, cb) {
		t.Errorf("configuration differs:\n%+v\n%+v", ca, cb)
	}
}

// BenchmarkRenderingRatio renders the snippet with templ and with
// html/template in alternation, so that both see the same machine load, and
// reports each one's time per page and their ratio (html-template/templ,
// above 1 when templ is faster):
//
//	go test -run '^$' -bench RenderingRatio ./templates
func BenchmarkRenderingRatio(b *testing.B) {
	w := benchWidget(b)
	var buf bytes.Buffer
	var templNS, htmlNS time.Duration
	for b.Loop() {
		buf.Reset()
		start := time.Now()
		ctx := templ.WithNonce(context.Background(), "bm9uY2Utbm9uY2U")
		if err := w.Snippet(typicalVisitor).Render(ctx, &buf); err != nil {
			b.Fatal(err)
		}
		mid := time.Now()
		buf.Reset()
		if err := renderHTMLTemplate(w, &buf, "bm9uY2Utbm9uY2U"); err != nil {
			b.Fatal(err)
		}
		templNS += mid.Sub(start)
		htmlNS += time.Since(mid)
	}
	n := float64(b.N)
	b.ReportMetric(float64(templNS)/n, "templ-ns/page")
	b.ReportMetric(float64(htmlNS)/n, "html-template-ns/page")
	if templNS > 0 {
		b.ReportMetric(float64(htmlNS)/float64(templNS), "html-template/templ")
	}
}

func jsonUnmarshal(s string, v any) error { return json.Unmarshal([]byte(s), v) }
