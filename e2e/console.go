package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// ConsoleMessage is what a page wrote to its console, an exception nothing
// caught, or an entry of the browser's log (a failed request, a blocked
// script).
type ConsoleMessage struct {
	// Type is the console method ("log", "warning", "error", ...),
	// "exception" for an uncaught exception or unhandled rejection, or
	// "browser-" and the level ("browser-error") for a browser log entry.
	Type string
	Text string
	URL  string // where it came from, when known
	Line int    // 1-based; 0 when unknown
}

// Problem reports whether the message fails a test: a console error or
// assertion, an uncaught exception, or a browser log error.
func (m ConsoleMessage) Problem() bool {
	switch m.Type {
	case "error", "assert", "exception", "browser-error":
		return true
	}
	return false
}

func (m ConsoleMessage) String() string {
	s := m.Type + ": " + m.Text
	if m.URL != "" {
		s += " (" + m.URL
		if m.Line > 0 {
			s += fmt.Sprintf(":%d", m.Line)
		}
		s += ")"
	}
	return s
}

// Console returns every message the page has written so far.
func (p *Page) Console() []ConsoleMessage {
	p.sync()
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]ConsoleMessage(nil), p.console...)
}

// sync makes sure every event the page sent before now was recorded: the
// listener sees an event before the reply of any later command.
func (p *Page) sync() {
	ctx, cancel := context.WithTimeout(p.ctx, p.browser)
	defer cancel()
	chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void]("0"))
}

// record runs on chromedp's reading goroutine for each event of the tab; it
// must return fast and never call the browser.
func (p *Page) record(ev any) {
	var m ConsoleMessage
	switch e := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		parts := make([]string, 0, len(e.Args))
		for _, a := range e.Args {
			parts = append(parts, remoteText(a))
		}
		m = ConsoleMessage{Type: string(e.Type), Text: strings.Join(parts, " ")}
		if st := e.StackTrace; st != nil && len(st.CallFrames) > 0 {
			m.URL, m.Line = st.CallFrames[0].URL, int(st.CallFrames[0].LineNumber)+1
		}
	case *runtime.EventExceptionThrown:
		d := e.ExceptionDetails
		if d == nil {
			return
		}
		text := d.Text
		if d.Exception != nil {
			desc, _, _ := strings.Cut(remoteText(d.Exception), "\n    at ")
			text = strings.TrimSpace(text + " " + desc)
		}
		m = ConsoleMessage{Type: "exception", Text: text, URL: d.URL, Line: int(d.LineNumber) + 1}
	case *log.EventEntryAdded:
		en := e.Entry
		if en == nil {
			return
		}
		m = ConsoleMessage{Type: "browser-" + string(en.Level), Text: en.Text, URL: en.URL}
		if en.LineNumber > 0 {
			m.Line = int(en.LineNumber) + 1
		}
	default:
		return
	}
	p.mu.Lock()
	p.console = append(p.console, m)
	p.mu.Unlock()
}

// remoteText renders one console argument: a string as it is, another
// value as JSON or by its description.
func remoteText(o *runtime.RemoteObject) string {
	if o == nil {
		return "null"
	}
	if len(o.Value) > 0 {
		var s string
		if o.Type == runtime.RemoteObjectTypeString && json.Unmarshal(o.Value, &s) == nil {
			return s
		}
		return string(o.Value)
	}
	if o.UnserializableValue != "" {
		return string(o.UnserializableValue)
	}
	if o.Description != "" {
		return o.Description
	}
	return string(o.Type)
}

// problems returns the messages that fail the test: problems that no
// WithAllowedConsole pattern matches.
func (p *Page) problems(msgs []ConsoleMessage) []ConsoleMessage {
	var out []ConsoleMessage
	for _, m := range msgs {
		if !m.Problem() {
			continue
		}
		allowed := false
		for _, re := range p.allow {
			if re.MatchString(m.Text) {
				allowed = true
				break
			}
		}
		if !allowed {
			out = append(out, m)
		}
	}
	return out
}
