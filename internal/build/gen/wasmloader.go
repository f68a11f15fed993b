package gen

func init() {
	registerScripts("templates/wasm_loader_gen.go", "templates", 0,
		goScript{"wasmLoaderSource", "is the inline script of the WASM app loader, WASMApp.", "templates/src/wasm_loader.js"})
}
