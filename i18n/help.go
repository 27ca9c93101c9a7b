package i18n

import (
	"strings"
	"unicode"
)

// helpCatalog holds the long help of the commands (cobra's Long), one
// language each: English and Korean.
func helpCatalog() map[string][2]string {
	return map[string][2]string{
		"long.diff": {`Show what changed from snapshot A to snapshot B. Each is a stored snapshot's
id, or a source read directly (a CSV, a folder, an ai_models.zip, a URL), so two
downloads can be compared without a store. It lists models added and
removed (matched by trimmed name; a rename is recognized by the same link or
reference), each changed value (training compute, publication date, country,
organization, domain), and the effect on the census under the same period
and rules.`,
			`스냅숏 A에서 B로 바뀐 것을 보여줍니다. A와 B는 저장된 스냅숏 번호이거나 직접 읽을
원본(CSV, 폴더, ai_models.zip, URL)이므로 저장소 없이도 두 내려받기를 비교할 수 있습니다: 추가·삭제된 모델(이름 기준, 링크나
참고문헌이 같으면 이름 변경), 바뀐 값, 같은 기간과 규칙에서 현황 통계에 미친 영향.`},
		"long.history": {`Follow one figure across every stored snapshot, to see when and how it drifted:
models per publication year (per-year, the default), the models of one year
(count --year Y), a country's count for a year (country --country KR --year
Y), or the top-compute model of a year (top --year Y). With --source it reads an
archive folder in place (one sub-folder per download, named YYYY-MM-DD) instead
of the store.`,
			`한 지표가 저장된 스냅숏마다 어떻게 바뀌었는지 보여줍니다: 공개 연도별 모델 수
(per-year, 기본), 한 해의 모델 수(count --year Y), 한 국가의 연도별 수(country
--country KR --year Y), 한 해의 학습 연산량 최대 모델(top --year Y). --source를 주면
저장소 대신 보관 폴더(내려받을 때마다 YYYY-MM-DD 이름의 하위 폴더)를 그대로 읽습니다.`},
		"long.pull": {`Store a snapshot of a source in the snapshot store: every file as read, every
raw row, and the provenance (source, file names, sizes and SHA-256, ETag,
retrieval time, header versions, row counts, modelcensus and rules versions).
Pulling the content of the latest snapshot again stores nothing; a source that
went back to an earlier content is a new snapshot. A folder of dated sub-folders
(an archive of past downloads) imports one snapshot per sub-folder.`,
			`원본의 스냅숏(파일, 모든 원본 행, 출처 정보)을 저장소에 저장합니다. 가장 최근
스냅숏과 같은 내용은 다시 저장하지 않고, 예전 내용으로 되돌아간 원본은 새
스냅숏으로 저장합니다. 날짜 이름의 하위 폴더로 된 보관 폴더는 하위 폴더마다
스냅숏 하나로 가져옵니다.`},
		"long.discover": {`Find candidate models that the snapshot does not list, where Epoch watches:
the Hugging Face Hub (the newest repositories of every developer id in the
snapshot and of the Korean labs of the watchlist), LMArena's public
leaderboard, and arXiv (cs.CL, cs.LG, cs.CV titles announcing a technical
report or a model family). A candidate is in neither the snapshot nor the
overlay; derivatives (fine-tunes, quantizations, adapters, merges) are set
aside. Candidates go to a review queue in the store: curate accept ID turns
one into an overlay entry, curate reject ID keeps it from coming back.`,
			`스냅숏에 없는 후보 모델을 Epoch가 살피는 곳에서 찾습니다: Hugging Face Hub(스냅숏의
개발자 id와 한국 연구소 목록의 최신 저장소), LMArena 공개 리더보드, arXiv(기술
보고서나 모델군을 알리는 cs.CL·cs.LG·cs.CV 논문). 후보는 저장소의 검토 대기열에
들어가며, curate accept ID로 오버레이 항목을 만들고 curate reject ID로 다시 나오지
않게 합니다.`},
		"long.curate": {`Keep local curation as an overlay: a folder of TOML files, one sourced entry
each, that adds the models Epoch misses, corrects one field of an upstream
model, or excludes one. report, chart and serve apply it (--overlay DIR; by
default $XDG_DATA_HOME/modelcensus/overlay when it exists; --overlay none turns
it off). check gives each entry its status against a snapshot: applied,
upstream (Epoch caught up: retire it), conflict (the upstream changed the
field since: both values shown) or orphaned (the model is gone).`,
			`로컬 보정을 오버레이로 관리합니다: 출처가 있는 항목 하나씩을 담은 TOML 파일 폴더로,
Epoch에 없는 모델을 더하고(add), 원본 모델의 필드 하나를 고치고(correct), 모델을
빼고(exclude) 합니다. report, chart, serve가 적용합니다(--overlay DIR; 기본값은
$XDG_DATA_HOME/modelcensus/overlay가 있으면 그 폴더; --overlay none은 끔). check는
스냅숏에 대한 각 항목의 상태를 보여줍니다: applied(적용), upstream(원본 반영, 은퇴
가능), conflict(원본 값이 바뀜), orphaned(대상 모델이 사라짐).`},
		"long.rules": {`Show the normalization rules: column aliases, countries, organizations and
their groups, domains and accessibility. With --source, list every raw value
of the source with the rows that hold it and what it maps to, and the values
that no rule maps.`,
			`정규화 규칙(열 별칭, 국가, 기관과 그룹, 분야, 공개 방식)을 보여줍니다.
--source를 주면 원본의 모든 값과 그 값이 있는 행 수, 정규화 결과를 나열하고,
규칙에 없는 값을 따로 보여줍니다.`},
		"long.serve": {`Serve the dashboard (overview, explorer, model pages, snapshots and diffs) and
the JSON API under /api/v1/ (documented at /api/v1/openapi.json), from the
snapshot store (--db) or from one source read at start (--source). It listens
on loopback unless told otherwise, and stops gracefully on SIGINT or SIGTERM.`,
			`대시보드와 /api/v1/ 아래의 JSON API를 제공합니다. 저장소(--db)나 시작할 때 읽은
원본(--source)을 씁니다.`},
		"long.root": {`modelcensus reads an export of Epoch AI's "Data on AI models" database
(CC BY 4.0), normalizes it by stated rules and prints the census a national
report needs: models per year and their growth, countries, organizations,
domains, multimodal models and the largest training runs.`,
			`modelcensus는 Epoch AI의 "Data on AI models" 데이터베이스(CC BY 4.0)를 읽어
명시된 규칙으로 정규화하고, 보고서에 필요한 통계(연도별 모델 수와 증가율,
국가, 기관, 분야, 멀티모달 모델, 학습 연산량 상위 모델)를 계산합니다.`},
	}
}

