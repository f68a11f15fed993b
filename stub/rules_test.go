package stub

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/jivokit/jivokit/jsapi"
)

// TestValidateJSHoldsNoRules: the stub's checks (src/validate.js) interpret
// package jsapi's rules from src/rules.gen.js and hold none of their own:
// no message, no character class of the rules is written in it.
func TestValidateJSHoldsNoRules(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("src", "validate.js"))
	if err != nil {
		t.Fatal(err)
	}
	js := string(src)
	set := jsapi.ValidationRules()
	var texts []string
	for _, p := range set.Problems {
		texts = append(texts, p)
	}
	for _, r := range set.Rules {
		for _, st := range r.Steps {
			texts = append(texts, st.Problem)
			for _, c := range st.Class {
				if c > 0x7f {
					texts = append(texts, codePoint(c)...)
				}
			}
		}
	}
	for _, class := range set.Classes {
		for _, c := range class {
			if c > 0x7f {
				texts = append(texts, codePoint(c)...)
			}
		}
	}
	for _, text := range texts {
		if strings.Contains(js, text) {
			t.Errorf("src/validate.js holds %q, which belongs in jsapi's rules", text)
		}
	}
	if !strings.Contains(js, `from "./rules.gen.js"`) {
		t.Error("src/validate.js does not read rules.gen.js")
	}
}

// codePoint is how JavaScript source would write c: 0x2028 or \u2028.
func codePoint(c rune) []string {
	h := strconv.FormatInt(int64(c), 16)
	return []string{"0x" + h, `\u` + strings.Repeat("0", 4-len(h)) + h}
}
