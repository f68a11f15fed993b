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
		" \x80", "\x80 ", " \xe3\x80\x80\x80", "\x80\xe3\x80\x80", "\u3000\u3000", "\xf0\x9f\x98\x80 ",
	} {
		checkTrimSpace(t, s)
	}
}

func checkTrimSpace(t *testing.T, s string) {
	t.Helper()
	if got, want := trimSpace(s), strings.TrimSpace(s); got != want {
		t.Errorf("trimSpace(%q) = %q, want %q", s, got, want)
	}
	if got, want := isBlank(s), strings.TrimSpace(s) == ""; got != want {
		t.Errorf("isBlank(%q) = %v, want %v", s, got, want)
	}
}

func FuzzTrimSpace(f *testing.F) {
	for _, s := range []string{"", " x ", "\u3000x\u00a0", " \x80", "\xe3\x80\x80\x80"} {
		f.Add(s)
	}
	f.Fuzz(checkTrimSpace)
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
	for _, s := range []string{"c", "'", "é", "☃", "\t", "\u00a0", "😀"} {
		if got, want := quote(s, "'"), strconv.QuoteRune([]rune(s)[0]); got != want {
			t.Errorf("quote(%q, ') = %s, want %s", s, got, want)
		}
	}
	for _, s := range []string{"\xff", "\xc3", "\xe2\x98", "\x80x", "\ufffd"} {
		if got := quote(s, "'"); got[:4] != "'\uFFFD" {
			t.Errorf("quote(%q, ') = %s, want U+FFFD first", s, got)
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

// TestQuoteEscapesWhatDoesNotShow: from ' ' up, every character quote
// escapes is escaped as strconv.Quote does, and every printable one is left
// as strconv.Quote leaves it. (Below ' ', quote writes \a, \b, \v and \f as
// \x07, \x08, \x0b and \x0c.)
func TestQuoteEscapesWhatDoesNotShow(t *testing.T) {
	for r := rune(' '); r <= 0x10ffff; r++ {
		if r >= 0xd800 && r <= 0xdfff || !invisible(r) && !strconv.IsPrint(r) && r != 0x7f {
			continue
		}
		s := string(r)
		if got, want := quote(s, `"`), strconv.Quote(s); got != want {
			t.Errorf("quote(%U) = %s, want %s", r, got, want)
		}
	}
	for _, r := range []rune{0xa0, 0x85, 0xad, 0x2007, 0x200b, 0x200e, 0x2028, 0x202e, 0x2060, 0x3000, 0xfeff} {
		if !invisible(r) {
			t.Errorf("%U shows nothing, but quote leaves it as written", r)
		}
	}
	if got := quote("a\xffb", `"`); got != "\"a\uFFFDb\"" {
		t.Errorf("quote of a bad byte = %s, want U+FFFD", got)
	}
}

// TestIndexIsStringsIndex: index finds what strings.Index finds.
func TestIndexIsStringsIndex(t *testing.T) {
	for _, s := range []string{"", "a", ":", "://", "a://b", "a:/:/b://c", "::://", "https://u@h:1/p?q://x", "é://"} {
		for _, sep := range []string{"", "@", ":", "://", "//", "a://b", "é"} {
			if got, want := index(s, sep), strings.Index(s, sep); got != want {
				t.Errorf("index(%q, %q) = %d, want %d", s, sep, got, want)
			}
		}
	}
}
