package wasmbuild

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"github.com/andybalholm/brotli"

	"github.com/jivokit/jivokit/assets"
)

// writeWithCopies writes data as dir/name with name.gz and name.br beside
// it. A file already there is kept only when it proves to hold data: the
// file itself byte for byte, each copy once decompressed. Any other (cut
// short, altered, not a copy of data) is written again, so a damaged
// output never survives a build, whatever its name says. Every file is
// written to a temporary name and renamed, so a crash never leaves a
// truncated file under a final name.
func writeWithCopies(dir, name string, data []byte, quick bool) (assets.File, error) {
	file := assets.File{Name: name, Size: int64(len(data))}
	p := filepath.Join(dir, name)
	rawOK := holds(p, data, nil)
	gz, br := holds(p+".gz", data, gunzip), holds(p+".br", data, unbrotli)
	if rawOK >= 0 && gz >= 0 && br >= 0 {
		file.GzipSize, file.BrotliSize = gz, br
		return file, nil
	}

	var wg sync.WaitGroup
	var gzData, brData []byte
	var gzErr, brErr error
	gzLevel, brLevel := gzip.BestCompression, brotli.BestCompression
	if quick {
		gzLevel, brLevel = gzip.DefaultCompression, quickBrotli
	}
	if gz < 0 {
		wg.Go(func() { gzData, gzErr = compressGzip(data, gzLevel) })
	}
	if br < 0 {
		wg.Go(func() { brData, brErr = compressBrotli(data, brLevel) })
	}
	wg.Wait()
	if err := errors.Join(gzErr, brErr); err != nil {
		return assets.File{}, fmt.Errorf("wasmbuild: compressing %s: %w", name, err)
	}
	for _, f := range []struct {
		path  string
		data  []byte
		write bool
	}{{p, data, rawOK < 0}, {p + ".gz", gzData, gz < 0}, {p + ".br", brData, br < 0}} {
		if !f.write {
			continue
		}
		if err := writeAtomic(f.path, f.data); err != nil {
			return assets.File{}, err
		}
	}
	if gz < 0 {
		gz = int64(len(gzData))
	}
	if br < 0 {
		br = int64(len(brData))
	}
	file.GzipSize, file.BrotliSize = gz, br
	return file, nil
}

// holds returns the size of the regular file at path when it holds data,
// once decompressed with decompress (nil: as is), or -1.
func holds(path string, data []byte, decompress func(io.Reader) (io.Reader, error)) int64 {
	f, err := os.Open(path)
	if err != nil {
		return -1
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() {
		return -1
	}
	var r io.Reader = f
	if decompress != nil {
		if r, err = decompress(f); err != nil {
			return -1
		}
	} else if st.Size() != int64(len(data)) {
		return -1
	}
	// One byte more than data: a copy that decompresses to more is not it
	// (and a corrupt one cannot make this read without end).
	got, err := io.ReadAll(io.LimitReader(r, int64(len(data))+1))
	if err != nil || !bytes.Equal(got, data) {
		return -1
	}
	return st.Size()
}

// gunzip reads a gzip file: its CRC and length are checked at the end,
// and anything after the stream must be another gzip stream.
func gunzip(r io.Reader) (io.Reader, error) { return gzip.NewReader(r) }

func unbrotli(r io.Reader) (io.Reader, error) { return brotli.NewReader(r), nil }

// writeManifest writes manifest.json, then removes the files of the
// manifest it replaces that the new one does not name.
func writeManifest(dir string, m assets.Manifest) error {
	old, oldErr := assets.ReadManifest(os.DirFS(dir))
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return fmt.Errorf("wasmbuild: %w", err)
	}
	if err := writeAtomic(filepath.Join(dir, assets.ManifestName), append(b, '\n')); err != nil {
		return err
	}
	if oldErr != nil {
		return nil
	}
	keep := map[string]bool{}
	for _, f := range m.Files {
		keep[f.Name] = true
	}
	for _, f := range old.Files {
		if keep[f.Name] || !assets.IsHashed(f.Name) || !fs.ValidPath(f.Name) || filepath.Base(f.Name) != f.Name {
			continue
		}
		for _, suffix := range []string{"", ".gz", ".br"} {
			os.Remove(filepath.Join(dir, f.Name+suffix))
		}
	}
	return nil
}

func compressGzip(data []byte, level int) ([]byte, error) {
	var buf bytes.Buffer
	w, err := gzip.NewWriterLevel(&buf, level)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(data); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// quickBrotli is the Brotli level of a quick build. On the 1.8 MB test
// app, level 11 takes about 28 times as long as level 6 for an output 12%
// smaller (BenchmarkCompress): worth it for a release, not for every start
// of a development server.
const quickBrotli = 6

func compressBrotli(data []byte, level int) ([]byte, error) {
	var buf bytes.Buffer
	w := brotli.NewWriterLevel(&buf, level)
	if _, err := w.Write(data); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func writeAtomic(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".tmp-"+filepath.Base(path)+"-")
	if err != nil {
		return fmt.Errorf("wasmbuild: %w", err)
	}
	_, werr := f.Write(data)
	cerr := f.Close()
	if err := errors.Join(werr, cerr); err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("wasmbuild: writing %s: %w", path, err)
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("wasmbuild: %w", err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("wasmbuild: %w", err)
	}
	return nil
}
