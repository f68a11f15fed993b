package demo

import (
	"net"
	"strings"
)

// hostPolicy is the set of host names the demo answers. A page on another
// name, even one that resolves to this machine, is refused: otherwise a
// site whose name is made to resolve to 127.0.0.1 (DNS rebinding) could
// read the demo's pages and send its webhooks from the visitor's browser.
//
// Answered are: "localhost" and names under ".localhost" (browsers resolve
// them to the loopback address themselves), loopback addresses, the host of
// the listening address, every address of this machine when that host is a
// wildcard (0.0.0.0 or ::), and the names given as extra.
type hostPolicy struct {
	names    map[string]bool
	anyLocal bool // the demo listens on every interface
}

// newHostPolicy returns the policy for a server listening on addr (as given
// to -addr, or as bound), with extra names allowed.
func newHostPolicy(addrs []string, extra []string) *hostPolicy {
	p := &hostPolicy{names: map[string]bool{}}
	for _, a := range addrs {
		if a == "" {
			continue
		}
		host, _, err := net.SplitHostPort(a)
		if err != nil {
			host = a
		}
		host = normalHost(host)
		if host == "" {
			p.anyLocal = true
			continue
		}
		if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
			p.anyLocal = true
			continue
		}
		p.names[host] = true
	}
	for _, n := range extra {
		if n = normalHost(n); n != "" {
			p.names[n] = true
		}
	}
	return p
}

// allows reports whether a request with this Host header is answered.
func (p *hostPolicy) allows(hostHeader string) bool {
	host := hostHeader
	if h, _, err := net.SplitHostPort(hostHeader); err == nil {
		host = h
	}
	host = normalHost(host)
	if host == "" {
		return false
	}
	if host == "localhost" || strings.HasSuffix(host, ".localhost") || p.names[host] {
		return true
	}
	ip := net.ParseIP(host)
	if ip == nil {
		return false
	}
	if ip.IsLoopback() {
		return true
	}
	return p.anyLocal && isLocalAddress(ip)
}

// normalHost lowercases a host name, drops a final dot and the brackets of
// an IPv6 literal.
func normalHost(h string) string {
	h = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSuffix(h, "]"), "["), ".")
	return strings.ToLower(h)
}

// isLocalAddress reports whether ip is an address of one of this machine's
// interfaces.
func isLocalAddress(ip net.IP) bool {
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		return false
	}
	for _, a := range addrs {
		if n, ok := a.(*net.IPNet); ok && n.IP.Equal(ip) {
			return true
		}
	}
	return false
}
