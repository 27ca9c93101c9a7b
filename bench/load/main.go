package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "load:", err)
		os.Exit(1)
	}
}

func run() error {
	source := flag.String("source", "../shared/epoch-snapshots", "a folder of dated snapshot folders (the model names are read from it)")
	db := flag.String("db", "", "a store already holding the source's snapshots (default: pull them into a temporary one)")
	bin := flag.String("bin", "", "the modelcensus binary (default: built from ./cmd/modelcensus)")
	nURLs := flag.Int("urls", 20000, "distinct URLs, a third each model, census and diff; each is asked once")
	conns := flag.Int("conns", 64, "concurrent connections")
	duration := flag.Duration("duration", 2*time.Minute, "the bound in time of the measured run")
	seed := flag.Uint64("seed", 27, "the seed of the URL mix and its order")
	flag.Parse()

	tmp, err := os.MkdirTemp("", "modelcensus-load-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	if *bin == "" {
		*bin = filepath.Join(tmp, "modelcensus")
		if out, err := exec.Command("go", "build", "-o", *bin, "./cmd/modelcensus").CombinedOutput(); err != nil {
			return fmt.Errorf("building modelcensus: %v\n%s", err, out)
		}
	}
	env := append(os.Environ(), "XDG_DATA_HOME="+tmp, "XDG_CACHE_HOME="+tmp, "XDG_CONFIG_HOME="+tmp)
	if *db == "" {
		*db = filepath.Join(tmp, "store.db")
		cmd := exec.Command(*bin, "pull", "--source", *source, "--db", *db, "--overlay", "none")
		cmd.Env = env
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("pull: %v\n%s", err, out)
		}
	}

	addr, err := freeAddr()
	if err != nil {
		return err
	}
	srv := exec.Command(*bin, "serve", "--db", *db, "--addr", addr, "--overlay", "none")
	srv.Env = env
	srv.Stderr = io.Discard
	if err := srv.Start(); err != nil {
		return fmt.Errorf("starting the server: %w", err)
	}
	defer func() {
		srv.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { srv.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			srv.Process.Kill()
			<-done
		}
	}()
	base := "http://" + addr
	snaps, err := waitSnapshots(base)
	if err != nil {
		return err
	}
	urls, err := mix(*source, snaps, *nURLs, rand.New(rand.NewPCG(*seed, 1)))
	if err != nil {
		return err
	}
	hwm0, _ := vmHWM(srv.Process.Pid)
	cpu0, _ := cpuTime(srv.Process.Pid)
	r := hammer(base, urls, *conns, *duration)
	hwm, err := vmHWM(srv.Process.Pid)
	if err != nil {
		return err
	}
	if r.cpu, err = cpuTime(srv.Process.Pid); err != nil {
		return err
	}
	r.cpu -= cpu0
	r.print(os.Stdout, len(snaps), *conns, hwm0, hwm)
	return nil
}

// freeAddr is a loopback address with a port free now.
func freeAddr() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer l.Close()
	return l.Addr().String(), nil
}

type snapshot struct {
	ID     int64  `json:"id"`
	Date   string `json:"date"`
	Source string `json:"source"`
}

