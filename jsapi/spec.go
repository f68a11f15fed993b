package jsapi

// Source says which document a part of the API comes from.
type Source int

const (
	// Reference: the vendor's developer API reference.
	Reference Source = iota
	// Notes: the vendor's newer documentation, beyond the reference.
	Notes
)

func (s Source) String() string {
	if s == Notes {
		return "newer documentation"
	}
	return "reference"
}

// Answer says how a method gives its result back.
type Answer int

const (
	// AnswerNone: the method returns nothing the caller needs.
	AnswerNone Answer = iota
	// AnswerStatus: the method returns {result:'ok'} or
	// {result:'fail', reason} (FailKey names the reason's key).
	AnswerStatus
	// AnswerValue: the method returns a plain value of type Method.Result.
	AnswerValue
	// AnswerCallback: the method's last parameter is a callback that is
	// called once with {result:'ok'} or {result:'fail', reason}.
	AnswerCallback
	// AnswerErrFirst: the method's last parameter is a callback that is
	// called once as callback(err, value), value of type Method.Result.
	AnswerErrFirst
)

// Async reports whether the answer arrives through a callback.
func (a Answer) Async() bool { return a == AnswerCallback || a == AnswerErrFirst }

func (a Answer) String() string {
	switch a {
	case AnswerStatus:
		return "status"
	case AnswerValue:
		return "value"
	case AnswerCallback:
		return "callback"
	case AnswerErrFirst:
		return "errFirst"
	}
	return "none"
}

// Param is a parameter of a method or callback.
type Param struct {
	Name string // as the reference names it
	TS   string // TypeScript type, e.g. "string", "CustomField[]"
	Go   string // Go type, in package jsapi's terms, e.g. "[]CustomField"
	// Optional parameters may be left out. The Go bridge leaves out an
	// optional parameter whose Go value is the zero value ("", 0, false,
	// an empty struct), and all that follow it; a Const one it always
	// passes.
	Optional bool
	Doc      string
	// Check says how the Go bridge checks the parameter before the call,
	// for a method with this one parameter: the name of a function of this
	// package that takes the value and returns an error ("ValidatePhone"),
	// or the name of a validation rule ("text", "phone": see
	// ValidationRules), which ValidateRule runs with Name as the field.
	// Empty, the value's Go type must have a Validate method, which does.
	// A method with several parameters is checked by the Validate method
	// of its Arg type instead.
	Check string
	// Field is the field of the method's Arg type that carries this
	// parameter, for a method with several parameters.
	Field string
	// Const is the value the Go bridge always passes, as Go source
	// ("true"), for a parameter a Go caller does not choose.
	Const string
}

// Method is one jivo_api method, or one of the global functions jivo_init
// and jivo_destroy.
type Method struct {
	Name   string // "open", or "jivo_init" for a global
	GoName string // the Go function's name in wasm/jivo, e.g. "Open"
	Global bool   // a window global rather than a jivo_api method
	// Params are the parameters a caller passes; for async methods the
	// trailing callback is not among them (Answer describes it).
	Params []Param
	// Arg is the Go type, in package jsapi's terms, of the one value the
	// Go function takes when the method has several parameters: a struct
	// whose fields (Param.Field) carry them and whose Validate method
	// checks them. ArgName is the Go function's name for that value.
	Arg, ArgName string
	Answer       Answer
	// Result is the TypeScript type of the value of an AnswerValue or
	// AnswerErrFirst method; ResultGo is its Go type.
	Result   string
	ResultGo string
	// FailKey is the key of the failure reason in a {result:'fail'} answer:
	// "reason", "error" for sendOfflineMessage, or "" when the failure
	// answer carries no reason (setUserToken's {result:'fail', token}).
	FailKey string
	// FailReason is the reason a {result:'fail'} answer without one stands
	// for: the page runtime's JivoError, and so the Go bridge's
	// *WidgetError, carry it. "" leaves such a failure without a reason.
	FailReason string
	// Status is the method's answers as the reference writes them, for the
	// documentation, when they are not {result:'ok'} or {result:'fail'}
	// with FailKey.
	Status string
	// Immediate methods are never queued by the page runtime: jivo_init
	// is how a destroyed widget comes back, so it cannot wait for it.
	Immediate bool
	// Coalesce: the vendor limits how often the method may be called, so
	// the page runtime makes the first call to it at once and coalesces
	// the calls to it within the next second into one, with the last
	// arguments (see docs/runtime.md). Each coalescing method has its own
	// burst: calls to other methods neither join nor hold it.
	Coalesce bool
	Doc      string // one line, from the source
	Source   Source
}

