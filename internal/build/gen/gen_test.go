package gen

import (
	"strings"
	"testing"
)

// TestGeneratedFilesAreFresh fails when a committed generated file differs
// from what the generator writes now: a hand edit, or a spec change without
// `go generate ./...`.
func TestGeneratedFilesAreFresh(t *testing.T) {
	root, err := Root(".")
	if err != nil {
		t.Fatal(err)
	}
	stale, err := Stale(root)
	if err != nil {
		t.Fatal(err)
	}
	if len(stale) > 0 {
		t.Fatalf("generated files are stale; run `go generate ./...`:\n  %s", strings.Join(stale, "\n  "))
	}
}

func TestOutputsAreUnique(t *testing.T) {
	seen := map[string]bool{}
	for _, o := range Outputs() {
		if seen[o.Path] {
			t.Errorf("%s is registered twice", o.Path)
		}
		seen[o.Path] = true
	}
	if len(seen) == 0 {
		t.Fatal("no outputs registered")
	}
}
