package jsapi

import (
	"strconv"
	"unicode/utf8"
)

// The interpreter of the rules in rules.go. The stub widget's
// (stub/src/validate.js) runs the same steps; the two are kept alike, step
// for step, and testdata/validation.json checks that they agree.

// problem runs r's steps on s and returns the problem of the first step of
// the vendor's or of the value's form that fails, with its kind; when none
// does, that of the first step of advice that fails; "" when none fails. A
// step's problem may name its subject ({c}, {v}) and count ({n}).
//
//go:noinline
func (r *rule) problem(s string) (string, Kind) {
	advice := ""
	for i := range r.steps {
		st := &r.steps[i]
		if advice != "" && st.kind == KindAdvice {
			continue // a step of advice may rest on the one that failed
		}
		subject, n, failed := "", 0, false
		switch st.op {
		case opBlank:
			failed = isBlank(s)
		case opUTF8:
			failed = !utf8.ValidString(s)
		case opOnly:
			_, bad, end := scan(s, st.class, st.extra)
			if failed = bad >= 0; failed {
				subject = s[bad:end]
			}
		case opCount:
			part := s
			if st.extra != "" {
				part = ""
				if at := indexByte(s, st.extra[0]); at >= 0 {
					part = trim(s[at+1:], st.extra[1:])
				}
			}
			n, _, _ = scan(part, st.class, "")
			failed = n < int(st.lo) || st.hi >= 0 && n > int(st.hi)
		case opAround:
			at := index(s, st.extra)
			failed = at <= 0 || at+len(st.extra) >= len(s)
		case opShape:
			p := len(st.extra)
			failed, subject = len(s) < p || s[:p] != st.extra, s
			if !failed {
				m, bad, _ := scan(s[p:], st.class, "")
				failed = bad >= 0 || p+m != int(st.lo) && p+m != int(st.hi)
			}
		case opOneOf:
			subject, failed = s, !oneOf(st.extra, s, false)
		case opScheme:
			j := index(s, "://")
			failed = j < 0
			if !failed {
				subject, failed = s[:j], st.extra != "" && !oneOf(st.extra, s[:j], true)
			}
		default: // opIPv6, opHost, opPort
			host, port, ok := hostPort(s)
			switch st.op {
			case opIPv6:
				failed = !ok
			case opHost:
				failed = host == "" || host == "[]"
			default:
				failed = !portOK(port, int(st.lo), int(st.hi))
			}
		}
		if failed {
			p := fill(st.problem, subject, n, int(st.lo), int(st.hi))
			if st.kind != KindAdvice {
				return p, st.kind
			}
			advice = p
		}
	}
	if advice != "" {
		return advice, KindAdvice
	}
	return "", 0
}

// check runs r on s and returns nil, the *InputError of a refusal, or the
// *Warning of advice, naming field.
func (r *rule) check(field, s string) error {
	p, k := r.problem(s)
	return report(field, p, k)
}

// scan counts the characters of s in class and finds the first that is
// not, unless it is the first character of s and one of first: it is
// s[bad:end], bad < 0 when there is none.
//
//go:noinline
func scan(s, class, first string) (n, bad, end int) {
	// The ASCII characters of class, bit c%64 of word c/64 for c, built
	// once rather than reading class for each character. The pairs are in
	// order: the ASCII ones come first, and one that ends past ASCII is the
	// last read (the next byte continues its end's encoding).
	var ascii [2]uint64
	for i := 0; i+1 < len(class) && class[i] < utf8.RuneSelf; i += 2 {
		for c := class[i]; c <= class[i+1] && c < utf8.RuneSelf; c++ {
			ascii[c>>6&1] |= 1 << (c & 63)
		}
	}
	bad, end = -1, -1
	for i, r := range s {
		if bad >= 0 && end < 0 {
			end = i
		}
		hit := ascii[r>>6&1]>>(r&63)&1 != 0 // meaningless past ASCII, where in decides
		if r >= utf8.RuneSelf {
			hit = in(class, r)
		}
		if hit {
			n++
		} else if bad < 0 && (i > 0 || r >= utf8.RuneSelf || indexByte(first, byte(r)) < 0) {
			bad = i
		}
	}
	if end < 0 {
		end = len(s)
	}
	return n, bad, end
}

