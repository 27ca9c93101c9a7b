package publish

import (
	"strconv"
	"strings"

	"github.com/modelcensus/modelcensus/census"
	"github.com/modelcensus/modelcensus/i18n"
)

// Segment is a piece of the headline prose: plain text, or a figure with
// the key that names it (so that tests and readers can check each number
// against the census).
type Segment struct {
	Text   string
	Figure string // "" for plain text
}

// Figures are the headline's numbers by key, as printed.
type Figures map[string]string

// HeadlineProse writes the summary a policy brief opens with, in l: the total
// and its growth, the leading countries and organization, the multimodal
// count and the largest training run. Each sentence is a list of segments.
func HeadlineProse(r *census.Result, l i18n.Lang) ([][]Segment, Figures) {
	figs := Figures{}
	fig := func(key, v string) Segment {
		figs[key] = v
		return Segment{Text: v, Figure: key}
	}
	txt := func(s string) Segment { return Segment{Text: s} }
	ko := l == i18n.KO
	var out [][]Segment
	from, to := strconv.Itoa(r.Period.From), strconv.Itoa(r.Period.To)
	first, last := 0, 0
	if n := len(r.PerYear); n > 0 {
		first, last = r.PerYear[0].Count, r.PerYear[n-1].Count
	}
	subject := "large-scale AI models"
	if r.Settings.Subset != "large-scale" {
		subject = "AI models (" + l.T("subset."+r.Settings.Subset) + ")"
	}
	koSubject := "대규모 AI 모델"
	if r.Settings.Subset != "large-scale" {
		koSubject = "AI 모델(" + l.T("subset."+r.Settings.Subset) + ")"
	}
	if ko {
		s := []Segment{fig("from", from), txt("년부터 "), fig("to", to), txt("년까지 공개된 " + koSubject + "은 모두 "), fig("total", strconv.Itoa(r.Total)), txt("개입니다. 연간 공개 수는 "), fig("from", from), txt("년 "), fig("first_count", strconv.Itoa(first)), txt("개에서 "), fig("to", to), txt("년 "), fig("last_count", strconv.Itoa(last)), txt("개가 되었습니다")}
		if r.CAGR != nil {
			s = append(s, txt(" (연평균 증가율 "), fig("cagr", FormatPercent(*r.CAGR)), txt(")."))
		} else {
			s = append(s, txt(". 첫해에 모델이 없어 연평균 증가율은 산출할 수 없습니다."))
		}
		out = append(out, s)
	} else {
		s := []Segment{txt("From "), fig("from", from), txt(" to "), fig("to", to), txt(", "), fig("total", strconv.Itoa(r.Total)), txt(" " + subject + " were published. Each year's count went from "), fig("first_count", strconv.Itoa(first)), txt(" in "), fig("from", from), txt(" to "), fig("last_count", strconv.Itoa(last)), txt(" in "), fig("to", to)}
		if r.CAGR != nil {
			s = append(s, txt(", a compound annual growth of "), fig("cagr", FormatPercent(*r.CAGR)), txt("."))
		} else {
			s = append(s, txt("; with no models in the first year, the compound annual growth is undefined."))
		}
		out = append(out, s)
	}
	if Incomplete(r) {
		if ko {
			out = append(out, []Segment{fig("to", to), txt("년은 스냅숏 날짜에 아직 끝나지 않아 그해 수치는 부분적입니다.")})
		} else {
			out = append(out, []Segment{txt("The year "), fig("to", to), txt(" was not over at the snapshot date: its figures are partial.")})
		}
	}
	if len(r.Countries) > 0 {
		c := r.Countries[0]
		s := []Segment{}
		if ko {
			s = append(s, txt("국가별 모델 수는 "), fig("country_1", CountryName(c, l)), txt(" "), fig("country_1_count", FormatCount(c.Count)), txt("개"))
			if len(r.Countries) > 1 {
				c2 := r.Countries[1]
				s = append(s, txt(", "), fig("country_2", CountryName(c2, l)), txt(" "), fig("country_2_count", FormatCount(c2.Count)), txt("개 순으로 많았습니다."))
			} else {
				s = append(s, txt("로 가장 많았습니다."))
			}
		} else {
			s = append(s, fig("country_1", CountryName(c, l)), txt(" led with "), fig("country_1_count", FormatCount(c.Count)), txt(" models"))
			if len(r.Countries) > 1 {
				c2 := r.Countries[1]
				s = append(s, txt(", followed by "), fig("country_2", CountryName(c2, l)), txt(" with "), fig("country_2_count", FormatCount(c2.Count)), txt("."))
			} else {
				s = append(s, txt("."))
			}
		}
		out = append(out, s)
	}
	// The latest year's leader, where it is another country.
	if len(r.Countries) > 0 && len(r.CountriesLatest) > 0 && r.CountriesLatest[0].Code != r.Countries[0].Code {
		c := r.CountriesLatest[0]
		if ko {
			out = append(out, []Segment{fig("to", to), txt("년만 보면 "), fig("country_latest_1", CountryName(c, l)), txt("에서 "), fig("country_latest_1_count", FormatCount(c.Count)), txt("개로 가장 많았습니다.")})
		} else {
			out = append(out, []Segment{txt("In "), fig("to", to), txt(" alone, "), fig("country_latest_1", CountryName(c, l)), txt(" led, with "), fig("country_latest_1_count", FormatCount(c.Count)), txt(" models.")})
		}
	}
	// The peak year, where it is not the last.
	if y, n := peak(r); y != 0 && y != r.Period.To {
		if ko {
			out = append(out, []Segment{txt("연간 공개 수는 "), fig("peak_year", strconv.Itoa(y)), txt("년에 "), fig("peak_count", strconv.Itoa(n)), txt("개로 가장 많았습니다.")})
		} else {
			out = append(out, []Segment{txt("The yearly count peaked in "), fig("peak_year", strconv.Itoa(y)), txt(", at "), fig("peak_count", strconv.Itoa(n)), txt(" models.")})
		}
	}
	if len(r.OrganizationsLatest) > 0 {
		o := r.OrganizationsLatest[0]
		if ko {
			out = append(out, []Segment{fig("to", to), txt("년에 가장 많은 모델을 낸 곳은 "), fig("org_1", o.Name), txt("("), fig("org_1_count", FormatCount(o.Count)), txt("개)입니다.")})
		} else {
			out = append(out, []Segment{txt("In "), fig("to", to), txt(", the most prolific organization was "), fig("org_1", o.Name), txt(", with "), fig("org_1_count", FormatCount(o.Count)), txt(" models.")})
		}
	}
	if n := len(r.MultimodalPerYear); n > 0 && last > 0 {
		mm := r.MultimodalPerYear[n-1].Count
		if ko {
			out = append(out, []Segment{fig("to", to), txt("년 모델 "), fig("last_count", strconv.Itoa(last)), txt("개 가운데 멀티모달 모델은 "), fig("multimodal_latest", strconv.Itoa(mm)), txt("개입니다.")})
		} else {
			out = append(out, []Segment{fig("multimodal_latest", strconv.Itoa(mm)), txt(" of the "), fig("last_count", strconv.Itoa(last)), txt(" models of "), fig("to", to), txt(" were multimodal.")})
		}
	}
	if len(r.TopComputeLatest) > 0 {
		t := r.TopComputeLatest[0]
		// Epoch's confidence goes beside a figure it does not call
		// Confident.
		uncertain := t.Confidence == "Speculative" || t.Confidence == "Likely"
		if ko {
			s := []Segment{fig("to", to), txt("년 학습 연산량이 가장 큰 모델은 "), fig("top_org", t.Organization), txt("의 "), fig("top_model", t.Model), txt("("), fig("top_flop", FormatFLOP(t.FLOP)), txt(" FLOP")}
			if uncertain {
				s = append(s, txt(", Epoch 신뢰도 "), fig("top_confidence", ConfidenceName(t.Confidence, l)))
			}
			out = append(out, append(s, txt(")입니다.")))
		} else {
			s := []Segment{txt("The largest training run of "), fig("to", to), txt(" was "), fig("top_model", t.Model), txt(" by "), fig("top_org", t.Organization), txt(", at "), fig("top_flop", FormatFLOP(t.FLOP)), txt(" FLOP")}
			if uncertain {
				s = append(s, txt(" (Epoch rates this figure "), fig("top_confidence", ConfidenceName(t.Confidence, l)), txt(")"))
			}
			out = append(out, append(s, txt(".")))
		}
	}
	return out, figs
}

