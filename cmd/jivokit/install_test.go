//go:build unix

package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"github.com/jivokit/jivokit/internal/lib/testtool"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/mod/module"
	modzip "golang.org/x/mod/zip"

	"github.com/jivokit/jivokit/assets"
)

const modulePath = "github.com/jivokit/jivokit"

// TestInstalledCommand uses jivokit as someone who found it on a package
// index does, with no clone: this checkout is published as two versions in
// a module proxy on disk (deps come from the module cache and the usual
// proxy), `go install .../cmd/jivokit@VERSION` installs the command into a
// temporary GOBIN, and then, from directories that are not a clone:
//
//   - `jivokit version` names the installed version;
//   - `jivokit demo` from an empty directory fetches the example app's
//     source of that version, builds it and serves the page with its WASM
//     app;
//   - `jivokit build` of a package in the user's own module builds with the
//     go command on the user's PATH and the jivokit version of the user's
//     go.mod.
//
// The go command uses the shared module and build caches, so that only
// jivokit's own packages are compiled again: the versions are new in every
// run (a module cache never fetches a version twice, so a fixed one would
// test an old copy) and removed from the module cache at the end. Every
// step is bounded.
func TestInstalledCommand(t *testing.T) {
	if testing.Short() {
		t.Skip("installs the command from a module proxy and builds two WASM apps")
	}
	// Two releases made from this checkout: the command is installed from
	// installVersion, and the user's own module requires userVersion, so
	// the test tells which one a build used.
	stamp := strconv.FormatInt(time.Now().UnixNano(), 10)
	userVersion, installVersion := "v0.0.1-installtest."+stamp, "v0.0.2-installtest."+stamp
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	realGo, err := exec.LookPath("go")
	if err != nil {
		t.Fatal(err)
	}
	root := moduleRoot(t, realGo)
	modCache := goEnvVar(t, realGo, "GOMODCACHE")
	t.Cleanup(func() { removeVersions(t, modCache, userVersion, installVersion) })
	tmp := t.TempDir()
	proxy := filepath.Join(tmp, "proxy")
	for _, v := range []string{userVersion, installVersion} {
		publish(t, root, proxy, v)
	}

	// The user's go command: the real one, recording where it runs and
	// with which arguments.
	userBin := filepath.Join(tmp, "userbin")
	goLog := filepath.Join(tmp, "go.log")
	mkdir(t, userBin)
	writeFile(t, filepath.Join(userBin, "go"), fmt.Sprintf("#!/bin/sh\necho \"$PWD: $*\" >> %q\nexec %q \"$@\"\n", goLog, realGo), 0o755)

	env := goEnv(t, realGo, map[string]string{
		"GOPROXY":     "file://" + filepath.ToSlash(proxy) + "," + goEnvVar(t, realGo, "GOPROXY"),
		"GOSUMDB":     "off",         // the test versions are not in the checksum database
		"GOFLAGS":     "-modcacherw", // so that the test versions can be removed
		"GOTOOLCHAIN": "local",       // the module's toolchain line must not download a toolchain
		"GOWORK":      "off",
		"GOBIN":       filepath.Join(tmp, "bin"),
		"PATH":        userBin + string(os.PathListSeparator) + os.Getenv("PATH"),
	})
	run := func(dir string, name string, args ...string) string {
		t.Helper()
		cmd := exec.CommandContext(ctx, name, args...)
		cmd.Dir, cmd.Env = dir, env
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s %s in %s: %v\n%s", name, strings.Join(args, " "), dir, err, out)
		}
		return string(out)
	}

	empty := filepath.Join(tmp, "empty")
	mkdir(t, empty)
	run(empty, realGo, "install", modulePath+"/cmd/jivokit@"+installVersion)
	jivokit := filepath.Join(tmp, "bin", "jivokit")

	if out := run(empty, jivokit, "version"); !strings.Contains(out, "jivokit "+installVersion+"\n") {
		t.Errorf("jivokit version:\n%s", out)
	}

	t.Run("demo", func(t *testing.T) {
		runDemo(t, ctx, jivokit, empty, env, filepath.Join(tmp, "demo-build"), installVersion)
		if entries, _ := os.ReadDir(empty); len(entries) != 0 {
			t.Errorf("the demo wrote into the directory it ran in: %v", entries)
		}
	})

	t.Run("build", func(t *testing.T) {
		user := filepath.Join(tmp, "user")
		mkdir(t, user)
		goMod := "module example.com/userapp\n\ngo 1.26.0\n\nrequire " + modulePath + " " + userVersion + "\n"
		writeFile(t, filepath.Join(user, "go.mod"), goMod, 0o644)
		writeFile(t, filepath.Join(user, "main.go"), `package main

import (
	"context"

	"github.com/jivokit/jivokit/wasm/jivo"
)

func main() { jivo.Close(context.Background()) }
`, 0o644)
		run(user, realGo, "mod", "tidy")
		before := readFile(t, filepath.Join(user, "go.mod"))
		os.Remove(goLog)

		out := run(user, jivokit, "build", "-quick", "-o", "dist", ".")
		m, err := assets.ReadManifest(os.DirFS(filepath.Join(user, "dist")))
		if err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		wasm := readFile(t, filepath.Join(user, "dist", m.WASM))
		if !strings.HasPrefix(wasm, "\x00asm") {
			t.Fatalf("%s is not WebAssembly", m.WASM)
		}
		// The build info in the module names the jivokit it was built with.
		if !strings.Contains(wasm, "dep\t"+modulePath+"\t"+userVersion+"\t") || strings.Contains(wasm, installVersion) {
			t.Errorf("the app is not built with %s from the user's go.mod", userVersion)
		}
		if after := readFile(t, filepath.Join(user, "go.mod")); after != before {
			t.Errorf("jivokit build changed the user's go.mod:\n%s", after)
		}
		if calls := readFile(t, goLog); !strings.Contains(calls, user+": build ") {
			t.Errorf("the build did not run the user's go command in the user's module; it ran:\n%s", calls)
		}
	})
}

