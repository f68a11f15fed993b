package jsapi

import (
	"errors"
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
	if got := ValidatePhone("1234"); got == nil || got.Error() != "jivo: advice: phone: has 4 digits, a phone number has 5 to 15" {
		t.Errorf("ValidatePhone: %v", got)
	}
	if got := ValidateLink("https://example.com:65536/"); got == nil || got.Error() != "jivo: advice: link: has a port that is not a number from 0 to 65535" {
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
		if want := "|" + strings.Join(s.Enum, "|"); startRule.steps[1].op != opOneOf || startRule.steps[1].extra != want {
			t.Errorf("startRule takes %q, the spec %q", startRule.steps[1].extra, want)
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
		if p, _ := r.problem(tc.in); (p != "") != tc.failed {
			t.Errorf("op %d on %q: failed = %v, want %v", tc.st.op, tc.in, p != "", tc.failed)
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
			p, _ := r.problem(s)
			if p != "" && strings.HasPrefix(p, `"`) && !strings.HasPrefix(p, quote(s, `"`)+" ") {
				t.Errorf("%s(%q) = %q: the value is not quoted whole", r.field, s, p)
			}
		}
	})
}

// TestInIsTheClassPairs: in finds r in class exactly when a pair of class
// holds it, for every class of the rules and for classes whose pairs cross
// the ASCII bound, ASCII characters and others alike.
func TestInIsTheClassPairs(t *testing.T) {
	classes := []string{"", "\x00\x00", "\x7f\x7f", "\x00\x7f", "?@", "??@@", "\x3f\u0100", "a\U0010ffff", "\u0080\u00ff", "AZaz\u00c0\u00ff",
		"~\u00e9\u0100\u0101", classSpace, classInvisible, classDigit, classHex, classPhone, classNotInEmail, classNotInLink}
	for _, n := range namedRules {
		for _, st := range n.r.steps {
			classes = append(classes, st.class)
		}
	}
	for _, class := range classes {
		pairs := []rune(class)
		for r := rune(0); r < 0x3100; r++ {
			want := false
			for i := 0; i+1 < len(pairs); i += 2 {
				want = want || pairs[i] <= r && r <= pairs[i+1]
			}
			if got := in(class, r); got != want {
				t.Errorf("class %+q: in(%U) = %v, want %v", class, r, got, want)
			}
		}
	}
}

// TestScanMixedText: scan counts and finds the first character outside
// the class alike for ASCII and other characters.
func TestScanMixedText(t *testing.T) {
	for _, c := range []struct {
		s, class, first string
		n, bad, end     int
	}{
		{"", classDigit, "", 0, -1, 0},
		{"12a3", classDigit, "", 3, 2, 3},
		{"+1 (2)", classPhone, "+", 5, -1, 6},
		{"+1+2", classPhone, "+", 2, 2, 3},
		{"é1", classDigit, "é", 1, 0, 2},
		{"1\u00a02\u3000", classDigit, "", 2, 1, 3},
		{"a\u00a0b\u3000", classSpace, "", 2, 0, 1},
		{"ab\u2028", classNotInLink + "\u2028\u2028", "", 1, 0, 1},
	} {
		n, bad, end := scan(c.s, c.class, c.first)
		if n != c.n || bad != c.bad || end != c.end {
			t.Errorf("scan(%+q, %+q, %q) = %d, %d, %d, want %d, %d, %d", c.s, c.class, c.first, n, bad, end, c.n, c.bad, c.end)
		}
	}
}

// TestRuleIndexSaysWhoseEveryRuleIs: every rule and every check named in
// ValidationRules has an entry in its Index, of the same kind; a vendor's
// rule cites its source, and no other does; every step has a kind.
func TestRuleIndexSaysWhoseEveryRuleIs(t *testing.T) {
	set := ValidationRules()
	index := map[string]RuleInfo{}
	for _, r := range set.Index {
		if _, dup := index[r.Name]; dup {
			t.Errorf("%s is in the index twice", r.Name)
		}
		index[r.Name] = r
		if (r.Kind == KindVendor) != (r.Source != "") || r.Check == "" {
			t.Errorf("%s: kind %s, source %q, check %q: a vendor's rule cites its source, and only one", r.Name, r.Kind, r.Source, r.Check)
		}
	}
	for name, kind := range set.Kinds {
		if r, ok := index[name]; !ok || r.Kind != kind {
			t.Errorf("check %s (%s) is not in the index as %s", name, kind, kind)
		}
		if _, ok := set.Problems[name]; !ok {
			t.Errorf("kind of %s, which has no problem", name)
		}
	}
	for name := range set.Problems {
		if _, ok := set.Kinds[name]; !ok {
			t.Errorf("problem %s has no kind", name)
		}
	}
	for _, r := range set.Rules {
		if _, ok := index[r.Name]; !ok {
			t.Errorf("rule %s is not in the index", r.Name)
		}
		for _, st := range r.Steps {
			if st.Kind.String() == "unknown" {
				t.Errorf("rule %s: step %s has no kind", r.Name, st.Op)
			}
			if st.Op == "utf8" && st.Kind != KindForm {
				t.Errorf("rule %s: invalid UTF-8 is the value's form, refused in every mode", r.Name)
			}
		}
	}
}

// TestPageTitleCapped: Capped cuts a title on a character boundary at
// MaxPageTitle characters, and Validate advises about it.
func TestPageTitleCapped(t *testing.T) {
	exact := strings.Repeat("é", MaxPageTitle)
	for _, tc := range []struct{ in, want string }{
		{"Cart", "Cart"},
		{exact, exact},
		{exact + "🙂", exact},
		{strings.Repeat("a", MaxPageTitle-1) + "🙂🙂", strings.Repeat("a", MaxPageTitle-1) + "🙂"},
	} {
		got := PageTitle{Title: tc.in, URL: "/u"}.Capped()
		if got.Title != tc.want || got.URL != "/u" {
			t.Errorf("Capped(%d runes) = %d runes %q..., want %d", len([]rune(tc.in)), len([]rune(got.Title)), got.Title[:8], len([]rune(tc.want)))
		}
	}
	if err := (PageTitle{Title: exact}).Validate(); err != nil {
		t.Errorf("a title of exactly MaxPageTitle characters: %v", err)
	}
	var w *Warning
	if err := (PageTitle{Title: exact + "!"}).Validate(); !errors.As(err, &w) || w.Problem != "is longer than 1024 characters; it is cut to 1024" {
		t.Errorf("a title over MaxPageTitle: %v, want a *Warning", err)
	}
}
