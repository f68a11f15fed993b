package templates

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jivokit/jivokit/jsapi/runtime"
	"github.com/jivokit/jivokit/stub"
)

func TestWidgetPolicy(t *testing.T) {
	w := newTestWidget(t)
	p := w.Policy()
	want := map[string][]string{
		"script-src":  {"'strict-dynamic'", "code.jivosite.com", "*.jivosite.com", "*.jivo.ru"},
		"connect-src": {"wss://*.jivosite.com", "wss://*.jivo.ru", "https://*.jivosite.com"},
		"frame-src":   {"*.jivosite.com"},
		"worker-src":  {"blob:"},
	}
	for dir, srcs := range want {
		for _, src := range srcs {
			if !slices.Contains(p[dir], src) {
				t.Errorf("%s lacks %s: %v", dir, src, p[dir])
			}
		}
	}
	if slices.Contains(p["script-src"], "'self'") {
		t.Error("vendor widget with inline runtime needs no 'self'")
	}
	// A host outside the vendor's wildcards is added; the stub needs 'self'.
	custom, err := NewWidget("Abc1234567", WithHost("widget.example.net:8443"), withStub(stub.Options{}))
	if err != nil {
		t.Fatal(err)
	}
	cp := custom.Policy()
	if !slices.Contains(cp["script-src"], "widget.example.net:8443") || !slices.Contains(cp["script-src"], "'self'") {
		t.Errorf("script-src = %v", cp["script-src"])
	}
	ru, _ := NewWidget("Abc1234567", WithHost(HostRU))
	if got := ru.Policy()["script-src"]; slices.Contains(got, HostRU) {
		t.Errorf("code.jivo.ru is covered by *.jivo.ru, got %v", got)
	}
	// Policy returns a copy each time.
	p["script-src"][0] = "changed"
	if w.Policy()["script-src"][0] != "'strict-dynamic'" {
		t.Error("Policy shares its slices")
	}
}

func TestPolicyMergeAndString(t *testing.T) {
	site := ParsePolicy("default-src 'self'; script-src 'self' https://cdn.example.com; object-src 'none'; img-src 'none'; SCRIPT-SRC evil.com")
	if got := site["script-src"]; !slices.Equal(got, []string{"'self'", "https://cdn.example.com"}) {
		t.Fatalf("ParsePolicy kept a repeated directive or lost one: %v", got)
	}
	w := newTestWidget(t)
	merged := site.Merge(w.Policy(), WASMPolicy()).WithNonce("abc123")
	header := merged.String()
	for _, want := range []string{
		"default-src 'self'; ",
		"script-src 'self' https://cdn.example.com 'strict-dynamic' code.jivosite.com *.jivosite.com *.jivo.ru 'wasm-unsafe-eval' 'nonce-abc123'",
		"connect-src 'self' wss://*.jivosite.com",
		"frame-src 'self' *.jivosite.com", // starts from default-src
		"object-src 'none'",
		"img-src *.jivosite.com",                          // 'none' gave way
		"worker-src 'self' https://cdn.example.com blob:", // starts from script-src, as browsers fall back
	} {
		if !strings.Contains(header, want) {
			t.Errorf("header lacks %q:\n%s", want, header)
		}
	}
	if !strings.HasPrefix(header, "default-src") {
		t.Errorf("default-src is not first: %s", header)
	}
	if merged.String() != header {
		t.Error("String is not stable")
	}
	// Merge leaves its receiver alone.
	if slices.Contains(site["script-src"], "code.jivosite.com") || len(site) != 4 {
		t.Errorf("Merge changed its receiver: %v", site)
	}
	// Sources are not repeated.
	twice := w.Policy().Merge(w.Policy())
	if len(twice["script-src"]) != len(w.Policy()["script-src"]) {
		t.Errorf("merge repeats sources: %v", twice["script-src"])
	}
	// Parsing the rendered header gives the policy back.
	if again := ParsePolicy(header); again.String() != header {
		t.Errorf("round trip:\n%s\n%s", again.String(), header)
	}
}

