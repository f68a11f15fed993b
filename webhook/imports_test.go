package webhook_test

import (
	"go/build"
	"path/filepath"
	"strings"
	"testing"
)

// TestCoreLinksNoInternalPackage: package webhook, and what it imports of
// jivokit, link no internal package (the tools' helpers stay with the
// tools: webhook/eventlog, the commands).
func TestCoreLinksNoInternalPackage(t *testing.T) {
	const module = "github.com/jivokit/jivokit"
	seen := map[string]bool{}
	var walk func(path string)
	walk = func(path string) {
		if seen[path] {
			return
		}
		seen[path] = true
		// webhook's own internal packages (webhook/internal/...) are its
		// code; the module's internal/ holds the tools' helpers.
		if strings.Contains(path+"/", "/internal/") && !strings.HasPrefix(path, module+"/webhook/internal/") {
			t.Errorf("package webhook links %s", path)
			return
		}
		rel := strings.TrimPrefix(strings.TrimPrefix(path, module), "/")
		pkg, err := build.ImportDir(filepath.Join("..", filepath.FromSlash(rel)), 0)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		for _, imp := range pkg.Imports {
			if imp == module || strings.HasPrefix(imp, module+"/") {
				walk(imp)
			}
		}
	}
	walk(module + "/webhook")
	if !seen[module+"/jsapi"] {
		t.Fatalf("walked %v, which lacks jsapi", seen)
	}
}
