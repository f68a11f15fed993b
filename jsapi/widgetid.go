package jsapi

// WidgetIDRule is the vendor's rule for a widget id, as its loader checks
// it, in the words of jivokit's errors.
const WidgetIDRule = "a widget id is all digits, or exactly 10 characters of A-Z, a-z and 0-9"

// ValidWidgetID reports whether the vendor's loader accepts id: one or
// more ASCII digits, or exactly 10 ASCII letters and digits. The loader
// refuses any other id ("Widget id is not valid." on the console) and
// loads nothing.
func ValidWidgetID(id string) bool {
	if id == "" {
		return false
	}
	digits := true
	for i := 0; i < len(id); i++ {
		c := id[i]
		switch {
		case '0' <= c && c <= '9':
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
			digits = false
		default:
			return false
		}
	}
	return digits || len(id) == 10
}
