//go:build unix

package wasmbuild

import (
	"errors"
	"os"
	"os/exec"
	"syscall"
)

// interruptTree starts cmd in a process group of its own and makes its
// cancellation interrupt the whole group.
func interruptTree(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error {
		err := syscall.Kill(-cmd.Process.Pid, syscall.SIGINT)
		if errors.Is(err, syscall.ESRCH) {
			return os.ErrProcessDone
		}
		return err
	}
}
