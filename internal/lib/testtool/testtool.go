// Package testtool finds the external programs jivokit's tests run (Node.js,
// TypeScript), with one rule for all of them: a test whose tool is missing is
// skipped on a developer's machine and fails when the environment variable CI
// is set, because CI must run every test.
package testtool

import (
	"os"
	"os/exec"
	"testing"
)

// Missing skips tb with why, or fails it when CI is set.
func Missing(tb testing.TB, why string) {
	tb.Helper()
	if os.Getenv("CI") != "" {
		tb.Fatal(why + " (CI must run this test)")
	}
	tb.Skip(why)
}

// Node returns the path of node, or calls Missing.
func Node(tb testing.TB) string {
	tb.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		Missing(tb, "node not found: install Node.js 20 or later to run this test")
	}
	return node
}
