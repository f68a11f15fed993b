package assets

import (
	"bytes"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
)

// Cache-Control values the handler sends.
const (
	// CacheImmutable is sent for hashed names (see IsHashed): their content
	// never changes under that name.
	CacheImmutable = "public, max-age=31536000, immutable"
	// CacheRevalidate is sent for every other file.
	CacheRevalidate = "no-cache"
)

// contentTypes overrides the system's MIME table for the files a build
// writes, so answers do not depend on the machine.
var contentTypes = map[string]string{
	".wasm": "application/wasm",
	".js":   "text/javascript; charset=utf-8",
	".mjs":  "text/javascript; charset=utf-8",
	".json": "application/json",
	".map":  "application/json",
	".css":  "text/css; charset=utf-8",
	".html": "text/html; charset=utf-8",
	".svg":  "image/svg+xml",
	".txt":  "text/plain; charset=utf-8",
}

// Handler serves the files of fsys (usually os.DirFS of a build directory)
// by their path below the handler's root; mount it with http.StripPrefix.
//
// For a request of "app.1a2b3c4d5e6f.wasm" it sends "app.1a2b3c4d5e6f.wasm.br"
// when the client accepts br and that file exists, else the .gz copy when the
// client accepts gzip, else the file itself, always with the original file's
// Content-Type, Vary: Accept-Encoding and X-Content-Type-Options: nosniff.
// Hashed names get Cache-Control CacheImmutable, others CacheRevalidate.
// Directories, dot files, invalid paths and methods other than GET and HEAD
// are refused (404, 404, 404 and 405).
func Handler(fsys fs.FS) http.Handler {
	return &handler{fsys: fsys}
}

type handler struct {
	fsys fs.FS
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name, ok := fileName(r.URL.Path)
	if !ok {
		http.NotFound(w, r)
		return
	}
	info, err := fs.Stat(h.fsys, name)
	if err != nil || !info.Mode().IsRegular() {
		http.NotFound(w, r)
		return
	}

	hdr := w.Header()
	hdr.Add("Vary", "Accept-Encoding")
	hdr.Set("Content-Type", contentType(name))
	hdr.Set("X-Content-Type-Options", "nosniff")
	if IsHashed(name) {
		hdr.Set("Cache-Control", CacheImmutable)
	} else {
		hdr.Set("Cache-Control", CacheRevalidate)
	}

	serve, modTime := name, info.ModTime()
	for _, e := range acceptedEncodings(r.Header.Values("Accept-Encoding")) {
		ci, err := fs.Stat(h.fsys, name+e.suffix)
		if err == nil && ci.Mode().IsRegular() {
			serve, modTime = name+e.suffix, ci.ModTime()
			hdr.Set("Content-Encoding", e.name)
			break
		}
	}
	content, err := open(h.fsys, serve)
	if err != nil {
		hdr.Del("Content-Encoding")
		http.Error(w, "cannot read "+name, http.StatusInternalServerError)
		return
	}
	defer content.Close()
	http.ServeContent(w, r, name, modTime, content)
}

// fileName turns a URL path into a name in the file system, or reports that
// it names no file the handler serves.
func fileName(urlPath string) (string, bool) {
	name := strings.TrimPrefix(urlPath, "/")
	if name == "" || strings.HasSuffix(name, "/") || strings.Contains(name, `\`) {
		return "", false
	}
	if !fs.ValidPath(name) {
		return "", false
	}
	for _, elem := range strings.Split(name, "/") {
		if strings.HasPrefix(elem, ".") {
			return "", false
		}
	}
	return name, true
}

func contentType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	if t, ok := contentTypes[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}

// seekCloser is what http.ServeContent needs, plus Close.
type seekCloser interface {
	io.ReadSeeker
	io.Closer
}

// open returns the file ready for http.ServeContent, reading it into memory
// when the file system's files cannot seek.
func open(fsys fs.FS, name string) (seekCloser, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	if rs, ok := f.(seekCloser); ok {
		return rs, nil
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		return nil, err
	}
	return nopCloser{bytes.NewReader(b)}, nil
}

type nopCloser struct{ *bytes.Reader }

func (nopCloser) Close() error { return nil }