// PickParagraphs is a bilingual text (a command's help written in both
// languages, paragraphs apart) in l: its Korean paragraphs (those that
// hold Hangul) in Korean, else its English ones; the text as it is when
// it has none of either.
func PickParagraphs(text string, l Lang) string {
	var en, ko []string
	for _, p := range strings.Split(text, "\n\n") {
		if hangul(p) {
			ko = append(ko, p)
		} else {
			en = append(en, p)
		}
	}
	if l == KO && len(ko) > 0 {
		return strings.Join(ko, "\n\n")
	}
	if len(en) > 0 {
		return strings.Join(en, "\n\n")
	}
	return text
}

// hangul reports whether a paragraph is written in Korean: it holds
// Hangul (the English paragraphs hold none).
func hangul(p string) bool {
	return strings.ContainsFunc(p, func(r rune) bool { return unicode.Is(unicode.Hangul, r) })
}

// UsageFuncs are the template functions KoreanUsage calls, which the
// commands register with cobra (package cli): koreanDefaults says pflag's
// (default "x") as (기본값 "x"), koreanFlags says [flags] as [플래그].
func UsageFuncs() map[string]any {
	return map[string]any{
		"koreanDefaults": func(s string) string { return strings.ReplaceAll(s, "(default ", "(기본값 ") },
		"koreanFlags":    func(s string) string { return strings.ReplaceAll(s, "[flags]", "[플래그]") },
	}
}

// KoreanUsage is cobra's usage template with Korean headings; it uses
// the template functions koreanFlags and koreanDefaults, which the
// commands register (package cli).
const KoreanUsage = `사용법:{{if .Runnable}}
  {{.UseLine | koreanFlags}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} [명령]{{end}}{{if gt (len .Aliases) 0}}

별칭:
  {{.NameAndAliases}}{{end}}{{if .HasExample}}

예시:
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}

명령:{{range .Commands}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

플래그:
{{.LocalFlags.FlagUsages | trimTrailingWhitespaces | koreanDefaults}}{{end}}{{if .HasAvailableInheritedFlags}}

공통 플래그:
{{.InheritedFlags.FlagUsages | trimTrailingWhitespaces | koreanDefaults}}{{end}}{{if .HasAvailableSubCommands}}

명령별 도움말은 "{{.CommandPath}} [명령] --help"를 쓰세요.{{end}}
`
