// Package term makes untrusted text safe to print on a terminal.
package term

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

const hexDigits = "0123456789abcdef"

// Visible returns s with every byte a terminal could act on made visible,
// so that untrusted text shows as text and stays on one line: control
// characters as \x1b, \n, ...; other runes that do not print on their own
// (format characters such as U+202E, line and paragraph separators, unusual
// spaces) as \u202e; invalid UTF-8 as \xff. Printable text, spaces and
// backslashes are kept as they are.
func Visible(s string) string {
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !printable(r, size) {
			break
		}
		i += size
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	b.WriteString(s[:i])
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case printable(r, size):
			b.WriteString(s[i : i+size])
		case r == utf8.RuneError && size == 1:
			b.WriteString(`\x` + hex2(s[i]))
		default:
			q := strconv.QuoteRuneToASCII(r) // '\x1b', '\n', '\u202e'
			b.WriteString(q[1 : len(q)-1])
		}
		i += size
	}
	return b.String()
}

func printable(r rune, size int) bool {
	if r < utf8.RuneSelf {
		return r >= 0x20 && r < 0x7f
	}
	return !(r == utf8.RuneError && size == 1) && unicode.IsPrint(r)
}

func hex2(c byte) string { return string([]byte{hexDigits[c>>4], hexDigits[c&0xf]}) }
