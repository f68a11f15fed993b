package webhook

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// Decode parses a webhook body into its typed event: *CallEvent,
// *ChatAccepted, ..., a CRM event (*CRMDealEvent, ...), or *Unknown for an
// event_name this package does not know. The event's Raw is body itself
// (not a copy), and its json.RawMessage fields (Analytics, Attributes, a
// CRMObject's Raw, ...) point into body: do not change body while the
// event is in use.
//
// Decoding is tolerant where senders are inconsistent, and loses nothing
// it can read:
//   - ids may be strings or numbers (see ID), offline_messages reads as
//     offline_message, missing fields are zero, unknown fields are ignored
//     (they stay in Raw);
//   - numbers may be JSON numbers, numeric strings ("9", " 9 ") or whole
//     floats (9.0, 1e3); a number with a fraction is truncated
//     (1431955090.5 reads as 1431955090) and reported;
//   - booleans may be true/false, "true"/"false", 0/1 or "0"/"1";
//   - a string field given a number keeps the number's text;
//   - a name given twice in an object: the last one counts; invalid UTF-8
//     in a string reads as U+FFFD (an id keeps its bytes).
//
// A field that still cannot be read (a visitor that is an array, a count
// that is "many") is left zero and listed in the event's Problems; the
// event is returned all the same. Decode fails only with ErrMalformed for
// a body that is not JSON or not a JSON object (or whose event_name is not
// a string), and with ErrNoEventName.
func Decode(body []byte) (Event, error) {
	name, entity, err := scanEvent(body)
	if err != nil {
		return nil, err
	}
	ev := newEvent(name, entity)
	d := decoderPool.Get().(*decoder)
	d.data, d.pos = body, 0
	rv := reflect.ValueOf(ev).Elem()
	d.object(infoOf(rv.Type()), rv)
	problems := d.problems
	d.data, d.problems, d.path = nil, nil, d.path[:0]
	decoderPool.Put(d)

	b := ev.Header()
	b.EventName = name
	b.Raw = body
	b.Problems = problems
	if c, ok := ev.(crmEvent); ok {
		c.crm().Action = crmAction(name, c.crm().EventType)
	}
	return ev, nil
}

// newEvent returns the empty event of the type name (or, for a CRM event
// of an action this package does not know, entity) decodes to.
func newEvent(name string, entity string) Event {
	switch canonical(name) {
	case NameCallEvent:
		return &CallEvent{}
	case NameChatAccepted:
		return &ChatAccepted{}
	case NameChatAssigned:
		return &ChatAssigned{}
	case NameChatFinished:
		return &ChatFinished{}
	case NameChatUpdated:
		return &ChatUpdated{}
	case NameOfflineMessage:
		return &OfflineMessage{}
	case NameClientUpdated:
		return &ClientUpdated{}
	case NameClientAttributeUpdated:
		return &ClientAttributeUpdated{}
	}
	if e, ok := crmEntityOf[Name(name)]; ok {
		entity = string(e)
	}
	if ev := newCRMEvent(CRMEntity(entity)); ev != nil {
		return ev
	}
	return &Unknown{}
}

// maxDepth bounds the nesting Decode reads, as encoding/json's does.
const maxDepth = 10000

// syntaxError is a body that is not JSON.
type syntaxError struct {
	offset int
	msg    string
}

func (e *syntaxError) Error() string {
	return "invalid JSON at byte " + strconv.Itoa(e.offset) + ": " + e.msg
}

