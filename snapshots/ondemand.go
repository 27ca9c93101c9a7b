package snapshots

import "github.com/modelcensus/modelcensus/store"

// OnDemand is a store opened only when first needed: ArgRef's openStore
// for the arguments of diff, which opens the store for a stored
// snapshot's id and not for a source read directly.
type OnDemand struct {
	open func() (*store.Store, error)
	st   *store.Store
}

// NewOnDemand returns an OnDemand that opens its store with open.
func NewOnDemand(open func() (*store.Store, error)) *OnDemand {
	return &OnDemand{open: open}
}

// Open opens the store the first time, then returns the same one. Its
// error is open's, and a later call tries again.
func (d *OnDemand) Open() (*store.Store, error) {
	if d.st == nil {
		st, err := d.open()
		if err != nil {
			return nil, err
		}
		d.st = st
	}
	return d.st, nil
}

// Close closes the store if it was opened; its error is the store's.
func (d *OnDemand) Close() error {
	if d.st == nil {
		return nil
	}
	return d.st.Close()
}
