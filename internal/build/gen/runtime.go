package gen

func init() {
	// After the method table (Order 0), which the runtime's bundle includes.
	registerScripts("jsapi/runtime/script_gen.go", "runtime", 10,
		goScript{"runtimeJS", "is the page runtime, Script.", "jsapi/runtime/src/index.js"},
		goScript{"loaderJS", "is the page runtime's loader (loading strategies and single-page-app tracking), Loader.", "jsapi/runtime/src/loader.js"},
		goScript{"lifeJS", "is the page runtime's life script (hide and show, reset, switchWidget, htmx and Turbo, the launcher's state), Life.", "jsapi/runtime/src/life.js"},
	)
}
