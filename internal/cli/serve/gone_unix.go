//go:build unix

package serve

import (
	"errors"
	"net"
	"syscall"
)

// peerClosed reports whether c's peer has closed or reset the connection
// with nothing left to read: a peek at the socket that does not wait and
// does not consume. Unread bytes (a body not read yet, a request sent
// after this one) say nothing, and count as the peer being there.
func peerClosed(c net.Conn) bool {
	if nc, ok := c.(interface{ NetConn() net.Conn }); ok { // TLS
		c = nc.NetConn()
	}
	sc, ok := c.(syscall.Conn)
	if !ok {
		return false
	}
	raw, err := sc.SyscallConn()
	if err != nil {
		return false
	}
	closed := false
	var buf [1]byte
	err = raw.Control(func(fd uintptr) {
		for {
			n, _, err := syscall.Recvfrom(int(fd), buf[:], syscall.MSG_PEEK|syscall.MSG_DONTWAIT)
			switch {
			case errors.Is(err, syscall.EINTR):
				continue
			case err == nil:
				closed = n == 0 // end of stream
			case errors.Is(err, syscall.EAGAIN), errors.Is(err, syscall.EWOULDBLOCK):
			default:
				closed = true // reset
			}
			return
		}
	})
	return err == nil && closed
}
