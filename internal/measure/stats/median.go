// Package stats is the arithmetic the measurement commands share (they
// start their browser with e2e.Launch).
package stats

import (
	"math"
	"slices"
)

// Median is the median of xs: the middle value, or the mean of the two
// middle values of an even count; NaN for none. xs is not changed.
func Median(xs []float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}
