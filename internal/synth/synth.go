package synth

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"strconv"
)

// Header is the subset of the real export header that synthetic files use,
// in the real order and spelling.
var Header = []string{
	"Model", "Domain", "Task", "Organization", "Authors", "Publication date",
	"Reference", "Link", "Citations", "Notability criteria", "Parameters",
	"Parameters notes", "Training compute (FLOP)", "Training compute notes",
	"Training dataset size (total)", "Confidence", "Abstract",
	"Model accessibility", "Country (of organization)", "Organization categorization",
	"Training hardware", "Last modified",
}

var orgs = []struct{ name, country, sector string }{
	{"OpenAI", "United States of America", "Industry"},
	{"Google DeepMind", "United Kingdom of Great Britain and Northern Ireland", "Industry"},
	{"Google", "United States of America", "Industry"},
	{"Meta AI", "United States of America", "Industry"},
	{"Anthropic", "United States of America", "Industry"},
	{"Alibaba", "China", "Industry"},
	{"DeepSeek", "China", "Industry"},
	{"Tsinghua University", "China", "Academia"},
	{"NAVER", "Korea (Republic of)", "Industry"},
	{"LG AI Research", "Korea (Republic of)", "Industry"},
	{"Mistral AI", "France", "Industry"},
	{"Stanford University", "United States of America", "Academia"},
	{"Microsoft Research", "United States of America", "Industry"},
	{"NVIDIA", "United States of America", "Industry"},
	{"Baidu", "China", "Industry"},
	{"Technology Innovation Institute", "United Arab Emirates", "Government"},
	{"University of Toronto", "Canada", "Academia"},
	{"Sakana-like Lab", "Japan", "Industry"},
	{"BigScience", "Multinational", "Research collective"},
	{"Unknown Startup", "", ""},
}

var domains = []string{"Language", "Vision", "Multimodal,Language,Vision", "Speech", "Biology", "Image generation", "Games", "Robotics", "Language,Mathematics", "Video"}
var access = []string{"Open weights (unrestricted)", "API access", "Unreleased", "Hosted access (no API)", "Open weights (non-commercial)", ""}
var confidence = []string{"Confident", "Likely", "Speculative", "Unknown", ""}
var words = []string{"we", "present", "a", "large", "language", "model", "trained", "on", "tokens", "with", "state-of-the-art", "results", "benchmark", "scaling", "vision", "transformer", "data"}

// Write writes a header and n rows, reproducible for a seed.
func Write(w io.Writer, n int, seed uint64) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	cw := csv.NewWriter(bw)
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	if err := cw.Write(Header); err != nil {
		return err
	}
	rec := make([]string, len(Header))
	for i := 0; i < n; i++ {
		o1 := orgs[rng.IntN(len(orgs))]
		org, country, sector := o1.name, o1.country, o1.sector
		if rng.IntN(5) == 0 { // a joint model
			o2 := orgs[rng.IntN(len(orgs))]
			org += "," + o2.name
			country += "," + o2.country
			sector += "," + o2.sector
		}
		year := 2010 + rng.IntN(17)
		date := fmt.Sprintf("%d-%02d-%02d", year, 1+rng.IntN(12), 1+rng.IntN(28))
		compute := ""
		if rng.IntN(10) < 6 {
			compute = strconv.FormatFloat(math.Pow(10, 17+rng.Float64()*10), 'e', 3, 64)
		}
		params := ""
		if rng.IntN(10) < 7 {
			params = strconv.FormatFloat(math.Round(math.Pow(10, 6+rng.Float64()*6)), 'f', 1, 64)
		}
		abstract := ""
		for j := 0; j < 8+rng.IntN(12); j++ {
			if j > 0 {
				abstract += " "
			}
			abstract += words[rng.IntN(len(words))]
		}
		name := fmt.Sprintf("Model-%07d", i)
		rec[0] = name
		rec[1] = domains[rng.IntN(len(domains))]
		rec[2] = "Language modeling/generation,Question answering"
		rec[3] = org
		rec[4] = "A. Author, B. Author"
		rec[5] = date
		rec[6] = name + ": a technical report"
		rec[7] = "https://example.org/" + name
		rec[8] = strconv.Itoa(rng.IntN(5000))
		rec[9] = "Highly cited"
		rec[10] = params
		rec[11] = "reported"
		rec[12] = compute
		rec[13] = "6ND estimate"
		rec[14] = strconv.Itoa(rng.IntN(1e9))
		rec[15] = confidence[rng.IntN(len(confidence))]
		rec[16] = abstract
		rec[17] = access[rng.IntN(len(access))]
		rec[18] = country
		rec[19] = sector
		rec[20] = "NVIDIA H100 SXM5 80GB"
		rec[21] = "2026-03-25 14:35:00+00:00"
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}
