package jsonstr

import (
	"encoding/json"
	"testing"
)

func FuzzAppend(f *testing.F) {
	for _, s := range []string{"", "plain", `"\` + "\n\r\t\b\f\x00\x1f", "<script>&amp;</script>", "\u2028\u2029", "Анна ✓ 😀", "\xff\xfe a \xc3", "\xed\xa0\x80"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		enc := Append(nil, s)
		var got string
		if err := json.Unmarshal(enc, &got); err != nil {
			t.Fatalf("%q encodes to invalid JSON %s: %v", s, enc, err)
		}
		want, _ := json.Marshal(s)
		var wantS string
		json.Unmarshal(want, &wantS)
		if got != wantS {
			t.Fatalf("%q: decodes to %q, encoding/json's to %q", s, got, wantS)
		}
		for _, c := range enc {
			if c < 0x20 || c == '<' || c == '>' || c == '&' {
				t.Fatalf("%q: unescaped %q in %s", s, c, enc)
			}
		}
	})
}
