package cli

import (
	"context"
	"errors"

	"github.com/spf13/pflag"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/publish"
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

// open opens the store named by --db, creating a SQLite store (and its
// folder) that does not exist yet: for pull.
func (o *dbOptions) open(ctx context.Context, io *IOStreams, l i18n.Lang) (*store.Store, error) {
	st, err := io.Deps.Stores.Open(ctx, o.dsn(io))
	if err != nil {
		return nil, &Error{Code: ExitStore, Msg: l.T("err.store", publish.StoreDetail(err)), Err: err}
	}
	return st, nil
}

// openExisting opens the store named by --db for the commands that only
// read it (snapshots.OpenExisting): a SQLite file that does not exist
// is an error wrapping a *snapshots.NoStoreError, and a mistyped path creates
// nothing.
func (o *dbOptions) openExisting(ctx context.Context, io *IOStreams, l i18n.Lang) (*store.Store, error) {
	st, err := snapshots.OpenExisting(ctx, io.Deps.Stores, o.dsn(io))
	var ns *snapshots.NoStoreError
	if errors.As(err, &ns) {
		return nil, &Error{Code: ExitStore, Msg: l.T("err.no_store", ns.Path), Err: err}
	} else if err != nil {
		return nil, &Error{Code: ExitStore, Msg: l.T("err.store", publish.StoreDetail(err)), Err: err}
	}
	return st, nil
}

// dsn is --db, or the default SQLite store.
func (o *dbOptions) dsn(io *IOStreams) string {
	if o.DB != "" {
		return o.DB
	}
	return snapshots.DefaultStore(io.Getenv)
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
	return &Error{Code: ExitStore, Msg: l.T("err.store", publish.StoreDetail(err)), Err: err}
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
