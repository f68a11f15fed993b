package assets

import (
	"errors"
	"testing"
	"testing/fstest"
)

func TestReadManifest(t *testing.T) {
	tests := []struct {
		name    string
		json    string
		wantErr error
	}{
		{"good", `{"package":"./app","wasm":"app.0123456789ab.wasm","wasm_exec":"wasm_exec.0123456789ab.js"}`, nil},
		{"unknown fields are ignored", `{"wasm":"a.wasm","wasm_exec":"b.js","later":1}`, nil},
		{"not json", `{`, ErrBadManifest},
		{"no wasm", `{"wasm_exec":"b.js"}`, ErrBadManifest},
		{"no wasm_exec", `{"wasm":"a.wasm"}`, ErrBadManifest},
		{"path in name", `{"wasm":"../a.wasm","wasm_exec":"b.js"}`, ErrBadManifest},
		{"directory in name", `{"wasm":"x/a.wasm","wasm_exec":"b.js"}`, ErrBadManifest},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := ReadManifest(fstest.MapFS{ManifestName: {Data: []byte(tt.json)}})
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
			if err == nil && (m.WASM == "" || m.WASMExec == "") {
				t.Errorf("manifest %+v misses a name", m)
			}
		})
	}
	if _, err := ReadManifest(fstest.MapFS{}); !errors.Is(err, ErrNoManifest) {
		t.Errorf("empty directory: err = %v, want ErrNoManifest", err)
	}
}
