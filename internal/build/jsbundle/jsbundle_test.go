package jsbundle

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBundle(t *testing.T) {
	out, err := Bundle("testdata/ok/main.js", Options{Define: map[string]string{"NAME": `"page"`}})
	if err != nil {
		t.Fatal(err)
	}
	js := string(out)
	for _, tc := range []struct {
		name string
		ok   bool
	}{
		{"is an IIFE", strings.HasPrefix(js, "(()=>{")},
		{"inlines the import", strings.Contains(js, `"hello, "`)},
		{"applies Define", strings.Contains(js, `"page"`) && !strings.Contains(js, "NAME")},
		{"drops comments", !strings.Contains(js, "minification")},
		{"renames locals", !strings.Contains(js, "longVariableName")},
		{"drops unused exports", !strings.Contains(js, "tree-shaken")},
		{"has no source map", !strings.Contains(js, "sourceMappingURL")},
		{"is one line", strings.Count(strings.TrimSuffix(js, "\n"), "\n") == 0},
	} {
		if !tc.ok {
			t.Errorf("bundle %s: no; got\n%s", tc.name, js)
		}
	}
}

func TestBundleIsDeterministic(t *testing.T) {
	first, err := Bundle("testdata/ok/main.js", Options{})
	if err != nil {
		t.Fatal(err)
	}
	abs, _ := filepath.Abs("testdata/ok/main.js")
	for i := range 3 {
		entry := "testdata/ok/main.js"
		if i == 1 {
			entry = abs // the same file by another path
		}
		again, err := Bundle(entry, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first, again) {
			t.Fatalf("run %d differs:\n%s\n%s", i, first, again)
		}
	}
}

func TestBundleGlobalName(t *testing.T) {
	dir := t.TempDir()
	entry := filepath.Join(dir, "lib.js")
	if err := os.WriteFile(entry, []byte("export const answer = 42;\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := Bundle(entry, Options{GlobalName: "myLib"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(out), "var myLib=") {
		t.Errorf("GlobalName not assigned: %s", out)
	}
}

func TestBundleReportsEveryError(t *testing.T) {
	for _, tc := range []struct {
		name  string
		entry string
		want  []string // each must appear, as file:line:column: text
	}{
		{"syntax errors in two files", "testdata/broken/main.js", []string{
			"a.js:1:10: Unexpected \";\"",
			"b.js:2:4: The symbol \"x\" has already been declared",
		}},
		{"two unresolved imports", "testdata/unresolved/main.js", []string{
			"main.js:1:24: Could not resolve \"./nowhere.js\"",
			"main.js:2:21: Could not resolve \"./also-gone.js\"",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Bundle(tc.entry, Options{})
			var be *BuildError
			if !errors.As(err, &be) {
				t.Fatalf("error %v is not a *BuildError", err)
			}
			if len(be.Messages) != len(tc.want) {
				t.Errorf("got %d messages, want %d: %v", len(be.Messages), len(tc.want), err)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error does not contain %q:\n%v", w, err)
				}
			}
		})
	}
}

func TestBundleNoEntry(t *testing.T) {
	for _, tc := range []struct{ name, entry string }{
		{"empty", ""},
		{"missing", "testdata/no-such-file.js"},
		{"directory", "testdata/ok"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Bundle(tc.entry, Options{})
			if !errors.Is(err, ErrNoEntry) {
				t.Errorf("got %v, want ErrNoEntry", err)
			}
		})
	}
}

func TestMessageString(t *testing.T) {
	for _, tc := range []struct {
		m    Message
		want string
	}{
		{Message{File: "a.js", Line: 3, Column: 7, Text: "bad"}, "a.js:3:7: bad"},
		{Message{Text: "no location"}, "no location"},
	} {
		if got := tc.m.String(); got != tc.want {
			t.Errorf("got %q, want %q", got, tc.want)
		}
	}
}

func ExampleBundle() {
	js, err := Bundle("testdata/ok/main.js", Options{Define: map[string]string{"NAME": `"Ann"`}})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(string(js))
	// Output: (()=>{function e(r){return"hello, "+r}window.greeting=e("Ann");})();
}

func ExampleBuildError() {
	_, err := Bundle("testdata/unresolved/main.js", Options{})
	fmt.Println(err)
	// Output:
	// jsbundle: testdata/unresolved/main.js: 2 errors:
	// 	main.js:1:24: Could not resolve "./nowhere.js"
	// 	main.js:2:21: Could not resolve "./also-gone.js"
}
