package e2e_test

import (
	"fmt"
	"os"
	"testing"

	"github.com/jivokit/jivokit/e2e"
)

// TestMain stops the shared browser and removes the driver app's build
// directory after the tests.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "jivokit-e2e-driver-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	built.dir = dir
	code := m.Run()
	e2e.Shutdown()
	os.RemoveAll(dir)
	os.Exit(code)
}
