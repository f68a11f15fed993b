package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestNoTestingPackages: the command does not link the testing packages
// (test helpers such as webhooktest must stay out of its import graph).
func TestNoTestingPackages(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, p := range strings.Fields(string(out)) {
		switch p {
		case "testing", "net/http/httptest":
			t.Errorf("jivokit links %s", p)
		}
	}
}
