//go:build !(js && wasm)

package jivo

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/jivokit/jivokit/jsapi"
)

// jsonKeys lists the json tag names of v's struct fields, in order.
func jsonKeys(v any) []string {
	var keys []string
	t := reflect.TypeOf(v)
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		keys = append(keys, name)
	}
	return keys
}

// quoted writes keys as the bridge's writer does: "name":.
func quoted(keys []string) []string {
	var out []string
	for _, k := range keys {
		out = append(out, `"`+k+`":`)
	}
	return out
}

// TestObjectKeys compares the bridge's key tables (generated from the
// source of package jsapi for arguments, hand-written for answers) with the
// json tags of package jsapi's types, read by reflect, and the spec's
// answer shapes.
func TestObjectKeys(t *testing.T) {
	answer := func(shape string) []string {
		for _, s := range jsapi.Shapes() {
			if s.Name == shape {
				var keys []string
				for _, f := range s.Fields {
					keys = append(keys, f.Name)
				}
				return keys
			}
		}
		t.Fatalf("no shape %s in the spec", shape)
		return nil
	}
	tests := []struct {
		name      string
		got, want []string
	}{
		{"keysOpenOptions", keysOpenOptions, quoted(jsonKeys(jsapi.OpenOptions{}))},
		{"keysOfflineMessage[:4]", keysOfflineMessage[:4], quoted(jsonKeys(jsapi.ContactInfo{}))},
		{"keysOfflineMessage", keysOfflineMessage, quoted(jsonKeys(jsapi.OfflineMessage{}))},
		{"keysCustomField", keysCustomField, quoted(jsonKeys(jsapi.CustomField{}))},
		{"utmKeys", utmKeys, jsonKeys(jsapi.UTM{})},
		{"utmKeys, spec", utmKeys, answer("UTM")},
		// getContactInfo's answer, then the name some widgets use instead.
		{"contactInfoKeys", contactInfoKeys, append(answer("ContactInfoAnswer"), "name")},
	}
	for _, tt := range tests {
		if !slices.Equal(tt.got, tt.want) {
			t.Errorf("%s = %q, want %q", tt.name, tt.got, tt.want)
		}
	}
}