// waitSnapshots waits for the server to answer, and lists its snapshots.
func waitSnapshots(base string) ([]snapshot, error) {
	deadline := time.Now().Add(30 * time.Second)
	for {
		resp, err := http.Get(base + "/api/v1/snapshots")
		if err == nil {
			var s []snapshot
			err = json.NewDecoder(resp.Body).Decode(&s)
			resp.Body.Close()
			if err == nil && resp.StatusCode == http.StatusOK {
				return s, nil
			}
			err = fmt.Errorf("snapshots: status %d, %v", resp.StatusCode, err)
		}
		if time.Now().After(deadline) {
			return nil, fmt.Errorf("the server did not answer in 30 s: %w", err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// mix is n distinct URLs, a third each: a model of one snapshot (its name
// read from the snapshot's folder), a census of one snapshot over a period
// and attribution, and a diff of two snapshots over a period; shuffled.
func mix(source string, snaps []snapshot, n int, rng *rand.Rand) ([]string, error) {
	seen := map[string]bool{}
	var urls []string
	add := func(u string) {
		if !seen[u] {
			seen[u] = true
			urls = append(urls, u)
		}
	}
	names := make([][]string, len(snaps))
	total := 0
	for i, s := range snaps {
		var err error
		if names[i], err = modelNames(filepath.Join(source, s.Source)); err != nil {
			return nil, err
		}
		total += len(names[i])
	}
	if total < n/3 {
		return nil, fmt.Errorf("only %d models in %s for %d model URLs", total, source, n/3)
	}
	for len(urls) < n/3 {
		i := rng.IntN(len(snaps))
		if len(names[i]) == 0 {
			continue
		}
		name := names[i][rng.IntN(len(names[i]))]
		add(fmt.Sprintf("/api/v1/models/%s?snapshot=%d", url.PathEscape(name), snaps[i].ID))
	}
	attributions := []string{"full", "fractional", "first"}
	for len(urls) < 2*n/3 {
		from := 2010 + rng.IntN(15)
		to := from + rng.IntN(2027-from)
		add(fmt.Sprintf("/api/v1/census?snapshot=%d&from=%d&to=%d&attribution=%s",
			snaps[rng.IntN(len(snaps))].ID, from, to, attributions[rng.IntN(3)]))
	}
	for len(urls) < n {
		a, b := rng.IntN(len(snaps)), rng.IntN(len(snaps))
		if a == b {
			continue
		}
		from := 2010 + rng.IntN(15)
		add(fmt.Sprintf("/api/v1/diff?a=%d&b=%d&from=%d&to=%d", snaps[a].ID, snaps[b].ID, from, from+rng.IntN(2027-from)))
	}
	rng.Shuffle(len(urls), func(i, j int) { urls[i], urls[j] = urls[j], urls[i] })
	return urls, nil
}

// modelNames reads the model names of a snapshot folder: those of its
// large-scale file when it has one (the subset served by default), else
// of every CSV in it.
func modelNames(dir string) ([]string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.csv"))
	if err != nil {
		return nil, err
	}
	if i := slices.IndexFunc(files, func(f string) bool { return strings.Contains(filepath.Base(f), "large_scale") }); i >= 0 {
		files = files[i : i+1]
	}
	var names []string
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			return nil, err
		}
		r := csv.NewReader(bufio.NewReader(fh))
		r.FieldsPerRecord, r.LazyQuotes = -1, true
		col := -1
		for {
			rec, err := r.Read()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				fh.Close()
				return nil, fmt.Errorf("%s: %w", f, err)
			}
			if col < 0 {
				col = slices.IndexFunc(rec, func(h string) bool {
					h = strings.TrimPrefix(strings.TrimSpace(h), "\ufeff")
					return h == "Model" || h == "System"
				})
				if col < 0 {
					break
				}
				continue
			}
			if col < len(rec) && strings.TrimSpace(rec[col]) != "" {
				names = append(names, strings.TrimSpace(rec[col]))
			}
		}
		fh.Close()
	}
	return names, nil
}

// result is what the run measured.
type result struct {
	latencies []time.Duration
	// byKind are the latencies of each kind of URL (model, census, diff).
	byKind   map[string][]time.Duration
	status   map[int]int
	failures int
	elapsed  time.Duration
	asked    int
	// cpu is the CPU time (user and system) the server spent meanwhile.
	cpu time.Duration
}

// hammer asks every URL once over conns connections, within d.
func hammer(base string, urls []string, conns int, d time.Duration) *result {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	client := &http.Client{Transport: &http.Transport{MaxIdleConns: conns, MaxIdleConnsPerHost: conns, MaxConnsPerHost: conns}}
	work := make(chan string)
	res := &result{status: map[int]int{}, asked: len(urls), byKind: map[string][]time.Duration{}}
	var mu sync.Mutex
	var wg sync.WaitGroup
	start := time.Now()
	for range conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var lat []time.Duration
			byKind := map[string][]time.Duration{}
			status := map[int]int{}
			failures := 0
			for u := range work {
				req, _ := http.NewRequestWithContext(ctx, http.MethodGet, base+u, nil)
				req.Header.Set("Accept-Encoding", "gzip")
				t := time.Now()
				resp, err := client.Do(req)
				if err == nil {
					_, err = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
				}
				if err != nil {
					if ctx.Err() == nil {
						failures++
					}
					continue
				}
				lat = append(lat, time.Since(t))
				byKind[kindOf(u)] = append(byKind[kindOf(u)], lat[len(lat)-1])
				status[resp.StatusCode]++
			}
			mu.Lock()
			res.latencies = append(res.latencies, lat...)
			for k, v := range byKind {
				res.byKind[k] = append(res.byKind[k], v...)
			}
			for k, v := range status {
				res.status[k] += v
			}
			res.failures += failures
			mu.Unlock()
		}()
	}
