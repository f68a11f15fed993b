package webhook

import (
	"bytes"
	"encoding/json"
	"sort"

	"github.com/go-json-experiment/json/jsontext"
)

// An event encodes as the vendor sends it, with each id in the form it
// arrived in: a value that came as a JSON number (chat_id 3537) goes out
// as a number, one that came as a string (widget_id "3677") as a string,
// although an ID holds only the text. The form is read from the event's
// Raw, at the same place: a value whose text still equals the number sent
// there is written as that number. An event without Raw (one a program
// builds) writes its ids as strings.

func (e CallEvent) MarshalJSON() ([]byte, error) {
	type plain CallEvent
	return encodeEvent(plain(e), e.Raw)
}

func (e ChatAccepted) MarshalJSON() ([]byte, error) {
	type plain ChatAccepted
	return encodeEvent(plain(e), e.Raw)
}

func (e ChatAssigned) MarshalJSON() ([]byte, error) {
	type plain ChatAssigned
	return encodeEvent(plain(e), e.Raw)
}

func (e ChatFinished) MarshalJSON() ([]byte, error) {
	type plain ChatFinished
	return encodeEvent(plain(e), e.Raw)
}

func (e ChatUpdated) MarshalJSON() ([]byte, error) {
	type plain ChatUpdated
	return encodeEvent(plain(e), e.Raw)
}

func (e OfflineMessage) MarshalJSON() ([]byte, error) {
	type plain OfflineMessage
	return encodeEvent(plain(e), e.Raw)
}

func (e ClientUpdated) MarshalJSON() ([]byte, error) {
	type plain ClientUpdated
	return encodeEvent(plain(e), e.Raw)
}

func (e ClientAttributeUpdated) MarshalJSON() ([]byte, error) {
	type plain ClientAttributeUpdated
	return encodeEvent(plain(e), e.Raw)
}

func (e Unknown) MarshalJSON() ([]byte, error) {
	type plain Unknown
	return encodeEvent(plain(e), e.Raw)
}

// encodeEvent marshals v and turns back into numbers the strings that raw
// has as numbers at the same place.
func encodeEvent(v any, raw []byte) ([]byte, error) {
	out, err := json.Marshal(v)
	if err != nil || len(raw) == 0 {
		return out, err
	}
	nums := numbersIn(raw)
	if len(nums) == 0 {
		return out, nil
	}
	type edit struct {
		start, end int
		num        string
	}
	var edits []edit
	walk(out, func(p jsontext.Pointer, v jsontext.Value, end int64) {
		if v.Kind() != '"' {
			return
		}
		num, ok := nums[string(p)]
		if !ok {
			return
		}
		if s, err := scalarText(v); err == nil && s == num {
			edits = append(edits, edit{int(end) - len(v), int(end), num})
		}
	})
	if len(edits) == 0 {
		return out, nil
	}
	sort.Slice(edits, func(i, j int) bool { return edits[i].start < edits[j].start })
	var b bytes.Buffer
	b.Grow(len(out))
	at := 0
	for _, e := range edits {
		b.Write(out[at:e.start])
		b.WriteString(e.num)
		at = e.end
	}
	b.Write(out[at:])
	return b.Bytes(), nil
}

// numbersIn returns the JSON pointers of the numbers in body, with their
// text.
func numbersIn(body []byte) map[string]string {
	var nums map[string]string
	walk(body, func(p jsontext.Pointer, v jsontext.Value, _ int64) {
		if v.Kind() == '0' {
			if nums == nil {
				nums = make(map[string]string)
			}
			nums[string(p)] = string(v)
		}
	})
	return nums
}

// walk calls f with each scalar value of body (not object names), its
// JSON pointer and the offset just past it. It stops at the first error.
func walk(body []byte, f func(p jsontext.Pointer, v jsontext.Value, end int64)) {
	dec := jsontext.NewDecoder(bytes.NewReader(body), decodeOptions)
	for {
		switch dec.PeekKind() {
		case 0:
			return
		case '{', '}', '[', ']':
			if _, err := dec.ReadToken(); err != nil {
				return
			}
			continue
		}
		v, err := dec.ReadValue()
		if err != nil {
			return
		}
		if k, n := dec.StackIndex(dec.StackDepth()); k == '{' && n%2 == 1 {
			continue // an object name
		}
		f(dec.StackPointer(), v, dec.InputOffset())
	}
}
