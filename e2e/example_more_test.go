package e2e_test

import (
	"testing"

	"github.com/jivokit/jivokit/e2e"
)

// The whole-file Example is a test too.
func TestExample(t *testing.T) { testChatButton(t) }

// Main in TestMain stops the shared browser when the tests are done.
func ExampleMain() {
	// In main_test.go of the package with the end-to-end tests:
	//
	//	func TestMain(m *testing.M) { e2e.Main(m) }
}

// WithAllowedConsole lets a test pass with an error the page is expected to log.
func ExampleWithAllowedConsole() {
	testOffline := func(t *testing.T) {
		b := e2e.NewBrowser(t, e2e.WithAllowedConsole(`^offline: `))
		_ = b // pages of b.Open(t, url) may log "offline: ..." errors
	}
	_ = testOffline
}