func TestPolicyWithHash(t *testing.T) {
	sum := sha256.Sum256([]byte("alert(1)"))
	want := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	if got := (Policy{"script-src": {}}).WithHash("alert(1)")["script-src"]; !slices.Equal(got, []string{want}) {
		t.Errorf("WithHash = %v, want %v", got, want)
	}
	if got := (Policy{"img-src": {"'self'"}}).WithHash("alert(1)"); len(got) != 1 {
		t.Errorf("WithHash restricted the scripts of a policy that allowed all: %v", got)
	}
}

// fallbackLists are CSP Level 3's directive fallback lists ("Get fetch
// directive fallback list"), written out here independently of csp.go: the
// directive a browser enforces for a kind of request is the first of its
// list the policy has.
var fallbackLists = map[string][]string{
	"script-src-elem": {"script-src-elem", "script-src", "default-src"},
	"script-src-attr": {"script-src-attr", "script-src", "default-src"},
	"style-src-elem":  {"style-src-elem", "style-src", "default-src"},
	"style-src-attr":  {"style-src-attr", "style-src", "default-src"},
	"worker-src":      {"worker-src", "child-src", "script-src", "default-src"},
	"connect-src":     {"connect-src", "default-src"},
	"manifest-src":    {"manifest-src", "default-src"},
	"object-src":      {"object-src", "default-src"},
	"frame-src":       {"frame-src", "child-src", "default-src"},
	"media-src":       {"media-src", "default-src"},
	"font-src":        {"font-src", "default-src"},
	"img-src":         {"img-src", "default-src"},
}

// enforced returns the sources a browser checks for kind under p, and
// false when p does not restrict kind at all.
func enforced(p Policy, kind string) ([]string, bool) {
	for _, name := range fallbackLists[kind] {
		if srcs, ok := p[name]; ok {
			return srcs, true
		}
	}
	return nil, false
}

// Google's strict CSP, as google.com sends it: no default-src.
const googleStrictCSP = "object-src 'none'; script-src 'nonce-R' 'strict-dynamic' https: http:; base-uri 'none'"

// TestPolicyMergeExtends checks, for every kind of request, that merging
// the widget's and the WASM app's needs into a site's policy allows what
// the site allowed plus what they need, and nothing else; a kind the site
// leaves unrestricted stays unrestricted.
func TestPolicyMergeExtends(t *testing.T) {
	w := newTestWidget(t, withStub(stub.Options{}))
	needs := []Policy{w.Policy(), WASMPolicy()}
	for _, site := range []string{
		googleStrictCSP,
		"default-src 'self'",
		"default-src 'self'; script-src 'self' https://cdn.example.com; object-src 'none'; img-src 'none'",
		"script-src 'self'; img-src 'self' data:",                                                              // no default-src
		"default-src 'self'; child-src 'self' https://player.vimeo.com",                                        // frames and workers fall back on child-src
		"default-src 'none'; script-src 'self'; script-src-elem 'self' cdn.example.com; style-src-attr 'none'", // CSP3 split directives
		"default-src 'self'; frame-src https://www.youtube.com; worker-src 'none'",
		"upgrade-insecure-requests",
		"",
	} {
		t.Run(site, func(t *testing.T) {
			p := ParsePolicy(site)
			merged := p.Merge(needs...)
			for kind := range fallbackLists {
				had, restricted := enforced(p, kind)
				got, restricts := enforced(merged, kind)
				if !restricted {
					if restricts {
						t.Errorf("%s: the site allowed everything, the merged policy only %v", kind, got)
					}
					continue
				}
				if !restricts {
					t.Errorf("%s: the site restricted it to %v, the merged policy not at all", kind, had)
					continue
				}
				var need []string
				for _, n := range needs {
					srcs, _ := enforced(n, kind)
					if kind == "worker-src" { // what scripts need, workers do not
						srcs, _ = enforced(Policy{"frame-src": n["worker-src"], "child-src": n["child-src"], "default-src": n["default-src"]}, "frame-src")
					}
					need = append(need, srcs...)
				}
				for _, src := range slices.Concat(had, need) {
					if src != "'none'" && !slices.Contains(got, src) {
						t.Errorf("%s: %v lacks %s (site %v, needed %v)", kind, got, src, had, need)
					}
				}
				// A kind may gain what its fallback gained, nothing else.
				for _, src := range got {
					if !slices.Contains(had, src) && !slices.ContainsFunc(needs, func(n Policy) bool { return slices.Contains(slices.Concat(slices.Collect(maps.Values(n))...), src) }) {
						t.Errorf("%s: %v allows %s, which neither the site (%v) nor the widget asked for", kind, got, src, had)
					}
				}
			}
			for name, srcs := range p {
				if _, fetch := fallbackLists[name]; fetch || slices.Contains([]string{"default-src", "child-src", "script-src", "style-src"}, name) {
					continue
				}
				if !slices.Equal(merged[name], srcs) {
					t.Errorf("%s changed from %v to %v", name, srcs, merged[name])
				}
			}
		})
	}
}

