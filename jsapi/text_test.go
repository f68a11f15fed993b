package jsapi

import (
	"strconv"
	"strings"
	"testing"
)

func TestTrimSpaceMatchesStrings(t *testing.T) {
	for _, s := range []string{
		"", " ", "x", " x ", "\t\n\v\f\r x \r\n", "\u0085x\u00a0", "\u1680\u2000\u200a x\u2028\u2029\u202f\u205f\u3000",
		"\u200b x \u200b", "\xff ", " \xe2\x80", "x\u3000", "\u00a0", "é ", " {}\n",
	} {
		if got, want := trimSpace(s), strings.TrimSpace(s); got != want {
			t.Errorf("trimSpace(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestQuoteMatchesStrconvForPrintableText(t *testing.T) {
	for _, s := range []string{"", "abc", `a"b`, `back\slash`, "line\nbreak\ttab\r", "ünïcode ☃"} {
		if got, want := quote(s, `"`), strconv.Quote(s); got != want {
			t.Errorf("quote(%q) = %s, want %s", s, got, want)
		}
	}
	if got := quote("\x00\x1f\x7f", `"`); got != `"\x00\x1f\x7f"` {
		t.Errorf("quote of control characters = %s", got)
	}
	for _, s := range []string{"c", "'", "é", "☃", "\t"} {
		if got, want := quoteRuneAt(s, 0), strconv.QuoteRune([]rune(s)[0]); got != want {
			t.Errorf("quoteRuneAt(%q) = %s, want %s", s, got, want)
		}
	}
	for _, s := range []string{"\xff", "\xc3", "\xe2\x98", "\x80x"} {
		if got := quoteRuneAt(s, 0); got != "'\uFFFD'" {
			t.Errorf("quoteRuneAt(%q) = %s, want U+FFFD", s, got)
		}
	}
	for _, tc := range []struct{ s, want string }{{"c\x80", "'c'"}, {"é\x80", "'é'"}, {"a☃b", "'☃'"}} {
		i := 0
		if tc.s[0] == 'a' {
			i = 1
		}
		if got := quoteRuneAt(tc.s, i); got != tc.want {
			t.Errorf("quoteRuneAt(%q, %d) = %s, want %s", tc.s, i, got, tc.want)
		}
	}
}

func TestLowerASCII(t *testing.T) {
	for _, tc := range []struct{ in, want string }{{"", ""}, {"abc", "abc"}, {"HTTPS", "https"}, {"Ex-AMPLE.com", "ex-ample.com"}, {"ÜBER", "Über"}} {
		if got := lowerASCII(tc.in); got != tc.want {
			t.Errorf("lowerASCII(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestHTTPScheme(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{{"http", true}, {"HTTPS", true}, {"hTtP", true}, {"", false}, {"ftp", false}, {"httpx", false}, {"http\x00", false}, {"javascript", false}} {
		if got := httpScheme(tc.in); got != tc.want {
			t.Errorf("httpScheme(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}