// scanEvent checks that body is one JSON object and returns its
// top-level event_name (the last one given) and event_type (when a
// string).
func scanEvent(body []byte) (name, entity string, err error) {
	s := scanner{data: body}
	s.ws()
	if s.pos >= len(body) {
		return "", "", fmt.Errorf("%w: %w", ErrMalformed, s.fail("unexpected EOF"))
	}
	top := body[s.pos]
	var hasName bool
	if top == '{' {
		s.pos++
		s.depth = 1
		s.ws()
		if s.peek() == '}' {
			s.pos++
		} else {
			for s.err == nil {
				s.ws()
				if s.peek() != '"' {
					s.invalid("looking for beginning of object key string")
					break
				}
				kStart := s.pos
				s.str()
				key := body[kStart:s.pos]
				s.ws()
				if s.peek() != ':' {
					s.invalid("after object key")
					break
				}
				s.pos++
				s.ws()
				vStart := s.pos
				s.value()
				if s.err != nil {
					break
				}
				switch {
				case string(key) == `"event_name"` || hasEscape(key) && keyText(key) == "event_name":
					v := body[vStart:s.pos]
					if v[0] == 'n' { // null: as if absent
						name = ""
						break
					}
					if v[0] != '"' {
						return "", "", fmt.Errorf("%w: event_name is a JSON %s, not a string", ErrMalformed, kindName(v[0]))
					}
					name, hasName = stringText(v), true
				case string(key) == `"event_type"` || hasEscape(key) && keyText(key) == "event_type":
					if v := body[vStart:s.pos]; v[0] == '"' {
						entity = stringText(v)
					}
				}
				s.ws()
				if c := s.peek(); c == ',' {
					s.pos++
					continue
				} else if c == '}' {
					s.pos++
					break
				}
				s.invalid("after object key:value pair")
			}
		}
	} else {
		s.value()
	}
	if s.err == nil {
		s.ws()
		if s.pos < len(body) {
			s.invalid("after top-level value")
		}
	}
	switch {
	case s.err != nil:
		return "", "", fmt.Errorf("%w: %w", ErrMalformed, s.err)
	case top == 'n':
		return "", "", ErrNoEventName
	case top != '{':
		return "", "", fmt.Errorf("%w: the body is a JSON %s, not an object", ErrMalformed, kindName(top))
	case !hasName || name == "":
		return "", "", ErrNoEventName
	}
	return name, entity, nil
}

// scanner checks JSON syntax strictly, as encoding/json does.
type scanner struct {
	data  []byte
	pos   int
	depth int
	err   error
}

func (s *scanner) peek() byte {
	if s.pos < len(s.data) {
		return s.data[s.pos]
	}
	return 0
}

func (s *scanner) ws() {
	for s.pos < len(s.data) {
		switch s.data[s.pos] {
		case ' ', '\t', '\n', '\r':
			s.pos++
		default:
			return
		}
	}
}

func (s *scanner) fail(msg string) error {
	if s.err == nil {
		s.err = &syntaxError{offset: s.pos, msg: msg}
	}
	return s.err
}

// invalid fails at the byte the scanner is at.
func (s *scanner) invalid(context string) {
	if s.pos >= len(s.data) {
		s.fail("unexpected EOF")
		return
	}
	s.fail("invalid character " + quoteChar(s.data[s.pos]) + " " + context)
}

func quoteChar(c byte) string {
	if c == '\'' {
		return `'\''`
	}
	if c == '"' {
		return `'"'`
	}
	s := strconv.Quote(string(rune(c)))
	if c >= utf8.RuneSelf {
		s = `"\x` + strconv.FormatUint(uint64(c), 16) + `"`
	}
	return "'" + s[1:len(s)-1] + "'"
}

// value checks one value.
func (s *scanner) value() {
	if s.err != nil {
		return
	}
	s.ws()
	switch c := s.peek(); {
	case c == '{':
		s.pos++
		if s.depth++; s.depth > maxDepth {
			s.fail("exceeded max depth")
			return
		}
		s.ws()
		if s.peek() == '}' {
			s.pos++
			s.depth--
			return
		}
		for s.err == nil {
			s.ws()
			if s.peek() != '"' {
				s.invalid("looking for beginning of object key string")
				return
			}
			s.str()
			s.ws()
			if s.peek() != ':' {
				s.invalid("after object key")
				return
			}
			s.pos++
			s.value()
			s.ws()
			switch s.peek() {
			case ',':
				s.pos++
			case '}':
				s.pos++
				s.depth--
				return
			default:
				s.invalid("after object key:value pair")
			}
		}
	case c == '[':
		s.pos++
		if s.depth++; s.depth > maxDepth {
			s.fail("exceeded max depth")
			return
		}
		s.ws()
		if s.peek() == ']' {
			s.pos++
			s.depth--
			return
		}
		for s.err == nil {
			s.value()
			s.ws()
			switch s.peek() {
			case ',':
				s.pos++
			case ']':
				s.pos++
				s.depth--
				return
			default:
				s.invalid("after array element")
			}
		}
	case c == '"':
		s.str()
	case c == '-' || c >= '0' && c <= '9':
		s.number()
	case c == 't':
		s.literal("true")
	case c == 'f':
		s.literal("false")
	case c == 'n':
		s.literal("null")
	default:
		s.invalid("looking for beginning of value")
	}
}