func TestPolicyMergeGoogleStrictCSP(t *testing.T) {
	w := newTestWidget(t)
	got := ParsePolicy(googleStrictCSP).Merge(w.Policy()).WithNonce("R").String()
	want := "base-uri 'none'; object-src 'none'; " +
		"script-src 'nonce-R' 'strict-dynamic' https: http: code.jivosite.com *.jivosite.com *.jivo.ru; " +
		"worker-src 'nonce-R' 'strict-dynamic' https: http: blob:"
	if got != want {
		t.Errorf("merged into Google's strict CSP:\n got %s\nwant %s", got, want)
	}
}

func TestPolicyMergeChildSrc(t *testing.T) {
	w := newTestWidget(t)
	got := ParsePolicy("default-src 'self'; child-src 'self' https://player.vimeo.com").Merge(w.Policy())
	if want := []string{"'self'", "https://player.vimeo.com", "*.jivosite.com"}; !slices.Equal(got["frame-src"], want) {
		t.Errorf("frame-src = %v, want %v (from child-src)", got["frame-src"], want)
	}
	if want := []string{"'self'", "https://player.vimeo.com", "blob:"}; !slices.Equal(got["worker-src"], want) {
		t.Errorf("worker-src = %v, want %v (from child-src)", got["worker-src"], want)
	}
}

func TestPolicyWithNonce(t *testing.T) {
	base := Policy{"script-src": {"'self'"}}
	for _, nonce := range []string{"abc123", "r4nd0m+/A==", "a-_b", "Zm9vYmFy=", "0"} {
		if err := ValidateNonce(nonce); err != nil {
			t.Errorf("ValidateNonce(%q) = %v", nonce, err)
		}
		if got := base.WithNonce(nonce)["script-src"]; !slices.Equal(got, []string{"'self'", "'nonce-" + nonce + "'"}) {
			t.Errorf("WithNonce(%q): script-src %v", nonce, got)
		}
	}
	for _, nonce := range []string{"", "x' 'unsafe-inline", "a b", "a;b", "a,b", "abc===", "=", "a=b", "{{nonce}}", "n\u00f6nce", "a\x00"} {
		if err := ValidateNonce(nonce); !errors.Is(err, ErrNonce) {
			t.Errorf("ValidateNonce(%q) = %v, want ErrNonce", nonce, err)
		}
		if got := base.WithNonce(nonce).String(); got != "script-src 'self'" {
			t.Errorf("WithNonce(%q) = %s, want the policy unchanged", nonce, got)
		}
	}
}

func TestWidgetPolicyScriptOrigins(t *testing.T) {
	tests := []struct {
		name string
		opts []Option
		want []string // in script-src
		not  []string
	}{
		{"stub from the site", []Option{withStub(stub.Options{})}, []string{"'self'"}, nil},
		{"runtime from the site", []Option{WithRuntimeURL(RuntimePath)}, []string{"'self'"}, nil},
		{"stub from a CDN", []Option{withStubURL("https://cdn.example.com:8443/jivokit/stub.js?v=2", stub.Options{})},
			[]string{"https://cdn.example.com:8443"}, []string{"'self'"}},
		{"runtime scheme-relative", []Option{WithRuntimeURL("//static.example.net/runtime.js")}, []string{"static.example.net"}, []string{"'self'"}},
		{"runtime with user info", []Option{WithRuntimeURL("HTTP://u@Static.Example.net#x")}, []string{"http://static.example.net"}, []string{"'self'"}},
		{"both", []Option{withStub(stub.Options{}), WithRuntimeURL("https://cdn.example.com/rt.js")}, []string{"'self'", "https://cdn.example.com"}, nil},
		{"relative path", []Option{WithRuntimeURL("js/runtime.js")}, []string{"'self'"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := newTestWidget(t, tt.opts...).Policy()["script-src"]
			for _, w := range tt.want {
				if !slices.Contains(got, w) {
					t.Errorf("script-src %v lacks %s", got, w)
				}
			}
			for _, n := range tt.not {
				if slices.Contains(got, n) {
					t.Errorf("script-src %v has %s", got, n)
				}
			}
		})
	}
}

