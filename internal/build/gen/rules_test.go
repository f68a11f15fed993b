package gen

import (
	"strconv"
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
			if !strings.Contains(js, `op: "`+st.Op+`", kind: "`+st.Kind.String()+`"`) || !strings.Contains(js, st.Problem) {
				t.Errorf("rule %s: step %s (%s) %q is missing", r.Name, st.Op, st.Kind, st.Problem)
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
	for k, n := range set.Limits {
		if !strings.Contains(js, "  "+k+": "+strconv.Itoa(n)+",\n") {
			t.Errorf("limit %s is missing", k)
		}
	}
	for k, kind := range set.Kinds {
		if !strings.Contains(js, "  "+k+": \""+kind.String()+"\",\n") {
			t.Errorf("kind of %s is missing", k)
		}
	}
	for k, r := range set.Reasons {
		if !strings.Contains(js, "  "+k+": "+strconv.Quote(r)+",\n") {
			t.Errorf("reason %s is missing", k)
		}
	}
	if got := jsCodePoints([]rune{0x09, 0x3000}); got != "[0x9, 0x3000]" {
		t.Errorf("jsCodePoints = %s", got)
	}
}
