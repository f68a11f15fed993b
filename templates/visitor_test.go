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

	"github.com/jivokit/jivokit/jsapi"
	"github.com/jivokit/jivokit/usertoken"
	"github.com/jivokit/jivokit/usertoken/usertokentest"
)

func newTestWidget(t testing.TB, opts ...Option) *Widget {
	t.Helper()
	w, err := NewWidget("Test123456", opts...)
	if err != nil {
		t.Fatal(err)
	}
	return w
}

func TestConfigSignsVisitorID(t *testing.T) {
	signer := usertokentest.Signer(t)
	w := newTestWidget(t, WithVisitorTokens(signer, time.Hour))
	cfg, err := w.Config(Visitor{ID: "user-42"})
	if err != nil {
		t.Fatal(err)
	}
	claims, err := signer.Verify(cfg.UserToken)
	if err != nil {
		t.Fatalf("Verify(%q): %v", cfg.UserToken, err)
	}
	if claims.VisitorID != "user-42" || claims.ExpiresAt.Sub(claims.IssuedAt) != time.Hour {
		t.Errorf("claims = %+v", claims)
	}
	// Another secret does not verify it.
	other, _ := usertoken.NewSigner(bytes.Repeat([]byte("x"), 32))
	if _, err := other.Verify(cfg.UserToken); !errors.Is(err, usertoken.ErrBadSignature) {
		t.Errorf("foreign signer: %v, want ErrBadSignature", err)
	}
}

func TestConfigTokenProblems(t *testing.T) {
	signed := newTestWidget(t, WithVisitorTokens(usertokentest.Signer(t), time.Hour))
	plain := newTestWidget(t)
	tests := []struct {
		name string
		w    *Widget
		v    Visitor
		want error
	}{
		{"id without signer", plain, Visitor{ID: "u1"}, ErrNoSigner},
		{"id and static token", signed, Visitor{ID: "u1", Config: jsapi.PageConfig{UserToken: "x"}}, ErrOption},
		{"id the signer refuses", signed, Visitor{ID: strings.Repeat("x", 10000)}, usertoken.ErrVisitorID},
		{"static token not UTF-8", plain, Visitor{Config: jsapi.PageConfig{UserToken: "a\xffb"}}, ErrInvalidUTF8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.w.Config(tt.v)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Config error = %v, want %v", err, tt.want)
			}
			var re *RenderError
			if !errors.As(err, &re) || !slices.Contains(re.Fields(), "user_token") {
				t.Errorf("dropped fields = %v, want user_token among them", re)
			}
		})
	}
}

func TestConfigSafeHosts(t *testing.T) {
	w := newTestWidget(t, WithSafeHosts("Example.COM."))
	links := map[string]bool{
		"https://example.com/a":                true,
		"http://EXAMPLE.com:8080/a":            true,
		"https://shop.example.com/a":           true,
		"https://user@example.com/a":           true,
		"https://evil.com/example.com":         false,
		"https://evilexample.com/":             false,
		"https://example.com.evil.net/":        false,
		"https://example.com@evil.net/":        false,
		"https://evil.net#https://example.com": false,
		"javascript:alert(1)//example.com":     false,
		"data:text/html,example.com":           false,
		"JAVASCRIPT:alert(1)":                  false,
		"//example.com/a":                      false,
		"/relative":                            false,
	}
	for link, pass := range links {
		cfg, err := w.Config(Visitor{Config: jsapi.PageConfig{CustomData: []jsapi.CustomField{{Title: "t", Link: link}}}})
		got := len(cfg.CustomData) == 1 && cfg.CustomData[0].Link == link
		if got != pass {
			t.Errorf("link %q kept = %v, want %v (err %v)", link, got, pass, err)
		}
		if !pass && (err == nil || !strings.Contains(err.Error(), "custom_data[0].link")) {
			t.Errorf("link %q dropped without a report: %v", link, err)
		}
		if len(cfg.CustomData) != 1 || cfg.CustomData[0].Title != "t" {
			t.Errorf("link %q: the field itself was lost: %+v", link, cfg.CustomData)
		}
	}
	// Without safe hosts every link passes: one that is not an absolute
	// http(s) URL with jivokit's advice, reported; strict mode leaves it
	// out.
	open := newTestWidget(t)
	strict := newTestWidget(t, WithStrict())
	for _, link := range []string{"javascript:alert(1)", "data:text/html,x", "/crm/add", "mailto:ann@example.com"} {
		cfg, err := open.Config(Visitor{Config: jsapi.PageConfig{CustomData: []jsapi.CustomField{{Title: "t", Link: link}}}})
		var w *jsapi.Warning
		if cfg.CustomData[0].Link != link || !errors.As(err, &w) || w.Field != "custom_data[0].link" {
			t.Errorf("link %q without safe hosts: kept %q, report %v; want it kept with a *jsapi.Warning", link, cfg.CustomData[0].Link, err)
		}
		cfg, err = strict.Config(Visitor{Config: jsapi.PageConfig{CustomData: []jsapi.CustomField{{Title: "t", Link: link}}}})
		var re *RenderError
		if cfg.CustomData[0].Link != "" || !errors.As(err, &re) || !re.LeftOut() {
			t.Errorf("link %q in strict mode: kept %q, report %v; want it left out", link, cfg.CustomData[0].Link, err)
		}
	}
	if cfg, err := open.Config(Visitor{Config: jsapi.PageConfig{CustomData: []jsapi.CustomField{{Title: "t", Link: "https://anywhere.example.net/"}}}}); err != nil || cfg.CustomData[0].Link == "" {
		t.Errorf("https link dropped without safe hosts: %v", err)
	}
}

