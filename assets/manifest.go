package assets

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"strings"
)

// ManifestName is the manifest's file name in a build directory.
const ManifestName = "manifest.json"

// Errors ReadManifest returns, wrapped with the details.
var (
	// ErrNoManifest: the directory has no manifest.json (the app was not built there).
	ErrNoManifest = errors.New("assets: no " + ManifestName)
	// ErrBadManifest: manifest.json is not valid JSON or misses a file name.
	ErrBadManifest = errors.New("assets: bad " + ManifestName)
)

// Manifest describes one built Go/WASM app. Names are file names in the build
// directory, without a directory part; prefix them with the URL path the
// directory is served under.
type Manifest struct {
	// Package is the Go package the app was built from, as given to the build.
	Package string `json:"package"`
	// WASM is the app's hashed file name, e.g. "app.1a2b3c4d5e6f.wasm".
	WASM string `json:"wasm"`
	// WASMExec is the hashed file name of the loader script (the Go
	// toolchain's wasm_exec.js, minified), e.g. "wasm_exec.0a1b2c3d4e5f.js".
	WASMExec string `json:"wasm_exec"`
	// Files lists every file the build wrote, the manifest excepted.
	Files []File `json:"files"`
}

// File is one built file and the sizes of its copies.
type File struct {
	Name       string `json:"name"`
	Size       int64  `json:"size"`
	GzipSize   int64  `json:"gzip_size,omitempty"`
	BrotliSize int64  `json:"brotli_size,omitempty"`
}

// ReadManifest reads and checks manifest.json in fsys (e.g. os.DirFS(dir)).
func ReadManifest(fsys fs.FS) (Manifest, error) {
	b, err := fs.ReadFile(fsys, ManifestName)
	if errors.Is(err, fs.ErrNotExist) {
		return Manifest{}, fmt.Errorf("%w (build the app with `jivokit build -o DIR PACKAGE`)", ErrNoManifest)
	}
	if err != nil {
		return Manifest{}, fmt.Errorf("%w: %w", ErrNoManifest, err)
	}
	var m Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		return Manifest{}, fmt.Errorf("%w: %w", ErrBadManifest, err)
	}
	if err := m.check(); err != nil {
		return Manifest{}, err
	}
	return m, nil
}

func (m Manifest) check() error {
	for _, f := range []struct{ key, name string }{{"wasm", m.WASM}, {"wasm_exec", m.WASMExec}} {
		if f.name == "" {
			return fmt.Errorf("%w: %q is missing", ErrBadManifest, f.key)
		}
		if strings.ContainsAny(f.name, `/\`) || !fs.ValidPath(f.name) {
			return fmt.Errorf("%w: %q is %q, not a file name", ErrBadManifest, f.key, f.name)
		}
	}
	return nil
}
