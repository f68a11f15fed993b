// Package jsapi describes the JivoChat widget JavaScript API as Go data and
// holds the value types that server code and browser code share.
//
// The description (Methods and Callbacks) is the single source of truth for
// everything in jivokit that must agree with the widget: the Go/WASM bindings
// in wasm/jivo, the TypeScript declarations in jivo_api.d.ts, the method table
// of the page runtime and the stub widget, and docs/api.md are all generated
// from it by `go generate ./...` (or `jivokit gen`).
//
// The value types (ContactInfo, CustomField, OpenOptions, ChatState, ...) are
// plain structs and strings with JSON tags in the widget's own spelling, and
// come with validation. Each rule is of one Kind: the vendor's (documented by
// the vendor: at most 10 custom fields, 10 setClientAttributes calls an hour,
// the "Safe URL" for links), jivokit's advice (the shape of a phone number or
// an e-mail address, absolute http(s) links, a blank text), or the value's
// form (invalid UTF-8, a number that is not finite). A check returns an
// *InputError for the vendor's rules and the form, which refuse in every
// mode, and a *Warning for advice, which the entry points report and let
// through unless they are strict (Refusal decides):
//
//	fields := []jsapi.CustomField{{Title: "Plan", Content: "Pro", Link: "/account"}}
//	if err := jsapi.ValidateCustomData(fields); jsapi.Refusal(err, false) != nil {
//		// the vendor would not take it; err says which field and why
//	}
//
// The validation rules are data (rules.go: limits, character classes, kinds
// and messages) that this package's checks run, and that the generator
// writes into the stub widget, whose small interpreter runs the same steps:
// the stub refuses what Go code refuses and advises what it advises, with
// the same message. ValidationRules().Index says whose every rule is, with
// the vendor's source; docs/api.md lists them.
//
// ValidateRule runs one rule by name on a value; the Go bridge uses it for a
// parameter whose spec names a rule (Param.Check).
//
// The spec's types and functions (Methods, Callbacks, Shapes,
// ValidationRules, and Method, Param, Callback, Shape, Field, Answer,
// Source, RuleSet, Rule, RuleStep, RuleInfo, Kind) are public on purpose. They are the
// widget API as data, the one statement of it that jivokit follows, and
// more than the generator reads them: the tests of the stub, the bridge and
// the e2e suite check against them that every method is implemented and
// exercised, and a program can do the same for its own wrappers or mocks,
// or list what the widget offers. They cost a program that does
// not call them nothing: the linker drops them from a WebAssembly binary.
// Their fields describe the API and may grow; read them, do not build them.
//
// The package is deliberately small: it imports neither fmt, encoding/json nor
// reflect, so that a WebAssembly binary using it stays small.
package jsapi
