package templates

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/jivokit/jivokit/stub"
)

// testStub is the stub widget as a ScriptSource, as package stubwidget
// offers it (which these in-package tests cannot import).
type testStub struct {
	o   stub.Options
	url string
}

func (s testStub) WidgetScript() (string, map[string]string, error) {
	u := s.url
	if u == "" {
		u = stub.Path
	}
	return u, s.o.Attrs(), s.o.Validate()
}

func withStub(o stub.Options) Option              { return WithScript(testStub{o: o}) }
func withStubURL(u string, o stub.Options) Option { return WithScript(testStub{o, u}) }

// TestNoStubInProduction proves that a program using templates does not
// link the stub widget: only templates/stubwidget imports it.
func TestNoStubInProduction(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "github.com/jivokit/jivokit/templates").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, dep := range strings.Fields(string(out)) {
		if dep == "github.com/jivokit/jivokit/stub" {
			t.Fatal("package templates depends on package stub: every server using it links the stub's script")
		}
	}
	if !strings.Contains(string(out), "github.com/jivokit/jivokit/jsapi/runtime") {
		t.Fatalf("go list -deps does not list jsapi/runtime, so it cannot prove anything:\n%s", out)
	}
}
