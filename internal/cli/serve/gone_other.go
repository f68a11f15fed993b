//go:build !unix

package serve

import "net"

// peerClosed cannot look at the socket on this system: net/http's own
// check (the request's context) is the only one.
func peerClosed(net.Conn) bool { return false }