// Callback is one jivo_on* global function the widget calls.
type Callback struct {
	Name   string // "jivo_onChangeState"
	GoName string // the subscription's name in wasm/jivo, e.g. "OnChangeState"
	Params []Param
	Doc    string
	Source Source
}

// Field is a field of a shared value type, under its JSON name.
type Field struct {
	Name     string
	TS       string
	Optional bool
	Doc      string
}

// Shape is a value type the widget API passes, described for generated
// declarations and documentation. Enum shapes list their values instead of
// fields.
type Shape struct {
	Name   string // TypeScript name, e.g. "ContactInfo"
	GoName string // the Go type in this package, or "" when there is none
	Doc    string
	Fields []Field
	Enum   []string
}

var noParams []Param

// Methods returns the widget's methods in the reference's order, followed
// by those of the newer documentation and the two globals.
func Methods() []Method {
	return []Method{
		{Name: "open", GoName: "Open", Params: []Param{{Name: "options", TS: "OpenOptions", Go: "OpenOptions", Optional: true, Doc: "what to show first: {start: 'chat' | 'call' | 'menu'}"}},
			Answer: AnswerStatus, FailKey: "reason", Doc: "Opens the chat window; {start: 'call'} opens the callback form.", Source: Reference},
		{Name: "close", GoName: "Close", Params: noParams, Answer: AnswerStatus, FailKey: "reason",
			Doc: "Closes the chat window.", Source: Reference},
		{Name: "chatMode", GoName: "ChatMode", Params: noParams, Answer: AnswerValue, Result: "ChatMode", ResultGo: "ChatMode",
			Doc: "Answers the current chat status: online or offline.", Source: Reference},
		{Name: "getContactInfo", GoName: "GetContactInfo", Params: noParams, Answer: AnswerValue, Result: "ContactInfoAnswer", ResultGo: "ContactInfo",
			Doc: "Reads the visitor's contact info from the contacts form (name as client_name, null for what is empty).", Source: Reference},
		{Name: "getVisitorNumber", GoName: "GetVisitorNumber", Params: noParams, Answer: AnswerErrFirst, Result: "number", ResultGo: "int",
			Doc: "Asynchronously answers the visitor's unique number (1, 2, 3, ...) through callback(err, visitor_number).", Source: Reference},
		{Name: "setContactInfo", GoName: "SetContactInfo", Params: []Param{{Name: "info", TS: "ContactInfo", Go: "ContactInfo", Doc: "name, email, phone and description"}},
			Answer: AnswerNone, Doc: "Sets the visitor's contact info, shown to the agent as if the visitor had introduced themselves.", Source: Reference},
		{Name: "setCustomData", GoName: "SetCustomData", Params: []Param{{Name: "fields", TS: "CustomField[]", Go: "[]CustomField", Check: "ValidateCustomData", Doc: "at most 10 fields, shown in this order"}},
			Answer: AnswerStatus, FailKey: "reason", Doc: "Sends additional fields about the visitor to the agent's information panel.", Source: Reference},
		{Name: "setRules", GoName: "SetRules", Params: []Param{{Name: "rules", TS: "object", Go: "Rules", Doc: "the triggers' rules as the admin panel's JSON structure"}},
			Answer: AnswerNone, Doc: "Replaces the triggers' rules of active invitations with the given object.", Source: Reference},
		{Name: "setUserToken", GoName: "SetUserToken", Params: []Param{{Name: "token", TS: "string", Go: "string", Check: "ValidateUserToken", Doc: "a hard-to-guess visitor id, sent back in every webhook"}},
			Answer: AnswerStatus, FailReason: ReasonTokenRefused, Status: "{result: 'ok', token: userToken} or {result: 'fail', token: userToken || false}",
			Doc: "Sets the visitor's id, which the widget sends in webhook events; answers {result, token}.", Source: Reference},
		{Name: "showProactiveInvitation", GoName: "ShowProactiveInvitation", Arg: "Invitation", ArgName: "inv", Params: []Param{
			{Name: "invitation_text", TS: "string", Go: "string", Field: "Text", Doc: "the invitation's text"},
			{Name: "department_id", TS: "number", Go: "int", Field: "DepartmentID", Optional: true, Doc: "the department that answers it"}},
			Answer: AnswerNone, Doc: "Opens the chat window with a custom invitation text.", Source: Reference},
		{Name: "startCall", GoName: "StartCall", Params: []Param{{Name: "phone", TS: "string", Go: "string", Check: "ValidatePhone", Doc: "the phone number to call"}},
			Answer: AnswerStatus, FailKey: "reason", Doc: "Starts a call to the given number if calls are available.", Source: Reference},
		{Name: "isCallbackEnabled", GoName: "IsCallbackEnabled", Params: noParams, Answer: AnswerCallback, FailKey: "reason",
			// The reference writes the second failure {result: 'fail',
			// 'Callback unavaiable'}: a widget that sends it without the
			// reason key means that reason.
			FailReason: reasonUnavailable,
			Doc:        "Asynchronously checks whether calls are available, through callback({result, reason}).", Source: Reference},
		{Name: "sendOfflineMessage", GoName: "SendOfflineMessage", Params: []Param{{Name: "message", TS: "OfflineMessage", Go: "OfflineMessage", Doc: "name, email, phone, description and the message"}},
			Answer: AnswerStatus, FailKey: "error", Doc: "Sends an offline message directly; answers {result:'fail', error} when its fields are wrong.", Source: Reference},
		{Name: "setWidgetColor", GoName: "SetWidgetColor", Arg: "WidgetColor", ArgName: "color", Params: []Param{
			{Name: "color", TS: "string", Go: "string", Field: "Color", Doc: "a hex colour"},
			{Name: "color2", TS: "string", Go: "string", Field: "Color2", Optional: true, Doc: "a second hex colour, for a gradient"}},
			Answer: AnswerNone, Doc: "Sets the widget's colour, or a gradient of two.", Source: Notes},
		{Name: "sendPageTitle", GoName: "SendPageTitle", Arg: "PageTitle", ArgName: "page", Params: []Param{
			{Name: "title", TS: "string", Go: "string", Field: "Title", Doc: "the page title the agent sees"},
			{Name: "fromApi", TS: "boolean", Go: "bool", Const: "true", Optional: true, Doc: "true when called from the API"},
			{Name: "url", TS: "string", Go: "string", Field: "URL", Optional: true, Doc: "the page's URL"}},
			Answer: AnswerNone, Doc: "Updates the page title and URL the agent sees, for single-page apps.", Source: Notes},
		{Name: "setClientAttributes", GoName: "SetClientAttributes", Params: []Param{{Name: "attributes", TS: "ClientAttributes", Go: "ClientAttributes", Doc: "attribute ids from the admin panel to strings or numbers"}},
			Answer: AnswerNone, Coalesce: true, Doc: "Sets client attributes (at most 10 calls per hour per visitor).", Source: Notes},
		{Name: "getUnreadMessagesCount", GoName: "GetUnreadMessagesCount", Params: noParams, Answer: AnswerValue, Result: "number", ResultGo: "int",
			Doc: "Answers the number of unread agent messages.", Source: Notes},
		{Name: "getUtm", GoName: "GetUTM", Params: noParams, Answer: AnswerValue, Result: "UTM", ResultGo: "UTM",
			Doc: "Answers the visitor's UTM data.", Source: Notes},
		{Name: "clearHistory", GoName: "ClearHistory", Params: noParams, Answer: AnswerNone,
			Doc: "Removes the chat history and visitor data kept in localStorage, for log-out.", Source: Notes},
		{Name: "jivo_init", GoName: "Init", Global: true, Params: noParams, Answer: AnswerNone, Immediate: true,
			Doc: "Shows the widget again after jivo_destroy.", Source: Notes},
		{Name: "jivo_destroy", GoName: "Destroy", Global: true, Params: noParams, Answer: AnswerNone,
			Doc: "Removes the widget from the page, for single-page apps.", Source: Notes},
	}
}

