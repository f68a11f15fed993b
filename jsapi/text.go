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
// strconv.Quote escapes (the class classInvisible).
func invisible(r rune) bool { return in(classInvisible, r) }

// trimSpace is strings.TrimSpace: it removes the white space (classSpace)
// at both ends of s. It walks all of s: reading the last character without
// package utf8's DecodeLastRuneInString keeps it small, and only setRules's
// rules are trimmed.
//
//go:noinline
func trimSpace(s string) string {
	start, end, shows := len(s), 0, false // s[start:end] runs from the first character that is not white space to the end of the last
	for i, r := range s {
		if shows {
			end = i
		}
		shows = !in(classSpace, r)
		if shows && start > i {
			start = i
		}
	}
	if shows {
		end = len(s)
	}
	if start >= end {
		return ""
	}
	return s[start:end]
}

// isBlank reports whether s is empty or only white space (as
// strings.TrimSpace sees it). It reads all of s with scan, whose ASCII
// test is quick, rather than a loop of its own: less code.
//
//go:noinline
func isBlank(s string) bool {
	_, bad, _ := scan(s, classSpace, "")
	return bad < 0
}

// index returns the index of the first occurrence of sep in s, or -1.
//
//go:noinline
func index(s, sep string) int {
	for i := 0; i+len(sep) <= len(s); i++ {
		if (sep == "" || s[i] == sep[0]) && s[i:i+len(sep)] == sep { // the first byte before a call to compare
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