func TestScriptHashes(t *testing.T) {
	hash := func(js string) string {
		sum := sha256.Sum256([]byte(js))
		return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	}
	w := newTestWidget(t)
	if got, want := w.ScriptHashes(), []string{hash(runtime.Script), hash(runtime.Loader)}; !slices.Equal(got, want) {
		t.Errorf("ScriptHashes = %v, want the runtime's and the loader's %v", got, want)
	}
	u, err := NewWidget("Abc1234567", WithRuntimeURL(RuntimePath), WithLoad(LoadConsent))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := u.ScriptHashes(), []string{hash(runtime.Loader)}; !slices.Equal(got, want) {
		t.Errorf("with a runtime URL: ScriptHashes = %v, want the loader's %v", got, want)
	}
	// Every inline script the snippet renders has its hash, and only those.
	var b strings.Builder
	if err := w.Snippet(Visitor{}).Render(context.Background(), &b); err != nil {
		t.Fatal(err)
	}
	var inline []string
	for _, sc := range parseScripts(t, b.String()) {
		if sc.attrs["type"] == "" && sc.attrs["src"] == "" {
			inline = append(inline, hash(sc.text))
		}
	}
	if !slices.Equal(inline, w.ScriptHashes()) {
		t.Errorf("the snippet's inline scripts hash to %v, ScriptHashes says %v", inline, w.ScriptHashes())
	}
}

// TestScriptHashesCoverEveryInlineScript renders the snippet under each
// combination of the options that change what it inlines, and checks that
// ScriptHashes lists the hash of every inline script, and nothing more:
// under a hashes-only policy a script without its hash is refused.
func TestScriptHashesCoverEveryInlineScript(t *testing.T) {
	life := WithLife(Life{HidePaths: []string{"/checkout/*"}, HideBelow: 600, HideWhileMarked: true, OwnLauncher: true})
	sets := map[string][]Option{
		"default":                 nil,
		"runtime URL":             {WithRuntimeURL(RuntimePath)},
		"life":                    {life},
		"life, runtime URL":       {life, WithRuntimeURL(RuntimePath)},
		"life, consent, tracking": {life, WithLoad(LoadConsent), WithTrackPages()},
		"interaction, fallback":   {WithLoad(LoadInteraction), WithLauncherLabel("Chat"), WithFallback("mailto:help@shop.example", "E-mail us"), WithLoadTimeout(5 * time.Second)},
		"idle, life, languages":   {WithLoad(LoadIdle), life, WithLanguages(map[string]string{"de": "Def1234567"})},
	}
	for name, opts := range sets {
		t.Run(name, func(t *testing.T) {
			w, err := NewWidget("Abc1234567", opts...)
			if err != nil {
				t.Fatal(err)
			}
			for _, v := range []*Widget{w, w.ForLanguage("de")} {
				var b strings.Builder
				if err := v.Snippet(Visitor{}).Render(context.Background(), &b); err != nil {
					t.Fatal(err)
				}
				var inline []string
				for _, sc := range parseScripts(t, b.String()) {
					if sc.attrs["type"] == "" && sc.attrs["src"] == "" {
						inline = append(inline, hashSource(sc.text))
					}
				}
				if len(inline) == 0 {
					t.Fatal("no inline script found: the test reads the snippet wrong")
				}
				if got := v.ScriptHashes(); !slices.Equal(inline, got) {
					t.Errorf("the snippet's inline scripts hash to %v, ScriptHashes says %v", inline, got)
				}
			}
		})
	}
}
