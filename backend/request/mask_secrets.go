package request

// MaskSecrets replaces every secret in text with Mask, in each form a
// Masker knows (raw, URL-, JSON- and HTML-escaped, PHP's `\/`, base64 in
// both alphabets, padded and raw), the longest form first. Secrets shorter
// than three characters are left alone: they would mask ordinary data.
// It is the masking of credentials that are not a connection's, such as
// webhook header values and an email account's password.
func MaskSecrets(text string, secrets ...string) string {
	if len(secrets) == 0 {
		return text
	}
	return Masker{forms: secretForms(secrets, nil)}.String(text)
}
