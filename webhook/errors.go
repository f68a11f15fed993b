package webhook

// Error is a sentinel error of this package; test for one with errors.Is.
// Returned errors wrap the sentinel with details.
type Error string

func (e Error) Error() string { return string(e) }

const (
	// ErrMalformed: the body is not JSON, not a JSON object, or its
	// event_name is not a string.
	ErrMalformed Error = "webhook: malformed event"
	// ErrNoEventName: the body has no event_name, or an empty one.
	ErrNoEventName Error = "webhook: no event_name"
	// ErrFieldUnreadable: a field of an event could not be read as its type;
	// see Problem.
	ErrFieldUnreadable Error = "webhook: field not read"
	// ErrTooLarge: the body is larger than the handler's limit.
	ErrTooLarge Error = "webhook: body too large"
	// ErrMethod: the request is not a POST.
	ErrMethod Error = "webhook: method not allowed"
	// ErrNotFound: the request's path is not the handler's secret path.
	ErrNotFound Error = "webhook: not found"
	// ErrPanic: the user's function panicked.
	ErrPanic Error = "webhook: handler panicked"
	// ErrUnavailable: a function returns an error that wraps it when it
	// could not keep the event (a full disk, a database that is down):
	// the Handler answers 503 Service Unavailable with the error in
	// result, instead of 200, so that the sender may send the event again.
	ErrUnavailable Error = "webhook: unavailable"
	// ErrNoUserToken: the event has no user_token to verify.
	ErrNoUserToken Error = "webhook: no user_token"
	// ErrNoSigner: the handler has no signer to verify user_token with.
	ErrNoSigner Error = "webhook: no signer configured"
	// ErrTokenInvalid: user_token did not verify; the error also wraps the
	// usertoken sentinel that says why.
	ErrTokenInvalid Error = "webhook: user_token not verified"
	// ErrLinkDropped: a link in a reply was not an http(s) URL on a safe
	// host and was left out of the reply.
	ErrLinkDropped Error = "webhook: link dropped from reply"
	// ErrFieldDropped: a custom_data field in a reply had no title, content
	// or key (a link alone shows nothing) and was left out of the reply, or
	// one of its strings was not valid UTF-8 and was left out.
	ErrFieldDropped Error = "webhook: custom_data field dropped from reply"
	// ErrTooManyFields: a reply had more custom_data fields with text than
	// the widget shows (jsapi.MaxCustomFields); the later ones were left
	// out, reported once per reply.
	ErrTooManyFields Error = "webhook: too many custom_data fields"
	// ErrContactDropped: a reply's contact_info had an e-mail address or
	// phone number that setContactInfo would refuse, or a string that is
	// not valid UTF-8; that part was left out of the reply. Also: the
	// contact had no name, which the reference requires; then the whole
	// contact_info was left out.
	ErrContactDropped Error = "webhook: contact_info field dropped from reply"
	// ErrPageDropped: a reply's page had no url (none given, or one left
	// out as unsafe), which the reference requires; the page was left out
	// of the reply.
	ErrPageDropped Error = "webhook: page dropped from reply"
	// ErrAdvice: a part of a reply breaks jivokit's advice, not a rule of
	// the vendor's (a phone number with an extension, a relative link): it
	// was sent as it is. errors.As finds the *jsapi.Warning. WithStrict
	// leaves such parts out instead.
	ErrAdvice Error = "webhook: advice about a reply"
)

// Problem is a field of an event that Decode could not read as its type,
// such as a visitor that is an array or a count that is "many". The field
// is left zero (a number with a fraction is truncated instead) and the
// event is delivered. A Problem is an error wrapping ErrFieldUnreadable.
type Problem struct {
	// Field is the field's dotted path: "visitor.chats_count",
	// "chat.messages.2.timestamp".
	Field string
	// Value is the JSON value as sent, cut to about 64 bytes.
	Value string
	// Reason says what is wrong: "is not a number", "is not an object", ...
	Reason string
}

func (p *Problem) Error() string {
	return string(ErrFieldUnreadable) + ": " + p.Field + " " + p.Reason + " (got " + p.Value + ")"
}

// Unwrap returns ErrFieldUnreadable.
func (p *Problem) Unwrap() error { return ErrFieldUnreadable }
