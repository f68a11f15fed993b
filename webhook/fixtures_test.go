package webhook_test

import (
	"os"
	"path/filepath"
)

// fixtureFiles lists every JSON body the tests know: the samples the
// package embeds (samples/) and the test-only fixtures (testdata/).
func fixtureFiles() []string {
	samples, _ := filepath.Glob("samples/*.json")
	fixtures, _ := filepath.Glob("testdata/*.json")
	return append(samples, fixtures...)
}

// fixture returns the path of the named body: a sample when there is one,
// else a test-only fixture.
func fixture(name string) string {
	if p := filepath.Join("samples", name+".json"); fileExists(p) {
		return p
	}
	return filepath.Join("testdata", name+".json")
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
