package wasmbuild

import (
	"context"
	"os/exec"
	"time"
)

// waitDelay is how long a cancelled go command and the processes it
// started get to exit before they are killed.
const waitDelay = 5 * time.Second

// goCmd is the go command with args, run in dir with env. When ctx ends, the go
// command and every compiler and linker it started are interrupted
// (where the system has process groups), not only the go command: killing
// it alone would leave them running.
func goCmd(ctx context.Context, goBin, dir string, env []string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, goBin, args...)
	cmd.Dir = dir
	cmd.Env = env
	cmd.WaitDelay = waitDelay
	interruptTree(cmd)
	return cmd
}