// fill writes problem with its {c}, {v}, {n}, {lo} and {hi} filled in.
func fill(problem, subject string, n, lo, hi int) string {
	out := "" // what is filled in is never read again: a subject may hold braces
	for {
		i := indexByte(problem, '{')
		if i < 0 {
			return out + problem
		}
		j := i + indexByte(problem[i:], '}')
		k, v := problem[i+1], ""
		switch k {
		case 'c', 'v':
			q := `"`
			if k == 'c' {
				q = "'"
			}
			v = quote(subject, q)
		default:
			if k == 'l' {
				n = lo
			} else if k == 'h' {
				n = hi
			}
			v = strconv.Itoa(n)
		}
		out += problem[:i] + v
		problem = problem[j+1:]
	}
}

// in reports whether r is in class, pairs of first and last characters in
// ascending order.
//
//go:noinline
func in(class string, r rune) bool {
	lo := rune(-1)
	for _, c := range class {
		switch {
		case lo >= 0:
			if r <= c {
				return true
			}
			lo = -1
		case c > r: // this pair and the rest lie past r
			return false
		default:
			lo = c
		}
	}
	return false
}

// trim removes the ASCII characters of cut from both ends of s.
func trim(s, cut string) string {
	for s != "" && indexByte(cut, s[0]) >= 0 {
		s = s[1:]
	}
	for s != "" && indexByte(cut, s[len(s)-1]) >= 0 {
		s = s[:len(s)-1]
	}
	return s
}

// oneOf reports whether s is one of the "|"-separated words of words; with
// fold, ASCII letters of s match in either case (the words are lower-case).
func oneOf(words, s string, fold bool) bool {
	for w := 0; w <= len(words); {
		end := w + indexByte(words[w:], '|')
		if end < w {
			end = len(words)
		}
		ok := end-w == len(s)
		for i := 0; ok && i < len(s); i++ {
			c := s[i]
			if fold && 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			ok = c == words[w+i]
		}
		if ok {
			return true
		}
		w = end + 1
	}
	return false
}

// hostPort returns the host of a link, as written (an IPv6 address in its
// brackets), and its port with the ':' before it ("" when none); ok is false
// for an IPv6 address not closed right before the port or the host's end.
func hostPort(link string) (host, port string, ok bool) {
	i := index(link, "://")
	if i < 0 {
		return "", "", true
	}
	hp := link[i+3:] // the host and port: up to the path, query or fragment, without user info
	for j := 0; j < len(hp); j++ {
		if c := hp[j]; c == '/' || c == '?' || c == '#' {
			hp = hp[:j]
			break
		}
	}
	for j := len(hp) - 1; j >= 0; j-- { // user info ends at the last '@' (a loop here, not a function: a smaller WebAssembly binary)
		if hp[j] == '@' {
			hp = hp[j+1:]
			break
		}
	}
	c := indexByte(hp, ':')
	if hp != "" && hp[0] == '[' {
		c = indexByte(hp, ']') + 1
		if c == 0 || c < len(hp) && hp[c] != ':' {
			return "", "", false
		}
	}
	if c < 0 {
		c = len(hp)
	}
	return hp[:c], hp[c:], true
}

// portOK reports whether port is "", or ':' and at most digits digits
// making at most max.
func portOK(port string, digits, max int) bool {
	n := 0
	for j := 1; j < len(port); j++ {
		d := port[j] - '0'
		if d > 9 || j > digits {
			return false
		}
		n = n*10 + int(d)
	}
	return n <= max
}
