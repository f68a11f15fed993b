package templates

import (
	"context"
	"encoding/json"
	"errors"
	"maps"
	"strings"
	"testing"
	"time"

	"github.com/jivokit/jivokit/jsapi"
	"github.com/jivokit/jivokit/stub"
	"github.com/jivokit/jivokit/usertoken/usertokentest"
)

func TestValidateWidgetID(t *testing.T) {
	// The vendor's loader: all digits (any length), or exactly 10 letters
	// and digits.
	good := []string{"1", "123456", strings.Repeat("7", 100), "AbCdEf1234", "abcdefghij", "ABCDEFGHIJ", "0123456789"}
	for _, id := range good {
		if err := ValidateWidgetID(id); err != nil || !jsapi.ValidWidgetID(id) {
			t.Errorf("ValidateWidgetID(%q) = %v, ValidWidgetID %v; want nil, true", id, err, jsapi.ValidWidgetID(id))
		}
	}
	bad := map[string]string{
		"empty":         "",
		"nine":          "AbCdEf123",
		"eleven":        "AbCdEf12345",
		"short letters": "a",
		"abc123XYZ":     "abc123XYZ",
		"dash":          "AbCdE-1234",
		"underscore":    "AbCdE_1234",
		"digits dash":   "123-456",
		"script end":    "abc</script><script>alert(1)</script>",
		"quote":         `abc"onload="x`,
		"single quote":  "abc'",
		"path":          "abc/../../evil",
		"query":         "abc?x=1",
		"space":         "abc def",
		"newline":       "abc\n",
		"nul":           "abc\x00",
		"comment":       "<!--",
		"unicode":       "аbc", // Cyrillic a
		"invalid utf-8": "ab\xffc",
		"U+2028":        "ab\u2028",
		"dot":           "a.b",
		"url":           "//evil.com/widget/x",
	}
	for name, id := range bad {
		err := ValidateWidgetID(id)
		if jsapi.ValidWidgetID(id) {
			t.Errorf("%s: jsapi.ValidWidgetID(%q) = true", name, id)
		}
		if !errors.Is(err, ErrWidgetID) {
			t.Errorf("%s: ValidateWidgetID(%q) = %v, want ErrWidgetID", name, id, err)
			continue
		}
		if id != "" && !strings.Contains(err.Error(), jsapi.WidgetIDRule) {
			t.Errorf("%s: error %q does not state the rule", name, err)
		}
		if strings.ContainsAny(err.Error(), "\n\x00\u2028") {
			t.Errorf("%s: error message holds a raw control character: %q", name, err)
		}
	}
}

