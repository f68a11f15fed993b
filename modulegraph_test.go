package jivokit_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/mod/modfile"
)

// Modules a program that imports jivokit must not inherit.
var (
	// toolModules are the development tools' modules (staticcheck and
	// what only it needs). They are required by tools/go.mod, never by the
	// library's go.mod.
	toolModules = []string{
		"honnef.co/go/tools",
		"golang.org/x/exp/typeparams",
		"github.com/BurntSushi/toml",
	}
	// templCLIModules are what only the templ command needs. templ's own
	// go.mod names them, so a module that imports templ's runtime (through
	// templates) has them in its graph whatever jivokit does; jivokit's
	// go.mod must not add them.
	templCLIModules = []string{
		"github.com/a-h/parse",
		"github.com/cenkalti/backoff/v4",
		"github.com/cli/browser",
		"github.com/fatih/color",
		"github.com/fsnotify/fsnotify",
		"github.com/natefinch/atomic",
		"golang.org/x/tools",
	}
	// experimentalModule asks, in its own README, that publicly available
	// modules not depend on it. chromedp's cdproto requires it, so it is in
	// the graph of a module that imports e2e; no other library package may
	// bring it.
	experimentalModule = "github.com/go-json-experiment/json"
)

// TestImportersModuleGraph builds a module of a user who imports every
// library package, with this checkout as jivokit (a replace directive),
// offline from the module cache, and checks what its module graph holds:
// none of jivokit's tool modules, no module that jivokit's go.mod requires
// only for the templ command, and the experimental JSON module only through
// chromedp (for e2e): a program that does not import e2e links none of it.
func TestImportersModuleGraph(t *testing.T) {
	if testing.Short() {
		t.Skip("builds every library package in a module of its own")
	}
	root, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	pkgs := libraryPackages(t, root)
	var withoutE2E []string
	for _, p := range pkgs {
		if p != "github.com/jivokit/jivokit/e2e" {
			withoutE2E = append(withoutE2E, p)
		}
	}
	if len(withoutE2E) == len(pkgs) {
		t.Fatalf("package e2e is not among the library packages %v", pkgs)
	}

	t.Run("every package", func(t *testing.T) {
		dir := consumerModule(t, root, pkgs)
		mods := goOutput(t, dir, "list", "-e", "-m", "-f", "{{.Path}}", "all")
		for _, m := range toolModules {
			if slices.Contains(mods, m) {
				t.Errorf("a module importing jivokit has the tool module %s in its graph:\n%s", m, why(t, dir, m))
			}
		}
		// go mod graph: "A@v B@v" for every requirement. jivokit's own
		// lines must not name templ's command-only modules, tools or the
		// experimental module.
		for _, line := range goOutput(t, dir, "mod", "graph") {
			from, to, ok := strings.Cut(line, " ")
			if !ok || !strings.HasPrefix(from, "github.com/jivokit/jivokit@") {
				continue
			}
			to, _, _ = strings.Cut(to, "@")
			if slices.Contains(templCLIModules, to) || slices.Contains(toolModules, to) {
				t.Errorf("jivokit's go.mod requires %s, which only a development tool needs", to)
			}
		}
		// The experimental module may be in jivokit's go.mod only as an
		// indirect requirement (chromedp's), never as one of its own.
		lib := readModFile(t, filepath.Join(root, "go.mod"))
		for _, r := range lib.Require {
			if r.Mod.Path == experimentalModule && !r.Indirect {
				t.Errorf("jivokit's go.mod requires the experimental module %s directly", r.Mod.Path)
			}
		}
	})

	t.Run("every package but e2e", func(t *testing.T) {
		dir := consumerModule(t, root, withoutE2E)
		// The module graph lists every module jivokit's go.mod names
		// (chromedp's requirements among them); what a program links is
		// the packages' modules, and those must not hold the experimental
		// one.
		mods := goOutput(t, dir, "list", "-deps", "-f", "{{with .Module}}{{.Path}}{{end}}", "./...")
		if slices.Contains(mods, experimentalModule) {
			t.Errorf("a program importing %d library packages (all but e2e) links the experimental module %s:\n%s",
				len(withoutE2E), experimentalModule, why(t, dir, experimentalModule))
		}
	})
}

