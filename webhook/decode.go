package webhook

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"

	jsonv2 "github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"

	"github.com/jivokit/jivokit/jsapi"
)

// wire has the fields of every event, so that a body is parsed once whatever
// its event_name.
type wire struct {
	Base
	Agent            Agent           `json:"agent"`
	Agents           []Agent         `json:"agents"`
	Department       *Department     `json:"department"`
	Call             Call            `json:"call"`
	Chat             Chat            `json:"chat"`
	AssignTo         string          `json:"assign_to"`
	OfflineMessageID ID              `json:"offline_message_id"`
	Message          string          `json:"message"`
	Attributes       json.RawMessage `json:"attributes"`
}

// Decode parses a webhook body into its typed event: *CallEvent,
// *ChatAccepted, ... or *Unknown for an event_name this package does not
// know. The event's Raw is body itself (not a copy).
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
//   - a string field given a number keeps the number's text.
//
// A field that still cannot be read (a visitor that is an array, a count
// that is "many") is left zero and listed in the event's Problems; the
// event is returned all the same. Decode fails only with ErrMalformed for
// a body that is not JSON or not a JSON object (or whose event_name is not
// a string), and with ErrNoEventName.
func Decode(body []byte) (Event, error) {
	d := decoderPool.Get().(*decoder)
	defer func() {
		d.w = wire{}
		d.problems = nil
		decoderPool.Put(d)
	}()
	if err := jsonv2.Unmarshal(body, &d.w, d.opts); err != nil {
		return nil, decodeError(err)
	}
	if d.w.EventName == "" {
		return nil, ErrNoEventName
	}
	d.w.Raw = body
	ev := d.w.event()
	ev.Header().Problems = ownProblems(ev.Name(), d.problems)
	return ev, nil
}

// ownProblems keeps the problems in fields the event has: a clash in a
// field of another event's shape is no problem of this one.
func ownProblems(name Name, ps []*Problem) []*Problem {
	var out []*Problem
	for _, p := range ps {
		top, _, _ := strings.Cut(p.Field, ".")
		if hasField(name, top) {
			out = append(out, p)
		}
	}
	return out
}

// hasField reports whether events of name have the top-level field.
func hasField(name Name, field string) bool {
	switch field {
	case "agent", "department":
		return name == NameCallEvent || name == NameChatAccepted || name == NameChatAssigned || name == NameChatUpdated ||
			field == "department" && name == NameChatFinished
	case "agents", "chat":
		return name == NameChatFinished
	case "call":
		return name == NameCallEvent
	case "assign_to":
		return name == NameChatAssigned
	case "offline_message_id", "message":
		return name == NameOfflineMessage
	case "attributes":
		return name == NameClientAttributeUpdated
	}
	return true // a field of Base
}

// decoder is the state of one Decode: the wire value the body is read into,
// and the problems found. Its options hold functions bound to it, so a
// pooled decoder costs no allocation per call for them.
type decoder struct {
	w        wire
	problems []*Problem
	opts     jsonv2.Options
}

var decoderPool = sync.Pool{New: func() any { return newDecoder() }}

// decodeOptions accept what the vendor may send and encoding/json accepts:
// duplicate names (the last wins) and invalid UTF-8 (kept as is).
var decodeOptions = jsonv2.JoinOptions(jsontext.AllowDuplicateNames(true), jsontext.AllowInvalidUTF8(true))

