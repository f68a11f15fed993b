package wasmbuild

import (
	"context"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestBuildTrimsAndStrips: the .wasm carries no path of the machine that
// built it (-trimpath) and no symbol table (-ldflags=-s, which drops the
// "name" custom section; -w removes nothing more for js/wasm, as Go emits
// no DWARF there).
func TestBuildTrimsAndStrips(t *testing.T) {
	dir := t.TempDir()
	m, err := Build(context.Background(), "./testdata/hello", Options{OutDir: dir, Quick: true})
	if err != nil {
		t.Fatal(err)
	}
	wasm := readFile(t, dir, m.WASM)

	module, err := filepath.Abs(filepath.Join("..", "..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Fatal(err)
	}
	goroot := strings.TrimSpace(string(out))
	for _, p := range []string{module, goroot} {
		if strings.Contains(string(wasm), p) {
			t.Errorf("%s holds the path %s (built without -trimpath?)", m.WASM, p)
		}
	}

	sections, err := wasmSections(wasm)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(sections, 10) {
		t.Fatalf("sections %v: no code section, the parser is wrong", sections)
	}
	custom, err := customSections(wasm)
	if err != nil {
		t.Fatal(err)
	}
	if slices.Contains(custom, "name") {
		t.Errorf("%s has a name section (custom sections %q): built without -ldflags=-s?", m.WASM, custom)
	}
}

// TestCustomSections checks the parser on a module with a name section
// and on broken modules, so that TestBuildTrimsAndStrips can fail.
func TestCustomSections(t *testing.T) {
	named := "\x00asm\x01\x00\x00\x00" +
		"\x00\x0b\x0ago:buildid" + // custom, 11 bytes: name length 10, "go:buildid"
		"\x01\x04\x01\x60\x00\x00" + // type section: one func type () -> ()
		"\x00\x86\x00\x04name\x00" // custom, size 6 as a two-byte LEB128: "name" and one byte
	got, err := customSections([]byte(named))
	if err != nil || !slices.Equal(got, []string{"go:buildid", "name"}) {
		t.Errorf("customSections = %q, %v", got, err)
	}
	for _, bad := range []string{
		"",
		"\x7fELF\x01\x00\x00\x00",
		"\x00asm\x02\x00\x00\x00",
		"\x00asm\x01\x00\x00\x00\x01\x09\x00", // size beyond the end
		"\x00asm\x01\x00\x00\x00\x01\x80",     // LEB128 cut short
		"\x00asm\x01\x00\x00\x00\x01\xff\xff\xff\xff\x7f", // size overflows 32 bits
	} {
		if got, err := wasmSections([]byte(bad)); !errors.Is(err, errNotWASM) {
			t.Errorf("%q: %v, %v; want errNotWASM", bad, got, err)
		}
		if got, err := customSections([]byte(bad)); !errors.Is(err, errNotWASM) {
			t.Errorf("%q: custom sections %q, %v; want errNotWASM", bad, got, err)
		}
	}
	const longName = "\x00asm\x01\x00\x00\x00\x00\x02\x05a" // a custom section's name longer than the section
	if got, err := customSections([]byte(longName)); !errors.Is(err, errNotWASM) {
		t.Errorf("%q: custom sections %q, %v; want errNotWASM", longName, got, err)
	}
}

var errNotWASM = errors.New("not a WebAssembly module")

// section is one section of a module: its id and contents.
type section struct {
	id   byte
	body []byte
}

// parseWASM splits a module into sections: the magic, version 1, then
// sections of an id byte and a LEB128 size.
func parseWASM(b []byte) ([]section, error) {
	if len(b) < 8 || string(b[:4]) != "\x00asm" || string(b[4:8]) != "\x01\x00\x00\x00" {
		return nil, fmt.Errorf("%w: no magic and version 1", errNotWASM)
	}
	var out []section
	for i := 8; i < len(b); {
		id := b[i]
		size, n, err := uleb128(b[i+1:])
		if err != nil {
			return nil, fmt.Errorf("%w: section at %d: %w", errNotWASM, i, err)
		}
		start := i + 1 + n
		if uint64(len(b)-start) < size {
			return nil, fmt.Errorf("%w: section at %d: %d bytes, %d left", errNotWASM, i, size, len(b)-start)
		}
		out = append(out, section{id, b[start : start+int(size)]})
		i = start + int(size)
	}
	return out, nil
}

// wasmSections lists the ids of the module's sections.
func wasmSections(b []byte) ([]byte, error) {
	secs, err := parseWASM(b)
	var ids []byte
	for _, s := range secs {
		ids = append(ids, s.id)
	}
	return ids, err
}

// customSections lists the names of the module's custom sections (id 0).
func customSections(b []byte) ([]string, error) {
	secs, err := parseWASM(b)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, s := range secs {
		if s.id != 0 {
			continue
		}
		size, n, err := uleb128(s.body)
		if err != nil || uint64(len(s.body)-n) < size {
			return nil, fmt.Errorf("%w: custom section with a bad name", errNotWASM)
		}
		names = append(names, string(s.body[n:n+int(size)]))
	}
	return names, nil
}

// uleb128 decodes an unsigned LEB128 number of at most 32 bits and says
// how many bytes it took.
func uleb128(b []byte) (uint64, int, error) {
	var v uint64
	for i := 0; i < len(b) && i < 5; i++ {
		v |= uint64(b[i]&0x7f) << (7 * i)
		if b[i] < 0x80 {
			if v > 1<<32-1 {
				return 0, 0, errors.New("LEB128 number over 32 bits")
			}
			return v, i + 1, nil
		}
	}
	return 0, 0, errors.New("LEB128 number cut short")
}