func (s *scanner) literal(lit string) {
	for i := 0; i < len(lit); i++ {
		if s.pos >= len(s.data) || s.data[s.pos] != lit[i] {
			s.invalid("in literal " + lit)
			return
		}
		s.pos++
	}
}

func (s *scanner) digits() int {
	n := 0
	for s.pos < len(s.data) && s.data[s.pos] >= '0' && s.data[s.pos] <= '9' {
		s.pos++
		n++
	}
	return n
}

func (s *scanner) number() {
	if s.peek() == '-' {
		s.pos++
	}
	switch c := s.peek(); {
	case c == '0':
		s.pos++
	case c >= '1' && c <= '9':
		s.digits()
	default:
		s.invalid("in numeric literal")
		return
	}
	if s.peek() == '.' {
		s.pos++
		if s.digits() == 0 {
			s.invalid("after decimal point in numeric literal")
			return
		}
	}
	if c := s.peek(); c == 'e' || c == 'E' {
		s.pos++
		if c := s.peek(); c == '+' || c == '-' {
			s.pos++
		}
		if s.digits() == 0 {
			s.invalid("in exponent of numeric literal")
		}
	}
}

// str checks a string; the scanner is at its opening quote.
func (s *scanner) str() {
	s.pos++
	for s.pos < len(s.data) {
		c := s.data[s.pos]
		switch {
		case c == '"':
			s.pos++
			return
		case c == '\\':
			s.pos++
			switch s.peek() {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				s.pos++
			case 'u':
				s.pos++
				for range 4 {
					if !isHex(s.peek()) {
						s.invalid("in \\u hexadecimal character escape")
						return
					}
					s.pos++
				}
			default:
				s.invalid("in string escape code")
				return
			}
		case c < 0x20:
			s.invalid("in string literal")
			return
		default:
			s.pos++
		}
	}
	s.fail("unexpected EOF")
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// stringEnd returns the offset just past the string that starts at
// data[i] (a checked string).
func stringEnd(data []byte, i int) int {
	for i++; i < len(data); i++ {
		switch data[i] {
		case '\\':
			i++
		case '"':
			return i + 1
		}
	}
	return len(data)
}

// stringText returns the text of a checked JSON string: its bytes when it
// has no escapes and is valid UTF-8, else as encoding/json reads it.
func stringText(v []byte) string {
	inner := v[1 : len(v)-1]
	if !hasEscape(inner) && utf8.Valid(inner) {
		return string(inner)
	}
	var s string
	json.Unmarshal(v, &s)
	return s
}

func hasEscape(b []byte) bool {
	for _, c := range b {
		if c == '\\' {
			return true
		}
	}
	return false
}

// keyText is the text of an object's name.
func keyText(v []byte) string { return stringText(v) }

func kindName(c byte) string {
	switch c {
	case '{':
		return "object"
	case '[':
		return "array"
	case '"':
		return "string"
	case 't', 'f':
		return "boolean"
	case 'n':
		return "null"
	}
	return "number"
}

// The decoding of a checked body into a Go value, by the value's type.

type kind uint8

const (
	kString kind = iota // a string type: CallType, ...
	kID                 // ID and Text: a string or a number, as its text
	kInt                // int, int64
	kBool
	kRaw    // json.RawMessage: the value as sent
	kStruct // an object
	kPtr    // a pointer to a struct
	kSlice  // an array
	kTag    // Tag: an object or a string
	kEntity // CRMObject: an object, also kept whole in its Raw
)

// typeInfo says how to read and write values of one Go type.
type typeInfo struct {
	kind   kind
	typ    reflect.Type
	fields []*fieldInfo          // kStruct, kTag, kEntity: in declaration order, embedded fields in place
	byName map[string]*fieldInfo // the same, by JSON name
	elem   *typeInfo             // kPtr, kSlice
}

// fieldInfo is one field of a struct.
type fieldInfo struct {
	name  string
	index []int
	info  *typeInfo
	omit  bool // omitempty or omitzero: not written when zero
}

var (
	typeInfos  sync.Map // reflect.Type -> *typeInfo
	idType     = reflect.TypeFor[ID]()
	textType   = reflect.TypeFor[Text]()
	rawType    = reflect.TypeFor[json.RawMessage]()
	tagType    = reflect.TypeFor[Tag]()
	entityType = reflect.TypeFor[CRMObject]()
)

// infoOf returns the typeInfo of t, made once.
func infoOf(t reflect.Type) *typeInfo {
	if ti, ok := typeInfos.Load(t); ok {
		return ti.(*typeInfo)
	}
	ti := &typeInfo{typ: t}
	switch {
	case t == idType || t == textType:
		ti.kind = kID
	case t == rawType:
		ti.kind = kRaw
	case t.Kind() == reflect.String:
		ti.kind = kString
	case t.Kind() == reflect.Int || t.Kind() == reflect.Int64:
		ti.kind = kInt
	case t.Kind() == reflect.Bool:
		ti.kind = kBool
	case t.Kind() == reflect.Pointer && t.Elem().Kind() == reflect.Struct:
		ti.kind = kPtr
		ti.elem = infoOf(t.Elem())
	case t.Kind() == reflect.Slice:
		ti.kind = kSlice
		ti.elem = infoOf(t.Elem())
	case t.Kind() == reflect.Struct:
		ti.kind = kStruct
		if t == tagType {
			ti.kind = kTag
		} else if t == entityType {
			ti.kind = kEntity
		}
		ti.byName = map[string]*fieldInfo{}
		addFields(ti, t, nil, map[string]int{}, 0)
	default:
		panic("webhook: no decoding for " + t.String())
	}
	actual, _ := typeInfos.LoadOrStore(t, ti)
	return actual.(*typeInfo)
}

// addFields adds the JSON fields of struct t (at index path at, nested
// depth deep) to ti, embedded structs' fields in place; of two fields with
// one name the shallower wins, as in encoding/json.
func addFields(ti *typeInfo, t reflect.Type, at []int, depthOf map[string]int, deep int) {
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		name, opts, _ := strings.Cut(tag, ",")
		if name == "-" || !f.IsExported() {
			continue
		}
		index := append(append([]int(nil), at...), i)
		if f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct {
			addFields(ti, f.Type, index, depthOf, deep+1)
			continue
		}
		if name == "" {
			name = f.Name
		}
		if d, ok := depthOf[name]; ok {
			if d <= deep {
				continue
			}
			// A shallower field shadows the deeper one found first.
			old := ti.byName[name]
			for j, g := range ti.fields {
				if g == old {
					ti.fields = append(ti.fields[:j], ti.fields[j+1:]...)
					break
				}
			}
		}
		depthOf[name] = deep
		fi := &fieldInfo{name: name, index: index, info: infoOf(f.Type),
			omit: strings.Contains(opts, "omitempty") || strings.Contains(opts, "omitzero")}
		ti.fields = append(ti.fields, fi)
		ti.byName[name] = fi
	}
}

