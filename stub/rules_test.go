package stub

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/jivokit/jivokit/jsapi"
)

// TestValidateJSHoldsNoRules: the stub's checks (src/validate.js) and its
// methods (src/api.js) interpret package jsapi's rules from
// src/rules.gen.js and hold none of their own: no message, reason, kind,
// character class or limit of the rules is written in them.
func TestValidateJSHoldsNoRules(t *testing.T) {
	for _, name := range []string{"validate.js", "api.js"} {
		src, err := os.ReadFile(filepath.Join("src", name))
		if err != nil {
			t.Fatal(err)
		}
		holdsNoRules(t, name, code(string(src)))
	}
}

// code is JavaScript source without its line comments, and without the
// decimal base of number parsing ("n * 10 +"), which is no limit.
func code(js string) string {
	var b strings.Builder
	for _, line := range strings.Split(js, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "//") {
			continue
		}
		b.WriteString(strings.ReplaceAll(line, "* 10 +", "") + "\n")
	}
	return b.String()
}

func holdsNoRules(t *testing.T, name, js string) {
	set := jsapi.ValidationRules()
	var texts []string
	for _, p := range set.Problems {
		texts = append(texts, p)
	}
	for _, r := range set.Reasons {
		texts = append(texts, strings.TrimSpace(r))
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
			t.Errorf("src/%s holds %q, which belongs in jsapi's rules", name, text)
		}
	}
	// A limit written as a number: 10 fields, 10 calls, an hour, 1024
	// characters.
	for k, n := range set.Limits {
		if regexp.MustCompile(`(^|[^\w.])` + strconv.Itoa(n) + `($|[^\w.])`).MatchString(js) {
			t.Errorf("src/%s holds the number %d, jsapi's limit %s: read limits.%s", name, n, k, k)
		}
	}
	// The kinds a check gives come from the rules too, but "advice" names
	// the kind the stub lets through: it may appear, "vendor" and "form"
	// may not.
	for _, kind := range []string{`"vendor"`, `"form"`} {
		if strings.Contains(js, kind) {
			t.Errorf("src/%s names the kind %s, which belongs in jsapi's rules", name, kind)
		}
	}
	if !strings.Contains(js, `from "./rules.gen.js"`) {
		t.Errorf("src/%s does not read rules.gen.js", name)
	}
}

// codePoint is how JavaScript source would write c: 0x2028 or \u2028.
func codePoint(c rune) []string {
	h := strconv.FormatInt(int64(c), 16)
	return []string{"0x" + h, `\u` + strings.Repeat("0", 4-len(h)) + h}
}
