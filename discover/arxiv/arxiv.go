package arxiv

import (
	"context"
	"encoding/xml"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/modelcensus/modelcensus/discover"
)

// DefaultEndpoint is arXiv's API.
const DefaultEndpoint = "https://export.arxiv.org"

// Interval is the least time between two requests that arXiv asks for.
const Interval = 3 * time.Second

// Source is arXiv. Max is how many of the newest entries are read (200 by
// default).
type Source struct {
	Endpoint string
	Client   *discover.Client
	Max      int
}

// Name is "arxiv".
func (s *Source) Name() string { return "arxiv" }

type feed struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	Entries []struct {
		ID        string `xml:"id"`
		Title     string `xml:"title"`
		Published string `xml:"published"`
	} `xml:"entry"`
}

// announce finds a title that announces a model: "X Technical Report",
// "X: a family of …", "X: … foundation models". The name is what comes
// before the colon, or before "Technical Report".
var announce = regexp.MustCompile(`(?i)technical report|\bfamily of\b|\bmodel family\b|foundation models?\b`)

// Find reads the newest entries, 100 a page. Its errors are the client's,
// and *discover.MalformedError for an answer that is not an Atom feed.
func (s *Source) Find(ctx context.Context, _ []string) ([]discover.Found, error) {
	base := strings.TrimRight(s.Endpoint, "/")
	if base == "" {
		base = DefaultEndpoint
	}
	max := s.Max
	if max <= 0 {
		max = 200
	}
	var out []discover.Found
	for start := 0; start < max; start += 100 {
		q := url.Values{"search_query": {"cat:cs.CL OR cat:cs.LG OR cat:cs.CV"}, "sortBy": {"submittedDate"}, "sortOrder": {"descending"},
			"start": {fmt.Sprint(start)}, "max_results": {fmt.Sprint(min(100, max-start))}}
		u := base + "/api/query?" + q.Encode()
		body, _, err := s.Client.Get(ctx, u)
		if err != nil {
			return out, err
		}
		var f feed
		if err := xml.Unmarshal(body, &f); err != nil {
			return out, &discover.MalformedError{URL: u, Err: err}
		}
		for _, e := range f.Entries {
			title := strings.Join(strings.Fields(e.Title), " ")
			if !announce.MatchString(title) {
				continue
			}
			name := modelName(title)
			if name == "" {
				continue
			}
			fd := discover.Found{Source: "arxiv", URL: strings.TrimSpace(e.ID), Name: name, Note: title}
			if len(e.Published) >= 10 {
				fd.Date = e.Published[:10]
			}
			out = append(out, fd)
		}
		if len(f.Entries) < 100 {
			break
		}
	}
	return out, nil
}

// modelName is the model a title announces: the text before "Technical
// Report" ("Mi:dm 2.0 Technical Report"), else before ": " ("Tri: A Family
// of …" is Tri); "" when that is not a short name.
func modelName(title string) string {
	name := ""
	if i := strings.Index(strings.ToLower(title), "technical report"); i > 0 && !strings.Contains(title[:i], ": ") {
		name = strings.TrimRight(strings.TrimSpace(title[:i]), ":")
	} else if before, _, ok := strings.Cut(title, ": "); ok {
		name = before
	}
	name = strings.TrimSpace(name)
	if name == "" || len(strings.Fields(name)) > 4 {
		return ""
	}
	return name
}
