package webhook

import (
	"encoding/json"
	"os"
	"testing"
)

// The decoder measured against encoding/json reading the same sample into
// the same struct (without the tolerance: encoding/json fails on a number
// given as a string, and reports nothing of what it skips).
func benchmarkUnmarshal(b *testing.B, unmarshal func([]byte) error) {
	body, err := os.ReadFile("samples/chat_accepted.json")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if err := unmarshal(body); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkUnmarshalEncodingJSON(b *testing.B) {
	type plain ChatAccepted
	benchmarkUnmarshal(b, func(body []byte) error { var e plain; return json.Unmarshal(body, &e) })
}

func BenchmarkUnmarshalDecode(b *testing.B) {
	benchmarkUnmarshal(b, func(body []byte) error { _, err := Decode(body); return err })
}
