package eventlog

import (
	"strconv"
	"unicode/utf8"
)

const (
	// ViewBuffer is how many bytes of readable lines a Log holds for
	// a Print that is slower than the events; lines beyond it are dropped
	// and counted (see Log.Dropped).
	ViewBuffer = 256 << 10
	// maxViewLine is the longest readable line, in bytes.
	maxViewLine = 2000
)

// viewNote is the line that tells Print how many readable lines it missed.
func viewNote(n uint64) string {
	return "(" + strconv.FormatUint(n, 10) + " events not shown here: the output was not read in time; the event log has them)\n"
}

// clipLine shortens s to at most n bytes, on a rune boundary, marking the
// cut with "…".
func clipLine(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n - len("…")
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
