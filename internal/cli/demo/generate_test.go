package demo

import (
	"os/exec"
	"testing"
)

// TestPageTemplIsFresh fails when page_templ.go differs from what the
// pinned templ CLI (a tool of tools/go.mod) generates from page.templ; run go generate ./internal/cli/demo.
func TestPageTemplIsFresh(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the templ CLI")
	}
	out, err := exec.Command("go", "tool", "-modfile=../../../tools/go.mod", "templ", "generate", "-check", "-keep-orphaned-files", "-path", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("page_templ.go is stale; run go generate ./internal/cli/demo\n%s\n%v", out, err)
	}
}
