// Package retry holds what the HTTP clients that retry share: the retry
// loop with its backoff, a wait that a context cancels, and the reading of
// a Retry-After header.
//
// It is a helper outside the floors of the data flow (docs/layout.md),
// used by discover's client and notify's webhook.
package retry