func newDecoder() *decoder {
	d := &decoder{}
	d.opts = jsonv2.JoinOptions(decodeOptions, jsonv2.WithUnmarshalers(jsonv2.JoinUnmarshalers(
		jsonv2.UnmarshalFromFunc(d.str),
		jsonv2.UnmarshalFromFunc(func(dec *jsontext.Decoder, p *CallType) error { return d.str(dec, (*string)(p)) }),
		jsonv2.UnmarshalFromFunc(func(dec *jsontext.Decoder, p *CallStatus) error { return d.str(dec, (*string)(p)) }),
		jsonv2.UnmarshalFromFunc(d.id),
		jsonv2.UnmarshalFromFunc(func(dec *jsontext.Decoder, p *Text) error { return d.id(dec, (*ID)(p)) }),
		jsonv2.UnmarshalFromFunc(func(dec *jsontext.Decoder, p *int) error {
			var n int64
			err := d.int64(dec, &n)
			*p = int(n)
			return err
		}),
		jsonv2.UnmarshalFromFunc(d.int64),
		jsonv2.UnmarshalFromFunc(d.bool),
		jsonv2.UnmarshalFromFunc(d.tag),
		kinds[*Visitor](d, "an object", '{'),
		kinds[*Agent](d, "an object", '{'),
		kinds[*Department](d, "an object", '{'),
		kinds[*Session](d, "an object", '{'),
		kinds[*GeoIP](d, "an object", '{'),
		kinds[*Page](d, "an object", '{'),
		kinds[*Call](d, "an object", '{'),
		kinds[*Chat](d, "an object", '{'),
		kinds[*Message](d, "an object", '{'),
		kinds[*Topic](d, "an object", '{'),
		kinds[*Organization](d, "an object", '{'),
		kinds[*Status](d, "an object", '{'),
		kinds[*jsapi.UTM](d, "an object", '{'),
		kinds[*[]Agent](d, "an array", '['),
		kinds[*[]Message](d, "an array", '['),
		kinds[*[]Tag](d, "an array", '['),
	)))
	return d
}

// kinds returns an unmarshaler that lets T decode as usual when the value
// is null or of kind k, and otherwise leaves it zero and reports it.
func kinds[T any](d *decoder, want string, k jsontext.Kind) *jsonv2.Unmarshalers {
	return jsonv2.UnmarshalFromFunc(func(dec *jsontext.Decoder, _ T) error {
		if got := dec.PeekKind(); got == k || got == 'n' {
			return jsonv2.SkipFunc
		}
		return d.skip(dec, "is not "+want)
	})
}

// skip reads the value the decoder is at, leaves the field zero and
// reports why.
func (d *decoder) skip(dec *jsontext.Decoder, reason string) error {
	v, err := dec.ReadValue()
	if err != nil {
		return err
	}
	d.report(dec, v, reason)
	return nil
}

// report records a problem with the value just read.
func (d *decoder) report(dec *jsontext.Decoder, v jsontext.Value, reason string) {
	if len(d.problems) >= maxProblems {
		return
	}
	val := string(v)
	if len(val) > 64 {
		val = strings.ToValidUTF8(val[:60], "") + "…"
	}
	d.problems = append(d.problems, &Problem{Field: fieldName(dec.StackPointer()), Value: val, Reason: reason})
}

// maxProblems bounds the problems kept for one event.
const maxProblems = 32

// fieldName turns a JSON pointer into a dotted path: /chat/messages/0/timestamp
// is chat.messages.0.timestamp.
func fieldName(p jsontext.Pointer) string {
	var b strings.Builder
	for tok := range p.Tokens() {
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(tok)
	}
	return b.String()
}

// eventNameError is an event_name that is not a string.
type eventNameError struct{ kind jsontext.Kind }

func (e *eventNameError) Error() string {
	return "event_name is a JSON " + kindName(e.kind) + ", not a string"
}

// str reads a string; a number is kept as its text.
func (d *decoder) str(dec *jsontext.Decoder, p *string) error {
	k := dec.PeekKind()
	switch k {
	case '"', 'n':
		return jsonv2.SkipFunc
	case '0':
		v, err := dec.ReadValue()
		if err != nil {
			return err
		}
		if string(dec.StackPointer()) == "/event_name" {
			return &eventNameError{k}
		}
		*p = string(v)
		return nil
	}
	v, err := dec.ReadValue()
	if err != nil {
		return err
	}
	if string(dec.StackPointer()) == "/event_name" {
		return &eventNameError{k}
	}
	d.report(dec, v, "is not a string")
	return nil
}

// id reads a string or a number as its text; null is "".
func (d *decoder) id(dec *jsontext.Decoder, p *ID) error {
	k := dec.PeekKind()
	v, err := dec.ReadValue()
	if err != nil {
		return err
	}
	switch k {
	case '"', '0', 'n':
		s, err := scalarText(v)
		*p = ID(s)
		return err
	}
	d.report(dec, v, "is not a string or a number")
	return nil
}