feed:
	for _, u := range urls {
		select {
		case work <- u:
		case <-ctx.Done():
			break feed
		}
	}
	close(work)
	wg.Wait()
	res.elapsed = time.Since(start)
	return res
}

// kindOf is the kind of a URL of the mix: model, census or diff.
func kindOf(u string) string {
	switch {
	case strings.HasPrefix(u, "/api/v1/models/"):
		return "model"
	case strings.HasPrefix(u, "/api/v1/census"):
		return "census"
	}
	return "diff"
}

// percentile is the p-th quantile (0..1) of sorted latencies.
func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	return sorted[min(len(sorted)-1, int(p*float64(len(sorted))))]
}

func (r *result) print(w io.Writer, snaps, conns int, hwm0, hwm int64) {
	slices.Sort(r.latencies)
	pct := func(p float64) time.Duration { return percentile(r.latencies, p) }
	done := len(r.latencies)
	var codes []string
	for _, k := range slices.Sorted(maps.Keys(r.status)) {
		codes = append(codes, fmt.Sprintf("%d: %d", k, r.status[k]))
	}
	fmt.Fprintf(w, "snapshots %d, connections %d, distinct URLs %d, answered %d in %.1f s (%s), transport failures %d\n",
		snaps, conns, r.asked, done, r.elapsed.Seconds(), strings.Join(codes, ", "), r.failures)
	fmt.Fprintf(w, "requests/s %.0f, p50 %s, p99 %s, max %s\n", float64(done)/r.elapsed.Seconds(),
		pct(0.50).Round(time.Millisecond), pct(0.99).Round(time.Millisecond), pct(1).Round(time.Millisecond))
	for _, k := range []string{"model", "census", "diff"} {
		l := r.byKind[k]
		slices.Sort(l)
		fmt.Fprintf(w, "  %-6s %5d answered, p50 %s, p99 %s\n", k, len(l),
			percentile(l, 0.50).Round(time.Millisecond), percentile(l, 0.99).Round(time.Millisecond))
	}
	if done > 0 {
		fmt.Fprintf(w, "server CPU %.1f s, %.2f ms a request (on a machine of its own, %d CPUs serve at most %.0f requests/s)\n",
			r.cpu.Seconds(), r.cpu.Seconds()*1000/float64(done), runtime.NumCPU(), float64(runtime.NumCPU())*float64(done)/r.cpu.Seconds())
	}
	fmt.Fprintf(w, "server peak RSS (VmHWM) %d MB (%d MB once started)\n", hwm>>10, hwm0>>10)
}

// cpuTime is a process's CPU time, user and system, from Linux's
// /proc/PID/stat (fields 14 and 15, in clock ticks of 1/100 s).
func cpuTime(pid int) (time.Duration, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, fmt.Errorf("reading the server's CPU time: %w", err)
	}
	// The command name, in parentheses, may hold spaces: fields follow it.
	i := bytes.LastIndexByte(b, ')')
	if i < 0 {
		return 0, errors.New("no command name in /proc/PID/stat")
	}
	f := strings.Fields(string(b[i+1:]))
	if len(f) < 13 {
		return 0, errors.New("short /proc/PID/stat")
	}
	var ticks int64
	for _, s := range f[11:13] { // utime, stime: the 14th and 15th fields
		var v int64
		if _, err := fmt.Sscan(s, &v); err != nil {
			return 0, fmt.Errorf("/proc/PID/stat: %w", err)
		}
		ticks += v
	}
	return time.Duration(ticks) * 10 * time.Millisecond, nil
}

// vmHWM is a process's peak resident set size in KiB, from Linux's
// /proc/PID/status.
func vmHWM(pid int) (int64, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, fmt.Errorf("reading the server's peak RSS: %w", err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			var kb int64
			_, err := fmt.Sscanf(strings.TrimSpace(v), "%d kB", &kb)
			return kb, err
		}
	}
	return 0, errors.New("no VmHWM in /proc/PID/status")
}
