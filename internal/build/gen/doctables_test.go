package gen

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/jivokit/jivokit/jsapi"
)

// docTable returns the lines of the Markdown table in docs/name that
// starts with the line head.
func docTable(t *testing.T, root, name, head string) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(root, "docs", name))
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(data), "\n"+head+"\n")
	if !ok {
		t.Fatalf("docs/%s has no table headed %q", name, head)
	}
	var rows []string
	for _, line := range strings.Split(rest, "\n") {
		if !strings.HasPrefix(line, "|") {
			break
		}
		rows = append(rows, line)
	}
	return rows
}

// firstCell is a table row's first cell.
func firstCell(row string) string {
	cells := strings.Split(row, "|")
	if len(cells) < 3 {
		return ""
	}
	return cells[1]
}

// TestWASMDocTableCoversTheBridge: docs/wasm.md's table of the bridge's
// functions has every exported function of wasm/jivo (the generated
// methods and subscriptions and the hand-written ones), and names none
// that is gone.
func TestWASMDocTableCoversTheBridge(t *testing.T) {
	root, err := Root(".")
	if err != nil {
		t.Fatal(err)
	}
	funcs := bridgeFuncs(t, root)
	var cells strings.Builder
	for _, row := range docTable(t, root, "wasm.md", "| Go | widget |") {
		cells.WriteString(firstCell(row) + "\n")
	}
	for _, fn := range funcs {
		if !strings.Contains(cells.String(), "`"+fn+"(") && !strings.Contains(cells.String(), "`"+fn+"`") {
			t.Errorf("docs/wasm.md's table of functions has no row for %s: add one", fn)
		}
	}
	for _, m := range regexp.MustCompile("(?m)(?:^ *|, )`([A-Z][A-Za-z]*)[(`]").FindAllStringSubmatch(cells.String(), -1) {
		if !slices.Contains(funcs, m[1]) {
			t.Errorf("docs/wasm.md's table of functions names %s, which wasm/jivo does not have", m[1])
		}
	}
}

// TestStubDocTableCoversTheMethods: docs/stub.md's table of the stub's
// behaviour has a row for every method of the spec, and none for a method
// that is not in it.
func TestStubDocTableCoversTheMethods(t *testing.T) {
	root, err := Root(".")
	if err != nil {
		t.Fatal(err)
	}
	var documented []string
	for _, row := range docTable(t, root, "stub.md", "| method | answer | and |") {
		if m := regexp.MustCompile("^ *`([A-Za-z_]+)\\(").FindStringSubmatch(firstCell(row)); m != nil {
			documented = append(documented, m[1])
		}
	}
	var names []string
	for _, m := range jsapi.Methods() {
		names = append(names, m.Name)
		if !slices.Contains(documented, m.Name) {
			t.Errorf("docs/stub.md's table of methods has no row for %s: say what the stub answers and does", m.Name)
		}
	}
	for _, d := range documented {
		if !slices.Contains(names, d) {
			t.Errorf("docs/stub.md's table of methods has a row for %s, which is not a method of the spec", d)
		}
	}
}
