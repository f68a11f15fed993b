// Command run writes every generated file of the module; `go generate ./...`
// calls it through the directive in the module root's doc.go.
package main

import (
	"fmt"
	"os"

	"github.com/jivokit/jivokit/internal/build/gen"
)

func main() {
	root, err := gen.Root(".")
	if err == nil {
		var written []string
		written, err = gen.Write(root)
		for _, p := range written {
			fmt.Println("wrote", p)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "jivokit gen:", err)
		os.Exit(1)
	}
}
