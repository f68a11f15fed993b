// Package assets serves what `jivokit build` writes: a Go/WASM app and its
// loader script under content-hashed names, each with precompressed .br and
// .gz copies, and manifest.json naming them.
//
// Mount the build directory and hand the manifest's names to the templ loader:
//
//	dir := "web/dist" // written by: jivokit build -o web/dist ./cmd/app
//	m, err := assets.ReadManifest(os.DirFS(dir))
//	if err != nil {
//		log.Fatal(err) // e.g. assets.ErrNoManifest: the app was not built
//	}
//	mux.Handle("/app/", http.StripPrefix("/app/", assets.Handler(os.DirFS(dir))))
//	wasmURL, execURL := "/app/"+m.WASM, "/app/"+m.WASMExec
//
// The handler answers GET and HEAD only, picks the Brotli or gzip copy the
// client accepts (with Vary: Accept-Encoding), sends application/wasm for
// .wasm files, and marks hashed names immutable for a year. It never lists a
// directory and never leaves the file system it was given.
package assets
