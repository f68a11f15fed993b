package gen

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/jivokit/jivokit/internal/build/jsbundle"
)

// TestGeneratedFilesHaveHeader: every committed generated file starts with
// the generated-code header (https://go.dev/s/generatedcode), which Go
// tools, linters and code review tools read; Go files as go/ast sees it.
func TestGeneratedFilesHaveHeader(t *testing.T) {
	root, err := Root(".")
	if err != nil {
		t.Fatal(err)
	}
	line := regexp.MustCompile(`^(// |<!-- )Code generated .* DO NOT EDIT\.( -->)?$`)
	for _, o := range Outputs() {
		data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(o.Path)))
		if err != nil {
			t.Errorf("%s: %v", o.Path, err)
			continue
		}
		first, _, _ := bytes.Cut(data, []byte("\n"))
		if !line.Match(first) {
			t.Errorf("%s starts with %.80q, not a generated-code header", o.Path, first)
		}
		if strings.HasSuffix(o.Path, ".go") {
			f, err := parser.ParseFile(token.NewFileSet(), o.Path, data, parser.ParseComments|parser.PackageClauseOnly)
			if err != nil {
				t.Errorf("%s: %v", o.Path, err)
			} else if !ast.IsGenerated(f) {
				t.Errorf("%s is not generated code to go/ast", o.Path)
			}
		}
	}
}

// TestScriptsExistOnce: each bundled script is in the module once, in the
// Go file that holds it, and in no other source file (no committed .min.js
// copy, no constant copied into another package).
func TestScriptsExistOnce(t *testing.T) {
	root, err := Root(".")
	if err != nil {
		t.Fatal(err)
	}
	type script struct {
		entry, home string
		raw, quoted []byte
	}
	var scripts []script
	for _, f := range scriptFiles {
		for _, s := range f.scripts {
			js, err := jsbundle.Bundle(filepath.Join(root, filepath.FromSlash(s.entry)), jsbundle.Options{})
			if err != nil {
				t.Fatal(err)
			}
			q := strconv.Quote(string(js))
			scripts = append(scripts, script{s.entry, f.path, js, []byte(q[1 : len(q)-1])})
		}
	}
	if len(scripts) < 4 {
		t.Fatalf("only %d scripts registered", len(scripts))
	}
	found := make([][]string, len(scripts))
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != root && (strings.HasPrefix(d.Name(), ".") || d.Name() == "node_modules" || d.Name() == "dist") {
				return filepath.SkipDir
			}
			return nil
		}
		switch filepath.Ext(path) {
		case ".go", ".js", ".mjs", ".cjs", ".ts", ".json", ".html", ".templ", ".md":
		default:
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		for i, s := range scripts {
			if bytes.Contains(data, s.raw) || bytes.Contains(data, s.quoted) {
				found[i] = append(found[i], filepath.ToSlash(rel))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range scripts {
		if !slices.Equal(found[i], []string{s.home}) {
			t.Errorf("the bundle of %s is in %q, want only %s", s.entry, found[i], s.home)
		}
	}
}

func TestGoString(t *testing.T) {
	for _, tc := range []struct {
		in  string
		raw bool
	}{
		{"(()=>{var a=\"x\";})();\n", true},
		{"a\tb\nc", true},
		{"", true},
		{"a=`x${y}`", false},
		{"a\r\nb", false},
		{"nul\x00", false},
		{"é", false},
		{"\xff", false},
		{"del\x7f", false},
	} {
		lit := goString(tc.in)
		if got := strings.HasPrefix(lit, "`"); got != tc.raw {
			t.Errorf("goString(%q) = %s: raw %v, want %v", tc.in, lit, got, tc.raw)
		}
		back, err := strconv.Unquote(lit)
		if err != nil || back != tc.in {
			t.Errorf("goString(%q) = %s, which reads back as %q (%v)", tc.in, lit, back, err)
		}
	}
}

// TestGoScriptFile: the file holds each bundle as the constant named, under
// the header, in the package asked for.
func TestGoScriptFile(t *testing.T) {
	dir := t.TempDir()
	for name, src := range map[string]string{
		"a.js": "window.a = `tick ${1}`;\n",
		"b.js": "window.b = 'plain';\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	src, err := goScriptFile(dir, "demo", goScript{"aJS", "is a.", "a.js"}, goScript{"bJS", "is b.", "b.js"})
	if err != nil {
		t.Fatal(err)
	}
	f, err := parser.ParseFile(token.NewFileSet(), "x_gen.go", src, parser.ParseComments)
	if err != nil {
		t.Fatalf("%v\n%s", err, src)
	}
	if !ast.IsGenerated(f) || f.Name.Name != "demo" {
		t.Errorf("not a generated file of package demo:\n%s", src)
	}
	consts := map[string]string{}
	for _, d := range f.Decls {
		for _, s := range d.(*ast.GenDecl).Specs {
			v := s.(*ast.ValueSpec)
			lit, err := strconv.Unquote(v.Values[0].(*ast.BasicLit).Value)
			if err != nil {
				t.Fatal(err)
			}
			consts[v.Names[0].Name] = lit
		}
	}
	for name, entry := range map[string]string{"aJS": "a.js", "bJS": "b.js"} {
		want, err := jsbundle.Bundle(filepath.Join(dir, entry), jsbundle.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if consts[name] != string(want) {
			t.Errorf("%s = %q, want the bundle of %s, %q", name, consts[name], entry, want)
		}
	}
	if _, err := goScriptFile(dir, "demo", goScript{"cJS", "is c.", "missing.js"}); err == nil {
		t.Error("a missing entry gave no error")
	}
}
