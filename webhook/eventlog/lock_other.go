//go:build !unix

package eventlog

import "os"

// lockLog does nothing here: the advisory lock is taken on Unix only.
func lockLog(*os.File) error { return nil }
