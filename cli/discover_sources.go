package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/modelcensus/modelcensus/discover"
	"github.com/modelcensus/modelcensus/discover/arena"
	"github.com/modelcensus/modelcensus/discover/arxiv"
	"github.com/modelcensus/modelcensus/discover/hf"
	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/overlay"
	"github.com/modelcensus/modelcensus/publish"
)

// sources builds the sources --sources names, each with its endpoint.
func (o *discoverOptions) sources(io *IOStreams, l i18n.Lang) ([]discover.Source, error) {
	// Pages and their ETags are kept between runs beside the other caches
	// (--cache-dir, else $XDG_CACHE_HOME/modelcensus), in discover/.
	var cache discover.Cache
	if dir := o.CacheDir; dir != "" {
		cache = discover.DirCache(filepath.Join(dir, "discover"))
	} else if dir := overlay.DefaultCacheDir(io.Getenv); dir != "" {
		cache = discover.DirCache(filepath.Join(dir, "discover"))
	}
	var out []discover.Source
	for _, name := range strings.Split(o.Sources, ",") {
		switch strings.TrimSpace(name) {
		case "hf":
			out = append(out, &hf.Source{Endpoint: o.HFEndpoint, Client: &discover.Client{Cache: cache}})
		case "arena":
			out = append(out, &arena.Source{Endpoint: o.ArenaEndpoint, Client: &discover.Client{Cache: cache}})
		case "arxiv":
			out = append(out, &arxiv.Source{Endpoint: o.ArxivEndpoint, Client: &discover.Client{MinInterval: arxiv.Interval, Cache: cache}})
		case "":
		default:
			return nil, badValue(l, "--sources", name, "hf, arena, arxiv")
		}
	}
	if len(out) == 0 {
		return nil, badValue(l, "--sources", o.Sources, "hf, arena, arxiv")
	}
	return out, nil
}

// writeCandidates writes the candidates awaiting review as a table.
func writeCandidates(b *bytes.Buffer, cands []discover.Candidate, added, aside int, l i18n.Lang) {
	t := publish.Table{Title: l.T("disc.title", len(cands), added, aside),
		Headers: []string{"id", l.T("col.model"), l.T("col.organization"), l.T("col.params"), l.T("col.active_params"), l.T("col.estimate"), l.T("col.status"), l.T("col.sources")},
		Right:   []bool{false, false, false, true, true, true, false, false}}
	number := func(v float64) string {
		if v > 0 {
			return strconv.FormatFloat(v, 'g', 3, 64)
		}
		return ""
	}
	for _, c := range cands {
		var srcs []string
		for _, f := range c.Sources {
			srcs = append(srcs, f.Source)
		}
		est := ""
		if c.Compute != nil {
			est = publish.FormatFLOP(c.Compute.FLOP)
		}
		t.Rows = append(t.Rows, []string{c.ID, c.Name, c.Organization, number(c.Params), number(c.ActiveParams), est, l.T("cand." + c.Status), strings.Join(srcs, ", ")})
	}
	publish.WriteTable(b, t, l)
}

// readRegular reads a file named on the command line, refusing a FIFO or a
// device before opening it (opening a FIFO blocks until a writer comes).
func readRegular(path string) ([]byte, error) {
	if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() {
		return nil, epoch.ErrNotRegular
	}
	return os.ReadFile(path)
}
