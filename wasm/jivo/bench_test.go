//go:build js && wasm

package jivo_test

import (
	"context"
	"strconv"
	"syscall/js"
	"testing"

	"github.com/jivokit/jivokit/jsapi"
	"github.com/jivokit/jivokit/wasm/internal/fakewidget"
	"github.com/jivokit/jivokit/wasm/jivo"
)

// The benchmarks compare a typed call through the bridge (with input
// checks, the page runtime and answer decoding) with the cheapest raw
// syscall/js call that hands the loaded widget the same arguments.
// `go run ./internal/measure/wasmsize` prints them as a table with ratios.

const benchPhone = "+14084987855"

var benchFields = []jsapi.CustomField{
	{Title: "Plan", Content: "Pro"},
	{Title: "Order", Content: "#1024", Link: "https://example.com/orders/1024"},
	{Title: "Cart", Content: "3 items"},
}

func quietWidget(b *testing.B) {
	fakewidget.Record(false)
	b.Cleanup(func() { fakewidget.Record(true) })
	if !fakewidget.Loaded() {
		b.Fatal("the widget is not loaded")
	}
}

func BenchmarkStartCall(b *testing.B) {
	quietWidget(b)
	ctx := context.Background()
	b.Run("bridge", func(b *testing.B) {
		for b.Loop() {
			if err := jivo.StartCall(ctx, benchPhone); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("raw", func(b *testing.B) {
		for b.Loop() {
			js.Global().Get("jivo_api").Call("startCall", benchPhone)
		}
	})
	b.Run("raw-cached", func(b *testing.B) {
		api := js.Global().Get("jivo_api")
		for b.Loop() {
			api.Call("startCall", benchPhone)
		}
	})
}

func BenchmarkSetCustomData(b *testing.B) {
	quietWidget(b)
	ctx := context.Background()
	b.Run("bridge", func(b *testing.B) {
		for b.Loop() {
			if err := jivo.SetCustomData(ctx, benchFields); err != nil {
				b.Fatal(err)
			}
		}
	})
	// The usual raw form: js.ValueOf of maps.
	b.Run("raw", func(b *testing.B) {
		for b.Loop() {
			fields := make([]any, len(benchFields))
			for i, f := range benchFields {
				m := map[string]any{}
				if f.Content != "" {
					m["content"] = f.Content
				}
				if f.Title != "" {
					m["title"] = f.Title
				}
				if f.Link != "" {
					m["link"] = f.Link
				}
				fields[i] = m
			}
			js.Global().Get("jivo_api").Call("setCustomData", js.ValueOf(fields))
		}
	})
	// The cheapest raw form by hand: cached jivo_api and constructors, one
	// Set per field.
	b.Run("raw-set", func(b *testing.B) {
		api, object, array := js.Global().Get("jivo_api"), js.Global().Get("Object"), js.Global().Get("Array")
		for b.Loop() {
			arr := array.New(len(benchFields))
			for i, f := range benchFields {
				o := object.New()
				if f.Content != "" {
					o.Set("content", f.Content)
				}
				if f.Title != "" {
					o.Set("title", f.Title)
				}
				if f.Link != "" {
					o.Set("link", f.Link)
				}
				arr.SetIndex(i, o)
			}
			api.Call("setCustomData", arr)
		}
	})
	// The bridge's own trick by hand: cached jivo_api and JSON.parse, the
	// text written with strconv.AppendQuote (valid JSON for these fields),
	// one JSON.parse and one call.
	b.Run("raw-json", func(b *testing.B) {
		api, parse := js.Global().Get("jivo_api"), js.Global().Get("JSON").Get("parse")
		var buf []byte
		for b.Loop() {
			buf = append(buf[:0], '[')
			for i, f := range benchFields {
				if i > 0 {
					buf = append(buf, ',')
				}
				buf = append(buf, '{')
				n := len(buf)
				buf = appendField(buf, n, `"content":`, f.Content)
				buf = appendField(buf, n, `"title":`, f.Title)
				buf = appendField(buf, n, `"link":`, f.Link)
				buf = append(buf, '}')
			}
			buf = append(buf, ']')
			api.Call("setCustomData", parse.Invoke(string(buf)))
		}
	})
}

// appendField appends key and the quoted value v to an object begun at
// start, unless v is empty.
func appendField(buf []byte, start int, key, v string) []byte {
	if v == "" {
		return buf
	}
	if len(buf) > start {
		buf = append(buf, ',')
	}
	return strconv.AppendQuote(append(buf, key...), v)
}
