// Command jivokit is the jivokit developer tool: a demo of the whole toolkit
// on the stub widget, the Go/WASM build step, the code generator, the embed
// snippet for sites not written in Go, and webhook tools.
//
// Install it with
//
//	go install github.com/jivokit/jivokit/cmd/jivokit@latest
//
// It works in any directory: outside a clone of jivokit, the demo builds its
// example app from the source of the release the command was installed
// from, which the go command fetches like any module.
//
// Usage:
//
//	jivokit demo [-addr 127.0.0.1:8080] [-widget-id ID] [-build-dir DIR] [-allow-host NAME] [-read-timeout D] [-write-timeout D] [-idle-timeout D]
//	jivokit build [-o DIR] [-quick] PACKAGE
//	jivokit gen [-check] [-C DIR]
//	jivokit snippet -widget-id ID [-stub] [-load STRATEGY] [-csp] [-nonce N] [-name ... -email ... -phone ...]
//	jivokit webhook send EVENT -url URL [-set path=value ...] [-timeout 10s]
//	jivokit webhook listen [-addr 127.0.0.1:8090] [-path /jivo/webhook/SECRET] [-log events.jsonl] [-sync] [flags]
//	jivokit version
//
// `jivokit COMMAND -h` (or `jivokit help COMMAND`) prints a command's flags.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/jivokit/jivokit/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Run(ctx, os.Stdin, os.Stdout, os.Stderr, os.Args[1:])
	stop()
	os.Exit(code)
}
