package wasmbuild

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/andybalholm/brotli"
)

// TestWriteWithCopiesRewritesDamagedFiles: a file already in the output
// directory is kept only when it holds the data; one that was altered or
// cut short, even under the right name and size, is written again.
func TestWriteWithCopiesRewritesDamagedFiles(t *testing.T) {
	var data []byte
	for i := range 20000 {
		data = fmt.Appendf(data, "func%d:%x;", i, i*i%977)
	}
	const name = "app.0123456789ab.wasm"
	for _, tc := range []struct {
		name   string
		file   string
		damage func([]byte) []byte
	}{
		{"16 flipped bytes in the .br", ".br", func(b []byte) []byte {
			for i := range 16 {
				b[len(b)/3+i*7] ^= 0x5a
			}
			return b
		}},
		{"a .gz cut to 100 bytes", ".gz", func(b []byte) []byte { return b[:100] }},
		{"an altered .wasm of the same size", "", func(b []byte) []byte { b[len(b)/2] ^= 1; return b }},
		{"an empty .br", ".br", func([]byte) []byte { return nil }},
		{"a .gz of other data", ".gz", func([]byte) []byte { b, _ := compressGzip([]byte("other"), 1); return b }},
		{"a .br with more after the data", ".br", func([]byte) []byte { b, _ := compressBrotli(append(bytes.Clone(data), 'x'), 1); return b }},
		{"a .gz followed by junk", ".gz", func(b []byte) []byte { return append(b, "junk"...) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			first, err := writeWithCopies(dir, name, data, true)
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(dir, name+tc.file)
			good, _ := os.ReadFile(path)
			if err := os.WriteFile(path, tc.damage(bytes.Clone(good)), 0o644); err != nil {
				t.Fatal(err)
			}
			again, err := writeWithCopies(dir, name, data, true)
			if err != nil {
				t.Fatal(err)
			}
			if again != first {
				t.Errorf("sizes %+v after the rewrite, %+v before", again, first)
			}
			checkCopies(t, dir, name, data)
		})
	}

	t.Run("intact files are kept", func(t *testing.T) {
		dir := t.TempDir()
		if _, err := writeWithCopies(dir, name, data, true); err != nil {
			t.Fatal(err)
		}
		var before []os.FileInfo
		for _, s := range []string{"", ".gz", ".br"} {
			st, _ := os.Stat(filepath.Join(dir, name+s))
			before = append(before, st)
		}
		if _, err := writeWithCopies(dir, name, data, true); err != nil {
			t.Fatal(err)
		}
		for i, s := range []string{"", ".gz", ".br"} {
			if st, _ := os.Stat(filepath.Join(dir, name+s)); !os.SameFile(st, before[i]) {
				t.Errorf("%s was written again", name+s)
			}
		}
	})
}

// checkCopies fails unless dir holds name as data and its copies decompress
// to data.
func checkCopies(t *testing.T, dir, name string, data []byte) {
	t.Helper()
	raw, _ := os.ReadFile(filepath.Join(dir, name))
	if !bytes.Equal(raw, data) {
		t.Errorf("%s does not hold the data", name)
	}
	gzFile, _ := os.ReadFile(filepath.Join(dir, name+".gz"))
	zr, err := gzip.NewReader(bytes.NewReader(gzFile))
	if err != nil {
		t.Fatalf("%s.gz: %v", name, err)
	}
	checkSame(t, name+".gz", zr, data)
	brFile, _ := os.ReadFile(filepath.Join(dir, name+".br"))
	checkSame(t, name+".br", brotli.NewReader(bytes.NewReader(brFile)), data)
}
