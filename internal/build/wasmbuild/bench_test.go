package wasmbuild

import (
	"compress/gzip"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/andybalholm/brotli"
)

// BenchmarkCompress compresses the test app's binary at the levels of a
// quick and of a default build; compare ns/op and the reported bytes.
func BenchmarkCompress(b *testing.B) {
	dir := b.TempDir()
	m, err := Build(context.Background(), "./testdata/hello", Options{OutDir: dir, Quick: true})
	if err != nil {
		b.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, m.WASM))
	if err != nil {
		b.Fatal(err)
	}
	for _, tc := range []struct {
		name     string
		level    int
		compress func([]byte, int) ([]byte, error)
	}{
		{"gzip", gzip.DefaultCompression, compressGzip},
		{"gzip", gzip.BestCompression, compressGzip},
		{"brotli", quickBrotli, compressBrotli},
		{"brotli", brotli.BestCompression, compressBrotli},
	} {
		b.Run(tc.name+"/level="+strconv.Itoa(tc.level), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			var out []byte
			for b.Loop() {
				if out, err = tc.compress(data, tc.level); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(out)), "bytes")
			b.ReportMetric(float64(len(out))/float64(len(data)), "ratio")
		})
	}
}
