package gen

func init() {
	// After the method table and the validation rules (Order 0), which the
	// stub's bundle includes.
	registerScripts("stub/script_gen.go", "stub", 10,
		goScript{"stubJS", "is the stub widget, Script.", "stub/src/main.js"})
}
