package webhook

import (
	"encoding/json"
	"os"
	"testing"

	jsonv2 "github.com/go-json-experiment/json"
)

// The decoder's choice of JSON package, measured: encoding/json against
// go-json-experiment/json (what Decode uses), into the same struct.
func benchmarkUnmarshal(b *testing.B, unmarshal func([]byte, *wire) error) {
	body, err := os.ReadFile("samples/chat_accepted.json")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		var w wire
		if err := unmarshal(body, &w); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkUnmarshalEncodingJSON(b *testing.B) {
	benchmarkUnmarshal(b, func(body []byte, w *wire) error { return json.Unmarshal(body, w) })
}

func BenchmarkUnmarshalJSONv2(b *testing.B) {
	benchmarkUnmarshal(b, func(body []byte, w *wire) error { return jsonv2.Unmarshal(body, w, decodeOptions) })
}
