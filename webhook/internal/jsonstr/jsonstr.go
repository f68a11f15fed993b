// Package jsonstr writes JSON strings by hand, for package webhook's replies
// and package eventlog's lines.
package jsonstr

import "unicode/utf8"

const hexDigits = "0123456789abcdef"

// Replies are written by hand (Append here, appendView and object in
// webhook's reply.go) rather than with encoding/json: BenchmarkReplyRatio, the same
// cleaned reply written both ways in the same run, measured the hand-written
// writer at 0.80-0.85 of encoding/json's time, about 1 us less per reply
// with an AgentView (some 5% of ServeHTTP's own cost) and no allocation; a
// fuzz test holds Append to encoding/json's output.

// Append appends s to dst as a JSON string, escaped as encoding/json
// escapes it: control characters, quotes and backslashes, <, > and & (so a
// reply is safe to show in HTML), U+2028 and U+2029; invalid UTF-8 becomes
// U+FFFD.
func Append(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '"', '\\':
				dst = append(dst, '\\', c)
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
