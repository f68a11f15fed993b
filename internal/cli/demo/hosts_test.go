package demo

import (
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestHostPolicy(t *testing.T) {
	tests := []struct {
		addrs, extra []string
		host         string
		want         bool
	}{
		{[]string{"127.0.0.1:8080"}, nil, "127.0.0.1:8080", true},
		{[]string{"127.0.0.1:8080"}, nil, "localhost:8080", true},
		{[]string{"127.0.0.1:8080"}, nil, "LOCALHOST.:8080", true},
		{[]string{"127.0.0.1:8080"}, nil, "app.localhost", true},
		{[]string{"127.0.0.1:8080"}, nil, "127.0.0.2", true},
		{[]string{"127.0.0.1:8080"}, nil, "[::1]:8080", true},
		{[]string{"127.0.0.1:8080"}, nil, "attacker.example", false},
		{[]string{"127.0.0.1:8080"}, nil, "attacker.example:8080", false},
		{[]string{"127.0.0.1:8080"}, nil, "localhost.attacker.example", false},
		{[]string{"127.0.0.1:8080"}, nil, "127.0.0.1.nip.io:8080", false},
		{[]string{"127.0.0.1:8080"}, nil, "", false},
		{[]string{"127.0.0.1:8080"}, nil, "192.0.2.1:8080", false},
		{[]string{"devbox.lan:8080"}, nil, "devbox.lan:8080", true},
		{[]string{"devbox.lan:8080"}, nil, "DevBox.LAN", true},
		{[]string{"127.0.0.1:8080"}, []string{"demo.tunnel.example"}, "demo.tunnel.example", true},
		{[]string{"127.0.0.1:8080"}, []string{"demo.tunnel.example"}, "other.tunnel.example", false},
		// Listening on every interface: the machine's own addresses, not
		// any name.
		{[]string{":8080"}, nil, "attacker.example:8080", false},
		{[]string{"0.0.0.0:8080"}, nil, "attacker.example", false},
		{[]string{"[::]:8080"}, nil, "192.0.2.1", false},
		{[]string{"0.0.0.0:8080"}, nil, "127.0.0.1:8080", true},
	}
	for _, tt := range tests {
		if got := newHostPolicy(tt.addrs, tt.extra).allows(tt.host); got != tt.want {
			t.Errorf("listening on %v (extra %v): Host %q allowed %v, want %v", tt.addrs, tt.extra, tt.host, got, tt.want)
		}
	}
	// An address of one of the machine's interfaces, with a wildcard listen.
	addrs, _ := net.InterfaceAddrs()
	for _, a := range addrs {
		if n, ok := a.(*net.IPNet); ok && !n.IP.IsLoopback() && n.IP.To4() != nil {
			if !newHostPolicy([]string{"0.0.0.0:8080"}, nil).allows(n.IP.String() + ":8080") {
				t.Errorf("listening on 0.0.0.0, the machine's address %s is refused", n.IP)
			}
			if newHostPolicy([]string{"127.0.0.1:8080"}, nil).allows(n.IP.String() + ":8080") {
				t.Errorf("listening on 127.0.0.1, the machine's address %s is answered", n.IP)
			}
			break
		}
	}
}

// TestDemoRefusesOtherHosts: a request whose Host is another name (a page
// of attacker.example whose name was made to resolve to 127.0.0.1) gets
// 421 on every path, and the webhook send does not happen.
func TestDemoRefusesOtherHosts(t *testing.T) {
	s, base := startTest(t, Config{})
	do := func(method, path, host string) *http.Response {
		t.Helper()
		var body io.Reader
		if method == "POST" {
			body = strings.NewReader(url.Values{"event": {"chat_accepted"}}.Encode())
		}
		req, err := http.NewRequest(method, base+path, body)
		if err != nil {
			t.Fatal(err)
		}
		req.Host = host
		req.Header.Set(demoHeader, "1")
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		return res
	}
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(base, "http://"))
	for _, r := range []struct{ method, path string }{
		{"GET", "/"}, {"GET", "/demo/demo.js"}, {"GET", "/jivokit/stub.js"}, {"GET", "/jivokit/runtime.js"},
		{"GET", "/app/" + s.manifest.WASM}, {"GET", "/demo/webhook/events"},
		{"POST", "/demo/webhook/send"}, {"POST", s.WebhookPath()}, {"GET", "/nope"},
	} {
		for _, host := range []string{"attacker.example", "attacker.example:" + port} {
			if res := do(r.method, r.path, host); res.StatusCode != http.StatusMisdirectedRequest {
				t.Errorf("%s %s with Host %s: %s, want 421", r.method, r.path, host, res.Status)
			}
		}
	}
	if n := s.events.Len(); n != 0 {
		t.Errorf("%d webhook events were received from refused requests", n)
	}
	for _, host := range []string{"127.0.0.1:" + port, "localhost:" + port} {
		if res := do("GET", "/", host); res.StatusCode != http.StatusOK {
			t.Errorf("GET / with Host %s: %s", host, res.Status)
		}
	}
	if res := do("POST", "/demo/webhook/send", "localhost:"+port); res.StatusCode != http.StatusOK || s.events.Len() != 1 {
		t.Errorf("send with Host localhost: %s, %d events", res.Status, s.events.Len())
	}
}
