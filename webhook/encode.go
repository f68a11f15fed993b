package webhook

import (
	"reflect"
	"strconv"

	"github.com/jivokit/jivokit/webhook/internal/jsonstr"
)

// An event encodes as the vendor sent it: a value the event still holds
// as it was decoded is written as it arrived, read from the event's Raw at
// the same place. So an id that came as a JSON number (chat_id 3537) goes
// out as a number and one that came as a string (widget_id "3677") as a
// string, although an ID holds only the text; "blacklisted": false and
// "chats_count": 0 stay (a zero value that arrived is kept, one the
// program cleared is left out), and fields this package has no type for
// stay, in their place. A decoded event encodes as its Raw, compacted.
// A value the program changed is written from the Go value; an event
// without Raw (one a program builds) writes its ids as strings and leaves
// out empty fields.

func (e CallEvent) MarshalJSON() ([]byte, error)              { return encodeEvent(&e, e.Raw) }
func (e ChatAccepted) MarshalJSON() ([]byte, error)           { return encodeEvent(&e, e.Raw) }
func (e ChatAssigned) MarshalJSON() ([]byte, error)           { return encodeEvent(&e, e.Raw) }
func (e ChatFinished) MarshalJSON() ([]byte, error)           { return encodeEvent(&e, e.Raw) }
func (e ChatUpdated) MarshalJSON() ([]byte, error)            { return encodeEvent(&e, e.Raw) }
func (e OfflineMessage) MarshalJSON() ([]byte, error)         { return encodeEvent(&e, e.Raw) }
func (e ClientUpdated) MarshalJSON() ([]byte, error)          { return encodeEvent(&e, e.Raw) }
func (e ClientAttributeUpdated) MarshalJSON() ([]byte, error) { return encodeEvent(&e, e.Raw) }
func (e Unknown) MarshalJSON() ([]byte, error)                { return encodeEvent(&e, e.Raw) }
func (e CRMPipelineEvent) MarshalJSON() ([]byte, error)       { return encodeEvent(&e, e.Raw) }
func (e CRMStatusEvent) MarshalJSON() ([]byte, error)         { return encodeEvent(&e, e.Raw) }
func (e CRMClientTagEvent) MarshalJSON() ([]byte, error)      { return encodeEvent(&e, e.Raw) }
func (e CRMDealEvent) MarshalJSON() ([]byte, error)           { return encodeEvent(&e, e.Raw) }
func (e CRMTaskEvent) MarshalJSON() ([]byte, error)           { return encodeEvent(&e, e.Raw) }
func (e CRMOrganizationEvent) MarshalJSON() ([]byte, error)   { return encodeEvent(&e, e.Raw) }
func (e CRMClientEvent) MarshalJSON() ([]byte, error)         { return encodeEvent(&e, e.Raw) }

// encodeEvent writes the event ev points to, merged with raw (see above).
func encodeEvent(ev any, raw []byte) ([]byte, error) {
	v := reflect.ValueOf(ev).Elem()
	if len(raw) > 0 && !validObject(raw) {
		raw = nil // a Raw a program set that is not an object: not used
	}
	var r []byte
	if len(raw) > 0 {
		r = raw
	}
	return appendValue(nil, infoOf(v.Type()), v, r), nil
}

// validObject reports whether b is one JSON object.
func validObject(b []byte) bool {
	s := scanner{data: b}
	s.ws()
	if s.peek() != '{' {
		return false
	}
	s.value()
	s.ws()
	return s.err == nil && s.pos == len(b)
}

