package wasmbuild

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"

	"github.com/jivokit/jivokit/assets"
)

func TestBuild(t *testing.T) {
	dir := t.TempDir()
	m, err := Build(context.Background(), "./testdata/hello", Options{OutDir: dir, Quick: true})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(m.WASM, "hello.") || !assets.IsHashed(m.WASM) || filepath.Ext(m.WASM) != ".wasm" {
		t.Errorf("WASM = %q, want hello.<hash>.wasm", m.WASM)
	}
	if !strings.HasPrefix(m.WASMExec, "wasm_exec.") || !assets.IsHashed(m.WASMExec) || filepath.Ext(m.WASMExec) != ".js" {
		t.Errorf("WASMExec = %q, want wasm_exec.<hash>.js", m.WASMExec)
	}
	read, err := assets.ReadManifest(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	if read.WASM != m.WASM || read.WASMExec != m.WASMExec || read.Package != "./testdata/hello" || len(read.Files) != 2 {
		t.Errorf("manifest.json holds %+v, Build returned %+v", read, m)
	}

	wasm := readFile(t, dir, m.WASM)
	if !bytes.HasPrefix(wasm, wasmMagic) {
		t.Errorf("%s is not a WebAssembly module", m.WASM)
	}
	if got := assets.HashedName("hello.wasm", wasm); got != m.WASM {
		t.Errorf("name %s does not hash the content (%s)", m.WASM, got)
	}
	loader := readFile(t, dir, m.WASMExec)
	if !bytes.Contains(loader, []byte("globalThis.Go")) && !bytes.Contains(loader, []byte(".Go=")) {
		t.Errorf("%s does not define globalThis.Go: %.200s", m.WASMExec, loader)
	}
	if bytes.Contains(loader, []byte("\n\t\t")) {
		t.Errorf("%s is not minified", m.WASMExec)
	}
	for _, name := range []string{m.WASM, m.WASMExec} {
		plain := readFile(t, dir, name)
		gz, err := gzip.NewReader(bytes.NewReader(readFile(t, dir, name+".gz")))
		if err != nil {
			t.Fatal(err)
		}
		checkSame(t, name+".gz", gz, plain)
		checkSame(t, name+".br", brotli.NewReader(bytes.NewReader(readFile(t, dir, name+".br"))), plain)
	}
	for _, f := range m.Files {
		if f.Size <= 0 || f.GzipSize <= 0 || f.BrotliSize <= 0 || f.BrotliSize >= f.Size {
			t.Errorf("sizes of %+v", f)
		}
	}

	// An unchanged app is not written again.
	before, err := os.Stat(filepath.Join(dir, m.WASM+".br"))
	if err != nil {
		t.Fatal(err)
	}
	again, err := Build(context.Background(), "./testdata/hello", Options{OutDir: dir, Quick: true})
	if err != nil {
		t.Fatal(err)
	}
	after, err := os.Stat(filepath.Join(dir, m.WASM+".br"))
	if err != nil {
		t.Fatal(err)
	}
	if again.WASM != m.WASM || !after.ModTime().Equal(before.ModTime()) {
		t.Errorf("rebuild: %s (mod time %v), first build: %s (mod time %v)", again.WASM, after.ModTime(), m.WASM, before.ModTime())
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 7 { // 2 files × 3 copies + manifest.json: no temporary file left
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("build directory holds %q", names)
	}
}

func TestBuildRemovesReplacedFiles(t *testing.T) {
	dir := t.TempDir()
	old := "hello.0123456789ab.wasm"
	for _, suffix := range []string{"", ".gz", ".br"} {
		if err := os.WriteFile(filepath.Join(dir, old+suffix), []byte("old"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "keep.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	manifest := `{"wasm":"` + old + `","wasm_exec":"x.js","files":[{"name":"` + old + `"},{"name":"keep.txt"},{"name":"../escape.0123456789ab.js"}]}`
	if err := os.WriteFile(filepath.Join(dir, assets.ManifestName), []byte(manifest), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Build(context.Background(), "./testdata/hello", Options{OutDir: dir, Quick: true}); err != nil {
		t.Fatal(err)
	}
	for _, suffix := range []string{"", ".gz", ".br"} {
		if _, err := os.Stat(filepath.Join(dir, old+suffix)); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s of the replaced build is still there (%v)", old+suffix, err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "keep.txt")); err != nil {
		t.Errorf("a file that is not a hashed build output was removed: %v", err)
	}
}

func TestBuildCompileError(t *testing.T) {
	var stderr bytes.Buffer
	dir := t.TempDir()
	_, err := Build(context.Background(), "./testdata/broken", Options{OutDir: dir, Stderr: &stderr})
	if !errors.Is(err, ErrCompile) {
		t.Fatalf("err = %v, want ErrCompile", err)
	}
	const want = "undefined: undefinedFunction"
	if !strings.Contains(stderr.String(), want) {
		t.Errorf("stderr %q does not show the compiler's %q", stderr.String(), want)
	}
	if !strings.Contains(err.Error(), want) {
		t.Errorf("error %q does not carry the compiler's %q", err, want)
	}
	if _, err := os.Stat(filepath.Join(dir, assets.ManifestName)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a failed build wrote a manifest (%v)", err)
	}
}

func TestBuildBadInput(t *testing.T) {
	tests := []struct {
		name    string
		pkg     string
		outDir  string
		wantErr error
	}{
		{"no package", "", "out", ErrNoPackage},
		{"flag as package", "-toolexec=x", "out", ErrNoPackage},
		{"pattern", "./...", "out", ErrNoPackage},
		{"no output directory", "./testdata/hello", "", ErrNoOutDir},
		{"not a main package", "../../../assets", "tmp", ErrNoPackage},
		{"missing package", "./testdata/nothing-here", "tmp", ErrCompile},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := tt.outDir
			if out == "tmp" {
				out = t.TempDir()
			}
			_, err := Build(context.Background(), tt.pkg, Options{OutDir: out})
			if !errors.Is(err, tt.wantErr) {
				t.Errorf("err = %v, want %v", err, tt.wantErr)
			}
		})
	}
}

func TestBaseName(t *testing.T) {
	for pkg, want := range map[string]string{
		"./cmd/app":                               "app",
		"example.com/x/cmd/shop/":                 "shop",
		"github.com/jivokit/jivokit/wasm/example": "example",
		".": "wasmbuild",
	} {
		if got := baseName(pkg, ""); got != want {
			t.Errorf("baseName(%q) = %q, want %q", pkg, got, want)
		}
	}
}

func readFile(t *testing.T, dir, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func checkSame(t *testing.T, name string, r io.Reader, want []byte) {
	t.Helper()
	got, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s does not decompress to the file (%d bytes, want %d)", name, len(got), len(want))
	}
}

// TestBuildRelativeOutDir: a relative OutDir is the caller's, not relative
// to Options.Dir, where the go command runs.
func TestBuildRelativeOutDir(t *testing.T) {
	dir, err := filepath.Abs("testdata")
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir())
	m, err := Build(context.Background(), "./hello", Options{OutDir: "out", Dir: dir, Quick: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join("out", m.WASM)); err != nil {
		t.Error(err)
	}
}
