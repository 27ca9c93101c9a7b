package snapshots

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"testing"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/notify"
)

// TestCheckNotify checks each flag value CheckNotify refuses, by the flag
// its error names, and the values it lets pass.
func TestCheckNotify(t *testing.T) {
	for _, c := range []struct {
		webhook  string
		from, to int
		option   string // "" for no error
	}{
		{"", 0, 0, ""},
		{"https://example.org/hook", 2020, 2024, ""},
		{"http://127.0.0.1:8080/x", 2024, 2024, ""},
		{"", 2024, 0, ""},
		{"ftp://example.org/x", 0, 0, "on-change-webhook"},
		{"http://", 0, 0, "on-change-webhook"},
		{"::bad", 0, 0, "on-change-webhook"},
		{"", 2024, 2020, "from"},
		{"", -1, 0, "from"},
		{"", 0, -3, "from"},
	} {
		err := CheckNotify(c.webhook, c.from, c.to)
		var oe *census.OptionError
		switch {
		case c.option == "" && err != nil:
			t.Errorf("CheckNotify(%q, %d, %d) = %v, want nil", c.webhook, c.from, c.to, err)
		case c.option != "" && (!errors.As(err, &oe) || oe.Option != c.option || oe.Code != census.OptionChoice):
			t.Errorf("CheckNotify(%q, %d, %d) = %v, want an option error of %s", c.webhook, c.from, c.to, err, c.option)
		}
	}
}

// sent is a notify.Sender that keeps what it is sent.
type sent struct{ bodies [][]byte }

func (s *sent) Send(_ context.Context, body []byte) error {
	s.bodies = append(s.bodies, body)
	return nil
}

// TestNotify checks that the webhook receives the diff's change event,
// with its counts of models, and that the log names it.
func TestNotify(t *testing.T) {
	s := &sent{}
	var log bytes.Buffer
	c := &notify.Change{Webhook: s, URL: "https://example.org/hook", Log: &log, Lang: i18n.EN}
	d := &Diff{A: SnapshotRef{ID: 1}, B: SnapshotRef{ID: 2}, Added: make([]ModelRef, 3), Explain: make([]census.Explanation, 2)}
	Notify(context.Background(), c, d)
	if len(s.bodies) != 1 {
		t.Fatalf("%d bodies sent, want 1", len(s.bodies))
	}
	var ev struct {
		Event  string
		Models struct{ Added int }
	}
	if err := json.Unmarshal(s.bodies[0], &ev); err != nil || ev.Event != "census_changed" || ev.Models.Added != 3 {
		t.Errorf("body %s (%v)", s.bodies[0], err)
	}
	if want := i18n.EN.T("pull.notified", c.URL, 2) + "\n"; log.String() != want {
		t.Errorf("log %q, want %q", log.String(), want)
	}
}