// TestToolsModulePinsTheRuntimesTempl checks that the templ command of
// tools/go.mod is the version of the templ runtime the library requires:
// generated code calls the runtime of the templ that generated it.
func TestToolsModulePinsTheRuntimesTempl(t *testing.T) {
	lib, tools := readModFile(t, "go.mod"), readModFile(t, filepath.Join("tools", "go.mod"))
	version := func(f *modfile.File, path string) string {
		for _, r := range f.Require {
			if r.Mod.Path == path {
				return r.Mod.Version
			}
		}
		return ""
	}
	const templ = "github.com/a-h/templ"
	if lv, tv := version(lib, templ), version(tools, templ); lv == "" || lv != tv {
		t.Errorf("go.mod requires templ %q, tools/go.mod %q: they must be one version", lv, tv)
	}
	for _, tl := range lib.Tool {
		t.Errorf("go.mod declares the tool %s: it belongs in tools/go.mod, or every importer inherits its module", tl.Path)
	}
	for _, want := range []string{templ + "/cmd/templ", "honnef.co/go/tools/cmd/staticcheck"} {
		if !slices.ContainsFunc(tools.Tool, func(tl *modfile.Tool) bool { return tl.Path == want }) {
			t.Errorf("tools/go.mod does not declare the tool %s", want)
		}
	}
}

func readModFile(t *testing.T, name string) *modfile.File {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	f, err := modfile.Parse(name, data, nil)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// libraryPackages lists the packages a user may import: every package of
// the module but commands, internal packages and test data.
func libraryPackages(t *testing.T, root string) []string {
	var pkgs []string
	for _, line := range goOutput(t, root, "list", "-f", "{{.ImportPath}} {{.Name}}", "./...") {
		path, name, _ := strings.Cut(line, " ")
		if name == "main" || strings.Contains(path, "/internal/") || strings.Contains(path, "/testdata/") {
			continue
		}
		pkgs = append(pkgs, path)
	}
	if len(pkgs) < 5 {
		t.Fatalf("only %d library packages: %v", len(pkgs), pkgs)
	}
	return pkgs
}

// consumerModule writes a module that imports pkgs, with jivokit replaced
// by root, and builds it, which records its requirements in its go.mod.
func consumerModule(t *testing.T, root string, pkgs []string) string {
	t.Helper()
	dir := t.TempDir()
	var src strings.Builder
	src.WriteString("// Package consumer imports jivokit's library packages.\npackage consumer\n\nimport (\n")
	for _, p := range pkgs {
		fmt.Fprintf(&src, "\t_ %q\n", p)
	}
	src.WriteString(")\n")
	gomod := fmt.Sprintf("module example.com/consumer\n\ngo 1.26.0\n\nrequire github.com/jivokit/jivokit v0.0.0\n\nreplace github.com/jivokit/jivokit => %s\n", root)
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"go.mod": []byte(gomod), "go.sum": sum, "consumer.go": []byte(src.String())} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	goOutput(t, dir, "build", "./...")
	return dir
}

// why explains how module m came into the graph of the module in dir.
func why(t *testing.T, dir, m string) string {
	return strings.Join(goOutput(t, dir, "mod", "why", "-m", m), "\n")
}

// goOutput runs the go command in dir, offline (the module cache holds
// everything a build of jivokit needs), and returns its output's lines.
func goOutput(t *testing.T, dir string, args ...string) []string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(),
		"GOFLAGS=-mod=mod",
		"GOPROXY=off",
		"GOSUMDB=off", // the consumer's go.sum is jivokit's: what it lacks is in the module cache already
		"GOWORK=off",
		"GOTOOLCHAIN=local",
	)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go %s in %s: %v\n%s", strings.Join(args, " "), dir, err, stderr.String())
	}
	text := strings.TrimSpace(string(out))
	if text == "" {
		return nil
	}
	return strings.Split(text, "\n")
}