func TestConfigLeavesOutInvalidParts(t *testing.T) {
	w := newTestWidget(t)
	in := jsapi.PageConfig{
		UserToken: "tok",
		ContactInfo: &jsapi.ContactInfo{
			Name: "Ann\xff", Email: "ann@example.com", Phone: "123", Description: "ok",
		},
		CustomData: []jsapi.CustomField{
			{Title: "t\xc0", Content: "c"},
			{Title: "only invalid\xfe"},
		},
		WidgetColor: &jsapi.WidgetColor{Color: "#fff", Color2: "red"},
		Invitation:  &jsapi.Invitation{Text: "Hi", DepartmentID: -2},
		QueueLimit:  5,
	}
	for range 12 {
		in.CustomData = append(in.CustomData, jsapi.CustomField{Content: "x"})
	}
	got, err := w.Config(Visitor{Config: in})
	// The phone, the second colour and the department break only
	// jivokit's advice: kept, and reported.
	want := jsapi.PageConfig{
		UserToken:   "tok",
		ContactInfo: &jsapi.ContactInfo{Email: "ann@example.com", Phone: "123", Description: "ok"},
		CustomData:  []jsapi.CustomField{{Content: "c"}},
		WidgetColor: &jsapi.WidgetColor{Color: "#fff", Color2: "red"},
		Invitation:  &jsapi.Invitation{Text: "Hi", DepartmentID: -2},
		QueueLimit:  5,
	}
	// custom_data[1] is left out, so ten fields with text remain within
	// the first eleven: custom_data[11] onwards are the ones too many.
	for range 9 {
		want.CustomData = append(want.CustomData, jsapi.CustomField{Content: "x"})
	}
	if !reflect.DeepEqual(got, want) {
		gj, _ := json.Marshal(got)
		wj, _ := json.Marshal(want)
		t.Errorf("Config =\n%s\nwant\n%s", gj, wj)
	}
	var re *RenderError
	if !errors.As(err, &re) {
		t.Fatalf("error %v is not a *RenderError", err)
	}
	wantFields := []string{
		"contact_info.name", "contact_info.phone",
		"custom_data[0].title", "custom_data[1].title",
		"custom_data[11]", "custom_data[12]", "custom_data[13]",
		"widget_color.color2", "invitation.department_id",
	}
	if !reflect.DeepEqual(re.Fields(), wantFields) {
		t.Errorf("dropped %v\nwant    %v", re.Fields(), wantFields)
	}
	if !errors.Is(err, ErrInvalidUTF8) {
		t.Errorf("errors.Is(err, ErrInvalidUTF8) = false for %v", err)
	}
	if strings.ContainsRune(err.Error(), '\xff') || !strings.Contains(err.Error(), "contact_info.name: is not valid UTF-8") ||
		!strings.Contains(err.Error(), "; kept with advice: contact_info.phone: has 3 digits") {
		t.Errorf("error text: %v", err)
	}
	var warning *jsapi.Warning
	if !errors.As(err, &warning) || warning.Field != "contact_info.phone" {
		t.Errorf("errors.As finds no *jsapi.Warning for the phone in %v", err)
	}

	// Strict: the parts jivokit advises on are left out too.
	got, err = newTestWidget(t, WithStrict()).Config(Visitor{Config: in})
	want.ContactInfo.Phone, want.WidgetColor.Color2, want.Invitation.DepartmentID = "", "", 0
	if !reflect.DeepEqual(got, want) {
		gj, _ := json.Marshal(got)
		wj, _ := json.Marshal(want)
		t.Errorf("strict: Config =\n%s\nwant\n%s", gj, wj)
	}
	if !errors.As(err, &re) || !reflect.DeepEqual(re.Fields(), wantFields) || strings.Contains(err.Error(), "kept with advice") {
		t.Errorf("strict: %v", err)
	}
}

