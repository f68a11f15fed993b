package templates_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"time"

	"github.com/a-h/templ"

	"github.com/jivokit/jivokit/jsapi"
	"github.com/jivokit/jivokit/jsapi/runtime"
	"github.com/jivokit/jivokit/stub"
	"github.com/jivokit/jivokit/templates"
	"github.com/jivokit/jivokit/templates/stubwidget"
	"github.com/jivokit/jivokit/usertoken"
)

func ExampleNewWidget() {
	_, err := templates.NewWidget("abc</script>", templates.WithHost("evil.example/x"))
	fmt.Println(err)
	// Output:
	// templates: invalid widget id: "abc</script>" contains '<' at byte 3; a widget id is all digits, or exactly 10 characters of A-Z, a-z and 0-9
	// templates: invalid script host: "evil.example/x" may hold only lower-case letters, digits, '-' and '.' (and :port)
}

func ExampleWidget_Snippet() {
	widget, err := templates.NewWidget("AbCdEf1234", templates.WithRuntimeURL(templates.RuntimePath))
	if err != nil {
		panic(err)
	}
	ctx := templ.WithNonce(context.Background(), "r4nd0m")
	var b strings.Builder
	err = widget.Snippet(templates.Visitor{Config: jsapi.PageConfig{
		ContactInfo: &jsapi.ContactInfo{Name: "Ann </script>"},
		Invitation:  &jsapi.Invitation{Text: "Need help?", DepartmentID: 3},
	}}).Render(ctx, &b)
	if err != nil {
		panic(err)
	}
	// The loader, inlined, adds the widget's script.
	fmt.Println(strings.Replace(b.String(), runtime.Loader, "/* the loader */", 1))
	// Output:
	// <script id="jivokit-config" type="application/json" nonce="r4nd0m">{"contact_info":{"name":"Ann \u003c/script\u003e"},"invitation":{"text":"Need help?","department_id":3}}
	// </script><script src="/jivokit/runtime.js" nonce="r4nd0m"></script><script data-load="eager" data-src="//code.jivosite.com/widget/AbCdEf1234" nonce="r4nd0m">/* the loader */</script>
}

func ExampleWidget_Config() {
	widget, _ := templates.NewWidget("Abc1234567", templates.WithSafeHosts("example.com"))
	cfg, err := widget.Config(templates.Visitor{Config: jsapi.PageConfig{
		ContactInfo: &jsapi.ContactInfo{Name: "Ann", Email: "not an address"},
		CustomData: []jsapi.CustomField{
			{Title: "Order", Link: "https://shop.example.com/o/1"},
			{Title: "Phish", Link: "https://example.net/login"},
		},
	}})
	fmt.Printf("%+v %+v\n", *cfg.ContactInfo, cfg.CustomData)
	fmt.Println(errors.Is(err, templates.ErrLinkNotAllowed))
	var re *templates.RenderError
	if errors.As(err, &re) {
		fmt.Println(re.Fields())
	}
	fmt.Println(err)
	// Output:
	// {Name:Ann Email:not an address Phone: Description:} [{Content: Title:Order Link:https://shop.example.com/o/1 Key:} {Content: Title:Phish Link: Key:}]
	// true
	// [contact_info.email custom_data[1].link]
	// templates: left out of the page: custom_data[1].link: points outside the safe hosts (host "example.net"); kept with advice: contact_info.email: is not an e-mail address
}

func ExampleWithScript() {
	widget, _ := templates.NewWidget("Abc1234567",
		stubwidget.With(stub.Options{LoadDelay: 200 * time.Millisecond, Offline: true}),
		templates.WithRuntimeURL(templates.RuntimePath))
	var b strings.Builder
	widget.Snippet(templates.Visitor{}).Render(context.Background(), &b)
	// The loader adds the stub's script with the attributes of data-attrs.
	fmt.Println(strings.Replace(b.String(), runtime.Loader, "/* the loader */", 1))
	// Output:
	// <script id="jivokit-config" type="application/json">{}
	// </script><script src="/jivokit/runtime.js"></script><script data-load="eager" data-src="/jivokit/stub.js" data-attrs="{&#34;data-load-delay&#34;:&#34;200&#34;,&#34;data-offline&#34;:&#34;true&#34;}">/* the loader */</script>
}

