package eventlog

import (
	"fmt"
	"math"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/jivokit/jivokit/webhook/internal/jsonstr"
)

// MaxDepth is the deepest nesting of objects and arrays a Log
// writes as JSON. An object or array deeper than that is written as a
// string holding its text as sent: the common JSON readers stop near this
// depth (Ruby's JSON.parse at 100 levels, Python's json.loads near 1,000),
// so a log line nested deeper would no longer be JSON to them. The
// vendor's events nest 4 levels.
const MaxDepth = 100

// logEvent returns raw, a JSON value, as the event log records it:
// compact, and valid JSON that every common reader reads alike.
//   - Invalid UTF-8 (and escaped lone surrogates) become U+FFFD; strings
//     that need no change are kept as sent, escapes included.
//   - A name given twice in an object is kept once, at its first place,
//     with its last value (the one the handler read).
//   - The top-level event_name is name, the one the handler used.
//   - An object or array nested deeper than MaxDepth becomes a string
//     holding its text as sent.
//   - A number beyond float64's range (1e400, a number of a thousand
//     digits), which the common readers refuse or read as infinity,
//     becomes a string holding the number as sent.
func logEvent(raw []byte, name string) ([]byte, error) {
	p := logParser{in: raw, name: name}
	out, err := p.value(make([]byte, 0, len(raw)))
	if err == nil {
		p.space()
		if p.i < len(p.in) {
			err = p.errorf("text after the value")
		}
	}
	if err != nil {
		return nil, fmt.Errorf("webhook: event log: %w", err)
	}
	return out, nil
}

// logParser rewrites one JSON value for the log.
type logParser struct {
	in    []byte
	i     int
	depth int
	name  string
}

func (p *logParser) errorf(format string, args ...any) error {
	return fmt.Errorf("invalid JSON at byte %d: %s", p.i, fmt.Sprintf(format, args...))
}

