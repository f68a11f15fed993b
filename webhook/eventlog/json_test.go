package eventlog

import (
	"bytes"
	"encoding/json"
	"math"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzLogEvent holds the log's rewriting to encoding/json: a body it
// accepts is recorded, as valid UTF-8 that it reads back with the same
// values (strings made valid, numbers beyond float64 as strings); a body
// it refuses is refused.
func FuzzLogEvent(f *testing.F) {
	for _, s := range []string{
		`{"event_name":"x","a":[1,2.5,-0,1e400,"s\u00e9\n"],"b":{"c":null,"c":true}}`,
		`{"a":"\ud800","b":"\ud83d\ude00","\u0061":1,"a":2}`,
		"{\"a\":\"\xff\"}", `[]`, `{}`, ` 1 `, `"x"`, `[1,]`, `{"a"}`, `01`, `1.`, `-`, `"\x"`, `{"a":1}x`,
		`[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["]"]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		out, err := logEvent(raw, "name")
		if valid := json.Valid(raw); valid != (err == nil) {
			if err == nil && strings.Count(string(raw), "[")+strings.Count(string(raw), "{") > MaxDepth {
				return // the too-deep part is kept as text, valid or not
			}
			t.Fatalf("json.Valid %v, logEvent error %v, for %q", valid, err, raw)
		}
		if err != nil {
			return
		}
		if !utf8.Valid(out) || !json.Valid(out) {
			t.Fatalf("%q recorded as %q", raw, out)
		}
		if bytes.ContainsAny(out, "\n\r") {
			t.Fatalf("%q recorded on more than one line: %q", raw, out)
		}
		var want, got any
		if json.Unmarshal(raw, &want) != nil {
			return // deeper than encoding/json reads
		}
		if err := json.Unmarshal(out, &got); err != nil {
			t.Fatalf("%q recorded as %q: %v", raw, out, err)
		}
		if m, ok := want.(map[string]any); ok {
			if _, ok := m["event_name"]; ok {
				m["event_name"] = "name"
			}
		}
		if !sameLogged(want, got, 1) {
			t.Fatalf("%q recorded as %q", raw, out)
		}
	})
}

// sameLogged compares a value read from the body with the one read from
// the log at depth.
func sameLogged(want, got any, depth int) bool {
	switch w := want.(type) {
	case map[string]any:
		if depth > MaxDepth {
			_, ok := got.(string)
			return ok
		}
		g, ok := got.(map[string]any)
		if !ok || len(g) != len(w) {
			return false
		}
		for k, v := range w {
			if gv, ok := g[k]; !ok || !sameLogged(v, gv, depth+1) {
				return false
			}
		}
		return true
	case []any:
		if depth > MaxDepth {
			_, ok := got.(string)
			return ok
		}
		g, ok := got.([]any)
		if !ok || len(g) != len(w) {
			return false
		}
		for i := range w {
			if !sameLogged(w[i], g[i], depth+1) {
				return false
			}
		}
		return true
	case float64:
		if math.IsInf(w, 0) || math.MaxFloat64 == w {
			_, isString := got.(string)
			return isString || got == w
		}
	}
	return reflect.DeepEqual(want, got)
}
