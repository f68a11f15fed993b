package jsapi

// The validation rules, as data: the limits, character classes and
// messages of every check. This package's checks (validate.go) run them, and
// jivokit gen writes them into the stub widget (stub/src/rules.gen.js),
// whose interpreter runs the same steps, so the stub refuses what Go code
// refuses and advises what it advises, message for message.
// testdata/validation.json holds the cases both interpreters must agree on.
//
// A rule is the checks of one text value: its steps run in order. Each step
// has a Kind: the vendor's rule, jivokit's advice or the value's form. The
// first step of the vendor's or the form's that fails gives the problem (an
// *InputError's Problem); when none does, the first step of advice that
// fails gives it (a *Warning's). A class is
// a set of characters written as pairs of first and last code points: "09"
// is the digits, "  " a space.

// op is what a step checks.
type op uint8

const (
	// opBlank fails when the value is empty or only white space (the class
	// space, what strings.TrimSpace trims).
	opBlank op = iota + 1
	// opUTF8 fails when the value is not valid UTF-8. (A JavaScript string
	// always passes: a lone surrogate reads as U+FFFD, as a bad byte does.)
	opUTF8
	// opOnly fails at the first character outside class, except that the
	// characters of extra are allowed as the first one; {c} is that
	// character.
	opOnly
	// opCount counts the characters of class (with extra, only in the part
	// after the first extra[0], without the extra[1:] characters at its
	// ends) and fails when the count is below lo or, when hi >= 0, above
	// hi; {n} is the count.
	opCount
	// opAround fails unless the value holds extra with text before and after
	// its first occurrence.
	opAround
	// opShape fails unless the value starts with extra, has lo or hi
	// characters in all, and the rest of them are of class; {v} is the value.
	opShape
	// opOneOf fails unless the value is one of the "|"-separated words of
	// extra; {v} is the value.
	opOneOf
	// opScheme fails unless the value holds "://" after its scheme: with
	// extra, the scheme must also be one of its "|"-separated words, in any
	// case; {v} is the scheme.
	opScheme
	// opIPv6 fails when the link's host starts with '[' and the address
	// does not end with ']', right before the port's ':' or the host's end.
	opIPv6
	// opHost fails when the link has no host ("" or "[]"). The host and
	// port of a link run from after "://" up to its first '/', '?' or '#',
	// without user info (up to the last '@'); the port follows the first
	// ':', or the ':' right after an IPv6 address's ']'.
	opHost
	// opPort fails unless the link's port, when it has one, is at most lo
	// digits and at most hi; an empty port is the default one.
	opPort
)

// Kind says whose a rule is, and so what breaking it does.
type Kind uint8

const (
	// KindVendor: the vendor documents the rule (RuleInfo.Source says
	// where). A value that breaks it is refused, or left out with a
	// report, in every mode.
	KindVendor Kind = iota + 1
	// KindAdvice: jivokit's own advice, which the vendor does not document.
	// A value that breaks it goes through unchanged with a *Warning; strict
	// mode refuses it.
	KindAdvice
	// KindForm: the value cannot be written at all (a string that is not
	// valid UTF-8 has no JavaScript or JSON form; a number that is not
	// finite has no JSON one; a non-object where an object is required).
	// It is refused in every mode.
	KindForm
)

// String is the kind's name in the docs and the stub's rules: "vendor",
// "advice" or "form".
func (k Kind) String() string {
	switch k {
	case KindVendor:
		return "vendor"
	case KindAdvice:
		return "advice"
	case KindForm:
		return "form"
	}
	return "unknown"
}

// step is one check of a rule. The problem may hold {c} (a character
// quoted in '), {v} (a value quoted in "), {n} (a count), {lo} and {hi}.
type step struct {
	op      op
	kind    Kind
	lo, hi  int32 // small: a WebAssembly binary carries every step
	class   string
	extra   string
	problem string
}

// rule is the checks of one text value, the field an *InputError names
// unless its caller names another.
type rule struct {
	field string
	steps []step
}

