package gen

import (
	"strings"
	"testing"

	"github.com/jivokit/jivokit/jsapi"
)

// TestRulesJS: the stub's rules are ASCII (the bundle must stay so), carry
// the header, and hold every rule, class, problem and limit of jsapi's set.
func TestRulesJS(t *testing.T) {
	js := string(rulesJS())
	if !strings.HasPrefix(js, header) {
		t.Error("rules.gen.js lacks the generated-code header")
	}
	for i := 0; i < len(js); i++ {
		if js[i] >= 0x80 {
			t.Fatalf("rules.gen.js has a non-ASCII byte at %d", i)
		}
	}
	set := jsapi.ValidationRules()
	for _, r := range set.Rules {
		if !strings.Contains(js, "\n  "+r.Name+": { field: \""+r.Field+"\"") {
			t.Errorf("rule %s is missing", r.Name)
		}
		for _, st := range r.Steps {
			if !strings.Contains(js, `op: "`+st.Op+`"`) || !strings.Contains(js, st.Problem) {
				t.Errorf("rule %s: step %s %q is missing", r.Name, st.Op, st.Problem)
			}
		}
	}
	for k, p := range set.Problems {
		if !strings.Contains(js, "  "+k+": \""+p+"\",\n") {
			t.Errorf("problem %s is missing", k)
		}
	}
	for k := range set.Classes {
		if !strings.Contains(js, "  "+k+": [") {
			t.Errorf("class %s is missing", k)
		}
	}
	if !strings.Contains(js, "  maxCustomFields: 10,\n") {
		t.Error("limit maxCustomFields is missing")
	}
	if got := jsCodePoints([]rune{0x09, 0x3000}); got != "[0x9, 0x3000]" {
		t.Errorf("jsCodePoints = %s", got)
	}
}