// decoder reads a checked body into Go values.
type decoder struct {
	data     []byte
	pos      int
	path     []pathElem // where the decoder is, for problems
	problems []*Problem
}

// pathElem is an object member's name or an array index.
type pathElem struct {
	name  string
	index int
}

var decoderPool = sync.Pool{New: func() any { return &decoder{} }}

// maxProblems bounds the problems kept for one event.
const maxProblems = 32

func (d *decoder) ws() {
	for d.pos < len(d.data) {
		switch d.data[d.pos] {
		case ' ', '\t', '\n', '\r':
			d.pos++
		default:
			return
		}
	}
}

// next returns the first byte of the next value.
func (d *decoder) next() byte {
	d.ws()
	return d.data[d.pos]
}

// skip moves past the next value and returns it.
func (d *decoder) skip() []byte {
	d.ws()
	start := d.pos
	switch c := d.data[d.pos]; c {
	case '"':
		d.pos = stringEnd(d.data, d.pos)
	case '{', '[':
		depth := 0
		for i := d.pos; i < len(d.data); i++ {
			switch d.data[i] {
			case '"':
				i = stringEnd(d.data, i) - 1
			case '{', '[':
				depth++
			case '}', ']':
				if depth--; depth == 0 {
					d.pos = i + 1
					return d.data[start:d.pos]
				}
			}
		}
	default:
		for d.pos < len(d.data) {
			switch d.data[d.pos] {
			case ',', '}', ']', ' ', '\t', '\n', '\r':
				return d.data[start:d.pos]
			}
			d.pos++
		}
	}
	return d.data[start:d.pos]
}

