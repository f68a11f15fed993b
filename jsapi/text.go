package jsapi

import "unicode/utf8"

// Small string helpers for validation. Package strings would bring package
// unicode's tables, and strconv's quoting its own, into every WebAssembly
// binary that validates a value; these cover what validation needs. They are kept out of line: in WebAssembly each inlined copy costs
// more code than a call.

// quote wraps s in q (a double or single quote) for an error message. As
// strconv.Quote does, it escapes q, backslashes, control characters and
// the characters that do not show (white space other than ' ', zero-width
// and direction marks, the byte order mark); other characters stay as
// written. A byte that is not valid UTF-8 reads as U+FFFD.
//
//go:noinline
func quote(s, q string) string {
	const hex = "0123456789abcdef"
	out, from := q, 0 // s[from:] is still to be written; -1: from the next character
	for i, r := range s {
		if from < 0 {
			from = i
		}
		esc, n := [6]byte{'\\', byte(r), 'x', hex[r>>4&0xf], hex[r&0xf]}, 2
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			esc[1] = "tn??r"[r-'\t']
		case r < ' ' || r == 0x7f:
			esc[1], esc[2], esc[3], n = 'x', hex[r>>4], hex[r&0xf], 4
		case r == rune(q[0]) || r == '\\':
		case invisible(r):
			esc, n = [6]byte{'\\', 'u', hex[r>>12], hex[r>>8&0xf], hex[r>>4&0xf], hex[r&0xf]}, 6
		case r == utf8.RuneError: // a bad byte, or U+FFFD itself
			esc, n = [6]byte{0xef, 0xbf, 0xbd}, 3
		default:
			continue
		}
		out += s[from:i] + string(esc[:n])
		from = -1
	}
	if from >= 0 {
		out += s[from:]
	}
	return out + q
}

// invisible reports whether r is a C1 control character, white space other
// than ' ', or a zero-width, direction or other formatting mark that
// strconv.Quote escapes. The stub widget's quote (stub/src/validate.js)
// escapes the same.
func invisible(r rune) bool {
	for i := 0; i < len(invisibleRanges); i += 2 {
		if rune(invisibleRanges[i]) <= r && r <= rune(invisibleRanges[i+1]) {
			return true
		}
	}
	return false
}

// invisibleRanges are the first and last characters of each range of
// characters quote escapes as \u and four hex digits.
var invisibleRanges = [...]uint16{0x80, 0xa0, 0xad, 0xad, 0x1680, 0x1680, 0x2000, 0x200f, 0x2028, 0x202f, 0x205f, 0x2064, 0x3000, 0x3000, 0xfeff, 0xfeff}

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
