package cli

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/pflag"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/snapshots"
	"github.com/modelcensus/modelcensus/store"
)

// dbOptions is the --db flag shared by the commands that use the store.
type dbOptions struct {
	DB string
}

func (o *dbOptions) addFlags(fs *pflag.FlagSet, l i18n.Lang) {
	fs.StringVar(&o.DB, "db", "", l.T("flag.db"))
}

// DefaultDBPath is the SQLite store used when --db is not given:
// $MODELCENSUS_DB, else $XDG_DATA_HOME/modelcensus/modelcensus.db, else
// ~/.local/share/modelcensus/modelcensus.db.
func DefaultDBPath(getenv func(string) string) string {
	if p := getenv("MODELCENSUS_DB"); p != "" {
		return p
	}
	if d := getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "modelcensus", "modelcensus.db")
	}
	home, err := os.UserHomeDir()
	if err != nil {
		home = "."
	}
	return filepath.Join(home, ".local", "share", "modelcensus", "modelcensus.db")
}

// open opens the store named by --db, creating a SQLite store (and its
// folder) that does not exist yet: for pull.
func (o *dbOptions) open(ctx context.Context, io *IOStreams, l i18n.Lang) (*store.Store, error) {
	st, err := io.Deps.Stores.Open(ctx, o.dsn(io))
	if err != nil {
		return nil, &Error{Code: ExitStore, Msg: l.T("err.store", storeDetail(err)), Err: err}
	}
	return st, nil
}

// errNoStore is openExisting's error for a SQLite store not created yet.
var errNoStore = errors.New("no snapshot store")

// openExisting opens the store named by --db for the commands that only
// read it: a SQLite file that does not exist is an error (wrapping
// errNoStore) rather than a new empty store, and a mistyped path creates
// nothing.
func (o *dbOptions) openExisting(ctx context.Context, io *IOStreams, l i18n.Lang) (*store.Store, error) {
	dsn := o.dsn(io)
	if path, ok := io.Deps.Stores.Path(dsn); ok {
		if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
			return nil, &Error{Code: ExitStore, Msg: l.T("err.no_store", path), Err: errNoStore}
		}
	}
	return o.open(ctx, io, l)
}

// dsn is --db, or the default SQLite store.
func (o *dbOptions) dsn(io *IOStreams) string {
	if o.DB != "" {
		return o.DB
	}
	return DefaultDBPath(io.Getenv)
}

// storeError translates a store failure.
func storeError(l i18n.Lang, err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, store.ErrNotFound) {
		return &Error{Code: ExitInput, Msg: l.T("err.no_snapshot", err), Err: err}
	}
	var ce *Error
	if errors.As(err, &ce) {
		return ce
	}
	return &Error{Code: ExitStore, Msg: l.T("err.store", storeDetail(err)), Err: err}
}

// storeDetail is a store's error without the "store: " or "store "
// that begins the store package's errors, which the message's own
// "snapshot store: " says: "snapshot store: /tmp/s.db: file is not a
// database", not "snapshot store: store /tmp/s.db: ...".
func storeDetail(err error) string {
	msg := err.Error()
	for _, prefix := range []string{"store: ", "store "} {
		if rest, ok := strings.CutPrefix(msg, prefix); ok {
			return rest
		}
	}
	return msg
}

// rulesAndStore loads the rules and opens (or creates) the store, for the
// commands that write to it.
func rulesAndStore(ctx context.Context, io *IOStreams, l i18n.Lang, s *sourceOptions, d *dbOptions) (*census.Rules, *store.Store, error) {
	r, err := s.loadRules(l)
	if err != nil {
		return nil, nil, err
	}
	st, err := d.open(ctx, io, l)
	if err != nil {
		return nil, nil, err
	}
	return r, st, nil
}

// storeOrInput translates an error from pulling: the source's, or the
// store's.
func storeOrInput(l i18n.Lang, err error) error {
	var sm *snapshots.SubsetMismatch
	if errors.As(err, &sm) {
		return &Error{Code: ExitUsage, Msg: l.T("err.usage", l.T("err.subset_mismatch", sm.A, sm.SubsetA, sm.B, sm.SubsetB)), Err: err}
	}
	t := translate(l, err).(*Error)
	if t.Code == ExitInternal {
		return storeError(l, err)
	}
	return t
}