// Callbacks returns the jivo_on* callbacks in the reference's order,
// followed by those of the newer documentation.
func Callbacks() []Callback {
	return []Callback{
		{Name: "jivo_onLoadCallback", GoName: "OnLoad", Doc: "Executed when the widget's initialization is over.", Source: Reference},
		{Name: "jivo_onOpen", GoName: "OnOpen", Doc: "Executed when the chat window is opened.", Source: Reference},
		{Name: "jivo_onMessageSent", GoName: "OnMessageSent", Doc: "Executed when a visitor sends the first message (only when there is no chat history).", Source: Reference},
		{Name: "jivo_onAccept", GoName: "OnAccept", Doc: "Executed when an agent presses Reply in the notification of a new chat.", Source: Reference},
		{Name: "jivo_onClose", GoName: "OnClose", Doc: "Executed when the chat window is closed.", Source: Reference},
		{Name: "jivo_onIntroduction", GoName: "OnIntroduction", Doc: "Executed when a visitor fills the contacts form.", Source: Reference},
		{Name: "jivo_onResizeCallback", GoName: "OnResize", Doc: "Executed at any change in the size of the widget.", Source: Reference},
		{Name: "jivo_onCallStart", GoName: "OnCallStart", Doc: "Executed when the visitor makes a phone call.", Source: Reference},
		{Name: "jivo_onCallEnd", GoName: "OnCallEnd", Params: []Param{{Name: "res", TS: "CallEndResult", Go: "CallResult", Optional: true, Doc: "{result: 'ok'} or {result: 'fail', reason}; the reference makes it optional"}},
			Doc: "Executed when a phone call ends.", Source: Reference},
		{Name: "jivo_onChangeState", GoName: "OnChangeState", Params: []Param{{Name: "state", TS: "ChatState", Go: "ChatState", Doc: "the widget's current state"}},
			Doc: "Executed when the chat window's state changes.", Source: Reference},
		{Name: "jivo_onClientStartChat", GoName: "OnClientStartChat", Doc: "Executed when the visitor starts a chat without a proactive invitation.", Source: Notes},
		{Name: "jivo_onMessageReceived", GoName: "OnMessageReceived", Doc: "Executed on each new agent message.", Source: Notes},
		{Name: "jivo_onWidgetDestroy", GoName: "OnWidgetDestroy", Doc: "Executed when the widget has been removed by jivo_destroy.", Source: Notes},
	}
}

