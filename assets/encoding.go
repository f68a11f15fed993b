package assets

import (
	"strconv"
	"strings"
)

// encoding is a content coding the handler can serve from a precompressed copy.
type encoding struct {
	name   string // as in Accept-Encoding and Content-Encoding
	suffix string // of the precompressed copy's file name
}

// encodings in the handler's order of preference when the client rates
// them equally.
var encodings = []encoding{{"br", ".br"}, {"gzip", ".gz"}}

// acceptedEncodings returns the names of the encodings the Accept-Encoding
// header values accept, best first. A coding with q=0 is refused; "*" stands
// for every coding the header does not name.
func acceptedEncodings(header []string) []encoding {
	q := map[string]float64{}
	star, hasStar := 0.0, false
	for _, h := range header {
		for _, part := range strings.Split(h, ",") {
			name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
			name = strings.ToLower(strings.TrimSpace(name))
			if name == "" {
				continue
			}
			weight := 1.0
			for _, p := range strings.Split(params, ";") {
				k, v, ok := strings.Cut(strings.TrimSpace(p), "=")
				if ok && strings.EqualFold(strings.TrimSpace(k), "q") {
					f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
					if err != nil || f < 0 || f > 1 {
						f = 0
					}
					weight = f
				}
			}
			if name == "x-gzip" {
				name = "gzip"
			}
			if name == "*" {
				star, hasStar = weight, true
				continue
			}
			q[name] = weight
		}
	}
	var out []encoding
	var weights []float64
	for _, e := range encodings {
		w, ok := q[e.name]
		if !ok && hasStar {
			w, ok = star, true
		}
		if !ok || w <= 0 {
			continue
		}
		// Insert after every encoding rated at least as high: a stable sort
		// that keeps the preference order among equals.
		i := len(out)
		for i > 0 && weights[i-1] < w {
			i--
		}
		out = append(out[:i], append([]encoding{e}, out[i:]...)...)
		weights = append(weights[:i], append([]float64{w}, weights[i:]...)...)
	}
	return out
}