func (p *logParser) space() {
	for p.i < len(p.in) {
		switch p.in[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

// value appends the next value, after any spaces.
func (p *logParser) value(dst []byte) ([]byte, error) {
	p.space()
	if p.i >= len(p.in) {
		return nil, p.errorf("unexpected end")
	}
	switch c := p.in[p.i]; {
	case c == '{' || c == '[':
		if p.depth >= MaxDepth {
			return p.tooDeep(dst)
		}
		p.depth++
		defer func() { p.depth-- }()
		if c == '{' {
			return p.object(dst)
		}
		return p.array(dst)
	case c == '"':
		dst, _, err := p.str(dst, false)
		return dst, err
	case c == '-' || c >= '0' && c <= '9':
		return p.number(dst)
	}
	for _, lit := range []string{"true", "false", "null"} {
		if len(p.in)-p.i >= len(lit) && string(p.in[p.i:p.i+len(lit)]) == lit {
			p.i += len(lit)
			return append(dst, lit...), nil
		}
	}
	return nil, p.errorf("unexpected %q", p.in[p.i])
}

// member is an object's member as written: its name and where its value
// lies in the output.
type member struct {
	name       string
	start, end int
}

func (p *logParser) object(dst []byte) ([]byte, error) {
	p.i++ // {
	top := p.depth == 1
	start := len(dst)
	dst = append(dst, '{')
	var members []member
	var names map[string]struct{} // with many members
	duplicates := false
	p.space()
	if p.i < len(p.in) && p.in[p.i] == '}' {
		p.i++
		return append(dst, '}'), nil
	}
	for {
		p.space()
		if p.i >= len(p.in) || p.in[p.i] != '"' {
			return nil, p.errorf("expected a name")
		}
		if len(members) > 0 {
			dst = append(dst, ',')
		}
		var key string
		var err error
		if dst, key, err = p.str(dst, true); err != nil {
			return nil, err
		}
		p.space()
		if p.i >= len(p.in) || p.in[p.i] != ':' {
			return nil, p.errorf("expected ':'")
		}
		p.i++
		dst = append(dst, ':')
		vstart := len(dst)
		if top && key == "event_name" {
			if _, err := p.value(nil); err != nil {
				return nil, err
			}
			dst = jsonstr.Append(dst, p.name)
		} else if dst, err = p.value(dst); err != nil {
			return nil, err
		}
		if !duplicates {
			if len(members) == 16 {
				names = make(map[string]struct{}, 32)
				for _, m := range members {
					names[m.name] = struct{}{}
				}
			}
			if names != nil {
				_, duplicates = names[key]
				names[key] = struct{}{}
			} else {
				for _, m := range members {
					if m.name == key {
						duplicates = true
						break
					}
				}
			}
		}
		members = append(members, member{key, vstart, len(dst)})
		p.space()
		if p.i >= len(p.in) {
			return nil, p.errorf("unexpected end")
		}
		if p.in[p.i] == '}' {
			p.i++
			break
		}
		if p.in[p.i] != ',' {
			return nil, p.errorf("expected ',' or '}'")
		}
		p.i++
	}
	dst = append(dst, '}')
	if duplicates {
		dst = dedupe(dst, start, members)
	}
	return dst, nil
}

// dedupe rewrites the object written at dst[start:] with each name once,
// at its first place, with its last value.
func dedupe(dst []byte, start int, members []member) []byte {
	last := map[string]int{}
	for i, m := range members {
		last[m.name] = i
	}
	out := []byte{'{'}
	seen := map[string]bool{}
	for _, m := range members {
		if seen[m.name] {
			continue
		}
		seen[m.name] = true
		if len(out) > 1 {
			out = append(out, ',')
		}
		v := members[last[m.name]]
		out = append(jsonstr.Append(out, m.name), ':')
		out = append(out, dst[v.start:v.end]...)
	}
	return append(append(dst[:start], out...), '}')
}

func (p *logParser) array(dst []byte) ([]byte, error) {
	p.i++ // [
	dst = append(dst, '[')
	p.space()
	if p.i < len(p.in) && p.in[p.i] == ']' {
		p.i++
		return append(dst, ']'), nil
	}
	for {
		var err error
		if dst, err = p.value(dst); err != nil {
			return nil, err
		}
		p.space()
		if p.i >= len(p.in) {
			return nil, p.errorf("unexpected end")
		}
		if p.in[p.i] == ']' {
			p.i++
			return append(dst, ']'), nil
		}
		if p.in[p.i] != ',' {
			return nil, p.errorf("expected ',' or ']'")
		}
		p.i++
		dst = append(dst, ',')
	}
}

// tooDeep appends the object or array at p.i, nested past MaxDepth, as
// a string of its text, counting brackets outside strings to find its end.
func (p *logParser) tooDeep(dst []byte) ([]byte, error) {
	start, depth, inString := p.i, 0, false
	for ; p.i < len(p.in); p.i++ {
		switch c := p.in[p.i]; {
		case inString:
			if c == '\\' {
				p.i++
			} else if c == '"' {
				inString = false
			}
		case c == '"':
			inString = true
		case c == '{' || c == '[':
			depth++
		case c == '}' || c == ']':
			if depth--; depth == 0 {
				p.i++
				return jsonstr.Append(dst, string(p.in[start:p.i])), nil
			}
		}
	}
	return nil, p.errorf("unexpected end")
}

// str appends the string at p.i: as sent when it is valid UTF-8 with no
// lone surrogate escaped, else decoded and encoded again. With decode, it
// also returns the string's value.
func (p *logParser) str(dst []byte, decode bool) ([]byte, string, error) {
	start := p.i
	p.i++ // "
	clean, escaped := true, false
	for {
		if p.i >= len(p.in) {
			return nil, "", p.errorf("unterminated string")
		}
		c := p.in[p.i]
		switch {
		case c == '"':
			p.i++
			raw := p.in[start:p.i]
			if clean {
				var s string
				if decode {
					if escaped {
						s = unquote(raw[1 : len(raw)-1])
					} else {
						s = string(raw[1 : len(raw)-1])
					}
				}
				return append(dst, raw...), s, nil
			}
			s := unquote(raw[1 : len(raw)-1])
			return jsonstr.Append(dst, s), s, nil
		case c < 0x20:
			return nil, "", p.errorf("control character in a string")
		case c == '\\':
			escaped = true
			if p.i+1 >= len(p.in) {
				return nil, "", p.errorf("unterminated string")
			}
			switch p.in[p.i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				p.i += 2
			case 'u':
				r, ok := hex4(p.in[p.i+2:])
				if !ok {
					return nil, "", p.errorf("invalid \\u escape")
				}
				p.i += 6
				if utf16.IsSurrogate(r) {
					r2, ok := rune(0), false
					if r < 0xdc00 && len(p.in)-p.i >= 6 && p.in[p.i] == '\\' && p.in[p.i+1] == 'u' {
						r2, ok = hex4(p.in[p.i+2:])
					}
					if ok && utf16.DecodeRune(r, r2) != utf8.RuneError {
						p.i += 6
					} else {
						clean = false // a lone surrogate
					}
				}
			default:
				return nil, "", p.errorf("invalid escape")
			}
		case c < utf8.RuneSelf:
			p.i++
		default:
			r, size := utf8.DecodeRune(p.in[p.i:])
			if r == utf8.RuneError && size == 1 {
				clean = false
			}
			p.i += size
		}
	}
}

// hex4 reads the 4 hex digits of a \u escape.
func hex4(b []byte) (rune, bool) {
	if len(b) < 4 {
		return 0, false
	}
	var r rune
	for _, c := range b[:4] {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c -= 'a' - 10
		case c >= 'A' && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}

// unquote decodes the inside of a string that str has checked: invalid
// UTF-8 and lone surrogates read as U+FFFD.
func unquote(b []byte) string {
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); {
		c := b[i]
		if c != '\\' {
			if c < utf8.RuneSelf {
				out = append(out, c)
				i++
				continue
			}
			r, size := utf8.DecodeRune(b[i:])
			out = utf8.AppendRune(out, r) // RuneError for an invalid byte
			i += size
			continue
		}
		switch b[i+1] {
		case 'u':
			r, _ := hex4(b[i+2:])
			i += 6
			if utf16.IsSurrogate(r) {
				r2, ok := rune(0), false
				if len(b)-i >= 6 && b[i] == '\\' && b[i+1] == 'u' {
					r2, ok = hex4(b[i+2:])
				}
				if d := utf16.DecodeRune(r, r2); ok && d != utf8.RuneError {
					r = d
					i += 6
				} else {
					r = utf8.RuneError
				}
			}
			out = utf8.AppendRune(out, r)
			continue
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		default: // " \ /
			out = append(out, b[i+1])
		}
		i += 2
	}
	return string(out)
}

// number appends the number at p.i: as sent, or as a string of its text
// when it is beyond float64's range.
func (p *logParser) number(dst []byte) ([]byte, error) {
	start := p.i
	digits := func() int {
		n := 0
		for p.i < len(p.in) && p.in[p.i] >= '0' && p.in[p.i] <= '9' {
			p.i++
			n++
		}
		return n
	}
	if p.in[p.i] == '-' {
		p.i++
	}
	if p.i < len(p.in) && p.in[p.i] == '0' {
		p.i++
	} else if digits() == 0 {
		return nil, p.errorf("invalid number")
	}
	simple := p.i-start <= 15 // an integer float64 holds exactly
	if p.i < len(p.in) && p.in[p.i] == '.' {
		p.i++
		if digits() == 0 {
			return nil, p.errorf("invalid number")
		}
		simple = false
	}
	if p.i < len(p.in) && (p.in[p.i] == 'e' || p.in[p.i] == 'E') {
		p.i++
		if p.i < len(p.in) && (p.in[p.i] == '+' || p.in[p.i] == '-') {
			p.i++
		}
		if digits() == 0 {
			return nil, p.errorf("invalid number")
		}
		simple = false
	}
	text := p.in[start:p.i]
	if !simple {
		if f, err := strconv.ParseFloat(string(text), 64); err != nil && math.IsInf(f, 0) {
			return jsonstr.Append(dst, string(text)), nil
		}
	}
	return append(dst, text...), nil
}
