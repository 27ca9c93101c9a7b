package cli

import (
	"context"

	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/notify"
	"github.com/modelcensus/modelcensus/publish"
	"github.com/modelcensus/modelcensus/store"
	"github.com/modelcensus/modelcensus/web"
)

// Deps are the adapters the commands work through. The program's main
// builds them once (cmd/modelcensus); tests build their own.
type Deps struct {
	// Stores open the snapshot store that --db names, by DSN scheme.
	Stores *store.Registry
	// Formats are the output formats, by name: one list for every
	// command and the API.
	Formats *publish.Registry
	// Download fetches a URL source into the download cache (package
	// epoch/download).
	Download func(ctx context.Context, url string, opt epoch.FetchOptions) (*epoch.Fetched, error)
	// Serve serves the dashboard and the API until ctx ends (web.Run).
	Serve func(ctx context.Context, c web.Config) error
	// Notifier sends a pull's change event to a webhook URL (package
	// notify); nil sends with notify.Webhook's defaults.
	Notifier func(url string) Sender
}

// Sender sends a JSON body somewhere (notify.Webhook).
type Sender = notify.Sender

// webhook is the sender for url.
func (d *Deps) webhook(url string) Sender {
	if d != nil && d.Notifier != nil {
		return d.Notifier(url)
	}
	return &notify.Webhook{URL: url}
}
