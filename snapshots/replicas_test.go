package snapshots_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/modelcensus/modelcensus/snapshots"
	"github.com/modelcensus/modelcensus/store"
	"github.com/modelcensus/modelcensus/store/postgres"
	"github.com/modelcensus/modelcensus/web"
)

// The team deployment (issue 16): one PostgreSQL, two serve replicas on
// loopback ports, two pullers started together over the same sequence of
// downloads, and a load generator asking both replicas all along. It
// checks that no request fails, that no replica ever serves a snapshot
// with fewer rows than its download holds (half-imported), that both
// replicas agree once the poll interval has passed, and that every
// download is imported exactly once.
func TestReplicasAndPullers(t *testing.T) {
	base := os.Getenv(pgEnv)
	if base == "" {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI must test PostgreSQL too: set %s (see scripts/pg-test-server.sh)", pgEnv)
		}
		t.Skipf("PostgreSQL test skipped: set %s to a server's URL (scripts/pg-test-server.sh starts one)", pgEnv)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	dsn := pgSchema(t, base)
	r := defaultRules(t)
	// Each replica and each puller has a connection pool of its own, as
	// separate processes would.
	open := func() *store.Store {
		st, err := postgres.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return st
	}
	const poll = 150 * time.Millisecond
	var replicas []*httptest.Server
	for i := 0; i < 2; i++ {
		srv := httptest.NewServer(web.New(web.NewStoreCatalog(r, open()), "test", nil).UsePoll(poll).Handler())
		t.Cleanup(srv.Close)
		replicas = append(replicas, srv)
	}

	// Eight daily downloads: the fixture's 12 rows (8 models), and i more
	// rows, each a model, on day i.
	parent := t.TempDir()
	type download struct {
		dir, date string
		rows      int
	}
	var days []download
	wantRows, wantModels := map[string]int{}, map[string]int{}
	for i := 0; i < 8; i++ {
		date := fmt.Sprintf("2026-01-%02d", i+1)
		extra := ""
		for k := 0; k < i; k++ {
			extra += fmt.Sprintf("Extra %d,Language,Lab %d,2025-06-%02d,%de23,Likely,Open weights (unrestricted),Republic of Korea,,\n", k, k, k+1, k+2)
		}
		days = append(days, download{fixtureFolder(t, parent, date, extra), date, 12 + i})
		wantRows[date], wantModels[date] = 12+i, 8+i
	}
	pull := func(st *store.Store, d download) (bool, error) {
		dt, _ := time.Parse("2006-01-02", d.date)
		res, err := snapshots.Pull(ctx, st, r, d.dir, snapshots.PullOptions{Date: dt, DateBasis: "option"})
		if err != nil {
			return false, err
		}
		return res.Created, nil
	}
	// The first download is in before the replicas are asked: a store
	// without snapshots answers 404, which is not a failure.
	first := open()
	if _, err := pull(first, days[0]); err != nil {
		t.Fatal(err)
	}

	// The load generator: four clients, each asking both replicas in turn.
	var failures, requests, served atomic.Int64
	var failMu sync.Mutex
	var firstFailure string
	fail := func(msg string) {
		failures.Add(1)
		failMu.Lock()
		if firstFailure == "" {
			firstFailure = msg
		}
		failMu.Unlock()
	}
	stop := make(chan struct{})
	var load sync.WaitGroup
	client := &http.Client{Timeout: 10 * time.Second}
	for c := 0; c < 4; c++ {
		load.Add(1)
		go func(c int) {
			defer load.Done()
			for n := 0; ; n++ {
				select {
				case <-stop:
					return
				default:
				}
				srv := replicas[(c+n)%2]
				path := "/api/v1/census"
				if n%3 == 2 {
					path = "/api/v1/snapshots"
				}
				requests.Add(1)
				resp, err := client.Get(srv.URL + path)
				if err != nil {
					fail(err.Error())
					continue
				}
				body, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				if resp.StatusCode != http.StatusOK {
					fail(fmt.Sprintf("%s: HTTP %d: %s", path, resp.StatusCode, body))
					continue
				}
				if path != "/api/v1/census" {
					continue
				}
				var res struct {
					Source struct {
						SnapshotDate string `json:"snapshot_date"`
						Rows         int    `json:"rows"`
						Models       int    `json:"models"`
					} `json:"source"`
				}
				if err := json.Unmarshal(body, &res); err != nil {
					fail(err.Error())
					continue
				}
				// The models are counted from the rows read back: a snapshot
				// half imported would have fewer.
				date := res.Source.SnapshotDate
				if want, ok := wantRows[date]; !ok || res.Source.Rows != want || res.Source.Models != wantModels[date] {
					fail(fmt.Sprintf("snapshot of %s served with %d rows and %d models, want %d and %d", date, res.Source.Rows, res.Source.Models, want, wantModels[date]))
				}
				served.Add(1)
			}
		}(c)
	}

	// Two pullers, started together, each importing every download in turn.
	var created atomic.Int64
	var pullers sync.WaitGroup
	start := make(chan struct{})
	for p := 0; p < 2; p++ {
		st := open()
		pullers.Add(1)
		go func() {
			defer pullers.Done()
			<-start
			for _, d := range days[1:] {
				ok, err := pull(st, d)
				if err != nil {
					fail("pull " + d.date + ": " + err.Error())
					return
				}
				if ok {
					created.Add(1)
				}
				time.Sleep(20 * time.Millisecond) // a little load between imports
			}
		}()
	}
	close(start)
	pullers.Wait()

	// Once the poll interval has passed, both replicas serve the newest.
	time.Sleep(2 * poll)
	var latest []string
	for _, srv := range replicas {
		resp, err := client.Get(srv.URL + "/api/v1/census")
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		latest = append(latest, string(body))
	}
	close(stop)
	load.Wait()

	if failures.Load() > 0 {
		t.Errorf("%d of %d requests failed; the first: %s", failures.Load(), requests.Load(), firstFailure)
	}
	if served.Load() < 20 {
		t.Errorf("only %d census answers checked", served.Load())
	}
	if latest[0] != latest[1] {
		t.Errorf("the replicas disagree after the poll interval:\n%.300s\n%.300s", latest[0], latest[1])
	}
	var res struct {
		Source struct {
			SnapshotDate string `json:"snapshot_date"`
		} `json:"source"`
	}
	if err := json.Unmarshal([]byte(latest[0]), &res); err != nil || res.Source.SnapshotDate != days[len(days)-1].date {
		t.Errorf("replicas serve %q, want the newest download %s (%v)", res.Source.SnapshotDate, days[len(days)-1].date, err)
	}
	// Seven downloads over two pullers: seven snapshots, none twice.
	list, err := first.Snapshots(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if created.Load() != int64(len(days)-1) || len(list) != len(days) {
		t.Errorf("%d imports reported and %d snapshots stored; want %d and %d", created.Load(), len(list), len(days)-1, len(days))
	}
	t.Logf("%d requests, %d census answers checked", requests.Load(), served.Load())
}
