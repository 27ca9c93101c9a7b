// Package notify tells the outside world that a pull changed the census:
// a webhook (an HTTP POST of JSON, retried with backoff) or a command (run
// with the JSON on its standard input). `pull --every` uses it.
//
// It is on the third floor of the data flow (docs/layout.md): it is given
// the change a pull found and imports nothing of the domain, so that
// the puller decides what to send and notify only how.
package notify
