package jsapi

// APIRevision names the vendor documentation the spec follows.
//
// The vendor's reference ("JivoChat Developers API": the widget JavaScript
// API and the webhooks) carries no version number and no date, so the text
// itself names the revision: the first 12 hex digits of the SHA-256 of the
// reference as the spec was written from it. The spec also follows the
// vendor's newer documentation where it goes beyond the reference (further
// methods, callbacks, events and payload fields), which is undated too.
const APIRevision = "JivoChat Developers API reference, undated (text sha256 50be9ca9ea61), and the newer online documentation"
