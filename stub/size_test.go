package stub

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"testing"
)

// gzipBudget is the stub's size budget, gzipped. The stub is for tests and
// development, so the budget only guards against accidents.
const gzipBudget = 16 << 10

func sizes(tb testing.TB) (minified, gzipped int) {
	var z bytes.Buffer
	w, err := gzip.NewWriterLevel(&z, gzip.BestCompression)
	if err != nil {
		tb.Fatal(err)
	}
	w.Write([]byte(Script))
	if err := w.Close(); err != nil {
		tb.Fatal(err)
	}
	return len(Script), z.Len()
}

// TestScriptSize prints the stub's sizes (with go test -v) and keeps it
// within its budget.
func TestScriptSize(t *testing.T) {
	minified, gzipped := sizes(t)
	if testing.Verbose() {
		fmt.Printf("stub widget: %d bytes minified, %d bytes gzipped (%.0f%% of minified; budget %d gzipped)\n",
			minified, gzipped, 100*float64(gzipped)/float64(minified), gzipBudget)
	}
	if gzipped > gzipBudget {
		t.Errorf("the stub is %d bytes gzipped, over its budget of %d", gzipped, gzipBudget)
	}
}

// BenchmarkScriptSize reports the sizes as metrics.
func BenchmarkScriptSize(b *testing.B) {
	minified, gzipped := sizes(b)
	for b.Loop() {
	}
	b.ReportMetric(float64(minified), "min-bytes")
	b.ReportMetric(float64(gzipped), "gzip-bytes")
}