// The character classes. Their pairs are in ascending order, which lets
// in stop at the first pair past the character (a test checks).
const (
	// classSpace is white space as unicode.IsSpace and strings.TrimSpace
	// see it: no U+FEFF or U+200B, which JavaScript's trim would take.
	classSpace     = "\t\r  " + classWideSpace
	classWideSpace = "\u0085\u0085\u00a0\u00a0\u1680\u1680\u2000\u200a\u2028\u2029\u202f\u202f\u205f\u205f\u3000\u3000"
	// classInvisible is what quote escapes as \u and four hex digits, as
	// strconv.Quote does: C1 controls, white space other than ' ',
	// zero-width, direction and other formatting marks, the byte order mark.
	classInvisible = "\u0080\u00a0\u00ad\u00ad\u1680\u1680\u2000\u200f\u2028\u202f\u205f\u2064\u3000\u3000\ufeff\ufeff"
	classDigit     = "09"
	classHex       = "09AFaf"
	// classPhone: digits, and spaces, dots, dashes and parentheses.
	classPhone = "  (())--.." + classDigit
	// classNotInEmail: white space, control characters, <, > and ".
	classNotInEmail = "\x00\x1f  \"\"<<>>\x7f\x7f" + classWideSpace
	// classNotInLink: spaces, control characters and backslashes.
	classNotInLink = "\x00 \\\\\x7f\x7f"
)

// Messages of the checks that are not single-value rules.
const (
	problemEmpty        = "is empty"
	problemUTF8         = "is not valid UTF-8"
	problemTooMany      = "has {n} entries, at most {hi} are allowed"
	problemNoContent    = "has no content, title or key"
	problemNoAnswerTo   = "and phone are both empty; give one to answer to"
	problemNegative     = "is negative"
	problemEmptyID      = "has an empty id"
	problemNotTextNum   = "is neither a string nor a number"
	problemNotFinite    = "is not a finite number"
	problemNotJSONObj   = "is not a JSON object"
	problemEmailChar    = "contains a character an e-mail address cannot have"
	problemNotAbsolute  = "is not an absolute http or https URL"
	problemTitleCut     = "is longer than {hi} characters; it is cut to {hi}"
	problemTooManyCalls = "has been called {n} times within the hour; the vendor takes at most {hi}"
	problemHostNotSafe  = "is not an http(s) link to a safe host"
	problemNoAttributes = "sets no attribute; the call still counts against the vendor's limit"
)

// Messages the stub widget adds for what Go's types rule out: a JavaScript
// caller can pass any value.
const (
	problemNotString = "is not a string"
	problemNotObject = "is not an object"
	problemNotArray  = "is not an array"
	problemNotWhole  = "is not a whole number"
	problemMustBeObj = "must be an object"
)

// The rules.
var (
	phoneRule = rule{"phone", []step{
		{kind: KindForm, op: opUTF8, problem: problemUTF8},
		{kind: KindAdvice, op: opBlank, problem: problemEmpty},
		{kind: KindAdvice, op: opOnly, class: classPhone, extra: "+", problem: "contains {c}; only digits, a leading +, spaces, dots, dashes and parentheses are allowed"},
		{kind: KindAdvice, op: opCount, class: classDigit, lo: 5, hi: 15, problem: "has {n} digits, a phone number has {lo} to {hi}"},
	}}
	emailRule = rule{"email", []step{
		{kind: KindForm, op: opUTF8, problem: problemUTF8},
		{kind: KindAdvice, op: opAround, extra: "@", problem: "is not an e-mail address"},
		{kind: KindAdvice, op: opCount, class: classNotInEmail, hi: 0, problem: problemEmailChar},
		{kind: KindAdvice, op: opCount, class: "@@", hi: 1, problem: problemEmailChar},
		{kind: KindAdvice, op: opCount, class: "..", extra: "@.", lo: 1, hi: -1, problem: "has no dot in its domain"},
	}}
	colorRule = rule{"color", []step{
		{kind: KindForm, op: opUTF8, problem: problemUTF8},
		{kind: KindAdvice, op: opShape, class: classHex, extra: "#", lo: 4, hi: 7, problem: "{v} is not a hex colour like #1e88e5 or #fff"},
	}}
	linkRule = rule{"link", []step{
		{kind: KindForm, op: opUTF8, problem: problemUTF8},
		{kind: KindAdvice, op: opScheme, problem: problemNotAbsolute},
		{kind: KindAdvice, op: opScheme, extra: "http|https", problem: "has scheme {v}, only http and https are allowed"},
		{kind: KindAdvice, op: opIPv6, problem: "has a malformed IPv6 address"},
		{kind: KindAdvice, op: opHost, problem: "has no host"},
		{kind: KindAdvice, op: opPort, lo: 5, hi: 65535, problem: "has a port that is not a number from 0 to {hi}"},
		{kind: KindAdvice, op: opCount, class: classNotInLink, hi: 0, problem: "contains a space, control character or backslash"},
	}}
	// startRule: "" is the default, chat.
	startRule = rule{"start", []step{
		{kind: KindForm, op: opUTF8, problem: problemUTF8},
		{kind: KindAdvice, op: opOneOf, extra: "|chat|call|menu", problem: "{v} is not chat, call or menu"},
	}}
	// filledRule is text that should not be blank: a message, an
	// invitation.
	filledRule = rule{"text", []step{
		{kind: KindForm, op: opUTF8, problem: problemUTF8},
		{kind: KindAdvice, op: opBlank, problem: problemEmpty},
	}}
	// textRule is text that must not be blank, in valid UTF-8: a token, a
	// title.
	textRule = rule{"text", []step{
		{kind: KindForm, op: opUTF8, problem: problemUTF8},
		{kind: KindAdvice, op: opBlank, problem: problemEmpty},
	}}
	// utf8Rule is text that may be empty.
	utf8Rule = rule{"text", []step{{kind: KindForm, op: opUTF8, problem: problemUTF8}}}
)

