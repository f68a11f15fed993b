package wasmbuild

import (
	"bytes"
	"compress/gzip"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/andybalholm/brotli"
)

// TestBuildDefaultLevels: a build that is not Quick compresses at the
// highest levels (gzip 9, Brotli 11), and its copies decompress to the
// files.
//
// Brotli 11 takes seconds on the app's megabytes, so the app's copies are
// taken from a quick build (a build does not write a hashed file again):
// the default build compresses only the loader, a few kilobytes.
func TestBuildDefaultLevels(t *testing.T) {
	quickDir, dir := t.TempDir(), t.TempDir()
	quick, err := Build(context.Background(), "./testdata/hello", Options{OutDir: quickDir, Quick: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, suffix := range []string{"", ".gz", ".br"} {
		name := quick.WASM + suffix
		if err := os.WriteFile(filepath.Join(dir, name), readFile(t, quickDir, name), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	m, err := Build(context.Background(), "./testdata/hello", Options{OutDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if m.WASMExec != quick.WASMExec || len(m.Files) != 2 || m.Files[1].Name != m.WASMExec {
		t.Fatalf("default build %+v, quick build %+v", m, quick)
	}
	f := m.Files[1]
	plain := readFile(t, dir, f.Name)
	gzData, brData := readFile(t, dir, f.Name+".gz"), readFile(t, dir, f.Name+".br")
	gz, err := gzip.NewReader(bytes.NewReader(gzData))
	if err != nil {
		t.Fatal(err)
	}
	checkSame(t, f.Name+".gz", gz, plain)
	checkSame(t, f.Name+".br", brotli.NewReader(bytes.NewReader(brData)), plain)
	if f.GzipSize != int64(len(gzData)) || f.BrotliSize != int64(len(brData)) {
		t.Errorf("the manifest's sizes %+v are not the files' (%d, %d)", f, len(gzData), len(brData))
	}
	// A gzip header's XFL byte is 2 for the best compression.
	if gzData[8] != 2 {
		t.Errorf("%s.gz: XFL %d, want 2 (level 9)", f.Name, gzData[8])
	}
	if quickBr := readFile(t, quickDir, f.Name+".br"); len(brData) >= len(quickBr) {
		t.Errorf("%s.br: %d bytes, a quick build's %d: not Brotli 11", f.Name, len(brData), len(quickBr))
	}
}
