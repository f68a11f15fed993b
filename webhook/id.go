package webhook

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
)

// ID is an identifier the vendor sends as a JSON string in some payloads and
// as a number in others (agent ids, chat ids, visitor numbers, ...). It
// keeps the text either way: "2224" and 2224 both decode to ID("2224"); null
// decodes to "". It encodes as a JSON string.
type ID string

// UnmarshalJSON accepts a string, a number or null.
func (id *ID) UnmarshalJSON(b []byte) error {
	s, err := scalarText(b)
	if err != nil {
		return fmt.Errorf("id: %w", err)
	}
	*id = ID(s)
	return nil
}

// Int64 returns the id as an integer, and false when it is not one.
func (id ID) Int64() (int64, bool) {
	n, err := strconv.ParseInt(string(id), 10, 64)
	return n, err == nil
}

func (id ID) String() string { return string(id) }

// Text is a value the reference documents as a string but that is seen as a
// number too, such as geoip latitude and longitude. It decodes like ID.
type Text string

// UnmarshalJSON accepts a string, a number or null.
func (t *Text) UnmarshalJSON(b []byte) error {
	s, err := scalarText(b)
	if err != nil {
		return err
	}
	*t = Text(s)
	return nil
}

// scalarText returns the text of a JSON string or number, or "" for null.
func scalarText(b []byte) (string, error) {
	switch {
	case len(b) == 0:
		return "", fmt.Errorf("empty value")
	case b[0] == '"':
		// A string without escapes is the common case; skip the decoder.
		if inner := b[1 : len(b)-1]; bytes.IndexByte(inner, '\\') < 0 {
			return string(inner), nil
		}
		var s string
		err := json.Unmarshal(b, &s)
		return s, err
	case b[0] == '-' || b[0] >= '0' && b[0] <= '9':
		return string(b), nil // the decoder has checked the number's syntax
	case string(b) == "null":
		return "", nil
	}
	return "", fmt.Errorf("want a string or a number, got %s", kindOf(b[0]))
}

func kindOf(c byte) string {
	switch c {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case 't', 'f':
		return "a boolean"
	}
	return "something else"
}