// MaxCustomFields is the most fields setCustomData accepts: the vendor's
// limit (its newer documentation: at most 10 fields).
const MaxCustomFields = 10

// MaxAttributeCalls is how many setClientAttributes calls the vendor takes
// per visitor within AttributeCallWindowMs (its newer documentation: at
// most 10 calls per hour per visitor); it drops the others.
const MaxAttributeCalls = 10

// AttributeCallWindowMs is the window of MaxAttributeCalls: an hour, in
// milliseconds.
const AttributeCallWindowMs = 3600000

// MaxPageTitle is the most characters (code points) of a sendPageTitle
// title that jivokit passes on: a longer one is cut on a character
// boundary, never refused, and the cut is reported as a *Warning. The
// vendor documents no limit; a page title is rarely over a hundred
// characters, and 1024 keeps a runaway one from filling the agent's view.
const MaxPageTitle = 1024

// Sources of the vendor's rules, as RuleInfo.Source cites them.
const (
	sourceFields     = "newer docs, setCustomData: at most 10 fields"
	sourceFieldArray = "reference, setCustomData: fields is an array; it answers {result: 'fail', reason: 'Custom data must be array.'}"
	sourceSafeURL    = "reference, setCustomData: with \"Safe URL\" set in the admin panel, links to other domains are blocked and the agent does not see them"
	sourceAttrCalls  = "newer docs, setClientAttributes: at most 10 calls per hour per visitor"
	sourceAttrValues = "newer docs, setClientAttributes: text attributes take strings, number attributes numbers"
	sourceWidgetID   = "the vendor's loader: an id of letters and digits, all digits or exactly 10 characters; else \"Widget id is not valid.\" and nothing loads"
	sourceReplyName  = "reference, Webhooks, Response: contact_info.name is not optional"
	sourceReplyURL   = "reference, Webhooks, Response: page.url is not optional"
)

// RuleStep is one step of a validation rule, as ValidationRules describes
// it.
type RuleStep struct {
	// Op names what the step checks: blank, utf8, only, count, around,
	// shape, oneOf, scheme, ipv6, host or port (see the stub widget's
	// interpreter, stub/src/validate.js, and this package's).
	Op string
	// Kind is whose the step is: the vendor's, jivokit's advice, or the
	// value's form.
	Kind Kind
	// Class is a set of characters: pairs of first and last code points.
	Class []rune
	// Extra, Lo and Hi are the op's text and limits; Hi < 0 is no limit.
	Extra  string
	Lo, Hi int
	// Problem is the message; {c}, {v}, {n}, {lo} and {hi} are filled in.
	Problem string
}

