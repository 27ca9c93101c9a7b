package drift

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/modelcensus/modelcensus/discover"
	"github.com/modelcensus/modelcensus/i18n"
	"github.com/modelcensus/modelcensus/publish"
)

// WriteCandidates writes the candidates awaiting review as a table in l,
// titled with how many there are, how many this run added and how many
// it set aside; format "json" writes them as a JSON array instead.
func WriteCandidates(b *bytes.Buffer, cands []discover.Candidate, added, aside int, format string, l i18n.Lang) {
	if format == "json" {
		_ = publish.WriteJSONValue(b, cands)
		return
	}
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
