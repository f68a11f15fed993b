package assets

import "testing"

func TestHashedName(t *testing.T) {
	a := HashedName("dir/app.wasm", []byte("one"))
	b := HashedName("app.wasm", []byte("two"))
	if a == b {
		t.Fatalf("different content, same name %q", a)
	}
	if a != HashedName("app.wasm", []byte("one")) {
		t.Fatalf("same content, different names")
	}
	for _, name := range []string{a, b, HashedName("LICENSE", []byte("x")), HashedName("wasm_exec.js", nil)} {
		if !IsHashed(name) {
			t.Errorf("IsHashed(%q) = false", name)
		}
	}
	if got := HashedName("app.wasm", []byte("one")); len(got) != len("app..wasm")+hashLen {
		t.Errorf("HashedName = %q: want app.<%d hex digits>.wasm", got, hashLen)
	}
}

func TestIsHashed(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"app.0123456789ab.wasm", true},
		{"dist/app.0123456789ab.wasm", true},
		{"LICENSE.0123456789ab", true},
		{"app.wasm", false},
		{"manifest.json", false},
		{"0123456789ab.wasm", false},
		{"app.0123456789AB.wasm", false},
		{"app.0123456789a.wasm", false},
		{"app.0123456789abc.wasm", false},
		{"app.0123456789ab.wasm.br", false},
		{"app.0123456789ab.min.js", false},
	}
	for _, tt := range tests {
		if got := IsHashed(tt.name); got != tt.want {
			t.Errorf("IsHashed(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}