// TestConfigAdviceOnly: a configuration with only advice renders whole and
// reports a *RenderError that left nothing out.
func TestConfigAdviceOnly(t *testing.T) {
	in := jsapi.PageConfig{
		ContactInfo: &jsapi.ContactInfo{Name: "Ann", Phone: "+1 (408) 498-7855 ext. 2", Email: "admin@intranet"},
		CustomData:  []jsapi.CustomField{{Content: "Add contact", Link: "/crm/add"}},
	}
	got, err := newTestWidget(t).Config(Visitor{Config: in})
	if !reflect.DeepEqual(got, in) {
		t.Errorf("Config = %+v, want the configuration unchanged", got)
	}
	var re *RenderError
	if !errors.As(err, &re) || re.LeftOut() || len(re.Dropped) != 3 {
		t.Fatalf("report %v", err)
	}
	if want := "templates: kept with advice: contact_info.email: has no dot in its domain; contact_info.phone: contains 'e'; only digits, a leading +, spaces, dots, dashes and parentheses are allowed; custom_data[0].link: is not an absolute http or https URL"; err.Error() != want {
		t.Errorf("report\n%s\nwant\n%s", err, want)
	}
	if &got.CustomData[0] == &in.CustomData[0] {
		t.Error("the page's configuration shares the caller's custom data")
	}
}

// TestSnippetReportsAndStillRenders checks that a dropped link reaches the
// report function with the request's context, and the page still renders.
func TestSnippetReportsAndStillRenders(t *testing.T) {
	type key struct{}
	var got error
	var gotCtx context.Context
	w := newTestWidget(t, WithSafeHosts("example.com"), WithErrorHandler(func(ctx context.Context, err error) { gotCtx, got = ctx, err }))
	ctx := context.WithValue(context.Background(), key{}, "request-7")
	var b bytes.Buffer
	err := w.Snippet(Visitor{Config: jsapi.PageConfig{CustomData: []jsapi.CustomField{{Title: "Deal", Link: "https://phish.example.net/login"}}}}).Render(ctx, &b)
	if err != nil {
		t.Fatal(err)
	}
	if !errors.Is(got, ErrLinkNotAllowed) {
		t.Fatalf("report got %v, want ErrLinkNotAllowed", got)
	}
	if gotCtx == nil || gotCtx.Value(key{}) != "request-7" {
		t.Error("report did not get the render context")
	}
	if !strings.Contains(b.String(), `"custom_data":[{"title":"Deal"}]`) || strings.Contains(b.String(), "phish") {
		t.Errorf("page = %s", b.String())
	}
	// A clean visitor reports nothing.
	got = nil
	if err := w.Snippet(Visitor{}).Render(context.Background(), &b); err != nil || got != nil {
		t.Errorf("clean visitor: render %v, report %v", err, got)
	}
}

// TestConfigBlockEscaping checks that the JSON block holds no byte that
// could end the element, open a comment, or break a JavaScript string.
func TestConfigBlockEscaping(t *testing.T) {
	hostile := []string{
		"</script><script>alert(1)</script>", "</SCRIPT>", "<!--", "<script", "-->",
		"\u2028", "\u2029", `"quoted"`, "'single'", "a&b", "<![CDATA[", "]]>", "\\", "\x00\x1f",
	}
	w := newTestWidget(t)
	for _, s := range hostile {
		v := Visitor{Config: jsapi.PageConfig{
			UserToken:   s,
			ContactInfo: &jsapi.ContactInfo{Name: s, Description: s},
			CustomData:  []jsapi.CustomField{{Title: s, Content: s, Key: s, Link: "https://example.com/" + s}},
			Invitation:  &jsapi.Invitation{Text: s + "x"},
		}}
		var b bytes.Buffer
		if err := configBlock(mustConfig(t, w, v)).Render(context.Background(), &b); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		body := strings.TrimSuffix(out[strings.IndexByte(out, '>')+1:], "</script>")
		if strings.ContainsAny(body, "<>&\u2028\u2029") {
			t.Errorf("%q: block body holds a raw <, >, &, U+2028 or U+2029: %s", s, body)
		}
		var back jsapi.PageConfig
		if err := json.Unmarshal([]byte(body), &back); err != nil || back.ContactInfo.Name != s || back.UserToken != s {
			t.Errorf("%q: block does not decode back: %v %+v", s, err, back)
		}
	}
}

func mustConfig(t *testing.T, w *Widget, v Visitor) jsapi.PageConfig {
	t.Helper()
	cfg, err := w.Config(v)
	if err != nil {
		t.Logf("left out: %v", err)
	}
	return cfg
}

