// Package jsbundle turns one JavaScript entry file into a single minified
// script for the page, with esbuild's Go API: no Node is needed to build.
//
// The output is an IIFE (nothing leaks into the page's global scope unless
// Options.GlobalName asks for it), minified, for ES2017 browsers, without a
// source map, and byte-for-byte the same for the same input, so it can be
// committed and checked for staleness:
//
//	js, err := jsbundle.Bundle("jsapi/runtime/src/index.js", jsbundle.Options{})
//	if err != nil {
//		// err is a *jsbundle.BuildError listing every problem as file:line:column
//	}
package jsbundle

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// Options adjust a bundle. The zero value is the usual page script.
type Options struct {
	// GlobalName, when set, assigns the entry module's exports to this
	// global variable (for example "jivokitStub").
	GlobalName string
	// Define replaces each global identifier (the key) by a JavaScript
	// expression (the value), e.g. {"DEBUG": "false", "VERSION": `"1.2"`}.
	Define map[string]string
}

// ErrNoEntry is returned when the entry file is not given or cannot be read.
var ErrNoEntry = errors.New("jsbundle: no entry file")

// Message is one problem esbuild reported.
type Message struct {
	File   string // relative to the entry file's directory; "" when esbuild names none
	Line   int    // 1-based; 0 when unknown
	Column int    // 0-based, in bytes
	Text   string
}

func (m Message) String() string {
	if m.File == "" {
		return m.Text
	}
	return m.File + ":" + strconv.Itoa(m.Line) + ":" + strconv.Itoa(m.Column) + ": " + m.Text
}

// BuildError carries every error esbuild reported for one bundle.
type BuildError struct {
	Entry    string
	Messages []Message
}

func (e *BuildError) Error() string {
	var b strings.Builder
	b.WriteString("jsbundle: ")
	b.WriteString(e.Entry)
	b.WriteString(": ")
	if len(e.Messages) == 1 {
		b.WriteString(e.Messages[0].String())
		return b.String()
	}
	b.WriteString(strconv.Itoa(len(e.Messages)))
	b.WriteString(" errors:")
	for _, m := range e.Messages {
		b.WriteString("\n\t")
		b.WriteString(m.String())
	}
	return b.String()
}

// Bundle bundles the JavaScript file entry and everything it imports into
// one minified IIFE for ES2017. A missing entry wraps ErrNoEntry; anything
// esbuild rejects is a *BuildError with every message.
func Bundle(entry string, opts Options) ([]byte, error) {
	if entry == "" {
		return nil, ErrNoEntry
	}
	abs, err := filepath.Abs(entry)
	if err != nil {
		return nil, errors.Join(ErrNoEntry, err)
	}
	if st, err := os.Stat(abs); err != nil {
		return nil, errors.Join(ErrNoEntry, err)
	} else if st.IsDir() {
		return nil, errors.Join(ErrNoEntry, errors.New(entry+" is a directory"))
	}
	res := api.Build(api.BuildOptions{
		EntryPoints:       []string{abs},
		AbsWorkingDir:     filepath.Dir(abs),
		Bundle:            true,
		Format:            api.FormatIIFE,
		GlobalName:        opts.GlobalName,
		Define:            opts.Define,
		Platform:          api.PlatformBrowser,
		Target:            api.ES2017,
		MinifyWhitespace:  true,
		MinifyIdentifiers: true,
		MinifySyntax:      true,
		Sourcemap:         api.SourceMapNone,
		LegalComments:     api.LegalCommentsNone,
		Charset:           api.CharsetUTF8,
		LogLevel:          api.LogLevelSilent,
		Write:             false,
	})
	if len(res.Errors) > 0 {
		be := &BuildError{Entry: entry, Messages: make([]Message, 0, len(res.Errors))}
		for _, m := range res.Errors {
			msg := Message{Text: m.Text}
			if l := m.Location; l != nil {
				msg.File, msg.Line, msg.Column = l.File, l.Line, l.Column
			}
			be.Messages = append(be.Messages, msg)
		}
		return nil, be
	}
	if len(res.OutputFiles) != 1 {
		return nil, errors.New("jsbundle: " + entry + ": esbuild wrote " + strconv.Itoa(len(res.OutputFiles)) + " files, want 1")
	}
	return res.OutputFiles[0].Contents, nil
}
