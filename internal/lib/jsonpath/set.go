// Package jsonpath edits a JSON document by dotted path, for the webhook
// test helpers and `jivokit webhook send -set`.
package jsonpath

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// Set returns payload with the value at a dotted path replaced, as in
// "visitor.name" or "agents.0.id"; missing objects on the way are created.
// value is marshaled, except a json.RawMessage, which is used as is.
// Keys of the result are sorted.
func Set(payload []byte, path string, value any) ([]byte, error) {
	var root any
	dec := json.NewDecoder(bytes.NewReader(payload))
	dec.UseNumber()
	if err := dec.Decode(&root); err != nil {
		return nil, fmt.Errorf("set %s: payload: %w", path, err)
	}
	raw, ok := value.(json.RawMessage)
	if !ok {
		var err error
		if raw, err = json.Marshal(value); err != nil {
			return nil, fmt.Errorf("set %s: %w", path, err)
		}
	}
	if !json.Valid(raw) {
		return nil, fmt.Errorf("set %s: value %q is not JSON", path, raw)
	}
	if path == "" {
		return nil, fmt.Errorf("set: empty path")
	}
	root, err := setPath(root, strings.Split(path, "."), json.RawMessage(raw), path)
	if err != nil {
		return nil, err
	}
	return json.Marshal(root)
}

func setPath(node any, keys []string, v json.RawMessage, path string) (any, error) {
	if len(keys) == 0 {
		return v, nil
	}
	key := keys[0]
	if key == "" {
		return nil, fmt.Errorf("set %s: empty path element", path)
	}
	switch n := node.(type) {
	case []any:
		i, err := strconv.Atoi(key)
		if err != nil || i < 0 || i >= len(n) {
			return nil, fmt.Errorf("set %s: %q is not an index of an array of %d", path, key, len(n))
		}
		child, err := setPath(n[i], keys[1:], v, path)
		n[i] = child
		return n, err
	case map[string]any:
		child, err := setPath(n[key], keys[1:], v, path)
		n[key] = child
		return n, err
	case nil:
		child, err := setPath(nil, keys[1:], v, path)
		return map[string]any{key: child}, err
	}
	return nil, fmt.Errorf("set %s: %q is inside a %T, not an object", path, key, node)
}
