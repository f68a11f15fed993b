package assets

import (
	"slices"
	"testing"
)

func TestAcceptedEncodings(t *testing.T) {
	tests := []struct {
		header []string
		want   []string
	}{
		{nil, nil},
		{[]string{""}, nil},
		{[]string{"gzip"}, []string{"gzip"}},
		{[]string{"gzip, br"}, []string{"br", "gzip"}},
		{[]string{"gzip", "br"}, []string{"br", "gzip"}},
		{[]string{"br;q=0.1, gzip;q=0.8"}, []string{"gzip", "br"}},
		{[]string{"BR ; Q=1, x-gzip"}, []string{"br", "gzip"}},
		{[]string{"*"}, []string{"br", "gzip"}},
		{[]string{"*;q=0, gzip"}, []string{"gzip"}},
		{[]string{"*, br;q=0"}, []string{"gzip"}},
		{[]string{"br;q=bogus, gzip"}, []string{"gzip"}},
		{[]string{"br;q=2"}, nil},
		{[]string{"deflate, identity"}, nil},
	}
	for _, tt := range tests {
		var got []string
		for _, e := range acceptedEncodings(tt.header) {
			got = append(got, e.name)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("acceptedEncodings(%q) = %q, want %q", tt.header, got, tt.want)
		}
	}
}
