package gencmd

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jivokit/jivokit/internal/build/gen"
)

func run(args ...string) (code int, stdout, stderr string) {
	var out, errw bytes.Buffer
	code = Run(context.Background(), nil, &out, &errw, args)
	return code, out.String(), errw.String()
}

func TestUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		err  string
	}{
		{"unknown flag", []string{"-bogus"}, 64, "flag provided but not defined"},
		{"argument", []string{"extra"}, 64, "takes no arguments"},
		{"outside the module", []string{"-C", os.TempDir(), "-check"}, 1, "not inside the jivokit module"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := run(tt.args...)
			if code != tt.code || !strings.Contains(stderr, tt.err) {
				t.Fatalf("exit %d, stderr %q; want exit %d mentioning %q", code, stderr, tt.code, tt.err)
			}
		})
	}
}

// TestHelp: -h prints the usage in the form of the other commands, on
// stdout.
func TestHelp(t *testing.T) {
	code, stdout, stderr := run("-h")
	if code != 0 || stderr != "" || !strings.HasPrefix(stdout, "usage: jivokit gen [-check] [-C DIR]\n\n") ||
		!strings.Contains(stdout, "\n\nflags:\n  -C directory\n") || !strings.Contains(stdout, "-check") {
		t.Errorf("exit %d, stdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
}

// TestCheck runs -check on a copy of the module: fresh, it exits 0; after a hand edit it names the stale file and exits 1.
func TestCheck(t *testing.T) {
	root, err := gen.Root(".")
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	copyTree(t, root, tmp)
	if code, stdout, stderr := run("-C", tmp, "-check"); code != 0 {
		t.Fatalf("fresh copy: exit %d\n%s%s", code, stdout, stderr)
	}

	// One generated file edited by hand.
	edited := filepath.Join(tmp, "docs", "api.md")
	if err := os.WriteFile(edited, []byte("edited by hand\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, _ := run("-C", tmp, "-check")
	if code != 1 || !strings.Contains(stdout, "stale docs/api.md") {
		t.Fatalf("edited tree: exit %d, stdout %q; want exit 1 naming docs/api.md", code, stdout)
	}

	// Writing mends it.
	if code, stdout, stderr := run("-C", tmp); code != 0 || !strings.Contains(stdout, "wrote docs/api.md") {
		t.Fatalf("gen: exit %d\n%s%s", code, stdout, stderr)
	}
	if code, stdout, _ := run("-C", tmp, "-check"); code != 0 {
		t.Fatalf("after gen: exit %d, %s", code, stdout)
	}
}

// copyTree copies the regular files under src to dst, leaving out .git and
// node_modules.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		if d.IsDir() {
			if d.Name() == ".git" || d.Name() == "node_modules" {
				return filepath.SkipDir
			}
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}
