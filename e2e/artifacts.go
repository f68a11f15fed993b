package e2e

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/chromedp"
)

// finish checks the console, saves a screenshot of a failed test and is
// called once, when the test ends.
func (p *Page) finish() {
	msgs := p.Console()
	if bad := p.problems(msgs); len(bad) > 0 {
		var b strings.Builder
		for _, m := range bad {
			b.WriteString("\n\t")
			b.WriteString(m.String())
		}
		p.tb.Errorf("e2e: %s reported %d console error(s) (allow expected ones with e2e.WithAllowedConsole):%s", p.url, len(bad), b.String())
	}
	if !p.tb.Failed() {
		return
	}
	dir, err := artifactsDir()
	if err != nil {
		p.tb.Logf("e2e: no screenshot: %v", err)
		return
	}
	base := filepath.Join(dir, fileName(p.tb.Name()))
	var log strings.Builder
	log.WriteString(p.url + "\n")
	for _, m := range msgs {
		log.WriteString(m.String() + "\n")
	}
	if err := os.WriteFile(base+".console.txt", []byte(log.String()), 0o644); err != nil {
		p.tb.Logf("e2e: saving the console: %v", err)
	}
	ctx, cancel := context.WithTimeout(p.ctx, 10*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		p.tb.Logf("e2e: no screenshot: %v", err)
		return
	}
	if err := os.WriteFile(base+".png", png, 0o644); err != nil {
		p.tb.Logf("e2e: saving the screenshot: %v", err)
		return
	}
	p.tb.Logf("e2e: screenshot of %s: %s.png (console: %s.console.txt)", p.url, base, base)
}

var tempArtifacts struct {
	once sync.Once
	dir  string
	err  error
}

// artifactsDir is $JIVOKIT_E2E_ARTIFACTS, created when missing, or else one
// new temporary directory per test process, kept after the tests for
// reading.
func artifactsDir() (string, error) {
	if d := os.Getenv("JIVOKIT_E2E_ARTIFACTS"); d != "" {
		return d, os.MkdirAll(d, 0o755)
	}
	tempArtifacts.once.Do(func() {
		tempArtifacts.dir, tempArtifacts.err = os.MkdirTemp("", "jivokit-e2e-")
	})
	return tempArtifacts.dir, tempArtifacts.err
}

// fileName turns a test name ("TestChat/agent_accepts") into a file name.
func fileName(testName string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_', r == '.':
			return r
		}
		return '_'
	}, testName)
}
