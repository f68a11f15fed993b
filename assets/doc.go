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
// .wasm files, marks hashed names immutable for a year and has the browser
// revalidate the others, and sends a strong ETag with every file (a
// matching If-None-Match gets 304 Not Modified). It never lists a
// directory and never leaves the file system it was given. ScriptHandler
// serves scripts held in memory by the same code, with the same rule:
// jivokit serves the scripts it embeds (the page runtime, wasm_exec.js,
// the stub widget) with it.
package assets
