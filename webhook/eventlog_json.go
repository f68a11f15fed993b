package webhook

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/go-json-experiment/json/jsontext"
)

// MaxLogDepth is the deepest nesting of objects and arrays an EventLog
// records. Deeper events are refused: the common JSON readers stop near
// it (Ruby's JSON.parse at 100 levels, Python's json.loads near 1,000), so
// a log holding one would no longer be JSON lines to them. The vendor's
// events nest 4 levels.
const MaxLogDepth = 100

// ErrTooDeepToLog is the error of an event nested deeper than MaxLogDepth.
var ErrTooDeepToLog = errors.New("webhook: event log: the event nests objects or arrays deeper than " + fmt.Sprint(MaxLogDepth) + " levels")

// logEvent returns raw as the event log records it: compact, and valid
// JSON that every reader reads alike. Invalid UTF-8 (and escaped lone
// surrogates) become U+FFFD; a name given twice in an object is kept once,
// at its first place, with its last value (the one the handler read); the
// top-level event_name is name, the one the handler used.
func logEvent(raw []byte, name string) ([]byte, error) {
	if tooDeep(raw) {
		return nil, ErrTooDeepToLog
	}
	if jsontext.Value(raw).IsValid() {
		// Valid UTF-8 and no name twice: only the spaces go.
		v := jsontext.Value(bytes.Clone(raw))
		if err := v.Compact(); err != nil {
			return nil, fmt.Errorf("webhook: event log: %w", err)
		}
		return v, nil
	}
	return rewriteEvent(raw, name)
}

// rewriteEvent is logEvent for any event: it decodes and encodes raw.
func rewriteEvent(raw []byte, name string) ([]byte, error) {
	dec := jsontext.NewDecoder(bytes.NewReader(raw), jsontext.AllowDuplicateNames(true), jsontext.AllowInvalidUTF8(true))
	out, err := appendLogValue(nil, dec, name)
	if err != nil {
		if errors.Is(err, ErrTooDeepToLog) {
			return nil, err
		}
		return nil, fmt.Errorf("webhook: event log: %w", err)
	}
	return out, nil
}

// tooDeep reports whether raw nests deeper than MaxLogDepth, counting
// brackets outside strings.
func tooDeep(raw []byte) bool {
	depth, inString := 0, false
	for i := 0; i < len(raw); i++ {
		switch c := raw[i]; {
		case inString:
			if c == '\\' {
				i++
			} else if c == '"' {
				inString = false
			}
		case c == '"':
			inString = true
		case c == '{' || c == '[':
			if depth++; depth > MaxLogDepth {
				return true
			}
		case c == '}' || c == ']':
			depth--
		}
	}
	return false
}

// appendLogValue appends the next value of dec; name replaces the value of
// a top-level event_name.
func appendLogValue(dst []byte, dec *jsontext.Decoder, name string) ([]byte, error) {
	switch dec.PeekKind() {
	case '{':
		if _, err := dec.ReadToken(); err != nil {
			return nil, err
		}
		if dec.StackDepth() > MaxLogDepth {
			return nil, ErrTooDeepToLog
		}
		top := dec.StackDepth() == 1
		type member struct {
			name  string
			value []byte
		}
		var members []member
		index := map[string]int{}
		for dec.PeekKind() != '}' {
			tok, err := dec.ReadToken()
			if err != nil {
				return nil, err
			}
			key := tok.String()
			var value []byte
			if top && key == "event_name" {
				if _, err := dec.ReadValue(); err != nil {
					return nil, err
				}
				value = appendString(nil, name)
			} else if value, err = appendLogValue(nil, dec, name); err != nil {
				return nil, err
			}
			if i, ok := index[key]; ok {
				members[i].value = value
				continue
			}
			index[key] = len(members)
			members = append(members, member{key, value})
		}
		if _, err := dec.ReadToken(); err != nil {
			return nil, err
		}
		dst = append(dst, '{')
		for i, m := range members {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = append(appendString(dst, m.name), ':')
			dst = append(dst, m.value...)
		}
		return append(dst, '}'), nil
	case '[':
		if _, err := dec.ReadToken(); err != nil {
			return nil, err
		}
		if dec.StackDepth() > MaxLogDepth {
			return nil, ErrTooDeepToLog
		}
		dst = append(dst, '[')
		for first := true; dec.PeekKind() != ']'; first = false {
			if !first {
				dst = append(dst, ',')
			}
			var err error
			if dst, err = appendLogValue(dst, dec, name); err != nil {
				return nil, err
			}
		}
		if _, err := dec.ReadToken(); err != nil {
			return nil, err
		}
		return append(dst, ']'), nil
	case '"':
		tok, err := dec.ReadToken()
		if err != nil {
			return nil, err
		}
		return appendString(dst, tok.String()), nil
	}
	v, err := dec.ReadValue() // a number, true, false or null; or an error
	if err != nil {
		return nil, err
	}
	return append(dst, v...), nil
}
