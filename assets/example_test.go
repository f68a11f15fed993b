package assets_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing/fstest"

	"github.com/jivokit/jivokit/assets"
)

func ExampleHandler() {
	dist := fstest.MapFS{ // usually os.DirFS of the `jivokit build -o` directory
		"app.0123456789ab.wasm":    {Data: []byte("\x00asm...")},
		"app.0123456789ab.wasm.br": {Data: []byte("(brotli)")},
	}
	srv := httptest.NewServer(http.StripPrefix("/app/", assets.Handler(dist)))
	defer srv.Close()

	req, _ := http.NewRequest("GET", srv.URL+"/app/app.0123456789ab.wasm", nil)
	req.Header.Set("Accept-Encoding", "gzip, br")
	res, err := http.DefaultTransport.RoundTrip(req) // no transparent decompression
	if err != nil {
		panic(err)
	}
	res.Body.Close()
	fmt.Println(res.Header.Get("Content-Type"))
	fmt.Println(res.Header.Get("Content-Encoding"))
	fmt.Println(res.Header.Get("Cache-Control"))
	// Output:
	// application/wasm
	// br
	// public, max-age=31536000, immutable
}

func ExampleReadManifest() {
	dist := fstest.MapFS{
		"manifest.json": {Data: []byte(`{"package":"./cmd/app","wasm":"app.0123456789ab.wasm","wasm_exec":"wasm_exec.ba9876543210.js"}`)},
	}
	m, err := assets.ReadManifest(dist)
	if err != nil {
		panic(err)
	}
	fmt.Println("/app/" + m.WASM)
	fmt.Println("/app/" + m.WASMExec)
	// Output:
	// /app/app.0123456789ab.wasm
	// /app/wasm_exec.ba9876543210.js
}

func ExampleHashedName() {
	fmt.Println(assets.IsHashed(assets.HashedName("app.wasm", []byte("content"))))
	// Output: true
}