// TestConfigAgreesWithValidate ties Widget.Config to
// jsapi.PageConfig.Validate, which states the widget's rules: Config drops
// nothing exactly when Validate accepts the configuration. (Config checks
// more than Validate: UTF-8, safe hosts and signing, not used here.)
func TestConfigAgreesWithValidate(t *testing.T) {
	fields := func(n int) []jsapi.CustomField {
		out := make([]jsapi.CustomField, n)
		for i := range out {
			out[i] = jsapi.CustomField{Title: "t"}
		}
		return out
	}
	tests := []struct {
		name string
		cfg  jsapi.PageConfig
	}{
		{"empty", jsapi.PageConfig{}},
		{"full", jsapi.PageConfig{
			UserToken:   "tok",
			ContactInfo: &jsapi.ContactInfo{Name: "Ann", Email: "ann@example.com", Phone: "+1 555 0100", Description: "d"},
			CustomData:  []jsapi.CustomField{{Content: "c", Title: "t", Link: "https://example.com/a", Key: "k"}},
			WidgetColor: &jsapi.WidgetColor{Color: "#1e88e5", Color2: "#FFF"},
			Invitation:  &jsapi.Invitation{Text: "Hi", DepartmentID: 3},
			QueueLimit:  50,
		}},
		{"empty contact info", jsapi.PageConfig{ContactInfo: &jsapi.ContactInfo{}}},
		{"bad email", jsapi.PageConfig{ContactInfo: &jsapi.ContactInfo{Email: "ann@example"}}},
		{"bad phone", jsapi.PageConfig{ContactInfo: &jsapi.ContactInfo{Phone: "1234"}}},
		{"phone with letters", jsapi.PageConfig{ContactInfo: &jsapi.ContactInfo{Phone: "+1 555 CALL"}}},
		{"ten fields", jsapi.PageConfig{CustomData: fields(jsapi.MaxCustomFields)}},
		{"eleven fields", jsapi.PageConfig{CustomData: fields(jsapi.MaxCustomFields + 1)}},
		{"field with only a key", jsapi.PageConfig{CustomData: []jsapi.CustomField{{Key: "k"}}}},
		{"field with only a link", jsapi.PageConfig{CustomData: []jsapi.CustomField{{Link: "https://example.com"}}}},
		{"javascript link", jsapi.PageConfig{CustomData: []jsapi.CustomField{{Title: "t", Link: "javascript:alert(1)"}}}},
		{"link with a space", jsapi.PageConfig{CustomData: []jsapi.CustomField{{Title: "t", Link: "https://example.com/a b"}}}},
		{"link without host", jsapi.PageConfig{CustomData: []jsapi.CustomField{{Title: "t", Link: "https:///a"}}}},
		{"empty colour", jsapi.PageConfig{WidgetColor: &jsapi.WidgetColor{}}},
		{"named colour", jsapi.PageConfig{WidgetColor: &jsapi.WidgetColor{Color: "red"}}},
		{"bad second colour", jsapi.PageConfig{WidgetColor: &jsapi.WidgetColor{Color: "#fff", Color2: "#ggg"}}},
		{"empty invitation", jsapi.PageConfig{Invitation: &jsapi.Invitation{}}},
		{"blank invitation", jsapi.PageConfig{Invitation: &jsapi.Invitation{Text: " \t\u00a0\u3000\u2028"}}},
		{"invitation of a zero-width space", jsapi.PageConfig{Invitation: &jsapi.Invitation{Text: "\u200b"}}},
		{"negative department", jsapi.PageConfig{Invitation: &jsapi.Invitation{Text: "Hi", DepartmentID: -1}}},
		{"negative queue limit", jsapi.PageConfig{QueueLimit: -1}},
	}
	w := newTestWidget(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, cerr := w.Config(Visitor{Config: tt.cfg})
			if verr := tt.cfg.Validate(); (cerr == nil) != (verr == nil) {
				t.Errorf("Config: %v\nPageConfig.Validate: %v", cerr, verr)
			}
		})
	}
}

// TestConfigCopiesCustomData: the config a snippet renders never shares
// the caller's custom data, clean or not.
func TestConfigCopiesCustomData(t *testing.T) {
	w := newTestWidget(t)
	for _, fields := range [][]jsapi.CustomField{{{Title: "a"}}, {{Title: "a"}, {}}} {
		cfg, _ := w.Config(Visitor{Config: jsapi.PageConfig{CustomData: fields}})
		cfg.CustomData[0].Title = "changed"
		if fields[0].Title != "a" {
			t.Fatalf("the config shares the caller's slice (%d fields)", len(fields))
		}
	}
}