// report records a problem with the value v, just read.
func (d *decoder) report(v []byte, reason string) {
	if len(d.problems) >= maxProblems {
		return
	}
	val := string(v)
	if len(val) > 64 {
		val = strings.ToValidUTF8(val[:60], "") + "…"
	}
	var b strings.Builder
	for i, p := range d.path {
		if i > 0 {
			b.WriteByte('.')
		}
		if p.index >= 0 {
			b.WriteString(strconv.Itoa(p.index))
		} else {
			b.WriteString(p.name)
		}
	}
	d.problems = append(d.problems, &Problem{Field: b.String(), Value: val, Reason: reason})
}

// value reads the next value into v, of type ti.
func (d *decoder) value(ti *typeInfo, v reflect.Value) {
	c := d.next()
	switch ti.kind {
	case kString:
		switch {
		case c == '"':
			v.SetString(stringText(d.skip()))
		case c == '-' || c >= '0' && c <= '9':
			v.SetString(string(d.skip()))
		case c == 'n':
			d.skip()
			v.SetString("")
		default:
			d.report(d.skip(), "is not a string")
		}
	case kID:
		raw := d.skip()
		switch {
		case c == '"' || c == 'n' || c == '-' || c >= '0' && c <= '9':
			s, _ := scalarText(raw)
			v.SetString(s)
		default:
			d.report(raw, "is not a string or a number")
		}
	case kInt:
		raw := d.skip()
		n, reason := readInt(raw)
		v.SetInt(n)
		if reason != "" {
			d.report(raw, reason)
		}
	case kBool:
		raw := d.skip()
		b, ok := readBool(raw)
		v.SetBool(b)
		if !ok {
			d.report(raw, "is not a boolean")
		}
	case kRaw:
		v.SetBytes(d.skip())
	case kStruct:
		switch c {
		case '{':
			d.object(ti, v)
		case 'n':
			d.skip()
			v.SetZero()
		default:
			d.report(d.skip(), "is not an object")
		}
	case kEntity:
		switch c {
		case '{':
			start := d.pos
			d.object(ti, v)
			v.FieldByName("Raw").SetBytes(d.data[start:d.pos])
		case 'n':
			d.skip()
			v.SetZero()
		default:
			d.report(d.skip(), "is not an object")
		}
	case kTag:
		switch c {
		case '{':
			v.SetZero()
			d.object(ti, v)
		case '"':
			v.SetZero()
			v.FieldByName("Title").SetString(stringText(d.skip()))
		case 'n':
			d.skip()
			v.SetZero()
		default:
			d.report(d.skip(), "is not an object or a string")
		}
	case kPtr:
		switch c {
		case '{':
			if v.IsNil() {
				v.Set(reflect.New(ti.elem.typ))
			}
			d.object(ti.elem, v.Elem())
		case 'n':
			d.skip()
			v.SetZero()
		default:
			d.report(d.skip(), "is not an object")
		}
	case kSlice:
		switch c {
		case '[':
			d.array(ti, v)
		case 'n':
			d.skip()
			v.SetZero()
		default:
			d.report(d.skip(), "is not an array")
		}
	}
}