// appendValue appends v, of type ti, to dst; raw is the value sent at the
// same place, or nil.
func appendValue(dst []byte, ti *typeInfo, v reflect.Value, raw []byte) []byte {
	switch ti.kind {
	case kString:
		s := v.String()
		if raw != nil && raw[0] != '{' && raw[0] != '[' && raw[0] != 't' && raw[0] != 'f' && asString(raw) == s {
			return append(dst, raw...)
		}
		return jsonstr.Append(dst, s)
	case kID:
		s := v.String()
		if raw != nil && (raw[0] == '"' || raw[0] == '-' || raw[0] >= '0' && raw[0] <= '9') {
			if t, err := scalarText(raw); err == nil && t == s {
				return append(dst, raw...)
			}
		}
		return jsonstr.Append(dst, s)
	case kInt:
		n := v.Int()
		if raw != nil {
			if m, reason := readInt(raw); reason == "" && m == n && raw[0] != 'n' {
				return append(dst, raw...)
			}
		}
		return strconv.AppendInt(dst, n, 10)
	case kBool:
		b := v.Bool()
		if raw != nil {
			if c, ok := readBool(raw); ok && c == b && raw[0] != 'n' {
				return append(dst, raw...)
			}
		}
		return strconv.AppendBool(dst, b)
	case kRaw:
		if v.Len() == 0 {
			return append(dst, "null"...)
		}
		return append(dst, v.Bytes()...)
	case kPtr:
		if v.IsNil() {
			return append(dst, "null"...)
		}
		return appendObject(dst, ti.elem, v.Elem(), objectOnly(raw))
	case kSlice:
		if v.IsNil() {
			return append(dst, "null"...)
		}
		var elems [][]byte
		if raw != nil && raw[0] == '[' {
			elems = members(raw, nil)
		}
		dst = append(dst, '[')
		for i := range v.Len() {
			if i > 0 {
				dst = append(dst, ',')
			}
			var r []byte
			if i < len(elems) {
				r = elems[i]
			}
			dst = appendValue(dst, ti.elem, v.Index(i), r)
		}
		return append(dst, ']')
	case kTag:
		if raw != nil && raw[0] == '"' && v.FieldByName("ID").String() == "" && asString(raw) == v.FieldByName("Title").String() {
			return append(dst, raw...)
		}
	}
	return appendObject(dst, ti, v, objectOnly(raw))
}

// asString reads raw as a string field reads it.
func asString(raw []byte) string {
	switch raw[0] {
	case '"':
		return stringText(raw)
	case 'n':
		return ""
	}
	return string(raw)
}

func objectOnly(raw []byte) []byte {
	if raw != nil && raw[0] == '{' {
		return raw
	}
	return nil
}

// appendObject appends the struct v as an object: the members of raw in
// their order (a name given twice once, with its last value), each typed
// one from v, then v's other fields.
func appendObject(dst []byte, ti *typeInfo, v reflect.Value, raw []byte) []byte {
	dst = append(dst, '{')
	n := 0
	var written map[*fieldInfo]bool
	if raw != nil {
		var keys [][]byte
		vals := members(raw, &keys)
		last := map[string]int{}
		for i, k := range keys {
			last[keyText(k)] = i
		}
		written = make(map[*fieldInfo]bool, len(ti.fields))
		done := map[string]bool{}
		for _, k := range keys {
			name := keyText(k)
			if done[name] {
				continue
			}
			done[name] = true
			val := vals[last[name]]
			f := ti.byName[name]
			var out []byte
			if f == nil {
				out = val // a field this package has no type for
			} else {
				written[f] = true
				fv := fieldByIndex(v, f.index)
				merged := (f.info.kind == kStruct || f.info.kind == kEntity) && val[0] == '{'
				if f.omit && !merged && isEmpty(f.info, fv) && !readsAsEmpty(f.info, val) {
					continue // cleared by the program
				}
				out = appendValue(nil, f.info, fv, val)
			}
			if n > 0 {
				dst = append(dst, ',')
			}
			n++
			dst = append(dst, k...)
			dst = append(dst, ':')
			dst = append(dst, out...)
		}
	}
	for _, f := range ti.fields {
		if written[f] {
			continue
		}
		fv := fieldByIndex(v, f.index)
		if f.omit && isEmpty(f.info, fv) {
			continue
		}
		if n > 0 {
			dst = append(dst, ',')
		}
		n++
		dst = jsonstr.Append(dst, f.name)
		dst = append(dst, ':')
		dst = appendValue(dst, f.info, fv, nil)
	}
	return append(dst, '}')
}

// members returns the values of the object or array raw, and with keys
// the object's names as sent (quoted).
func members(raw []byte, keys *[][]byte) [][]byte {
	d := decoder{data: raw, pos: 1}
	var vals [][]byte
	for {
		d.ws()
		switch d.data[d.pos] {
		case '}', ']':
			return vals
		case ',':
			d.pos++
			d.ws()
		}
		if keys != nil {
			*keys = append(*keys, d.skip())
			d.ws()
			d.pos++ // :
		}
		vals = append(vals, d.skip())
	}
}

// isEmpty reports whether v is what omitempty and omitzero leave out.
func isEmpty(ti *typeInfo, v reflect.Value) bool {
	if ti.kind == kSlice || ti.kind == kRaw {
		return v.Len() == 0
	}
	return v.IsZero()
}

// readsAsEmpty reports whether raw decodes to an empty value of ti: a
// false, 0, "", null, {} or [] that arrived, which encoding keeps.
func readsAsEmpty(ti *typeInfo, raw []byte) bool {
	v := reflect.New(ti.typ).Elem()
	d := decoder{data: raw}
	d.value(ti, v)
	return isEmpty(ti, v)
}
