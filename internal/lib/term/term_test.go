package term_test

import (
	"fmt"
	"testing"

	"github.com/jivokit/jivokit/internal/lib/term"
)

func TestVisible(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text · ünïcode 日本 😀", "plain text · ünïcode 日本 😀"},
		{"clear\x1b[2J", `clear\x1b[2J`},
		{"line\nbreak\r", `line\nbreak\r`},
		{"bell\x07 del\x7f nul\x00", `bell\a del\x7f nul\x00`},
		{"c1 \u009b31m \u0085", `c1 \u009b31m \u0085`},
		{"rtl \u202eabc", `rtl \u202eabc`},
		{"sep \u2028\u2029", `sep \u2028\u2029`},
		{"bad \xff\xc0 utf8", `bad \xff\xc0 utf8`},
		{`back\slash`, `back\slash`},
	}
	for _, tt := range tests {
		if got := term.Visible(tt.in); got != tt.want {
			t.Errorf("Visible(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func ExampleVisible() {
	fmt.Println(term.Visible("chat 1\x1b[2J\r\nforged"))
	// Output: chat 1\x1b[2J\r\nforged
}
