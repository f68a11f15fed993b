package webhooktest

import "github.com/jivokit/jivokit/internal/lib/jsonpath"

// Set returns payload with the value at a dotted path replaced, as in
// "visitor.name" or "agents.0.id"; missing objects on the way are created.
// value is marshaled, except a json.RawMessage, which is used as is.
// Keys of the result are sorted.
func Set(payload []byte, path string, value any) ([]byte, error) {
	return jsonpath.Set(payload, path, value)
}
