package arena

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"

	"github.com/modelcensus/modelcensus/discover"
)

// DefaultEndpoint is the datasets-server.
const DefaultEndpoint = "https://datasets-server.huggingface.co"

// Dataset is the leaderboard's dataset.
const Dataset = "lmarena-ai/leaderboard-dataset"

// Source is the leaderboard. Config and Split choose the table ("text" and
// "latest" by default); MaxRows caps the rows read (1,000 by default).
type Source struct {
	Endpoint      string
	Client        *discover.Client
	Config, Split string
	MaxRows       int
}

// Name is "arena".
func (s *Source) Name() string { return "arena" }

type page struct {
	Rows []struct {
		Row struct {
			Model        string  `json:"model_name"`
			Organization string  `json:"organization"`
			Rating       float64 `json:"rating"`
			Votes        int64   `json:"vote_count"`
			Published    string  `json:"leaderboard_publish_date"`
		} `json:"row"`
	} `json:"rows"`
	Total *int `json:"num_rows_total"`
}

// Find reads the leaderboard's rows, a page of 100 at a time. Each model is
// found once. Its errors are the client's, and *discover.MalformedError for
// an answer without rows.
func (s *Source) Find(ctx context.Context, _ []string) ([]discover.Found, error) {
	base := strings.TrimRight(s.Endpoint, "/")
	if base == "" {
		base = DefaultEndpoint
	}
	config, split, max := s.Config, s.Split, s.MaxRows
	if config == "" {
		config = "text"
	}
	if split == "" {
		split = "latest"
	}
	if max <= 0 {
		max = 1000
	}
	var out []discover.Found
	seen := map[string]bool{}
	for offset := 0; offset < max; offset += 100 {
		q := url.Values{"dataset": {Dataset}, "config": {config}, "split": {split}, "offset": {fmt.Sprint(offset)}, "length": {"100"}}
		u := base + "/rows?" + q.Encode()
		body, _, err := s.Client.Get(ctx, u)
		if err != nil {
			return out, err
		}
		var p page
		if err := json.Unmarshal(body, &p); err != nil || p.Total == nil {
			if err == nil {
				err = fmt.Errorf("no num_rows_total")
			}
			return out, &discover.MalformedError{URL: u, Err: err}
		}
		for _, r := range p.Rows {
			m := strings.TrimSpace(r.Row.Model)
			if m == "" || seen[m] {
				continue
			}
			seen[m] = true
			f := discover.Found{Source: "arena", URL: "https://lmarena.ai/leaderboard", Name: m, Organization: r.Row.Organization,
				Note: fmt.Sprintf("rating %.0f, %d votes", r.Row.Rating, r.Row.Votes)}
			if len(r.Row.Published) >= 8 {
				f.Date = r.Row.Published
			}
			out = append(out, f)
		}
		if len(p.Rows) == 0 || offset+len(p.Rows) >= *p.Total {
			break
		}
	}
	return out, nil
}
