package templates

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestTemplGeneratedFilesAreFresh fails when a committed *_templ.go differs
// from what the pinned templ CLI (a tool of tools/go.mod) generates from its .templ
// file, or when a *_templ.go has no .templ file left. Run `go generate
// ./templates` to fix it.
func TestTemplGeneratedFilesAreFresh(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the templ CLI")
	}
	templs, _ := filepath.Glob("*.templ")
	gens, _ := filepath.Glob("*_templ.go")
	if len(templs) == 0 {
		t.Fatal("no .templ files")
	}
	for _, g := range gens {
		src := strings.TrimSuffix(g, "_templ.go") + ".templ"
		if _, err := os.Stat(src); err != nil {
			t.Errorf("%s has no %s; delete it or restore the template", g, src)
		}
	}
	for _, src := range templs {
		if _, err := os.Stat(strings.TrimSuffix(src, ".templ") + "_templ.go"); err != nil {
			t.Errorf("%s has not been generated; run go generate ./templates", src)
		}
	}
	// -check writes nothing and fails when a file would change;
	// -keep-orphaned-files keeps it from deleting anything.
	cmd := exec.Command("go", "tool", "-modfile=../tools/go.mod", "templ", "generate", "-check", "-keep-orphaned-files", "-path", ".")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("generated templ code is stale; run go generate ./templates\n%s\n%v", out, err)
	}
}
