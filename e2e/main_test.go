package e2e_test

import (
	"fmt"
	"os"
	"testing"

	"github.com/jivokit/jivokit/e2e"
)

// TestMain stops the shared browser and removes the apps' build
// directories after the tests.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "jivokit-e2e-apps-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	buildRoot = dir
	code := m.Run()
	e2e.Shutdown()
	os.RemoveAll(dir)
	os.Exit(code)
}
