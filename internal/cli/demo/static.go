package demo

import (
	"embed"
	"io/fs"
)

//go:embed static
var staticFS embed.FS

// static holds the page's own script and style, served under /demo/.
var static, _ = fs.Sub(staticFS, "static")
