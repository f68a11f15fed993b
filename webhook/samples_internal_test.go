package webhook

import (
	"io/fs"
	"slices"
	"testing"
)

// TestSamplesEmbedOnlyWhatSampleServes keeps fixtures that Sample never
// returns (replies, variants) out of the binaries that import the package.
func TestSamplesEmbedOnlyWhatSampleServes(t *testing.T) {
	var embedded []string
	err := fs.WalkDir(samples, ".", func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			embedded = append(embedded, path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	var served []string
	for _, name := range append(Names(), CRMNames()...) {
		served = append(served, "samples/"+string(name)+".json")
	}
	slices.Sort(embedded)
	slices.Sort(served)
	if !slices.Equal(embedded, served) {
		t.Fatalf("embedded %q\nSample serves %q", embedded, served)
	}
}
