package snippetcmd

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"

	"github.com/jivokit/jivokit/jsapi"
	"github.com/jivokit/jivokit/jsapi/runtime"
	"github.com/jivokit/jivokit/stub"
)

func run(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = Run(context.Background(), strings.NewReader(""), &out, &errOut, args)
	return code, out.String(), errOut.String()
}

func TestSnippet(t *testing.T) {
	code, out, errOut := run("-widget-id", "AbC1234567", "-name", "Ann </script><script>alert(1)</script>", "-email", "ann@example.com",
		"-phone", "+1 555 0100", "-description", "\u2028<!--", "-token", "tok'\"", "-color", "#fff, #000", "-invitation", "Hi", "-department", "2", "-queue-limit", "7")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "\n<script>"+runtime.Script+"</script>\n") {
		t.Errorf("runtime not inlined on its own line:\n%.300s", out)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	const open = `<script id="jivokit-config" type="application/json">`
	if !strings.HasPrefix(lines[0], open) || lines[1] != "</script>" || strings.Count(out, "<script") != 3 || strings.Count(out, "</script>") != 3 {
		t.Fatalf("snippet:\n%s", out)
	}
	var cfg jsapi.PageConfig
	if err := json.Unmarshal([]byte(strings.TrimPrefix(lines[0], open)), &cfg); err != nil {
		t.Fatal(err)
	}
	want := jsapi.PageConfig{
		UserToken:   "tok'\"",
		ContactInfo: &jsapi.ContactInfo{Name: "Ann </script><script>alert(1)</script>", Email: "ann@example.com", Phone: "+1 555 0100", Description: "\u2028<!--"},
		WidgetColor: &jsapi.WidgetColor{Color: "#fff", Color2: "#000"},
		Invitation:  &jsapi.Invitation{Text: "Hi", DepartmentID: 2},
		QueueLimit:  7,
	}
	if got, _ := json.Marshal(cfg); string(got) != mustJSON(want) {
		t.Errorf("config %s\nwant   %s", got, mustJSON(want))
	}
	// The loader adds the widget's script.
	if want := "\n" + `<script data-load="eager" data-src="//code.jivosite.com/widget/AbC1234567">` + runtime.Loader + "</script>\n"; !strings.HasSuffix(out, want) {
		t.Errorf("the snippet does not end with the loader:\n%.300s", out)
	}
}

func mustJSON(v any) string { b, _ := json.Marshal(v); return string(b) }

func TestSnippetVariants(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want []string // substrings of stdout
		not  []string
	}{
		{"host", []string{"-widget-id", "12345", "-host", "code.jivo.ru"}, []string{`src="//code.jivo.ru/widget/12345"`}, nil},
		{"stub", []string{"-widget-id", "12345", "-stub"}, []string{`<script data-load="eager" data-src="/jivokit/stub.js">`}, []string{"code.jivosite"}},
		{"stub url", []string{"-widget-id", "12345", "-stub", "-stub-url", "/static/stub.js"}, []string{`src="/static/stub.js"`}, nil},
		{"runtime url", []string{"-widget-id", "12345", "-runtime-url", "/js/runtime.js"}, []string{`<script src="/js/runtime.js"></script>`}, []string{runtime.Script[:30]}},
		{"nonce", []string{"-widget-id", "12345", "-nonce", "NONCE"}, []string{`type="application/json" nonce="NONCE"`, `data-src="//code.jivosite.com/widget/12345" nonce="NONCE"`}, nil},
		{"empty config", []string{"-widget-id", "12345"}, []string{`type="application/json">{}` + "\n</script>"}, nil},
		{"eager", []string{"-widget-id", "12345", "-load", "eager"}, []string{`<script data-load="eager" data-src="//code.jivosite.com/widget/12345">`}, []string{"<script src"}},
		{"watchdog", []string{"-widget-id", "12345", "-load-timeout", "5s", "-fallback", "mailto:help@shop.example", "-fallback-label", "E-mail us"},
			[]string{`"load_timeout":5000,"fallback":{"url":"mailto:help@shop.example","label":"E-mail us"}`}, nil},
		{"idle", []string{"-widget-id", "12345", "-load", "idle"}, []string{`<script data-load="idle" data-src="//code.jivosite.com/widget/12345">` + runtime.Loader + "</script>"}, []string{`<script src="//code`}},
		{"consent with the stub", []string{"-widget-id", "12345", "-load", "consent", "-stub"}, []string{`<script data-load="consent" data-src="/jivokit/stub.js">`}, []string{`<script src="/jivokit/stub.js"`}},
		{"interaction", []string{"-widget-id", "12345", "-load", "interaction", "-launcher-label", "Чат", "-load-intent", "focus, hover", "-nonce", "N"},
			[]string{`<script data-load="interaction" data-src="//code.jivosite.com/widget/12345" data-label="Чат" data-intent="click focus hover" nonce="N">`}, []string{`<script src="//code`}},
		{"track pages", []string{"-widget-id", "12345", "-track-pages"}, []string{`<script data-load="eager" data-src="//code.jivosite.com/widget/12345" data-track-pages>`}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := run(tt.args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%.400s", w, out)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(out, n) {
					t.Errorf("output has %q", n)
				}
			}
		})
	}
}

