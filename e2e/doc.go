// Package e2e tests web pages in headless Chromium, as net/http/httptest
// tests handlers: start the site on 127.0.0.1, open it in a tab, drive it,
// and read what the stub widget (package stub) recorded. No sleeps: every
// wait polls the page with a timeout.
//
//	func TestChat(t *testing.T) {
//		srv := httptest.NewServer(site.Handler()) // a page that loads stub.Path
//		defer srv.Close()
//
//		p := e2e.NewBrowser(t).Open(t, srv.URL)
//		p.WaitLoaded()
//		p.Click(`button[data-method="open"]`)
//		p.WaitState("chat")
//		p.Stub("agentMessage", "Hello!")
//		if calls := p.StubCalls(); calls[0].Method != "open" {
//			t.Errorf("first call %s, want open", calls[0].Method)
//		}
//	}
//
// One Chromium serves every test of a test process: NewBrowser starts it on
// first use and each page gets a tab of its own, in a fresh browser context
// (no cookies or storage shared between tests). Call Main from TestMain to
// stop it when the tests are done; otherwise it stops with the test process.
// Launch starts a browser of its own, outside any test, for a benchmark or
// a measurement command; NewBrowser is its testing wrapper.
//
// A page fails its test when it logs a console error, throws an uncaught
// exception or the browser logs an error (a failed resource load, a CSP
// violation), unless WithAllowedConsole matches the message; the report of
// the widget iframe's javascript:void(0) under a strict policy always
// passes (it does nothing). When a test fails,
// the page's full-size screenshot and console log are saved and their path
// is logged.
//
// Environment:
//
//   - JIVOKIT_CHROMIUM: the browser to run; default /usr/bin/chromium, then
//     the first that chromedp finds on PATH (headless-shell, chromium,
//     google-chrome, ...). WithChromium overrides it for Launch.
//   - JIVOKIT_E2E_ARTIFACTS: the directory for screenshots of failed tests;
//     default a new directory under the system's temporary directory.
//   - CI: when set and not empty, a missing browser fails the test instead
//     of skipping it.
package e2e