// object reads the object the decoder is at into the struct v.
func (d *decoder) object(ti *typeInfo, v reflect.Value) {
	d.pos++ // {
	for {
		d.ws()
		if d.data[d.pos] == '}' {
			d.pos++
			return
		}
		if d.data[d.pos] == ',' {
			d.pos++
			d.ws()
		}
		key := d.skip()
		d.ws()
		d.pos++ // :
		var f *fieldInfo
		if inner := key[1 : len(key)-1]; !hasEscape(inner) {
			f = ti.byName[string(inner)] // no copy for a map index
		} else {
			f = ti.byName[keyText(key)]
		}
		if f == nil {
			d.skip()
			continue
		}
		d.path = append(d.path, pathElem{name: f.name, index: -1})
		d.value(f.info, fieldByIndex(v, f.index))
		d.path = d.path[:len(d.path)-1]
	}
}

// fieldByIndex is v.FieldByIndex for the embedded structs (not pointers)
// this package's types have.
func fieldByIndex(v reflect.Value, index []int) reflect.Value {
	for _, i := range index {
		v = v.Field(i)
	}
	return v
}

// array reads the array the decoder is at into the slice v, replacing
// what it held.
func (d *decoder) array(ti *typeInfo, v reflect.Value) {
	d.pos++ // [
	v.SetLen(0)
	n := 0
	for {
		d.ws()
		if d.data[d.pos] == ']' {
			d.pos++
			if v.IsNil() {
				v.Set(reflect.MakeSlice(ti.typ, 0, 0))
			}
			return
		}
		if d.data[d.pos] == ',' {
			d.pos++
			d.ws()
		}
		if n >= v.Cap() {
			v.Grow(max(4, n))
		}
		v.SetLen(n + 1)
		e := v.Index(n)
		e.SetZero()
		d.path = append(d.path, pathElem{index: n})
		d.value(ti.elem, e)
		d.path = d.path[:len(d.path)-1]
		n++
	}
}

// readInt reads a number, a numeric string, or a whole float; a fraction
// is truncated and reported. reason says why the value was not read whole.
func readInt(raw []byte) (n int64, reason string) {
	var text string
	switch c := raw[0]; {
	case c == 'n':
		return 0, ""
	case c == '-' || c >= '0' && c <= '9':
		text = string(raw)
	case c == '"':
		if text = strings.TrimSpace(stringText(raw)); text == "" {
			return 0, ""
		}
	default:
		return 0, "is not a number"
	}
	return parseInt(text)
}

// parseInt reads an integer from a number's text, and says why when it
// cannot be read whole: n is then the truncated value, or 0.
func parseInt(text string) (n int64, reason string) {
	if n, err := strconv.ParseInt(text, 10, 64); err == nil {
		return n, ""
	}
	f, err := strconv.ParseFloat(text, 64)
	switch {
	case err != nil && errors.Is(err, strconv.ErrRange) || f >= math.MaxInt64 || f <= math.MinInt64:
		return 0, "is out of range"
	case err != nil:
		return 0, "is not a number"
	case f != math.Trunc(f):
		n = int64(f)
		return n, "has a fraction; read as " + strconv.FormatInt(n, 10)
	}
	return int64(f), ""
}

// readBool reads true/false, "true"/"false" (any case), 0/1, "0"/"1" and
// null; ok is false for anything else (read as false).
func readBool(raw []byte) (b, ok bool) {
	text := string(raw)
	if raw[0] == '"' {
		if text = strings.ToLower(strings.TrimSpace(stringText(raw))); text == "null" {
			return false, false
		}
	}
	switch text {
	case "true", "1":
		return true, true
	case "false", "0", "", "null":
		return false, true
	}
	return false, false
}