func TestNewWidgetOptions(t *testing.T) {
	signer := usertokentest.Signer(t)
	tests := []struct {
		name string
		id   string
		opts []Option
		want []error // every sentinel the error must match; nil for success
	}{
		{"defaults", "Abc1234567", nil, nil},
		{"all options", "Abc1234567", []Option{WithHost(HostRU), withStubURL("/s.js", stub.Options{Offline: true}), WithRuntimeURL("/r.js"), WithSafeHosts("example.com"), WithVisitorTokens(signer, time.Hour)}, nil},
		{"host with port", "Abc1234567", []Option{WithHost("localhost.test:8443")}, nil},
		{"bad id and host", "a b", []Option{WithHost("code.jivosite.com/x")}, []error{ErrWidgetID, ErrHost}},
		{"upper-case host", "Abc1234567", []Option{WithHost("Code.Jivosite.com")}, []error{ErrHost}},
		{"host without dot", "Abc1234567", []Option{WithHost("localhost")}, []error{ErrHost}},
		{"host with scheme", "Abc1234567", []Option{WithHost("https://code.jivosite.com")}, []error{ErrHost}},
		{"host injection", "Abc1234567", []Option{WithHost(`x.com"><script>`)}, []error{ErrHost}},
		{"bad port", "Abc1234567", []Option{WithHost("a.com:http")}, []error{ErrHost}},
		{"javascript stub url", "Abc1234567", []Option{withStubURL("javascript:alert(1)", stub.Options{})}, []error{ErrURL}},
		{"data runtime url", "Abc1234567", []Option{WithRuntimeURL("data:text/javascript,alert(1)")}, []error{ErrURL}},
		{"quote in runtime url", "Abc1234567", []Option{WithRuntimeURL(`/r.js"onload="x`)}, []error{ErrURL}},
		{"empty runtime url", "Abc1234567", []Option{WithRuntimeURL("")}, []error{ErrURL}},
		{"invalid UTF-8 runtime url", "Abc1234567", []Option{WithRuntimeURL("/r\xff.js")}, []error{ErrURL}},
		{"bad stub options", "Abc1234567", []Option{withStub(stub.Options{LoadDelay: -time.Second})}, []error{ErrOption, stub.ErrNegativeDelay}},
		{"no safe hosts", "Abc1234567", []Option{WithSafeHosts()}, []error{ErrOption}},
		{"bad safe host", "Abc1234567", []Option{WithSafeHosts("example.com/path")}, []error{ErrOption}},
		{"nil signer", "Abc1234567", []Option{WithVisitorTokens(nil, time.Hour)}, []error{ErrOption}},
		{"zero ttl", "Abc1234567", []Option{WithVisitorTokens(signer, 0)}, []error{ErrOption}},
		{"nil report", "Abc1234567", []Option{WithErrorHandler(nil)}, []error{ErrOption}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, err := NewWidget(tt.id, tt.opts...)
			if tt.want == nil {
				if err != nil || w == nil {
					t.Fatalf("NewWidget = %v, %v; want a widget", w, err)
				}
				return
			}
			if err == nil || w != nil {
				t.Fatalf("NewWidget = %v, %v; want an error", w, err)
			}
			for _, want := range tt.want {
				if !errors.Is(err, want) {
					t.Errorf("error %q does not match %q", err, want)
				}
			}
		})
	}
}

func TestScriptURL(t *testing.T) {
	tests := []struct {
		opts []Option
		want string
	}{
		{nil, "//code.jivosite.com/widget/Abc1234567"},
		{[]Option{WithHost(HostYandex)}, "//code-ya.jivosite.com/widget/Abc1234567"},
		{[]Option{withStub(stub.Options{})}, stub.Path},
		{[]Option{withStubURL("https://cdn.example.com/stub.js", stub.Options{})}, "https://cdn.example.com/stub.js"},
	}
	for _, tt := range tests {
		w, err := NewWidget("Abc1234567", tt.opts...)
		if err != nil {
			t.Fatal(err)
		}
		if got := w.ScriptURL(); got != tt.want {
			t.Errorf("ScriptURL = %q, want %q", got, tt.want)
		}
	}
}

// TestStubAttrsAreDataAttributes holds package stub to the contract the
// snippet relies on to render stub.Options.Attrs' names as they are: each
// is a lower-case data-* name. The parsed script element carries exactly
// those attributes with their values.
func TestStubAttrsAreDataAttributes(t *testing.T) {
	for _, o := range []stub.Options{
		{},
		{LoadDelay: 1500 * time.Millisecond, Offline: true, CallbacksDisabled: true, NeverLoad: true},
		{LoadDelay: time.Nanosecond},
	} {
		attrs := o.Attrs()
		for k := range attrs {
			name, ok := strings.CutPrefix(k, "data-")
			if !ok || name == "" || strings.Trim(name, "abcdefghijklmnopqrstuvwxyz0123456789-") != "" {
				t.Errorf("stub.Options.Attrs has %q, not a lower-case data-* name", k)
			}
		}
		w := newTestWidget(t, withStub(o))
		var b strings.Builder
		if err := w.Snippet(Visitor{}).Render(context.Background(), &b); err != nil {
			t.Fatal(err)
		}
		scripts := parseScripts(t, b.String())
		// The loader puts data-attrs on the script it adds.
		got := map[string]string{}
		if data := scripts[len(scripts)-1].attrs["data-attrs"]; data != "" {
			if err := json.Unmarshal([]byte(data), &got); err != nil {
				t.Fatal(err)
			}
		}
		if !maps.Equal(got, attrs) {
			t.Errorf("%+v: the stub's script has %v, want %v", o, got, attrs)
		}
	}
}