// int64 reads a number, a numeric string, or a whole float; a fraction is
// truncated and reported.
func (d *decoder) int64(dec *jsontext.Decoder, p *int64) error {
	k := dec.PeekKind()
	v, err := dec.ReadValue()
	if err != nil {
		return err
	}
	var text string
	switch k {
	case 'n':
		*p = 0
		return nil
	case '0':
		text = string(v)
	case '"':
		s, err := scalarText(v)
		if err != nil {
			return err
		}
		if text = strings.TrimSpace(s); text == "" {
			*p = 0
			return nil
		}
	default:
		d.report(dec, v, "is not a number")
		return nil
	}
	n, reason := parseInt(text)
	*p = n
	if reason != "" {
		d.report(dec, v, reason)
	}
	return nil
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

// bool reads true/false, "true"/"false" (any case), 0/1 and "0"/"1".
func (d *decoder) bool(dec *jsontext.Decoder, p *bool) error {
	k := dec.PeekKind()
	switch k {
	case 't', 'f', 'n':
		return jsonv2.SkipFunc
	}
	v, err := dec.ReadValue()
	if err != nil {
		return err
	}
	text := string(v)
	if k == '"' {
		s, err := scalarText(v)
		if err != nil {
			return err
		}
		text = strings.ToLower(strings.TrimSpace(s))
	} else if k != '0' {
		d.report(dec, v, "is not a boolean")
		return nil
	}
	switch text {
	case "true", "1":
		*p = true
	case "false", "0", "":
		*p = false
	default:
		*p = false
		d.report(dec, v, "is not a boolean")
	}
	return nil
}

// plainTag is Tag without its UnmarshalJSON.
type plainTag Tag

// tag reads an object or a bare string (the title).
func (d *decoder) tag(dec *jsontext.Decoder, t *Tag) error {
	switch dec.PeekKind() {
	case '"':
		*t = Tag{}
		return d.str(dec, &t.Title)
	case '{':
		return jsonv2.UnmarshalDecode(dec, (*plainTag)(t), d.opts)
	case 'n':
		*t = Tag{}
		_, err := dec.ReadValue()
		return err
	}
	return d.skip(dec, "is not an object or a string")
}

// decodeError explains why a body is refused.
func decodeError(err error) error {
	var ene *eventNameError
	if errors.As(err, &ene) {
		return fmt.Errorf("%w: %w", ErrMalformed, ene)
	}
	var syn *jsontext.SyntacticError
	if errors.As(err, &syn) {
		return fmt.Errorf("%w: invalid JSON at byte %d: %w", ErrMalformed, syn.ByteOffset, syn.Err)
	}
	var se *jsonv2.SemanticError
	if errors.As(err, &se) && se.JSONPointer == "" && se.JSONKind != 0 {
		return fmt.Errorf("%w: the body is a JSON %s, not an object", ErrMalformed, kindName(se.JSONKind))
	}
	return fmt.Errorf("%w: %w", ErrMalformed, err)
}

func kindName(k jsontext.Kind) string {
	switch k {
	case '{':
		return "object"
	case '[':
		return "array"
	case '"':
		return "string"
	case '0':
		return "number"
	case 't', 'f':
		return "boolean"
	case 'n':
		return "null"
	}
	return "value"
}

func known(n Name) bool {
	switch n {
	case NameCallEvent, NameChatAccepted, NameChatAssigned, NameChatFinished,
		NameChatUpdated, NameOfflineMessage, NameClientUpdated, NameClientAttributeUpdated:
		return true
	}
	return false
}

func (w *wire) event() Event {
	switch canonical(w.EventName) {
	case NameCallEvent:
		return &CallEvent{Base: w.Base, Agent: w.Agent, Department: w.Department, Call: w.Call}
	case NameChatAccepted:
		return &ChatAccepted{Base: w.Base, Agent: w.Agent, Department: w.Department}
	case NameChatAssigned:
		return &ChatAssigned{Base: w.Base, Agent: w.Agent, Department: w.Department, AssignTo: w.AssignTo}
	case NameChatFinished:
		return &ChatFinished{Base: w.Base, Agents: w.Agents, Department: w.Department, Chat: w.Chat}
	case NameChatUpdated:
		return &ChatUpdated{Base: w.Base, Agent: w.Agent, Department: w.Department}
	case NameOfflineMessage:
		return &OfflineMessage{Base: w.Base, OfflineMessageID: w.OfflineMessageID, Message: w.Message}
	case NameClientUpdated:
		return &ClientUpdated{Base: w.Base}
	case NameClientAttributeUpdated:
		return &ClientAttributeUpdated{Base: w.Base, Attributes: w.Attributes}
	}
	return &Unknown{Base: w.Base}
}
