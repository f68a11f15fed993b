//go:build unix

package eventlog

import (
	"errors"
	"os"
	"syscall"
)

// lockLog takes an advisory lock on the log file f for as long as it is
// open, so that two processes never append to one log (both would write
// the same seqs).
func lockLog(f *os.File) error {
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		switch {
		case err == nil:
			return nil
		case errors.Is(err, syscall.EINTR):
			continue
		case errors.Is(err, syscall.EWOULDBLOCK):
			return ErrInUse
		case errors.Is(err, syscall.ENOTSUP), errors.Is(err, syscall.ENOLCK), errors.Is(err, syscall.EINVAL):
			return nil // a file system without locks: nothing to guard with
		default:
			return err
		}
	}
}
