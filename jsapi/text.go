package jsapi

import "unicode/utf8"

// Small string helpers for validation. Package strings would bring package
// unicode's tables, and strconv's quoting its own, into every WebAssembly
// binary that validates a value; these cover what validation needs. They are kept out of line: in WebAssembly each inlined copy costs
// more code than a call.

// quote wraps s in q (a double or single quote) for an error message,
// escaping q, backslashes and control characters.
func quote(s, q string) string {
	const hex = "0123456789abcdef"
	out := q
	for i := 0; i < len(s); i++ {
		var esc string
		switch c := s[i]; {
		case c == '\n':
			esc = `\n`
		case c == '\r':
			esc = `\r`
		case c == '\t':
			esc = `\t`
		case c < ' ' || c == 0x7f:
			esc = `\x` + hex[c>>4:c>>4+1] + hex[c&0xf:c&0xf+1]
		case c == q[0] || c == '\\':
			esc = `\` + s[i:i+1]
		default:
			continue
		}
		out += s[:i] + esc
		s = s[i+1:]
		i = -1
	}
	return out + s + q
}

// quoteRuneAt quotes the character of s that starts at byte i, in single
// quotes; a byte that does not start valid UTF-8 reads as U+FFFD.
//
//go:noinline
func quoteRuneAt(s string, i int) string {
	n := 1 // the length its first byte announces
	switch c := s[i]; {
	case c >= 0xf0:
		n = 4
	case c >= 0xe0:
		n = 3
	case c >= 0xc0:
		n = 2
	}
	if i+n > len(s) || !utf8.ValidString(s[i:i+n]) {
		return "'\uFFFD'"
	}
	return quote(s[i:i+n], "'")
}

// spaceAt returns the length of the white space character (as
// unicode.IsSpace defines it) that s starts with, or 0.
//
//go:noinline
func spaceAt(s string) int {
	if s == "" {
		return 0
	}
	switch c := s[0]; {
	case c == ' ' || '\t' <= c && c <= '\r':
		return 1
	case c == 0xc2 && len(s) > 1 && (s[1] == 0x85 || s[1] == 0xa0):
		return 2
	case c&0xf0 == 0xe0 && len(s) > 2 && s[1]&0xc0 == 0x80 && s[2]&0xc0 == 0x80:
		r := rune(c&0x0f)<<12 | rune(s[1]&0x3f)<<6 | rune(s[2]&0x3f)
		if r == 0x1680 || 0x2000 <= r && r <= 0x200a || r == 0x2028 || r == 0x2029 || r == 0x202f || r == 0x205f || r == 0x3000 {
			return 3
		}
	}
	return 0
}

// spaceBefore returns the length of the white space character that s ends
// with, or 0.
//
//go:noinline
func spaceBefore(s string) int {
	for n := 1; n <= 3 && n <= len(s); n++ {
		if m := spaceAt(s[len(s)-n:]); m == n {
			return n
		}
	}
	return 0
}

// trimSpace is strings.TrimSpace.
//
//go:noinline
func trimSpace(s string) string {
	for n := spaceAt(s); n > 0; n = spaceAt(s) {
		s = s[n:]
	}
	for n := spaceBefore(s); n > 0; n = spaceBefore(s) {
		s = s[:len(s)-n]
	}
	return s
}

// isBlank reports whether s is empty or only white space (as
// strings.TrimSpace sees it).
//
//go:noinline
func isBlank(s string) bool { return trimSpace(s) == "" }

// index returns the index of the first occurrence of sep in s, or -1.
//
//go:noinline
func index(s, sep string) int {
	for i := 0; i+len(sep) <= len(s); i++ {
		if s[i:i+len(sep)] == sep {
			return i
		}
	}
	return -1
}

// indexByte returns the index of the first c in s, or -1.
//
//go:noinline
func indexByte(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// lastIndexByte returns the index of the last c in s, or -1.
//
//go:noinline
func lastIndexByte(s string, c byte) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// lowerASCII lower-cases the ASCII letters of s and leaves other bytes
// alone.
//
//go:noinline
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// httpScheme reports whether scheme is http or https, in any case.
func httpScheme(scheme string) bool {
	if len(scheme) != 4 && len(scheme) != 5 {
		return false
	}
	for i := 0; i < len(scheme); i++ {
		if scheme[i]|0x20 != "https"[i] {
			return false
		}
	}
	return true
}
