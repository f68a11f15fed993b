package templates

import (
	"crypto/sha256"
	"encoding/base64"
	"slices"
	"strings"
	"testing"

	"github.com/jivokit/jivokit/stub"
)

func TestWidgetPolicy(t *testing.T) {
	w := newTestWidget(t)
	p := w.Policy()
	want := map[string][]string{
		"script-src":  {"code.jivosite.com", "*.jivosite.com", "*.jivo.ru"},
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
	custom, err := NewWidget("abc", WithHost("widget.example.net:8443"), WithStub(stub.Options{}))
	if err != nil {
		t.Fatal(err)
	}
	cp := custom.Policy()
	if !slices.Contains(cp["script-src"], "widget.example.net:8443") || !slices.Contains(cp["script-src"], "'self'") {
		t.Errorf("script-src = %v", cp["script-src"])
	}
	ru, _ := NewWidget("abc", WithHost(HostRU))
	if got := ru.Policy()["script-src"]; slices.Contains(got, HostRU) {
		t.Errorf("code.jivo.ru is covered by *.jivo.ru, got %v", got)
	}
	// Policy returns a copy each time.
	p["script-src"][0] = "changed"
	if w.Policy()["script-src"][0] != "code.jivosite.com" {
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
		"script-src 'self' https://cdn.example.com code.jivosite.com *.jivosite.com *.jivo.ru 'wasm-unsafe-eval' 'nonce-abc123'",
		"connect-src 'self' wss://*.jivosite.com",
		"frame-src 'self' *.jivosite.com", // starts from default-src
		"object-src 'none'",
		"img-src *.jivosite.com", // 'none' gave way
		"worker-src 'self' blob:",
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
	if got := (Policy{}).WithHash("alert(1)")["script-src"]; !slices.Equal(got, []string{want}) {
		t.Errorf("WithHash = %v, want %v", got, want)
	}
}