func ExampleWithVisitorTokens() {
	signer, _ := usertoken.NewSigner([]byte("a secret of at least thirty-two bytes"))
	widget, err := templates.NewWidget("Abc1234567", templates.WithVisitorTokens(signer, 24*time.Hour))
	if err != nil {
		panic(err)
	}
	cfg, _ := widget.Config(templates.Visitor{ID: "user-42"})
	claims, err := signer.Verify(cfg.UserToken)
	fmt.Println(claims.VisitorID, claims.ExpiresAt.Sub(claims.IssuedAt), err)
	// Output: user-42 24h0m0s <nil>
}

func ExampleWithErrorHandler() {
	widget, _ := templates.NewWidget("Abc1234567", templates.WithErrorHandler(func(ctx context.Context, err error) {
		fmt.Println("report:", err)
	}))
	widget.Snippet(templates.Visitor{Config: jsapi.PageConfig{
		CustomData: []jsapi.CustomField{{Title: "x", Link: "/crm/add"}},
	}}).Render(context.Background(), io.Discard)
	// Output: report: templates: kept with advice: custom_data[0].link: is not an absolute http or https URL
}

func ExampleWithStrict() {
	widget, _ := templates.NewWidget("Abc1234567", templates.WithStrict(), templates.WithErrorHandler(func(ctx context.Context, err error) {
		fmt.Println("report:", err)
	}))
	widget.Snippet(templates.Visitor{Config: jsapi.PageConfig{
		ContactInfo: &jsapi.ContactInfo{Name: "Ann", Phone: "+1 (408) 498-7855 ext. 2"},
	}}).Render(context.Background(), io.Discard)
	// Output: report: templates: left out of the page: contact_info.phone: contains 'e'; only digits, a leading +, spaces, dots, dashes and parentheses are allowed
}

func ExampleWidget_Policy() {
	widget, _ := templates.NewWidget("Abc1234567")
	site := templates.ParsePolicy("default-src 'self'; img-src 'self' data:")
	policy := site.Merge(widget.Policy()).WithNonce("r4nd0m")
	for _, directive := range strings.Split(policy.String(), "; ") {
		fmt.Println(directive)
	}
	// Output:
	// default-src 'self'
	// connect-src 'self' wss://*.jivosite.com wss://*.jivo.ru https://*.jivosite.com https://*.jivo.ru
	// font-src 'self' *.jivosite.com
	// frame-src 'self' *.jivosite.com
	// img-src 'self' data: *.jivosite.com *.jivo.ru blob:
	// media-src 'self' *.jivosite.com
	// script-src 'self' 'strict-dynamic' code.jivosite.com *.jivosite.com *.jivo.ru 'nonce-r4nd0m'
	// style-src 'self' *.jivosite.com 'unsafe-inline'
	// worker-src 'self' blob:
}

func ExampleWidget_ScriptHashes() {
	// A page without a nonce: the hashes of the inline runtime and loader.
	widget, _ := templates.NewWidget("Abc1234567")
	site := templates.ParsePolicy("script-src 'self'; object-src 'none'")
	policy := site.Merge(widget.Policy(), templates.Policy{"script-src": widget.ScriptHashes()})
	src := policy["script-src"]
	fmt.Println(src[:5], len(src)-5, "hashes")
	// Output: ['self' 'strict-dynamic' code.jivosite.com *.jivosite.com *.jivo.ru] 2 hashes
}

func ExampleWASMPolicy() {
	fmt.Println(templates.WASMPolicy().WithNonce("r4nd0m"))
	// Output: connect-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'nonce-r4nd0m'
}

func ExamplePolicy_WithHash() {
	fmt.Println(templates.Policy{"script-src": {"'self'"}}.WithHash("alert(1)"))
	// Output: script-src 'self' 'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='
}

func ExampleParsePolicy() {
	p := templates.ParsePolicy("script-src 'self'; SCRIPT-SRC https://evil.example; object-src 'none'")
	fmt.Println(p["script-src"], p["object-src"])
	// Output: ['self'] ['none']
}

func ExamplePolicy_Merge() {
	a := templates.Policy{"script-src": {"'self'"}, "img-src": {"'none'"}}
	b := templates.Policy{"script-src": {"'self'", "cdn.example.com"}, "img-src": {"data:"}}
	fmt.Println(a.Merge(b))
	// Output: img-src data:; script-src 'self' cdn.example.com
}

func ExampleWASMApp() {
	app := templates.WASMApp{WASMURL: "/static/app.wasm", RuntimeURL: templates.RuntimePath}
	var b strings.Builder
	if err := app.Render(templ.WithNonce(context.Background(), "r4nd0m"), &b); err != nil {
		panic(err)
	}
	// The last script is the loader; show its start.
	page := b.String()
	fmt.Println(page[:strings.LastIndex(page, ">(")+1])
	// Output:
	// <link rel="preload" href="/static/app.wasm" as="fetch" type="application/wasm" crossorigin><script src="/jivokit/runtime.js" nonce="r4nd0m"></script><script src="/jivokit/wasm_exec.js" async nonce="r4nd0m"></script><script data-wasm="/static/app.wasm" nonce="r4nd0m">
}

