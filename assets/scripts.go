package assets

import (
	"bytes"
	"io"
	"io/fs"
	"net/http"
	"slices"
	"strings"
	"time"
)

// ScriptHandler serves scripts held in memory: each of scripts (URL path
// to JavaScript source), by its whole path, with the code of Handler and
// so with its headers and rule: GET and HEAD, Content-Type text/javascript;
// charset=utf-8, X-Content-Type-Options: nosniff, a strong ETag (a matching
// If-None-Match gets 304 Not Modified) and Cache-Control CacheRevalidate
// (the names carry no hash: a page revalidates after a rebuild). Other
// paths get 404 naming the paths it serves; other methods 405 with an
// Allow header. jivokit serves the scripts it embeds with it (the page
// runtime at runtime.Path, wasm_exec.js, the stub widget):
//
//	mux.Handle("/jivokit/", assets.ScriptHandler(map[string]string{runtime.Path: runtime.Script}))
func ScriptHandler(scripts map[string]string) http.Handler {
	mem := memFS{}
	paths := make([]string, 0, len(scripts))
	for path, body := range scripts {
		mem[strings.TrimPrefix(path, "/")] = []byte(body)
		paths = append(paths, path)
	}
	slices.Sort(paths)
	notFound := "not found: this handler serves " + strings.Join(paths, " and ")
	static := Handler(mem)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, ok := mem[strings.TrimPrefix(r.URL.Path, "/")]; !ok || !strings.HasPrefix(r.URL.Path, "/") {
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