func TestSnippetCSP(t *testing.T) {
	sum := sha256.Sum256([]byte(runtime.Script))
	hash := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	sum = sha256.Sum256([]byte(runtime.Loader))
	loaderHash := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	// Every strategy: the loader adds the widget's script, which
	// 'strict-dynamic' trusts.
	for _, load := range []string{"eager", "consent"} {
		_, out, _ := run("-widget-id", "12345", "-csp", "-load", load)
		if !strings.Contains(out, "script-src 'strict-dynamic' code.jivosite.com *.jivosite.com *.jivo.ru "+hash+" "+loaderHash+";") || strings.Contains(out, "<script") {
			t.Errorf("-csp -load %s printed %s", load, out)
		}
	}
	code, out, errOut := run("-widget-id", "12345", "-csp", "-runtime-url", "/jivokit/runtime.js")
	if code != 0 || strings.Contains(out, hash) || !strings.Contains(out, loaderHash) || !strings.Contains(errOut, "warning: without -nonce") {
		t.Errorf("-csp -runtime-url: exit %d, printed %s, warned %q", code, out, errOut)
	}
	_, out, _ = run("-widget-id", "12345", "-csp", "-nonce", "abc")
	if !strings.Contains(out, "'nonce-abc'") || strings.Contains(out, "sha256") {
		t.Errorf("-csp -nonce printed %s", out)
	}
	// The site's policy is extended, not replaced: what it leaves
	// unrestricted (images, styles, frames here) stays so.
	code, out, errOut = run("-widget-id", "12345", "-csp", "-nonce", "R", "-site-csp", "object-src 'none'; script-src 'nonce-R' 'strict-dynamic' https: http:; base-uri 'none'")
	want := "base-uri 'none'; object-src 'none'; script-src 'nonce-R' 'strict-dynamic' https: http: code.jivosite.com *.jivosite.com *.jivo.ru; worker-src 'nonce-R' 'strict-dynamic' https: http: blob:\n"
	if code != 0 || out != want {
		t.Errorf("-csp -site-csp: exit %d, printed\n%s\nwant\n%s%s", code, out, want, errOut)
	}
}

func TestSnippetPrintStub(t *testing.T) {
	code, out, _ := run("-print-stub")
	if code != 0 || out != stub.StaticScript {
		t.Errorf("exit %d, printed %d bytes, want the %d-byte stub", code, len(out), len(stub.Script))
	}
}

func TestSnippetBadUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no id", nil, "-widget-id is required"},
		{"hostile id", []string{"-widget-id", `a"></script><script>alert(1)</script>`}, "invalid widget id"},
		{"id the vendor refuses", []string{"-widget-id", "abc123XYZ"}, `"abc123XYZ" is 9 characters long and not all digits; ` + jsapi.WidgetIDRule},
		{"id with a dash", []string{"-widget-id", "AbCdE-1234"}, jsapi.WidgetIDRule},
		{"bad host", []string{"-widget-id", "12345", "-host", "evil.com/x"}, "invalid script host"},
		{"invalid UTF-8 stub url", []string{"-widget-id", "12345", "-stub", "-stub-url", "/st\xffub.js"}, "-stub-url is not valid UTF-8"},
		{"invalid UTF-8 runtime url", []string{"-widget-id", "12345", "-runtime-url", "/r\xc0.js"}, "-runtime-url is not valid UTF-8"},
		{"strict: bad email", []string{"-widget-id", "12345", "-strict", "-email", "nope"}, "contact_info.email"},
		{"strict: phone with an extension", []string{"-widget-id", "12345", "-strict", "-phone", "+1 (408) 498-7855 ext. 2"}, "contact_info.phone: contains 'e'"},
		{"strict: bad colour", []string{"-widget-id", "12345", "-strict", "-color", "red"}, "widget_color"},
		{"strict: bad second colour", []string{"-widget-id", "12345", "-strict", "-color", "#fff,blue"}, "widget_color.color2"},
		{"invalid UTF-8", []string{"-widget-id", "12345", "-name", "a\xffb"}, "not valid UTF-8"},
		{"strict: blank invitation", []string{"-widget-id", "12345", "-strict", "-invitation", "  "}, "invitation"},
		{"department alone", []string{"-widget-id", "12345", "-department", "3"}, "-department needs -invitation"},
		{"strict: negative department", []string{"-widget-id", "12345", "-strict", "-invitation", "Hi", "-department", "-1"}, "department_id"},
		{"stub url alone", []string{"-widget-id", "12345", "-stub-url", "/s.js"}, "-stub-url needs -stub"},
		{"javascript stub url", []string{"-widget-id", "12345", "-stub", "-stub-url", "javascript:alert(1)"}, "invalid URL"},
		{"negative queue", []string{"-widget-id", "12345", "-queue-limit", "-1"}, "queue_limit"},
		{"bad fallback", []string{"-widget-id", "12345", "-fallback", "javascript:alert(1)", "-fallback-label", "x"}, "fallback.url"},
		{"fallback without label", []string{"-widget-id", "12345", "-fallback", "/contact"}, "-fallback and -fallback-label go together"},
		{"zero timeout", []string{"-widget-id", "12345", "-load-timeout", "0s"}, "WithLoadTimeout needs a duration"},
		{"nonce that breaks out of its source", []string{"-widget-id", "12345", "-csp", "-nonce", "x' 'unsafe-inline"}, "invalid CSP nonce"},
		{"nonce with a space", []string{"-widget-id", "12345", "-nonce", "a b"}, "-nonce"},
		{"template placeholder as nonce", []string{"-widget-id", "12345", "-nonce", "{{nonce}}"}, "invalid CSP nonce"},
		{"site policy without -csp", []string{"-widget-id", "12345", "-site-csp", "default-src 'self'"}, "-site-csp needs -csp"},
		{"argument", []string{"-widget-id", "12345", "extra"}, "takes no arguments"},
		{"unknown strategy", []string{"-widget-id", "12345", "-load", "lazy"}, `-load: unknown loading strategy "lazy"`},
		{"label without interaction", []string{"-widget-id", "12345", "-launcher-label", "Chat"}, "need -load interaction"},
		{"unknown intent", []string{"-widget-id", "12345", "-load", "interaction", "-load-intent", "scroll"}, `unknown intent "scroll"`},
		{"unknown flag", []string{"-widget", "a"}, "flag provided but not defined"},
		{"not a number", []string{"-widget-id", "12345", "-department", "x"}, "invalid value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := run(tt.args...)
			if code != 64 {
				t.Errorf("exit %d, want 64", code)
			}
			if out != "" {
				t.Errorf("printed to stdout on error: %q", out)
			}
			if !strings.Contains(errOut, tt.want) {
				t.Errorf("stderr lacks %q:\n%s", tt.want, errOut)
			}
		})
	}
}

// TestSnippetAdvice: a value that breaks only jivokit's advice is printed
// as it is, with the advice on stderr, and the exit is 0.
func TestSnippetAdvice(t *testing.T) {
	for _, tt := range []struct {
		name    string
		args    []string
		inPage  string
		advised string
	}{
		{"phone with an extension", []string{"-phone", "+1 (408) 498-7855 ext. 2"}, `"phone":"+1 (408) 498-7855 ext. 2"`, "contact_info.phone: contains 'e'"},
		{"intranet e-mail", []string{"-email", "admin@intranet"}, `"email":"admin@intranet"`, "contact_info.email: has no dot in its domain"},
		{"colour name", []string{"-color", "teal"}, `"color":"teal"`, `widget_color: "teal" is not a hex colour`},
		{"negative department", []string{"-invitation", "Hi", "-department", "-1"}, `"department_id":-1`, "invitation.department_id: is negative"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := run(append([]string{"-widget-id", "12345"}, tt.args...)...)
			if code != 0 || !strings.Contains(out, tt.inPage) {
				t.Fatalf("exit %d, snippet lacks %s:\n%s\nstderr:\n%s", code, tt.inPage, out, errOut)
			}
			if want := "jivokit snippet: advice: " + tt.advised; !strings.Contains(errOut, want) || !strings.Contains(errOut, "-strict refuses it") {
				t.Errorf("stderr lacks %q:\n%s", want, errOut)
			}
		})
	}
}

func TestSnippetHelp(t *testing.T) {
	code, out, errOut := run("-h")
	if code != 0 || !strings.Contains(out, "three script elements") || !strings.Contains(out, "\n\nflags:\n  -color") || errOut != "" {
		t.Errorf("exit %d, help on stdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
}
