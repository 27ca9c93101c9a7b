package store

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"net/url"
	"slices"
	"strings"
)

// Opener opens (creating and migrating it when needed) the store that a
// DSN names. Each database adapter provides one: store/sqlite and
// store/postgres.
type Opener func(ctx context.Context, dsn string) (*Store, error)

// Registry maps DSN schemes to the openers of the databases that serve
// them, in the style of database/sql's drivers: `postgres://…` goes to the
// opener registered for "postgres", `sqlite:/path/x.db` to "sqlite", and a
// DSN with no scheme (a plain file path) to the opener registered as the
// default. The zero value is empty and ready; main registers the adapters.
type Registry struct {
	schemes map[string]Opener
	deflt   string
	// Legacy, when set, reads a store written by a development schema
	// back, for Open to upgrade it (Store.Upgrade); main sets it
	// (snapshots.Legacy).
	Legacy Legacy
}

// UnknownSchemeError is Open's error for a DSN whose scheme no adapter
// registered.
type UnknownSchemeError struct {
	DSN    string   // the DSN as given (with any password left out)
	Scheme string   // the scheme it names
	Known  []string // the schemes registered, sorted
}

// Error names the scheme and the schemes that work.
func (e *UnknownSchemeError) Error() string {
	return fmt.Sprintf("store %s: no database is registered for %q (want a file path, %s)",
		e.DSN, e.Scheme+"://", strings.Join(e.Known, ", "))
}

// Register makes open serve DSNs of scheme (without "://" or ":"). When
// isDefault is true it also serves DSNs with no scheme: plain paths.
// Registering a scheme twice replaces the first opener.
func (r *Registry) Register(scheme string, open Opener, isDefault bool) {
	if r.schemes == nil {
		r.schemes = map[string]Opener{}
	}
	r.schemes[strings.ToLower(scheme)] = open
	if isDefault {
		r.deflt = strings.ToLower(scheme)
	}
}

// Schemes lists the registered schemes, sorted.
func (r *Registry) Schemes() []string { return slices.Sorted(maps.Keys(r.schemes)) }

// SplitDSN returns a DSN's scheme ("" for a plain path) and what the
// scheme's opener takes: the whole URL for URL-like DSNs
// ("postgres://u@h/db"), the path for "sqlite:PATH" or "sqlite://PATH".
// A Windows drive letter ("C:\x.db") is a path, not a scheme.
func SplitDSN(dsn string) (scheme, rest string) {
	i := strings.Index(dsn, ":")
	if i < 2 { // no scheme, or a drive letter
		return "", dsn
	}
	s := dsn[:i]
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.') {
			return "", dsn
		}
	}
	return strings.ToLower(s), dsn[i+1:]
}

// Path returns the local file of a DSN served by the default opener
// ("sqlite:/x.db" and "/x.db" are both /x.db), and false for any other.
func (r *Registry) Path(dsn string) (string, bool) {
	s, rest := SplitDSN(dsn)
	switch s {
	case "":
		return dsn, true
	case r.deflt:
		return strings.TrimPrefix(rest, "//"), true
	}
	return "", false
}

// Open opens the store that dsn names (see Registry), upgrading one
// written by a development schema with Legacy. It fails with an
// *UnknownSchemeError when no opener serves the scheme, and otherwise
// with the opener's or the upgrade's error.
func (r *Registry) Open(ctx context.Context, dsn string) (*Store, error) {
	scheme, _ := SplitDSN(dsn)
	path, local := r.Path(dsn)
	if local {
		dsn, scheme = path, r.deflt
	}
	open := r.schemes[scheme]
	if open == nil {
		return nil, &UnknownSchemeError{DSN: Redact(dsn), Scheme: scheme, Known: r.Schemes()}
	}
	st, err := open(ctx, dsn)
	if errors.Is(err, ErrUpgradeNeeded) && st != nil {
		if err = st.Upgrade(ctx, r.Legacy); err != nil {
			st.Close()
			return nil, err
		}
	}
	return st, err
}

// Redact leaves a URL's password out of messages (net/url's Redacted:
// "u:xxxxx@host"); a DSN that is not a URL is named by its scheme alone.
func Redact(dsn string) string {
	if u, err := url.Parse(dsn); err == nil {
		return u.Redacted()
	}
	scheme, _ := SplitDSN(dsn)
	return scheme + "://..."
}
