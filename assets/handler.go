package assets

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"sync"
	"time"
)

// Cache-Control values the handler sends.
const (
	// CacheImmutable is sent for hashed names (see IsHashed): their content
	// never changes under that name.
	CacheImmutable = "public, max-age=31536000, immutable"
	// CacheRevalidate is sent for every other file: the browser keeps it
	// but asks again each time, and a matching ETag gets 304 Not Modified.
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
// Every answer carries a strong ETag that differs per file and per copy
// (the hash in a hashed name, else a hash of the content), so a request
// with a matching If-None-Match gets 304 Not Modified.
// Directories, dot files, invalid paths and methods other than GET and HEAD
// are refused (404, 404, 404 and 405).
func Handler(fsys fs.FS) http.Handler {
	return &handler{fsys: fsys}
}

type handler struct {
	fsys  fs.FS
	etags sync.Map // etagKey -> string: content hashes of unhashed files
}

// etagKey names one version of a file: a rewritten file gets a new key.
type etagKey struct {
	name    string
	size    int64
	modTime time.Time
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

	serve, served, suffix := name, info, ""
	for _, e := range acceptedEncodings(r.Header.Values("Accept-Encoding")) {
		ci, err := fs.Stat(h.fsys, name+e.suffix)
		if err == nil && ci.Mode().IsRegular() {
			serve, served, suffix = name+e.suffix, ci, e.suffix
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
	etag, err := h.etag(name, suffix, serve, served, content)
	if err != nil {
		hdr.Del("Content-Encoding")
		http.Error(w, "cannot read "+name, http.StatusInternalServerError)
		return
	}
	hdr.Set("ETag", etag)
	http.ServeContent(w, r, name, served.ModTime(), content)
}

// etag returns the strong ETag of the copy serve (of the file name, with
// the copy's suffix): the content hash of a hashed name, else a hash of
// the copy's content, computed once per version of the file. It leaves
// content at its start.
func (h *handler) etag(name, suffix, serve string, info fs.FileInfo, content io.ReadSeeker) (string, error) {
	if hash := nameHash(name); hash != "" {
		return `"` + hash + suffix + `"`, nil
	}
	key := etagKey{serve, info.Size(), info.ModTime()}
	if v, ok := h.etags.Load(key); ok {
		return v.(string), nil
	}
	sum := sha256.New()
	if _, err := io.Copy(sum, content); err != nil {
		return "", err
	}
	if _, err := content.Seek(0, io.SeekStart); err != nil {
		return "", err
	}
	etag := `"` + hex.EncodeToString(sum.Sum(nil)[:12]) + suffix + `"`
	h.etags.Store(key, etag)
	return etag, nil
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
