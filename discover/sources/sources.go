package sources

import (
	"path/filepath"
	"strings"

	"github.com/modelcensus/modelcensus/discover"
	"github.com/modelcensus/modelcensus/discover/arena"
	"github.com/modelcensus/modelcensus/discover/arxiv"
	"github.com/modelcensus/modelcensus/discover/hf"
)

// Names are the sources Build knows, in the order of --sources' default.
const Names = "hf, arena, arxiv"

// Endpoints are the base URLs of the sources (hf.DefaultEndpoint,
// arena.DefaultEndpoint and arxiv.DefaultEndpoint by default; loopback
// servers in tests).
type Endpoints struct {
	HF, Arena, Arxiv string
}

// UnknownError is Build's error for a name it does not know (Name), or
// for a list that names no source (Name is the whole list).
type UnknownError struct {
	Name string
}

func (e *UnknownError) Error() string { return "unknown source " + e.Name + " (" + Names + ")" }

// Build returns the sources a comma-separated list names, each asking its
// endpoint. Pages and their ETags are kept between runs in cacheDir's
// discover/ folder (beside the other caches); with cacheDir "" nothing is
// kept. arXiv's client waits arxiv.Interval between requests.
func Build(names string, e Endpoints, cacheDir string) ([]discover.Source, error) {
	var cache discover.Cache
	if cacheDir != "" {
		cache = discover.DirCache(filepath.Join(cacheDir, "discover"))
	}
	var out []discover.Source
	for _, name := range strings.Split(names, ",") {
		switch strings.TrimSpace(name) {
		case "hf":
			out = append(out, &hf.Source{Endpoint: e.HF, Client: &discover.Client{Cache: cache}})
		case "arena":
			out = append(out, &arena.Source{Endpoint: e.Arena, Client: &discover.Client{Cache: cache}})
		case "arxiv":
			out = append(out, &arxiv.Source{Endpoint: e.Arxiv, Client: &discover.Client{MinInterval: arxiv.Interval, Cache: cache}})
		case "":
		default:
			return nil, &UnknownError{Name: name}
		}
	}
	if len(out) == 0 {
		return nil, &UnknownError{Name: names}
	}
	return out, nil
}