// peak is the year of the period with the most models (the first, on a
// tie) and its count; 0 for an empty period.
func peak(r *census.Result) (year, count int) {
	for _, y := range r.PerYear {
		if y.Count > count {
			year, count = y.Year, y.Count
		}
	}
	return year, count
}

// ProseText joins segments into plain text.
func ProseText(s []Segment) string {
	var b strings.Builder
	for _, seg := range s {
		b.WriteString(seg.Text)
	}
	return b.String()
}

// ExpectedFigures gives, for each headline key, the value it must show,
// read straight from the census: what tests compare the prose with.
func ExpectedFigures(r *census.Result, l i18n.Lang) Figures {
	f := Figures{"from": strconv.Itoa(r.Period.From), "to": strconv.Itoa(r.Period.To), "total": strconv.Itoa(r.Total)}
	if n := len(r.PerYear); n > 0 {
		f["first_count"] = strconv.Itoa(r.PerYear[0].Count)
		f["last_count"] = strconv.Itoa(r.PerYear[n-1].Count)
		f["multimodal_latest"] = strconv.Itoa(r.MultimodalPerYear[n-1].Count)
	}
	if r.CAGR != nil {
		f["cagr"] = FormatPercent(*r.CAGR)
	}
	for i := 0; i < 2 && i < len(r.Countries); i++ {
		f["country_"+strconv.Itoa(i+1)] = CountryName(r.Countries[i], l)
		f["country_"+strconv.Itoa(i+1)+"_count"] = FormatCount(r.Countries[i].Count)
	}
	if len(r.OrganizationsLatest) > 0 {
		f["org_1"] = r.OrganizationsLatest[0].Name
		f["org_1_count"] = FormatCount(r.OrganizationsLatest[0].Count)
	}
	if len(r.TopComputeLatest) > 0 {
		t := r.TopComputeLatest[0]
		f["top_model"], f["top_org"], f["top_flop"] = t.Model, t.Organization, FormatFLOP(t.FLOP)
		f["top_confidence"] = ConfidenceName(t.Confidence, l)
	}
	if len(r.CountriesLatest) > 0 {
		f["country_latest_1"] = CountryName(r.CountriesLatest[0], l)
		f["country_latest_1_count"] = FormatCount(r.CountriesLatest[0].Count)
	}
	best := 0
	for _, y := range r.PerYear {
		if y.Count > best {
			best = y.Count
			f["peak_year"], f["peak_count"] = strconv.Itoa(y.Year), strconv.Itoa(y.Count)
		}
	}
	return f
}
