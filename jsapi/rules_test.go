package jsapi

import (
	"strings"
	"testing"
	"unicode"
)

// TestClassSpaceIsUnicodeSpace: classSpace is what strings.TrimSpace trims,
// code point for code point, and classNotInEmail holds it all.
func TestClassSpaceIsUnicodeSpace(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if in(classSpace, r) != unicode.IsSpace(r) {
			t.Errorf("%U: in classSpace = %v, unicode.IsSpace = %v", r, in(classSpace, r), unicode.IsSpace(r))
		}
		if unicode.IsSpace(r) && !in(classNotInEmail, r) {
			t.Errorf("%U: white space an e-mail address may have", r)
		}
	}
}

// TestRulesAreWellFormed checks the rule data both interpreters read:
// known ops, classes of pairs in order, problems with known placeholders,
// the limits the ops need.
func TestRulesAreWellFormed(t *testing.T) {
	set := ValidationRules()
	if len(set.Rules) == 0 {
		t.Fatal("no rules")
	}
	names := map[string]bool{}
	for _, r := range set.Rules {
		if names[r.Name] || r.Field == "" || len(r.Steps) == 0 {
			t.Errorf("rule %q: duplicate, without a field or without steps", r.Name)
		}
		names[r.Name] = true
		for i, st := range r.Steps {
			where := r.Name + " step " + string(rune('0'+i))
			if st.Op == "" {
				t.Errorf("%s: unknown op", where)
			}
			checkClass(t, where, st.Class)
			checkProblem(t, where, st.Problem)
			switch st.Op {
			case "only", "count", "shape":
				if len(st.Class) == 0 {
					t.Errorf("%s: %s needs a class", where, st.Op)
				}
			}
			if st.Op == "count" && st.Hi >= 0 && st.Hi < st.Lo || st.Op == "shape" && (st.Lo <= len(st.Extra) || st.Hi < st.Lo) {
				t.Errorf("%s: limits %d..%d make no sense", where, st.Lo, st.Hi)
			}
		}
	}
	for name, class := range set.Classes {
		checkClass(t, "class "+name, class)
	}
	for name, p := range set.Problems {
		checkProblem(t, "problem "+name, p)
	}
	if set.Limits["maxCustomFields"] != MaxCustomFields {
		t.Errorf("limits: maxCustomFields = %d", set.Limits["maxCustomFields"])
	}
}

func checkClass(t *testing.T, where string, class []rune) {
	t.Helper()
	if len(class)%2 != 0 {
		t.Errorf("%s: a class is pairs, got %d code points", where, len(class))
	}
	for i := 0; i+1 < len(class); i += 2 {
		if class[i] > class[i+1] {
			t.Errorf("%s: pair %U..%U is backwards", where, class[i], class[i+1])
		}
		if i > 0 && class[i] <= class[i-1] {
			t.Errorf("%s: pair %U..%U is out of order or overlaps the one before", where, class[i], class[i+1])
		}
	}
}

func checkProblem(t *testing.T, where, p string) {
	t.Helper()
	if p == "" {
		t.Errorf("%s: no problem text", where)
	}
	rest := p
	for {
		i := strings.IndexByte(rest, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(rest[i:], '}')
		if j < 0 {
			t.Errorf("%s: %q has an unclosed {", where, p)
			return
		}
		switch rest[i+1 : i+j] {
		case "c", "v", "n", "lo", "hi":
		default:
			t.Errorf("%s: %q has an unknown placeholder %s", where, p, rest[i:i+j+1])
		}
		rest = rest[i+j+1:]
	}
	if strings.Contains(rest, "}") {
		t.Errorf("%s: %q has a stray }", where, p)
	}
}

// The messages say the limits the steps check.
func TestRuleMessagesSayTheirLimits(t *testing.T) {
	if got := ValidatePhone("1234"); got == nil || got.Error() != "jivo: invalid phone: has 4 digits, a phone number has 5 to 15" {
		t.Errorf("ValidatePhone: %v", got)
	}
	if got := ValidateLink("https://example.com:65536/"); got == nil || got.Error() != "jivo: invalid link: has a port that is not a number from 0 to 65535" {
		t.Errorf("ValidateLink: %v", got)
	}
}

// TestStartRuleIsTheSpecEnum: open's start takes exactly the values the spec
// names, and none.
func TestStartRuleIsTheSpecEnum(t *testing.T) {
	for _, s := range Shapes() {
		if s.Name != "OpenStart" {
			continue
		}
		if want := "|" + strings.Join(s.Enum, "|"); startRule.steps[0].extra != want {
			t.Errorf("startRule takes %q, the spec %q", startRule.steps[0].extra, want)
		}
		return
	}
	t.Fatal("no OpenStart shape")
}

// TestStepsOutsideTheirRules: each op on its own, also where no rule uses
// it that way, never panics and reads as documented.
func TestStepsOutsideTheirRules(t *testing.T) {
	for _, tc := range []struct {
		st     step
		in     string
		failed bool
	}{
		{step{op: opHost}, "no scheme", true},
		{step{op: opIPv6}, "x", false},
		{step{op: opPort, lo: 5, hi: 65535}, "", false},
		{step{op: opScheme, extra: "http"}, "no separator", true},
		{step{op: opShape, class: classHex, extra: "#", lo: 4, hi: 7}, "", true},
		{step{op: opShape, class: classHex, extra: "#", lo: 4, hi: 7}, "#\x10\x10\x10", true},
		{step{op: opCount, class: "..", extra: "@.", lo: 1, hi: -1}, "no at", true},
		{step{op: opOnly, class: classDigit, extra: "+"}, "+1+", true},
		{step{op: opOnly, class: classDigit, extra: "+"}, "+12", false},
		{step{op: opAround, extra: "@"}, "@", true},
	} {
		r := rule{"x", []step{tc.st}}
		r.steps[0].problem = "p"
		if failed := r.problem(tc.in) != ""; failed != tc.failed {
			t.Errorf("op %d on %q: failed = %v, want %v", tc.st.op, tc.in, failed, tc.failed)
		}
	}
}

// FuzzRules: every rule ends on any text, without panicking, and a problem
// that names the value ({v}) quotes it whole, whatever braces it holds.
func FuzzRules(f *testing.F) {
	for _, s := range []string{"", "{v}", "{n}{lo}{hi}", "{", "}", "https://[::1]:{hi}/", "+1 (408) {c}", "a@{b}.c", "#{}{", "\xff{v}"} {
		f.Add(s)
	}
	rules := []*rule{&phoneRule, &emailRule, &colorRule, &linkRule, &startRule, &filledRule, &textRule, &utf8Rule}
	f.Fuzz(func(t *testing.T, s string) {
		for _, r := range rules {
			p := r.problem(s)
			if p != "" && strings.HasPrefix(p, `"`) && !strings.HasPrefix(p, quote(s, `"`)+" ") {
				t.Errorf("%s(%q) = %q: the value is not quoted whole", r.field, s, p)
			}
		}
	})
}
