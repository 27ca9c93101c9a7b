package snapshots

import (
	"context"
	"path/filepath"
	"reflect"
	"sort"
	"testing"
	"time"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/epoch"
	"github.com/modelcensus/modelcensus/internal/shared"
	"github.com/modelcensus/modelcensus/rules"
)

func renameStrings(rs []Rename) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.From+" → "+r.To+" ("+r.By+")")
	}
	sort.Strings(out)
	return out
}

// A shared link or reference is a rename only when the names, the
// organizations or the dates agree, and only by the names when other
// models cite the same paper. Hand-made pair; the expected renames are
// worked out model by model in the comments.
func TestRenameNeedsMoreThanALink(t *testing.T) {
	m := func(name, org, date, link, ref string) *rawModel {
		return &rawModel{name: name, org: org, date: date, link: link, reference: ref}
	}
	chameleon := "https://arxiv.org/abs/2405.09818v1"
	a := map[string]*rawModel{}
	b := map[string]*rawModel{}
	for _, x := range []*rawModel{
		m("Chameleon-7B", "Facebook AI Research", "2024-05-16", chameleon, "Chameleon"),
		m("Chameleon-34B", "Facebook AI Research", "2024-05-16", chameleon, "Chameleon"),
		m("DeepSeek-V2", "DeepSeek", "2024-05-07", "https://arxiv.org/abs/2405.04434", "DeepSeek-V2"),
		m("DeepSeek-V2-Lite", "DeepSeek", "2024-05-07", "https://arxiv.org/abs/2405.04434", "DeepSeek-V2"),
		m("Player of Games", "DeepMind", "2021-12-06", "https://l/pog", "Player of Games"),
		m("SearchFusion", "University of Amsterdam", "2011-11-06", "https://l/ss", "Segmentation as selective search"),
		m("Helpful Harmless preference model", "Anthropic", "2022-04-12", "https://l/hh", "Training a helpful and harmless assistant"),
		m("Widget", "Acme", "2020-01-01", "https://l/w", "Widgets"),
		m("Gizmo", "Acme", "2020-02-02", "", "Gizmos, a report"),
	} {
		a[x.name] = x
	}
	for _, x := range []*rawModel{
		// Same link as Chameleon-7B, same organization and date, but the
		// link is also Chameleon-34B's and no word of the names agrees:
		// not a rename.
		m("FragLlama: Next-fragment prediction for molecular design", "Facebook AI Research", "2024-05-16", chameleon, "Chameleon"),
		m("Chameleon-34B", "Facebook AI Research", "2024-05-16", chameleon, "Chameleon"),
		// A link two models cite, and the names share "DeepSeek", "V2":
		// a rename.
		m("DeepSeek-V2 (MoE-236B)", "DeepSeek", "2024-05-07", "https://arxiv.org/abs/2405.04434", "DeepSeek-V2"),
		m("DeepSeek-V2-Lite", "DeepSeek", "2024-05-07", "https://arxiv.org/abs/2405.04434", "DeepSeek-V2"),
		// Its own link, and the names share "Games": a rename.
		m("Student of Games", "Google DeepMind", "2023-11-15", "https://l/pog", "Student of Games"),
		// Its own link, no word in common, the same organization: a rename.
		m("Selective Search", "University of Amsterdam", "2013-04-02", "https://l/ss", "Segmentation as selective search"),
		// Its own link, no word in common, another organization spelling,
		// the same date: a rename.
		m("Anthropic LM 52B", "Anthropic PBC", "2022-04-12", "https://l/hh", "Training a helpful and harmless assistant"),
		// Its own link, and neither name nor organization nor date agree:
		// a removal and an addition.
		m("Sprocket", "Other Corp", "2021-05-05", "https://l/w", "Sprockets"),
		// The same reference (no link), the same organization: a rename.
		m("Gizmo 2", "Acme", "2020-03-03", "", "Gizmos, a report"),
	} {
		b[x.name] = x
	}
	want := []string{
		"DeepSeek-V2 → DeepSeek-V2 (MoE-236B) (link)",
		"Gizmo → Gizmo 2 (reference)",
		"Helpful Harmless preference model → Anthropic LM 52B (link)",
		"Player of Games → Student of Games (link)",
		"SearchFusion → Selective Search (link)",
	}
	if got := renameStrings(matchRenames(a, b)); !reflect.DeepEqual(got, want) {
		t.Errorf("renames\n got %q\nwant %q", got, want)
	}
}

func TestNamesAgree(t *testing.T) {
	for _, c := range []struct {
		x, y string
		want bool
	}{
		{"Chameleon-7B", "FragLlama: Next-fragment prediction for molecular design", false},
		{"Llama 4 Behemoth", "Llama 4 Behemoth (preview)", true},
		{"DeepSeek-Coder-V2-236B", "DeepSeek-Coder-V2 236B", true},
		{"Poro34B", "Poro 34B", true},
		{"Model of the World", "Model for the Sea", false}, // stop words only
		{"A", "A", true},
		{"GPT-4o", "Gemini 1.5", false},
	} {
		if got := namesAgree(c.x, c.y); got != c.want {
			t.Errorf("namesAgree(%q, %q) = %v, want %v", c.x, c.y, got, c.want)
		}
	}
}

// The real case: from the 2024-09-02 large-scale export to the 2025-02-01
// one, Chameleon-7B's row came back as "FragLlama: Next-fragment
// prediction for molecular design", with Chameleon-34B citing the same
// paper in both. diff reports a removal and an addition, while the
// renames of the same pair that names or organizations back stay renames.
func TestChameleonFragLlamaIsNoRename(t *testing.T) {
	dir := shared.Snapshots(t)
	ctx := context.Background()
	r, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	ref := func(rel, date string) *Ref {
		d, _ := time.Parse(time.DateOnly, date)
		x, err := FromSource(ctx, filepath.Join(dir, filepath.FromSlash(rel)), d, epoch.OpenOptions{})
		if err != nil {
			t.Fatal(err)
		}
		return x
	}
	d, err := CompareRefs(ctx, r, ref("2024-09-02/large_scale_ai_models.csv", "2024-09-02"),
		ref("2025-02-01/epoch_large_scale_ai_models.csv", "2025-02-01"), epoch.SubsetLargeScale, CompareOptions{Census: census.Options{}})
	if err != nil {
		t.Fatal(err)
	}
	const frag = "FragLlama: Next-fragment prediction for molecular design"
	renamed := map[string]string{}
	for _, rn := range d.Renamed {
		renamed[rn.From] = rn.To
	}
	if to, ok := renamed["Chameleon-7B"]; ok {
		t.Errorf("Chameleon-7B is still renamed, to %q", to)
	}
	in := func(list []ModelRef, name string) bool {
		for _, m := range list {
			if m.Model == name {
				return true
			}
		}
		return false
	}
	if !in(d.Removed, "Chameleon-7B") || !in(d.Added, frag) {
		t.Errorf("Chameleon-7B removed %v, FragLlama added %v", in(d.Removed, "Chameleon-7B"), in(d.Added, frag))
	}
	// The pair's other renames by link stay: DeepSeek-V2's, which the
	// names back (its paper is also DeepSeek-V2-Lite's), and SenseNova →
	// SenseChat, a link of its own and the same organization (a plain
	// look at the two files).
	for from, to := range map[string]string{"DeepSeek-V2": "DeepSeek-V2 (MoE-236B)", "SenseNova": "SenseChat"} {
		if renamed[from] != to {
			t.Errorf("%s → %s is no longer a rename (renames %v)", from, to, renameStrings(d.Renamed))
		}
	}
}
