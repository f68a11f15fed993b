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
	code, out, errOut := run("-widget-id", "AbC123", "-name", "Ann </script><script>alert(1)</script>", "-email", "ann@example.com",
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
	if lines[len(lines)-1] != `<script src="//code.jivosite.com/widget/AbC123" async></script>` {
		t.Errorf("widget line %s", lines[len(lines)-1])
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
		{"host", []string{"-widget-id", "a", "-host", "code.jivo.ru"}, []string{`src="//code.jivo.ru/widget/a"`}, nil},
		{"stub", []string{"-widget-id", "a", "-stub"}, []string{`<script src="/jivokit/stub.js" async></script>`}, []string{"jivosite"}},
		{"stub url", []string{"-widget-id", "a", "-stub", "-stub-url", "/static/stub.js"}, []string{`src="/static/stub.js"`}, nil},
		{"runtime url", []string{"-widget-id", "a", "-runtime-url", "/js/runtime.js"}, []string{`<script src="/js/runtime.js"></script>`}, []string{runtime.Script[:30]}},
		{"nonce", []string{"-widget-id", "a", "-nonce", "NONCE"}, []string{`type="application/json" nonce="NONCE"`, `async nonce="NONCE"`}, nil},
		{"empty config", []string{"-widget-id", "a"}, []string{`type="application/json">{}` + "\n</script>"}, nil},
		{"eager", []string{"-widget-id", "a", "-load", "eager"}, []string{`<script src="//code.jivosite.com/widget/a" async></script>`}, []string{"data-load"}},
		{"idle", []string{"-widget-id", "a", "-load", "idle"}, []string{`<script data-load="idle" data-src="//code.jivosite.com/widget/a">` + runtime.Loader + "</script>"}, []string{`<script src="//code`}},
		{"consent with the stub", []string{"-widget-id", "a", "-load", "consent", "-stub"}, []string{`<script data-load="consent" data-src="/jivokit/stub.js">`}, []string{`<script src="/jivokit/stub.js"`}},
		{"interaction", []string{"-widget-id", "a", "-load", "interaction", "-launcher-label", "Чат", "-load-intent", "focus, hover", "-nonce", "N"},
			[]string{`<script data-load="interaction" data-src="//code.jivosite.com/widget/a" data-label="Чат" data-intent="click focus hover" nonce="N">`}, []string{`<script src="//code`}},
		{"track pages", []string{"-widget-id", "a", "-track-pages"}, []string{`<script src="//code.jivosite.com/widget/a" async></script>`, `<script data-load="eager" data-track-pages>`}, nil},
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
	_, out, _ := run("-widget-id", "a", "-csp")
	if !strings.Contains(out, "script-src code.jivosite.com") || !strings.Contains(out, hash) || strings.Contains(out, "<script") {
		t.Errorf("-csp printed %s", out)
	}
	sum = sha256.Sum256([]byte(runtime.Loader))
	loaderHash := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	if strings.Contains(out, loaderHash) {
		t.Errorf("-csp for an eager page allows the loader: %s", out)
	}
	_, out, _ = run("-widget-id", "a", "-csp", "-load", "consent")
	if !strings.Contains(out, hash) || !strings.Contains(out, loaderHash) {
		t.Errorf("-csp -load consent lacks the loader's hash: %s", out)
	}
	_, out, _ = run("-widget-id", "a", "-csp", "-nonce", "abc")
	if !strings.Contains(out, "'nonce-abc'") || strings.Contains(out, "sha256") {
		t.Errorf("-csp -nonce printed %s", out)
	}
	// The site's policy is extended, not replaced: what it leaves
	// unrestricted (images, styles, frames here) stays so.
	code, out, errOut := run("-widget-id", "a", "-csp", "-nonce", "R", "-site-csp", "object-src 'none'; script-src 'nonce-R' 'strict-dynamic' https: http:; base-uri 'none'")
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
		{"bad host", []string{"-widget-id", "a", "-host", "evil.com/x"}, "invalid script host"},
		{"strict: bad email", []string{"-widget-id", "a", "-strict", "-email", "nope"}, "contact_info.email"},
		{"strict: phone with an extension", []string{"-widget-id", "a", "-strict", "-phone", "+1 (408) 498-7855 ext. 2"}, "contact_info.phone: contains 'e'"},
		{"strict: bad colour", []string{"-widget-id", "a", "-strict", "-color", "red"}, "widget_color"},
		{"strict: bad second colour", []string{"-widget-id", "a", "-strict", "-color", "#fff,blue"}, "widget_color.color2"},
		{"invalid UTF-8", []string{"-widget-id", "a", "-name", "a\xffb"}, "not valid UTF-8"},
		{"strict: blank invitation", []string{"-widget-id", "a", "-strict", "-invitation", "  "}, "invitation"},
		{"department alone", []string{"-widget-id", "a", "-department", "3"}, "-department needs -invitation"},
		{"strict: negative department", []string{"-widget-id", "a", "-strict", "-invitation", "Hi", "-department", "-1"}, "department_id"},
		{"stub url alone", []string{"-widget-id", "a", "-stub-url", "/s.js"}, "-stub-url needs -stub"},
		{"javascript stub url", []string{"-widget-id", "a", "-stub", "-stub-url", "javascript:alert(1)"}, "invalid URL"},
		{"negative queue", []string{"-widget-id", "a", "-queue-limit", "-1"}, "queue_limit"},
		{"nonce that breaks out of its source", []string{"-widget-id", "a", "-csp", "-nonce", "x' 'unsafe-inline"}, "invalid CSP nonce"},
		{"nonce with a space", []string{"-widget-id", "a", "-nonce", "a b"}, "-nonce"},
		{"template placeholder as nonce", []string{"-widget-id", "a", "-nonce", "{{nonce}}"}, "invalid CSP nonce"},
		{"site policy without -csp", []string{"-widget-id", "a", "-site-csp", "default-src 'self'"}, "-site-csp needs -csp"},
		{"argument", []string{"-widget-id", "a", "extra"}, "takes no arguments"},
		{"unknown strategy", []string{"-widget-id", "a", "-load", "lazy"}, `-load: unknown loading strategy "lazy"`},
		{"label without interaction", []string{"-widget-id", "a", "-launcher-label", "Chat"}, "need -load interaction"},
		{"unknown intent", []string{"-widget-id", "a", "-load", "interaction", "-load-intent", "scroll"}, `unknown intent "scroll"`},
		{"unknown flag", []string{"-widget", "a"}, "flag provided but not defined"},
		{"not a number", []string{"-widget-id", "a", "-department", "x"}, "invalid value"},
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
			code, out, errOut := run(append([]string{"-widget-id", "a"}, tt.args...)...)
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