// Rule is the checks of one text value, run in order. The first step of
// the vendor's or of the value's form that fails gives the problem (a
// refusal); when none does, the first step of advice that fails gives it
// (a *Warning).
type Rule struct {
	Name  string // "phone", "email", ...
	Field string // the field an *InputError names unless the caller names another
	Steps []RuleStep
}

// RuleInfo says whose one rule is: every check of this package and of
// jivokit's entry points, for the docs (docs/api.md) and for tests.
type RuleInfo struct {
	Name   string // a Rule's name, a Problems key, or a limit's name
	Check  string // what it checks, in a few words
	Kind   Kind
	Source string // where the vendor documents a KindVendor rule
}

// RuleSet is every validation rule of this package, as data: the rules of
// single values, the character classes and messages of the checks that
// combine them, their kinds and their limits, and the reasons the stub
// widget answers with.
type RuleSet struct {
	Rules    []Rule
	Classes  map[string][]rune
	Problems map[string]string
	// Kinds are the kinds of the checks named in Problems.
	Kinds  map[string]Kind
	Limits map[string]int
	// Reasons are the widget's answers the stub gives: the reference's
	// "Callback disabled", ...
	Reasons map[string]string
	// Index says whose each rule is.
	Index []RuleInfo
}

// namedRules are the rules by the names ValidationRules and ValidateRule
// give them.
var namedRules = [...]struct {
	name string
	r    *rule
}{{"phone", &phoneRule}, {"email", &emailRule}, {"color", &colorRule}, {"link", &linkRule},
	{"start", &startRule}, {"filled", &filledRule}, {"text", &textRule}, {"utf8", &utf8Rule}}

var opNames = [...]string{opBlank: "blank", opUTF8: "utf8", opOnly: "only", opCount: "count", opAround: "around",
	opShape: "shape", opOneOf: "oneOf", opScheme: "scheme", opIPv6: "ipv6", opHost: "host", opPort: "port"}

// ValidationRules describes the rules this package's checks run, for the
// generator that writes them into the stub widget (stub/src/rules.gen.js),
// whose interpreter runs the same steps, and docs/api.md. A WebAssembly
// program that does not call it does not carry it.
func ValidationRules() RuleSet {
	set := RuleSet{
		Classes: map[string][]rune{"space": []rune(classSpace), "invisible": []rune(classInvisible)},
		Problems: map[string]string{
			"empty": problemEmpty, "utf8": problemUTF8, "tooMany": problemTooMany, "noContent": problemNoContent,
			"noAnswerTo": problemNoAnswerTo, "negative": problemNegative, "emptyID": problemEmptyID,
			"notTextNum": problemNotTextNum, "notFinite": problemNotFinite, "notJSONObject": problemNotJSONObj,
			"notString": problemNotString, "notObject": problemNotObject, "notArray": problemNotArray, "notWhole": problemNotWhole,
			"mustBeObject": problemMustBeObj, "titleCut": problemTitleCut, "tooManyCalls": problemTooManyCalls,
			"hostNotSafe": problemHostNotSafe, "noAttributes": problemNoAttributes,
		},
		Kinds: map[string]Kind{
			"empty": KindAdvice, "utf8": KindForm, "tooMany": KindVendor, "noContent": KindAdvice,
			"noAnswerTo": KindAdvice, "negative": KindAdvice, "emptyID": KindAdvice,
			"notTextNum": KindVendor, "notFinite": KindForm, "notJSONObject": KindForm,
			"notString": KindForm, "notObject": KindForm, "notArray": KindVendor, "notWhole": KindAdvice,
			"mustBeObject": KindForm, "titleCut": KindAdvice, "tooManyCalls": KindVendor,
			"hostNotSafe": KindVendor, "noAttributes": KindAdvice,
		},
		Limits: map[string]int{"maxCustomFields": MaxCustomFields, "maxAttributeCalls": MaxAttributeCalls,
			"attributeCallWindowMs": AttributeCallWindowMs, "maxPageTitle": MaxPageTitle},
		Reasons: map[string]string{
			"callbackDisabled": ErrCallbackDisabled.Reason, "callbackUnavailable": reasonUnavailable,
			"customDataNotArray": ErrCustomDataNotArray.Reason, "tokenRefused": ReasonTokenRefused,
			"tooManyFields": reasonTooManyFields, "wrongPhone": reasonWrongPhone,
		},
		Index: ruleIndex,
	}
	for _, n := range namedRules {
		r := Rule{Name: n.name, Field: n.r.field}
		for _, st := range n.r.steps {
			r.Steps = append(r.Steps, RuleStep{Op: opNames[st.op], Kind: st.kind, Class: []rune(st.class), Extra: st.extra,
				Lo: int(st.lo), Hi: int(st.hi), Problem: st.problem})
		}
		set.Rules = append(set.Rules, r)
	}
	return set
}

