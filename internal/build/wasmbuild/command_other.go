//go:build !unix

package wasmbuild

import "os/exec"

// interruptTree leaves cmd's cancellation as it is (the process is killed)
// where there are no process groups to signal.
func interruptTree(*exec.Cmd) {}
