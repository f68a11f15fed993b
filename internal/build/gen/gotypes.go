package gen

import (
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
)

// goType is what the generator knows of a named type of package jsapi,
// read from its source: the Go bridge's argument writers follow the json
// tags and field order of the types, and call their Validate methods.
type goType struct {
	name       string
	underlying string    // the type's definition, "struct" for a struct
	fields     []goField // a struct's fields, in order
	validate   bool      // it has a method Validate() error
	capped     bool      // it has a method Capped() of its own type, which the bridge sends
}

// goField is a struct field: its name, Go type and JSON key.
type goField struct{ name, typ, key string }

// jsapiTypes reads the named types of package jsapi from its source under
// root (its test files left out).
func jsapiTypes(root string) (map[string]*goType, error) {
	dir := filepath.Join(root, "jsapi")
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	found := map[string]*goType{}
	typeOf := func(name string) *goType {
		if found[name] == nil {
			found[name] = &goType{name: name}
		}
		return found[name]
	}
	fset := token.NewFileSet()
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil || len(d.Recv.List) != 1 {
					continue
				}
				id, ok := d.Recv.List[0].Type.(*ast.Ident)
				switch {
				case !ok:
				case d.Name.Name == "Validate" && validateSignature(d.Type):
					typeOf(id.Name).validate = true
				case d.Name.Name == "Capped" && cappedSignature(d.Type, id.Name):
					typeOf(id.Name).capped = true
				}
			case *ast.GenDecl:
				for _, s := range d.Specs {
					ts, ok := s.(*ast.TypeSpec)
					if !ok || ts.Assign.IsValid() {
						continue
					}
					t := typeOf(ts.Name.Name)
					st, ok := ts.Type.(*ast.StructType)
					if !ok {
						t.underlying = types.ExprString(ts.Type)
						continue
					}
					t.underlying = "struct"
					for _, fl := range st.Fields.List {
						key := ""
						if fl.Tag != nil {
							tag, err := strconv.Unquote(fl.Tag.Value)
							if err != nil {
								return nil, err
							}
							key, _, _ = strings.Cut(reflect.StructTag(tag).Get("json"), ",")
						}
						for _, n := range fl.Names {
							t.fields = append(t.fields, goField{name: n.Name, typ: types.ExprString(fl.Type), key: key})
						}
					}
				}
			}
		}
	}
	for name, t := range found {
		if t.underlying == "" {
			return nil, errors.New("jsapi: " + name + " has a Validate method but no type definition was found")
		}
	}
	return found, nil
}

// cappedSignature reports whether ft is func() T, for T the type name.
func cappedSignature(ft *ast.FuncType, name string) bool {
	if len(ft.Params.List) != 0 || ft.Results == nil || len(ft.Results.List) != 1 || len(ft.Results.List[0].Names) > 0 {
		return false
	}
	id, ok := ft.Results.List[0].Type.(*ast.Ident)
	return ok && id.Name == name
}

// validateSignature reports whether ft is func() error.
func validateSignature(ft *ast.FuncType) bool {
	if ft.Params.NumFields() != 0 || ft.Results.NumFields() != 1 {
		return false
	}
	id, ok := ft.Results.List[0].Type.(*ast.Ident)
	return ok && id.Name == "error"
}
