package gen

import (
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestAllMethodsCallsEveryBridgeFunction: the size measurement's
// allmethods program calls every exported function of wasm/jivo under
// js/wasm, the generated ones (methods_gen.go) and the hand-written ones
// (main.go), so that it weighs the whole bridge.
func TestAllMethodsCallsEveryBridgeFunction(t *testing.T) {
	root, err := Root(".")
	if err != nil {
		t.Fatal(err)
	}
	funcs := bridgeFuncs(t, root)
	var src strings.Builder
	for _, name := range []string{"main.go", "methods_gen.go"} {
		data, err := os.ReadFile(filepath.Join(root, "internal", "measure", "wasmsize", "allmethods", name))
		if err != nil {
			t.Fatal(err)
		}
		src.Write(data)
	}
	for _, fn := range funcs {
		if !strings.Contains(src.String(), "jivo."+fn+"(") {
			t.Errorf("internal/measure/wasmsize/allmethods does not call jivo.%s: call it in main.go (a hand-written function) or teach the generator (allmethods.go)", fn)
		}
	}
}

// bridgeFuncs lists the exported functions of wasm/jivo under js/wasm.
func bridgeFuncs(t *testing.T, root string) []string {
	t.Helper()
	ctx := build.Default
	ctx.GOOS, ctx.GOARCH = "js", "wasm"
	pkg, err := ctx.ImportDir(filepath.Join(root, "wasm", "jivo"), 0)
	if err != nil {
		t.Fatal(err)
	}
	var funcs []string
	fset := token.NewFileSet()
	for _, name := range pkg.GoFiles {
		f, err := parser.ParseFile(fset, filepath.Join(pkg.Dir, name), nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Name.IsExported() {
				funcs = append(funcs, fd.Name.Name)
			}
		}
	}
	if len(funcs) < 10 {
		t.Fatalf("found only %d functions in wasm/jivo: %v", len(funcs), funcs)
	}
	return funcs
}