func ExampleWASMApp_Validate() {
	fmt.Println(templates.WASMApp{WASMURL: "javascript:alert(1)"}.Validate())
	// Output: templates: invalid URL: WASM URL "javascript:alert(1)" has scheme "javascript"; only http and https URLs and paths are allowed
}

func ExampleAssetHandler() {
	mux := http.NewServeMux()
	mux.Handle(templates.RuntimePath, templates.AssetHandler())
	mux.Handle(templates.WASMExecPath, templates.AssetHandler())
	srv := httptest.NewServer(mux)
	defer srv.Close()

	res, err := http.Get(srv.URL + templates.WASMExecPath)
	if err != nil {
		panic(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	fmt.Println(res.Status, res.Header.Get("Content-Type"), len(body) == len(templates.WASMExecJS))
	// Output: 200 OK text/javascript; charset=utf-8 true
}

func ExampleValidateWidgetID() {
	fmt.Println(templates.ValidateWidgetID("AbCdEf1234"))
	fmt.Println(templates.ValidateWidgetID("abc123XYZ"))
	fmt.Println(templates.ValidateWidgetID("abc/../x"))
	// Output:
	// <nil>
	// templates: invalid widget id: "abc123XYZ" is 9 characters long and not all digits; a widget id is all digits, or exactly 10 characters of A-Z, a-z and 0-9
	// templates: invalid widget id: "abc/../x" contains '/' at byte 3; a widget id is all digits, or exactly 10 characters of A-Z, a-z and 0-9
}

func ExampleWidget_ScriptURL() {
	widget, _ := templates.NewWidget("Abc1234567", templates.WithHost(templates.HostRU))
	fmt.Println(widget.ScriptURL())
	// Output: //code.jivo.ru/widget/Abc1234567
}

// A site whose policy restricts only scripts keeps its images, styles,
// fetches and frames unrestricted; workers, which fell back on its
// script-src, get a worker-src of their own.
func ExamplePolicy_Merge_strictCSP() {
	widget, _ := templates.NewWidget("Abc1234567")
	site := templates.ParsePolicy("object-src 'none'; script-src 'nonce-R' 'strict-dynamic' https: http:; base-uri 'none'")
	for _, directive := range strings.Split(site.Merge(widget.Policy()).WithNonce("R").String(), "; ") {
		fmt.Println(directive)
	}
	// Output:
	// base-uri 'none'
	// object-src 'none'
	// script-src 'nonce-R' 'strict-dynamic' https: http: code.jivosite.com *.jivosite.com *.jivo.ru
	// worker-src 'nonce-R' 'strict-dynamic' https: http: blob:
}

func ExampleValidateNonce() {
	fmt.Println(templates.ValidateNonce("r4nd0m+/Zw=="))
	fmt.Println(templates.ValidateNonce("x' 'unsafe-inline"))
	fmt.Println(templates.Policy{"script-src": {"'self'"}}.WithNonce("x' 'unsafe-inline"))
	// Output:
	// <nil>
	// templates: invalid CSP nonce: "x' 'unsafe-inline" contains '\''; only letters, digits, '+', '/', '-', '_' and trailing '=' are allowed
	// script-src 'self'
}

func ExampleWithLoad() {
	widget, _ := templates.NewWidget("Abc1234567",
		templates.WithLoad(templates.LoadInteraction),
		templates.WithLauncherLabel("Chatten"),
		templates.WithLoadIntent(templates.IntentFocus),
		templates.WithRuntimeURL(templates.RuntimePath))
	var b strings.Builder
	widget.Snippet(templates.Visitor{}).Render(templ.WithNonce(context.Background(), "r4nd0m"), &b)
	// The widget's script is not in the HTML: the loader adds it on intent.
	html := b.String()
	fmt.Println(html[:strings.Index(html, ">")+1])
	fmt.Println(strings.Contains(html, `<script src="//code.jivosite.com/widget/Abc1234567"`))
	fmt.Println(html[strings.LastIndex(html, "<script"):strings.LastIndex(html, ` nonce=`)])
	// Output:
	// <script id="jivokit-config" type="application/json" nonce="r4nd0m">
	// false
	// <script data-load="interaction" data-src="//code.jivosite.com/widget/Abc1234567" data-label="Chatten" data-intent="click focus"
}
