package cli

import (
	"context"
	"errors"
	"os"
	"path/filepath"

	"github.com/spf13/pflag"

	"github.com/modelcensus/modelcensus/i18n"
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

// open opens the store named by --db.
func (o *dbOptions) open(ctx context.Context, io *IOStreams, l i18n.Lang) (*store.Store, error) {
	dsn := o.DB
	if dsn == "" {
		dsn = DefaultDBPath(io.Getenv)
	}
	if io.Parts == nil {
		return nil, errNeedsFull
	}
	st, err := io.Parts.OpenStore(ctx, dsn)
	if err != nil {
		return nil, &Error{Code: ExitStore, Msg: l.T("err.store", err), Err: err}
	}
	return st, nil
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
	return &Error{Code: ExitStore, Msg: l.T("err.store", err), Err: err}
}