// Reasons the stub widget answers with where the vendor documents none of
// its own.
const (
	// reasonTooManyFields: setCustomData with more than MaxCustomFields
	// fields.
	reasonTooManyFields = "Custom data must have at most {hi} fields, got {n}."
	// reasonWrongPhone: startCall refused a phone number (strict mode).
	reasonWrongPhone = "Wrong phone number: "
)

// ruleIndex says whose every rule is: the vendor's with its source,
// jivokit's advice, or the value's form.
var ruleIndex = []RuleInfo{
	{"tooMany", "setCustomData: at most 10 fields (the snippet and webhook replies keep the first 10 with text)", KindVendor, sourceFields},
	{"notArray", "setCustomData: the fields are an array", KindVendor, sourceFieldArray},
	{"hostNotSafe", "custom data links (and a webhook reply's crm_link and page.url) with a safe-host list: only http(s) links to those hosts and their subdomains", KindVendor, sourceSafeURL},
	{"tooManyCalls", "setClientAttributes: at most 10 calls per visitor within an hour", KindVendor, sourceAttrCalls},
	{"notTextNum", "setClientAttributes: values are strings or numbers", KindVendor, sourceAttrValues},
	{"widgetID", "the widget id: letters and digits, all digits or exactly 10 characters", KindVendor, sourceWidgetID},
	{"replyName", "a webhook reply's contact_info has a name", KindVendor, sourceReplyName},
	{"replyURL", "a webhook reply's page has a url", KindVendor, sourceReplyURL},
	{"phone", "a phone number: an optional leading +, 5 to 15 digits, spaces, dots, dashes and parentheses", KindAdvice, ""},
	{"email", "an e-mail address: one @ with text on both sides, a dot in the domain, no white space, control characters, <, > or \"", KindAdvice, ""},
	{"link", "a link: an absolute http or https URL with a host, a port up to 65535, no spaces", KindAdvice, ""},
	{"color", "setWidgetColor: #rgb or #rrggbb", KindAdvice, ""},
	{"start", "open: start is chat, call or menu", KindAdvice, ""},
	{"filled", "a message or invitation text is not blank", KindAdvice, ""},
	{"text", "a token or page title is not blank (and valid UTF-8, its form)", KindAdvice, ""},
	{"noContent", "a custom field has content, a title or a key", KindAdvice, ""},
	{"noAnswerTo", "an offline message has an e-mail address or a phone number", KindAdvice, ""},
	{"negative", "an invitation's department id is not negative", KindAdvice, ""},
	{"notWhole", "an invitation's department id is a whole number", KindAdvice, ""},
	{"noAttributes", "setClientAttributes: at least one attribute (a call that sets none still counts against the 10 an hour)", KindAdvice, ""},
	{"emptyID", "setClientAttributes: attribute ids are not empty", KindAdvice, ""},
	{"titleCut", "sendPageTitle: a title over 1024 characters is cut to 1024", KindAdvice, ""},
	{"empty", "a phone number, token, title, message or invitation is not blank", KindAdvice, ""},
	{"utf8", "strings are valid UTF-8", KindForm, ""},
	{"notString", "text is given where the method takes text", KindForm, ""},
	{"mustBeObject", "sendOfflineMessage: the message is an object", KindForm, ""},
	{"notFinite", "numbers are finite", KindForm, ""},
	{"notJSONObject", "setRules: the rules are a JSON object", KindForm, ""},
	{"notObject", "an object is given where the method takes one", KindForm, ""},
}