// runDemo runs `jivokit demo` in dir, fetches its page and the WASM app the
// page loads, and stops it with SIGINT.
func runDemo(t *testing.T, ctx context.Context, jivokit, dir string, env []string, buildDir, installVersion string) {
	cmd := exec.CommandContext(ctx, jivokit, "demo", "-addr", "127.0.0.1:0", "-build-dir", buildDir)
	cmd.Dir, cmd.Env = dir, env
	var stderr testtool.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	lines := make(chan string)
	var printed testtool.Buffer
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			printed.Write([]byte(sc.Text() + "\n"))
			lines <- sc.Text()
		}
	}()
	urlRE := regexp.MustCompile(`open (http://127\.0\.0\.1:\d+/)`)
	var base string
	for base == "" {
		line, ok := <-lines
		if !ok {
			cmd.Wait()
			t.Fatalf("the demo ended before serving:\n%s\nstderr:\n%s", printed.String(), stderr.String())
		}
		if m := urlRE.FindStringSubmatch(line); m != nil {
			base = m[1]
		}
	}
	go func() {
		for range lines {
		}
	}()

	page := httpGet(t, base)
	m := regexp.MustCompile(`data-wasm="(/app/[^"]+\.wasm)"`).FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("the page loads no WASM app:\n%s", page)
	}
	wasm := httpGet(t, base+strings.TrimPrefix(m[1], "/"))
	if !strings.HasPrefix(wasm, "\x00asm") {
		t.Errorf("%s is not WebAssembly", m[1])
	}
	// The app's build info names the module it came from: the main
	// package is jivokit's own.
	if !strings.Contains(wasm, "mod\t"+modulePath+"\t"+installVersion+"\t") {
		t.Errorf("the demo's app is not built from %s, the installed version; stderr:\n%s", installVersion, stderr.String())
	}

	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err != nil {
		t.Errorf("the demo exited with %v after Ctrl-C; stderr:\n%s", err, stderr.String())
	}
	if !strings.Contains(printed.String(), "jivokit demo: stopped") {
		t.Errorf("stdout:\n%s", printed.String())
	}
}

// publish writes the module in root as version v into a module proxy on
// disk (the GOPROXY protocol's layout: @v/list, .info, .mod, .zip). The zip
// holds the files git tracks or would track (so not node_modules or
// builds), as they are in the working tree.
func publish(t *testing.T, root, proxy, v string) {
	t.Helper()
	dir := filepath.Join(proxy, filepath.FromSlash(modulePath), "@v")
	mkdir(t, dir)
	var files []modzip.File
	for _, name := range sourceFiles(t, root) {
		p := filepath.Join(root, filepath.FromSlash(name))
		info, err := os.Lstat(p)
		if err != nil || !info.Mode().IsRegular() {
			continue // deleted in the working tree, or a link
		}
		files = append(files, file{name: name, path: p, info: info})
	}
	var zip bytes.Buffer
	if err := modzip.Create(&zip, module.Version{Path: modulePath, Version: v}, files); err != nil {
		t.Fatal(err)
	}
	info, _ := json.Marshal(map[string]any{"Version": v, "Time": time.Now().UTC().Format(time.RFC3339)})
	writeFile(t, filepath.Join(dir, v+".zip"), zip.String(), 0o644)
	writeFile(t, filepath.Join(dir, v+".info"), string(info), 0o644)
	writeFile(t, filepath.Join(dir, v+".mod"), readFile(t, filepath.Join(root, "go.mod")), 0o644)
	list, _ := os.ReadFile(filepath.Join(dir, "list"))
	writeFile(t, filepath.Join(dir, "list"), string(list)+v+"\n", 0o644)
}

