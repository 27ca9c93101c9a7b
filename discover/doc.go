// Package discover finds candidate models that a snapshot does not list
// yet, where Epoch itself watches: the Hugging Face Hub (package
// discover/hf), LMArena's public leaderboard (discover/arena) and arXiv
// (discover/arxiv). Each source is behind the Source interface and an
// endpoint, so that tests run against loopback servers; all of them share
// one careful HTTP client (Client: ETags, timeouts, retries with backoff
// that honour Retry-After, clear errors on malformed answers).
//
// It sits on the third floor of the data flow (docs/layout.md): it matches
// what the sources find against a census snapshot (Known, Candidates) and
// hands candidates to the discover command, which an analyst may then
// write as curation files (package overlay).
package discover
