package webhook_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/jivokit/jivokit/webhook"
)

// rawOnly are the fixtures' fields that no Go type holds on purpose, with
// everything inside them: they stay reachable in Raw (Base.Field). A field
// no documentation describes is put in a fixture to show that decoding
// tolerates it.
var rawOnly = map[string]string{
	"chat_finished_newer.json:new_field_from_the_future": "undocumented in every version",
	"chat_accepted_reply.json:*":                         "a reply, not an event (see TestHandlerWritesTheReferenceReply)",
}

// TestFixturesHaveNoUntypedFields checks that every field of every fixture
// has a place in the Go type of its event, or is deliberately left to Raw
// (rawOnly) or sits inside a field kept as json.RawMessage. A field in an
// example that the types lack would otherwise be lost without a trace, as
// TestDecodeFixtures compares only the fields the types have.
func TestFixturesHaveNoUntypedFields(t *testing.T) {
	files := fixtureFiles()
	if len(files) == 0 {
		t.Fatal("no fixtures")
	}
	used := map[string]bool{}
	for _, file := range files {
		name := filepath.Base(file)
		if _, ok := rawOnly[name+":*"]; ok {
			used[name+":*"] = true
			continue
		}
		body, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		ev, err := webhook.Decode(body)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, path := range untyped(t, body, reflect.TypeOf(ev)) {
			key := name + ":" + path
			if raw := rawOnlyEntry(key); raw != "" {
				used[raw] = true
				continue
			}
			t.Errorf("%s: field %s has no place in %T; add it to the type, or to rawOnly saying why it is left in Raw", name, path, ev)
		}
	}
	for key := range rawOnly {
		if !used[key] {
			t.Errorf("rawOnly lists %s, which no fixture has (or which a type now holds)", key)
		}
	}
}

// TestUntypedFindsFields checks the check: read as a chat_accepted, the
// chat_finished example has fields the type lacks.
func TestUntypedFindsFields(t *testing.T) {
	body, err := os.ReadFile("samples/chat_finished.json")
	if err != nil {
		t.Fatal(err)
	}
	got := untyped(t, body, reflect.TypeFor[*webhook.ChatAccepted]())
	want := []string{"agents", "agents[].email", "agents[].id", "agents[].name", "agents[].phone", "chat",
		"chat.messages", "chat.messages[].agent_id", "chat.messages[].blacklisted", "chat.messages[].timestamp", "chat.messages[].type"}
	if !slices.Equal(got, want) {
		t.Fatalf("untyped = %q\nwant %q", got, want)
	}
}

// untyped returns the key paths of body that type t has no field for.
func untyped(t *testing.T, body []byte, typ reflect.Type) []string {
	t.Helper()
	typed := map[string]bool{}
	typePaths(typ, "", typed)
	var doc any
	if err := json.Unmarshal(body, &doc); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, path := range keyPaths(doc, "") {
		if !covered(typed, path) {
			out = append(out, path)
		}
	}
	return out
}

// rawOnlyEntry returns the rawOnly entry that covers key ("file:path"), or "".
func rawOnlyEntry(key string) string {
	for entry := range rawOnly {
		if key == entry || strings.HasPrefix(key, entry+".") || strings.HasPrefix(key, entry+"[") {
			return entry
		}
	}
	return ""
}

// covered reports whether path is a field of typed or lies inside a field
// kept as raw JSON (marked path + ".*").
func covered(typed map[string]bool, path string) bool {
	if typed[path] {
		return true
	}
	for p := path; ; {
		i := strings.LastIndexAny(p, ".[")
		if i < 0 {
			return false
		}
		p = p[:i]
		if typed[p+".*"] {
			return true
		}
	}
}

var rawMessage = reflect.TypeFor[json.RawMessage]()

// typePaths adds to out the JSON key path of every field t can decode,
// as keyPaths spells them; a json.RawMessage field at p adds p and p.*.
func typePaths(t reflect.Type, prefix string, out map[string]bool) {
	if t == rawMessage || t == reflect.TypeFor[webhook.CRMObject]() { // a CRMObject keeps its whole object in Raw
		out[prefix] = true
		out[prefix+".*"] = true
		return
	}
	switch t.Kind() {
	case reflect.Pointer:
		typePaths(t.Elem(), prefix, out)
	case reflect.Slice, reflect.Array:
		typePaths(t.Elem(), prefix+"[]", out)
	case reflect.Map:
		out[prefix] = true
		out[prefix+".*"] = true
	case reflect.Struct:
		for f := range t.Fields() {
			tag, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			switch {
			case tag == "-" || !f.IsExported():
			case f.Anonymous && tag == "":
				typePaths(f.Type, prefix, out)
			default:
				if tag == "" {
					tag = f.Name
				}
				p := tag
				if prefix != "" {
					p = prefix + "." + tag
				}
				out[p] = true
				typePaths(f.Type, p, out)
			}
		}
	default:
		out[prefix] = true
	}
}

// keyPaths lists the key path of every object member in v: "visitor.name",
// "chat.messages[].type".
func keyPaths(v any, prefix string) []string {
	var out []string
	switch v := v.(type) {
	case map[string]any:
		for k, child := range v {
			p := k
			if prefix != "" {
				p = prefix + "." + k
			}
			out = append(out, p)
			out = append(out, keyPaths(child, p)...)
		}
	case []any:
		for _, child := range v {
			out = append(out, keyPaths(child, prefix+"[]")...)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}