// sourceFiles lists the module's files, slash-separated and relative to
// root: those git tracks or would track, or, without git, every file
// outside hidden directories and node_modules.
func sourceFiles(t *testing.T, root string) []string {
	cmd := exec.Command("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	cmd.Dir = root
	if out, err := cmd.Output(); err == nil {
		return strings.Split(strings.TrimRight(string(out), "\x00"), "\x00")
	}
	var names []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p != root && (strings.HasPrefix(d.Name(), ".") || d.Name() == "node_modules") {
			return filepath.SkipDir
		}
		if !d.IsDir() {
			rel, _ := filepath.Rel(root, p)
			names = append(names, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return names
}

// removeVersions removes the versions of the module from the module cache
// (the extracted tree, the downloaded files and their lines in the
// version list), and the module's directories when nothing else is left
// in them.
func removeVersions(t *testing.T, modCache string, versions ...string) {
	download := filepath.Join(modCache, "cache", "download", filepath.FromSlash(modulePath), "@v")
	for _, v := range versions {
		paths, _ := filepath.Glob(filepath.Join(download, v+".*"))
		paths = append(paths, filepath.Join(modCache, filepath.FromSlash(modulePath)+"@"+v))
		for _, p := range paths {
			if err := os.RemoveAll(p); err != nil {
				t.Errorf("removing the test version from the module cache: %v", err)
			}
		}
	}
	if list, err := os.ReadFile(filepath.Join(download, "list")); err == nil {
		var keep []string
		for _, line := range strings.Split(strings.TrimSpace(string(list)), "\n") {
			if line != "" && !slices.Contains(versions, line) {
				keep = append(keep, line+"\n")
			}
		}
		if len(keep) == 0 {
			os.Remove(filepath.Join(download, "list"))
		} else {
			os.WriteFile(filepath.Join(download, "list"), []byte(strings.Join(keep, "")), 0o644)
		}
	}
	// Empty directories only: os.Remove fails on any other.
	for _, dir := range []string{download, filepath.Dir(download), filepath.Dir(filepath.Dir(download)),
		filepath.Join(modCache, filepath.FromSlash(path.Dir(modulePath)))} {
		os.Remove(dir)
	}
}

type file struct {
	name, path string
	info       os.FileInfo
}

func (f file) Path() string                 { return f.name }
func (f file) Lstat() (os.FileInfo, error)  { return f.info, nil }
func (f file) Open() (io.ReadCloser, error) { return os.Open(f.path) }

func moduleRoot(t *testing.T, goBin string) string {
	mod := goEnvVar(t, goBin, "GOMOD")
	if mod == "" || mod == os.DevNull {
		t.Fatal("not in a module")
	}
	return filepath.Dir(mod)
}

func goEnvVar(t *testing.T, goBin, name string) string {
	out, err := exec.Command(goBin, "env", name).Output()
	if err != nil {
		t.Fatalf("go env %s: %v", name, err)
	}
	return strings.TrimSpace(string(out))
}

// goEnv is the environment with set replacing what it names, and no other
// variable that would change where the go command looks for modules.
func goEnv(t *testing.T, goBin string, set map[string]string) []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		switch k {
		case "GONOSUMDB", "GONOSUMCHECK", "GOPRIVATE", "GONOPROXY", "GOINSECURE", "GOENV":
			continue
		}
		if _, ok := set[k]; !ok {
			env = append(env, kv)
		}
	}
	for k, v := range set {
		env = append(env, k+"="+v)
	}
	return append(env, "GOENV=off")
}

func httpGet(t *testing.T, u string) string {
	t.Helper()
	if _, err := url.Parse(u); err != nil {
		t.Fatal(err)
	}
	res, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil || res.StatusCode != 200 {
		t.Fatalf("GET %s: %s %v", u, res.Status, err)
	}
	return string(b)
}

func mkdir(t *testing.T, dir string) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
}

func writeFile(t *testing.T, name, data string, perm os.FileMode) {
	if err := os.WriteFile(name, []byte(data), perm); err != nil {
		t.Fatal(err)
	}
}

func readFile(t *testing.T, name string) string {
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
