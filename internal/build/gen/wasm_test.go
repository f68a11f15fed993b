package gen

import (
	"regexp"
	"strings"
	"testing"
)

// TestWasmDocsInGoTerms checks that the bridge's generated documentation
// speaks of what a Go caller sees, not of the JavaScript callbacks, answer
// objects and nulls the bridge decodes, and that it warns about js.FuncOf
// wherever a call may wait.
func TestWasmDocsInGoTerms(t *testing.T) {
	src, err := wasmMethods(true)
	if err != nil {
		t.Fatal(err)
	}
	js := regexp.MustCompile(`\{result|callback\(|answers \{|\bnull\b|after the listeners before it`)
	var doc []string
	for _, line := range strings.Split(string(src), "\n") {
		if c, ok := strings.CutPrefix(line, "//"); ok {
			doc = append(doc, c)
			if m := js.FindString(c); m != "" {
				t.Errorf("generated doc speaks JavaScript (%q): %s", m, c)
			}
			continue
		}
		if name, ok := strings.CutPrefix(line, "func "); ok && !strings.HasPrefix(name, "On") {
			text := strings.Join(doc, " ")
			if strings.Contains(text, "the call is queued") && !strings.Contains(text, "never directly in a js.FuncOf callback") {
				t.Errorf("func %s may wait but its doc does not warn about js.FuncOf", name)
			}
		}
		doc = doc[:0]
	}
	if !strings.Contains(string(src), "func GetVisitorNumber(") || !strings.Contains(string(src), "getVisitorNumber(callback)") {
		t.Error("GetVisitorNumber's doc does not say the widget's method takes a callback")
	}
}
