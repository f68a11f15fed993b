// Package jsasset serves JavaScript files embedded in the binary: the page
// runtime, the stub widget and wasm_exec.js. It serves them with
// assets.Handler, the one handler of static files, so that they get the
// same headers and caching rule as a build directory's files.
package jsasset

import (
	"bytes"
	"io"
	"io/fs"
	"maps"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/jivokit/jivokit/assets"
	"github.com/jivokit/jivokit/jsapi/runtime"
)

// RuntimePath is the one URL path of the page runtime (jsapi/runtime's
// Script), wherever jivokit serves it.
const RuntimePath = "/jivokit/runtime.js"

// Handler serves each script of files (URL path to JavaScript source), and
// the page runtime at RuntimePath, with assets.Handler: GET and HEAD, Content-Type text/javascript;
// charset=utf-8, X-Content-Type-Options: nosniff, a strong ETag (a matching
// If-None-Match gets 304 Not Modified) and Cache-Control: no-cache (the
// names carry no hash: a page revalidates after a rebuild). Other paths get
// 404 naming the paths it serves; other methods 405 with an Allow header.
func Handler(files map[string]string) http.Handler {
	files = maps.Clone(files)
	files[RuntimePath] = runtime.Script
	mem := memFS{}
	paths := make([]string, 0, len(files))
	for path, body := range files {
		mem[strings.TrimPrefix(path, "/")] = []byte(body)
		paths = append(paths, path)
	}
	slices.Sort(paths)
	notFound := "not found: this handler serves " + strings.Join(paths, " and ")
	static := assets.Handler(mem)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, ok := files[r.URL.Path]; !ok {
			http.Error(w, notFound, http.StatusNotFound)
			return
		}
		static.ServeHTTP(w, r)
	})
}

// memFS is a file system of the files' contents by name, flat or with
// directories in the names; it opens files only, never directories.
type memFS map[string][]byte

func (m memFS) Open(name string) (fs.File, error) {
	b, ok := m[name]
	if !ok || !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return &memFile{Reader: bytes.NewReader(b), info: memInfo{name: name, size: int64(len(b))}}, nil
}

type memFile struct {
	*bytes.Reader
	info memInfo
}

var _ io.ReadSeeker = (*memFile)(nil)

func (f *memFile) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *memFile) Close() error               { return nil }

type memInfo struct {
	name string
	size int64
}

func (i memInfo) Name() string       { return i.name[strings.LastIndex(i.name, "/")+1:] }
func (i memInfo) Size() int64        { return i.size }
func (i memInfo) Mode() fs.FileMode  { return 0o444 }
func (i memInfo) ModTime() time.Time { return time.Time{} }
func (i memInfo) IsDir() bool        { return false }
func (i memInfo) Sys() any           { return nil }
