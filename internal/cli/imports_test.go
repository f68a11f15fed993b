package cli

import (
	"go/build"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The command packages are the packages of internal/cli that a command
// runs: one per subcommand (NAMEcmd is `jivokit NAME`), and the demo site
// (demo), which belongs to `jivokit demo`. Package cli dispatches to them;
// what two commands share lives in a package that is not a command
// (cliflag, serve, webhooktool), so that each command can change without
// breaking another.
func isCommand(rel string) bool { return commandOf(cliPath+rel) != "" }

// commandOf returns the command whose package path is, or "".
func commandOf(path string) string {
	rel, ok := strings.CutPrefix(path, cliPath)
	if !ok || strings.Contains(rel, "/") {
		return ""
	}
	if rel == "demo" {
		return "demo"
	}
	name, _ := strings.CutSuffix(rel, "cmd")
	if name == rel {
		return ""
	}
	return name
}

const cliPath = "github.com/jivokit/jivokit/internal/cli/"

// TestNoCommandImportsAnother: no command package imports a package of
// another command, directly, through another package of the module, or in
// its tests.
func TestNoCommandImportsAnother(t *testing.T) {
	root, err := filepath.Abs("../..") // the module's root
	if err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	var commands []string
	for _, e := range entries {
		if e.IsDir() && isCommand(e.Name()) {
			commands = append(commands, cliPath+e.Name())
		}
	}
	// The rule holds over something: the commands the demo and webhook
	// share code through are among them.
	for _, want := range []string{"demo", "webhookcmd", "buildcmd"} {
		if !slices.Contains(commands, cliPath+want) {
			t.Fatalf("command packages %v lack %s", commands, want)
		}
	}
	// A command's tests count; for the packages it imports, what they link.
	imports := func(path string) []string {
		return moduleImports(t, root, path, slices.Contains(commands, path))
	}
	for _, problem := range commandImports(commands, imports) {
		t.Error(problem)
	}
}

// TestCommandImportsFindsAnImport proves the check: a command that
// imports another through a shared package is found, and one that
// imports only shared packages is not.
func TestCommandImportsFindsAnImport(t *testing.T) {
	graph := map[string][]string{
		cliPath + "democmd":    {cliPath + "demo"},
		cliPath + "demo":       {cliPath + "shared"},
		cliPath + "shared":     {cliPath + "webhookcmd", "github.com/jivokit/jivokit/webhook"},
		cliPath + "webhookcmd": {cliPath + "cliflag"},
	}
	imports := func(path string) []string { return graph[path] }
	got := commandImports([]string{cliPath + "democmd", cliPath + "demo", cliPath + "webhookcmd"}, imports)
	// democmd imports demo, its own site: that is not another command.
	if len(got) != 2 || !strings.Contains(got[0], "democmd imports "+cliPath+"demo -> "+cliPath+"shared -> "+cliPath+"webhookcmd") ||
		!strings.Contains(got[1], "demo imports "+cliPath+"shared -> "+cliPath+"webhookcmd") {
		t.Fatalf("found %q", got)
	}
	delete(graph, cliPath+"shared")
	if got := commandImports([]string{cliPath + "democmd", cliPath + "demo", cliPath + "webhookcmd"}, imports); len(got) != 0 {
		t.Fatalf("found %q in a clean graph", got)
	}
}

// commandImports returns, for each command package, the packages of
// other commands it reaches through imports, each with the chain of
// packages that leads there.
func commandImports(commands []string, imports func(path string) []string) []string {
	var problems []string
	for _, cmd := range commands {
		// A breadth-first walk that stops at the commands it reaches.
		via := map[string]string{cmd: ""}
		queue := []string{cmd}
		for len(queue) > 0 {
			p := queue[0]
			queue = queue[1:]
			for _, imp := range imports(p) {
				if _, seen := via[imp]; seen {
					continue
				}
				via[imp] = p
				if c := commandOf(imp); c != "" && c != commandOf(cmd) {
					chain := []string{imp}
					for q := p; q != cmd; q = via[q] {
						chain = append([]string{q}, chain...)
					}
					problems = append(problems, cmd+" imports "+strings.Join(chain, " -> "))
					continue
				}
				queue = append(queue, imp)
			}
		}
	}
	return problems
}

// moduleImports returns what package path imports of the module (with
// tests, its tests' imports too), read from its files under root.
func moduleImports(t *testing.T, root, path string, tests bool) []string {
	const module = "github.com/jivokit/jivokit"
	rel, ok := strings.CutPrefix(path, module+"/")
	if !ok {
		return nil
	}
	pkg, err := build.ImportDir(filepath.Join(root, filepath.FromSlash(rel)), 0)
	if err != nil {
		if _, noGo := err.(*build.NoGoError); noGo {
			return nil
		}
		t.Fatalf("%s: %v", path, err)
	}
	lists := [][]string{pkg.Imports}
	if tests {
		lists = append(lists, pkg.TestImports, pkg.XTestImports)
	}
	var out []string
	for _, list := range lists {
		for _, imp := range list {
			if (imp == module || strings.HasPrefix(imp, module+"/")) && imp != path && !slices.Contains(out, imp) {
				out = append(out, imp)
			}
		}
	}
	return out
}
