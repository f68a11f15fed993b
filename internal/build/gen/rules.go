package gen

import (
	"bytes"
	"slices"
	"strconv"

	"github.com/jivokit/jivokit/jsapi"
)

func init() {
	// Before the stub's bundle (Order 10), which includes it.
	register(Output{Path: "stub/src/rules.gen.js", Order: 0, Generate: func(string) ([]byte, error) { return rulesJS(), nil }})
}

// rulesJS writes package jsapi's validation rules for the stub widget's
// interpreter (stub/src/validate.js). Classes are arrays of code points, so
// the bundle stays ASCII whatever the bundler does with escapes.
func rulesJS() []byte {
	set := jsapi.ValidationRules()
	var b bytes.Buffer
	b.WriteString(header)
	b.WriteString(`
// The validation rules of package jsapi (jsapi/rules.go), which Go's checks
// run: the stub's interpreter (validate.js) runs the same steps, so the stub
// refuses what Go code refuses and advises what it advises, message for
// message. A step's kind is "vendor" (the vendor's documented rule: refused),
// "advice" (jivokit's: a warning, refused only in strict mode) or "form"
// (a value that cannot be written: refused). A class is pairs of first and
// last code points; a step's problem has {c}, {v}, {n}, {lo} and {hi} filled
// in. kinds are the kinds of the checks named in problems; reasons are the
// widget's answers; limits are the vendor's and jivokit's numbers.

export const rules = {
`)
	for _, r := range set.Rules {
		b.WriteString("  " + r.Name + ": { field: " + strconv.Quote(r.Field) + ", steps: [\n")
		for _, st := range r.Steps {
			b.WriteString("    { op: " + strconv.Quote(st.Op) + ", kind: " + strconv.Quote(st.Kind.String()))
			if len(st.Class) > 0 {
				b.WriteString(", class: " + jsCodePoints(st.Class))
			}
			if st.Extra != "" {
				b.WriteString(", extra: " + strconv.Quote(st.Extra))
			}
			if st.Op == "count" || st.Op == "shape" || st.Op == "port" {
				b.WriteString(", lo: " + strconv.Itoa(st.Lo) + ", hi: " + strconv.Itoa(st.Hi))
			}
			b.WriteString(", problem: " + strconv.Quote(st.Problem) + " },\n")
		}
		b.WriteString("  ] },\n")
	}
	b.WriteString("};\n\nexport const classes = {\n")
	for _, k := range sortedKeys(set.Classes) {
		b.WriteString("  " + k + ": " + jsCodePoints(set.Classes[k]) + ",\n")
	}
	b.WriteString("};\n\nexport const problems = {\n")
	for _, k := range sortedKeys(set.Problems) {
		b.WriteString("  " + k + ": " + strconv.Quote(set.Problems[k]) + ",\n")
	}
	b.WriteString("};\n\nexport const kinds = {\n")
	for _, k := range sortedKeys(set.Kinds) {
		b.WriteString("  " + k + ": " + strconv.Quote(set.Kinds[k].String()) + ",\n")
	}
	b.WriteString("};\n\nexport const limits = {\n")
	for _, k := range sortedKeys(set.Limits) {
		b.WriteString("  " + k + ": " + strconv.Itoa(set.Limits[k]) + ",\n")
	}
	b.WriteString("};\n\nexport const reasons = {\n")
	for _, k := range sortedKeys(set.Reasons) {
		b.WriteString("  " + k + ": " + strconv.Quote(set.Reasons[k]) + ",\n")
	}
	b.WriteString("};\n")
	return b.Bytes()
}

// jsCodePoints writes code points as a JavaScript array of hex numbers.
func jsCodePoints(rs []rune) string {
	s := "["
	for i, r := range rs {
		if i > 0 {
			s += ", "
		}
		s += "0x" + strconv.FormatInt(int64(r), 16)
	}
	return s + "]"
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