// Shapes returns the value types the methods and callbacks pass.
func Shapes() []Shape {
	return []Shape{
		{Name: "ContactInfo", GoName: "ContactInfo", Doc: "A visitor's contact details, as setContactInfo takes them.", Fields: []Field{
			{Name: "name", TS: "string", Optional: true, Doc: "the visitor's name"},
			{Name: "email", TS: "string", Optional: true, Doc: "e-mail address"},
			{Name: "phone", TS: "string", Optional: true, Doc: "phone number"},
			{Name: "description", TS: "string", Optional: true, Doc: "additional information about the visitor"}}},
		{Name: "ContactInfoAnswer", GoName: "ContactInfo", Doc: "What getContactInfo answers: the name is under client_name, empty fields are null.", Fields: []Field{
			{Name: "client_name", TS: "string | null", Doc: "the visitor's name"},
			{Name: "email", TS: "string | null", Doc: "e-mail address"},
			{Name: "phone", TS: "string | null", Doc: "phone number"},
			{Name: "description", TS: "string | null", Doc: "additional information about the visitor"}}},
		{Name: "CustomField", GoName: "CustomField", Doc: "One field of the agent's information panel.", Fields: []Field{
			{Name: "content", TS: "string", Optional: true, Doc: "the field's text; HTML in it is shown as text"},
			{Name: "title", TS: "string", Optional: true, Doc: "title shown above the field"},
			{Name: "link", TS: "string", Optional: true, Doc: "URL opened when the field is clicked (shown only for the site's Safe URL)"},
			{Name: "key", TS: "string", Optional: true, Doc: "bold text before a colon"}}},
		{Name: "OpenStart", GoName: "OpenStart", Doc: "What open shows first.", Enum: []string{"chat", "call", "menu"}},
		{Name: "OpenOptions", GoName: "OpenOptions", Doc: "The options of open.", Fields: []Field{
			{Name: "start", TS: "OpenStart", Optional: true, Doc: "chat (default), call (the callback form) or menu (the mobile channel menu)"}}},
		{Name: "ChatState", GoName: "ChatState", Doc: "The widget window's state.", Enum: []string{"chat", "call", "chat/call", "label", "chat/min"}},
		{Name: "ChatMode", GoName: "ChatMode", Doc: "Whether agents are available.", Enum: []string{"online", "offline"}},
		{Name: "Status", Doc: "The answer of most methods.", Fields: []Field{
			{Name: "result", TS: "'ok' | 'fail'", Doc: "whether the method succeeded"},
			{Name: "reason", TS: "string", Optional: true, Doc: "why it failed"},
			{Name: "error", TS: "string", Optional: true, Doc: "why it failed (sendOfflineMessage)"},
			{Name: "token", TS: "string | false", Optional: true, Doc: "setUserToken's token: the one set, or on failure the one given (false when none was)"}}},
		{Name: "CallEndResult", GoName: "CallResult", Doc: "The argument of jivo_onCallEnd.", Fields: []Field{
			{Name: "result", TS: "'ok' | 'fail'", Doc: "whether the call ended successfully"},
			{Name: "reason", TS: "string", Optional: true, Doc: "why it failed"}}},
		{Name: "OfflineMessage", GoName: "OfflineMessage", Doc: "What sendOfflineMessage sends.", Fields: []Field{
			{Name: "name", TS: "string", Optional: true, Doc: "the visitor's name"},
			{Name: "email", TS: "string", Optional: true, Doc: "e-mail address to answer to"},
			{Name: "phone", TS: "string", Optional: true, Doc: "phone number to answer to"},
			{Name: "description", TS: "string", Optional: true, Doc: "additional information about the visitor"},
			{Name: "message", TS: "string", Doc: "the message"}}},
		{Name: "UTM", GoName: "UTM", Doc: "The visitor's campaign data.", Fields: []Field{
			{Name: "source", TS: "string", Optional: true, Doc: "utm_source"},
			{Name: "campaign", TS: "string", Optional: true, Doc: "utm_campaign"},
			{Name: "content", TS: "string", Optional: true, Doc: "utm_content"},
			{Name: "medium", TS: "string", Optional: true, Doc: "utm_medium"},
			{Name: "term", TS: "string", Optional: true, Doc: "utm_term"}}},
		{Name: "ClientAttributes", GoName: "ClientAttributes", Doc: "Client attributes by id from the admin panel: strings for text attributes, numbers for number attributes.", Fields: []Field{
			{Name: "[id: string]", TS: "string | number", Doc: "an attribute's value"}}},
	}
}
