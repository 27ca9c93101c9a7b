// Package i18n holds every user-facing string of modelcensus in English and
// Korean, and picks the language from a flag or the locale.
package i18n

import (
	"fmt"
	"os"
	"strconv"
	"strings"
)

// Lang is a language of output.
type Lang string

// The supported languages.
const (
	EN Lang = "en"
	KO Lang = "ko"
)

// Parse reads a --lang value.
func Parse(s string) (Lang, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(t, "-_"); i > 0 {
		t = t[:i] // a region or script: ko-KR, en-US, en_GB
	}
	switch t {
	case "en", "english":
		return EN, nil
	case "ko", "kr", "korean", "한국어":
		return KO, nil
	}
	return "", fmt.Errorf("language %q: want en or ko", s)
}

// FromAcceptLanguage picks the language of an HTTP Accept-Language header
// (RFC 9110, 12.5.4): the first of Korean and English by preference, and
// ok false when it names neither.
func FromAcceptLanguage(h string) (l Lang, ok bool) {
	best, bestQ := Lang(""), -1.0
	for _, part := range strings.Split(h, ",") {
		tag, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		q := 1.0
		if v, found := strings.CutPrefix(strings.TrimSpace(params), "q="); found {
			if f, err := strconv.ParseFloat(v, 64); err == nil {
				q = f
			}
		}
		if c, err := Parse(tag); err == nil && q > bestQ && q > 0 {
			best, bestQ = c, q
		}
	}
	return best, best != ""
}

// FromEnv picks the language from LC_ALL, LC_MESSAGES or LANG (in that
// order, as POSIX does): Korean for a ko locale, English otherwise.
func FromEnv(getenv func(string) string) Lang {
	if getenv == nil {
		getenv = os.Getenv
	}
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(k); v != "" {
			if strings.HasPrefix(strings.ToLower(v), "ko") {
				return KO
			}
			return EN
		}
	}
	return EN
}

// T returns the message key in l, formatted with args. An unknown key is
// returned as is, so a missing translation shows instead of vanishing.
func (l Lang) T(key string, args ...any) string {
	m, ok := catalog[key]
	if !ok {
		if len(args) > 0 {
			return key + " " + fmt.Sprint(args...)
		}
		return key
	}
	s := m[0]
	if l == KO {
		s = m[1]
	}
	if len(args) > 0 {
		return fmt.Sprintf(s, args...)
	}
	return s
}

// Has reports whether key is in the catalogue.
func Has(key string) bool {
	_, ok := catalog[key]
	return ok
}

// Keys lists every message key, for tests that check both languages.
func Keys() []string {
	out := make([]string, 0, len(catalog))
	for k := range catalog {
		out = append(out, k)
	}
	return out
}

// catalog maps a key to its English and Korean text.
var catalog = map[string][2]string{
	// Report titles and headings.
	"report.title":             {"Large-scale AI models census", "대규모 AI 모델 현황"},
	"report.title.file":        {"AI models census", "AI 모델 현황"},
	"report.title.large-scale": {"Large-scale AI models census", "대규모 AI 모델 현황"},
	"report.title.notable":     {"Notable AI models census", "주목할 만한 AI 모델 현황"},
	"report.title.all":         {"AI models census: all models", "AI 모델 현황: 전체 모델"},
	"report.title.frontier":    {"Frontier AI models census", "프런티어 AI 모델 현황"},
	"report.title.min_compute": {"%s, at least %s FLOP", "%s, %s FLOP 이상"},
	"report.bundled":           {"Data: the snapshot bundled with modelcensus, of %s (%d days old)", "데이터: modelcensus에 내장된 %s 스냅숏(%d일 전)"},
	"report.period":            {"Period: %d–%d (latest year %d)", "기간: %d–%d년 (최근 연도 %d년)"},
	"report.total":             {"Models in the period: %d", "기간 내 모델 수: %d개"},
	"report.cagr":              {"Compound annual growth %d–%d: %s", "%d–%d년 연평균 증가율: %s"},
	"report.cagr.undef":        {"undefined", "산출 불가"},
	"report.partial":           {" (%d is incomplete: its count is partial)", " (%d년은 집계가 끝나지 않은 부분 연도)"},
	"h.per_year":               {"Models per year", "연도별 모델 수"},
	"h.countries":              {"Countries, %d–%d", "국가별 모델 수 (%d–%d년)"},
	"h.countries_latest":       {"Countries, %d", "국가별 모델 수 (%d년)"},
	"h.orgs_latest":            {"Organizations, %d", "기관별 모델 수 (%d년)"},
	"h.domains":                {"Domain groups, %d–%d", "분야별 모델 수 (%d–%d년)"},
	"h.domains_latest":         {"Domain groups, %d", "분야별 모델 수 (%d년)"},
	"h.multimodal":             {"Multimodal models per year", "연도별 멀티모달 모델 수"},
	"h.top":                    {"Largest training compute, %d", "학습 연산량 상위 모델 (%d년)"},
	"h.source":                 {"Source", "출처"},
	"h.notes":                  {"Data-quality notes", "데이터 품질 참고사항"},
	"h.settings":               {"Counting rules", "집계 기준"},

	// Column headers.
	"col.year":         {"Year", "연도"},
	"col.in_census":    {"In the census", "집계 포함"},
	"col.raw_of":       {"Raw: %s", "원본: %s"},
	"col.file":         {"File", "파일"},
	"col.line":         {"Line", "행"},
	"col.figure":       {"Figure", "수치 출처"},
	"col.count":        {"Models", "모델 수"},
	"col.share":        {"Share", "비중"},
	"col.code":         {"Code", "코드"},
	"col.country":      {"Country", "국가"},
	"col.organization": {"Organization", "기관"},
	"col.group":        {"Group", "그룹"},
	"col.domain":       {"Domain group", "분야"},
	"col.multimodal":   {"Multimodal", "멀티모달"},
	"col.model":        {"Model", "모델"},
	"col.date":         {"Date", "공개일"},
	"col.flop":         {"Training compute (FLOP)", "학습 연산량 (FLOP)"},
	"col.confidence":   {"Confidence", "신뢰도"},
	"col.rank":         {"#", "순위"},
	"col.detail":       {"Details", "세부 정보"},
	"col.raw":          {"Raw value", "원본 값"},
	"col.maps_to":      {"Maps to", "정규화 값"},
	"col.rows":         {"Rows", "행 수"},
	"col.country_code": {"Country", "국가"},
	"col.sector":       {"Sector", "부문"},
	"col.category":     {"Category", "범주"},
	"col.field":        {"Field", "필드"},
	"col.header":       {"Header spelling", "헤더 표기"},
	"col.name_ko":      {"Korean name", "한국어 이름"},
	"col.aliases":      {"Aliases", "별칭"},
	"total":            {"Total", "합계"},
	"none":             {"(none)", "(없음)"},

	// Source and settings lines.
	"src.location":    {"Location: %s (%s)", "위치: %s (%s)"},
	"src.subset":      {"Subset: %s", "데이터셋: %s"},
	"kind.file":       {"file", "파일"},
	"kind.zip":        {"zip archive", "zip 압축 파일"},
	"kind.folder":     {"folder", "폴더"},
	"kind.url":        {"download", "내려받기"},
	"kind.bundled":    {"the snapshot bundled with modelcensus; Epoch AI, CC BY 4.0", "modelcensus에 내장된 스냅숏; Epoch AI, CC BY 4.0"},
	"src.snapshot":    {"Snapshot date: %s", "스냅숏 날짜: %s"},
	"src.file":        {"File: %s — %d rows, %d columns, %s", "파일: %s — %d행, %d열, %s"},
	"src.encoding":    {"%s (%s)", "%s(%s)"},
	"enc.bom":         {"by its byte-order mark", "바이트 순서 표시로 판단"},
	"enc.nul":         {"by the NUL bytes of UTF-16", "UTF-16의 NUL 바이트로 판단"},
	"enc.option":      {"as --encoding says", "--encoding 지정"},
	"enc.evidence":    {"not UTF-8; chosen by which encoding maps the organizations and countries", "UTF-8이 아님; 기관·국가 값이 맞는 인코딩으로 판단"},
	"enc.later":       {"UTF-8 at the start, other bytes further on", "앞부분은 UTF-8, 뒤에 다른 바이트"},
	"src.models":      {"Models read: %d (after leaving out repeats and rows without name or date)", "읽은 모델: %d개 (중복 및 이름·날짜 없는 행 제외)"},
	"src.attribution": {"Attribution: %s; country by: %s; organizations by: %s", "국가 귀속: %s; 국가 기준: %s; 기관 단위: %s"},
	"src.min_compute": {"Only models with training compute ≥ %s FLOP", "학습 연산량 %s FLOP 이상 모델만 포함"},
	"src.rules":       {"Rules version: %s", "규칙 버전: %s"},
	"src.license":     {"Data: Epoch AI, “Data on AI Models”, CC BY 4.0 (https://epoch.ai/data/ai-models)", "데이터: Epoch AI, “Data on AI Models”, CC BY 4.0 (https://epoch.ai/data/ai-models)"},

	// Option values.
	"opt.full":         {"full (each country once per model)", "전체 (모델당 국가별 1회)"},
	"opt.fractional":   {"fractional (one model split among its countries)", "분할 (모델 1개를 국가 수로 나눔)"},
	"opt.first":        {"first country listed", "첫 번째 국가"},
	"opt.organization": {"organization", "기관"},
	"opt.group":        {"parent group", "모기업(그룹)"},

	// Subsets.
	"subset.large-scale": {"large-scale models (≥1e23 FLOP)", "대규모 모델 (1e23 FLOP 이상)"},
	"subset.notable":     {"notable models", "주목할 만한 모델"},
	"subset.frontier":    {"frontier models", "프런티어 모델"},
	"subset.all":         {"all models", "전체 모델"},
	"subset.file":        {"the whole file", "파일 전체"},

	// Domain groups.
	"dg.Language":       {"Language", "언어"},
	"dg.Vision":         {"Vision", "비전"},
	"dg.Speech & audio": {"Speech & audio", "음성·오디오"},
	"dg.Biology":        {"Biology", "생물학"},
	"dg.Other":          {"Other", "기타"},
	"dg.Unknown":        {"Unknown", "미상"},

	// Accessibility categories.
	"access.open-weights": {"open weights", "오픈 웨이트"},
	"access.api":          {"API", "API"},
	"access.hosted":       {"hosted", "호스팅"},
	"access.unreleased":   {"unreleased", "미공개"},
	"access.unknown":      {"unknown", "미상"},

	// Notes.
	"note.missing_compute":        {"%d model(s) in the period have no training compute", "기간 내 모델 %d개는 학습 연산량 정보가 없습니다"},
	"note.compute_estimated":      {"%d model(s) in the period had no training compute and were given an estimate by Epoch's method (--estimate-missing); they are marked estimated", "기간 내 모델 %d개는 학습 연산량이 없어 Epoch의 방법으로 추정한 값을 채웠습니다(--estimate-missing). 추정치로 표시됩니다"},
	"note.missing_country":        {"%d model(s) in the period have no country, even from their organizations; they are in no country count", "기간 내 모델 %d개는 기관 정보로도 국가를 알 수 없어 국가별 집계에서 빠졌습니다"},
	"note.country_filled":         {"%d model(s) in the period had a blank country and took their organizations' home countries", "기간 내 모델 %d개는 국가가 비어 있어 기관의 소재국으로 채웠습니다"},
	"note.duplicate_names":        {"%d row(s) repeat a model name already read; each name counts once", "%d개 행이 이미 읽은 모델 이름을 반복합니다. 이름마다 한 번만 집계합니다"},
	"note.no_name":                {"%d row(s) have no model name and are left out", "%d개 행은 모델 이름이 없어 제외했습니다"},
	"note.no_date":                {"%d row(s) have no publication date and are left out", "%d개 행은 공개일이 없어 제외했습니다"},
	"note.bad_date":               {"%d row(s) have a publication date that is not YYYY-MM-DD, YYYY-MM or YYYY and are left out", "%d개 행은 공개일 형식(YYYY-MM-DD, YYYY-MM, YYYY)이 맞지 않아 제외했습니다"},
	"note.malformed_rows":         {"%d row(s) or cell(s) could not be read and were skipped", "%d개 행 또는 셀을 읽을 수 없어 건너뛰었습니다"},
	"note.unmapped_organization":  {"%d organization value(s) are not in the rules; they count as written", "기관 값 %d개가 규칙에 없어 원본 그대로 집계했습니다"},
	"note.unmapped_country":       {"%d country value(s) are not in the rules; they count as written", "국가 값 %d개가 규칙에 없어 원본 그대로 집계했습니다"},
	"note.unmapped_domain":        {"%d domain value(s) are not in the rules; they count as Other", "분야 값 %d개가 규칙에 없어 기타로 집계했습니다"},
	"note.unmapped_accessibility": {"%d accessibility value(s) are not in the rules; they count as unknown", "공개 방식 값 %d개가 규칙에 없어 미상으로 집계했습니다"},
	"note.incomplete_latest_year": {"The latest year, %d, was not complete at the snapshot date %s: its counts are partial", "최근 연도(%d년)는 스냅숏 날짜(%s) 기준으로 끝나지 않아 집계가 부분적입니다"},
	"note.cagr_undefined":         {"Compound annual growth is undefined: %d models in %d over %d year(s)", "연평균 증가율을 산출할 수 없습니다: 첫해(%[2]d년) 모델 %[1]d개, 기간 %[3]d년"},
	"note.no_models":              {"No model of the source falls in %d–%d under these rules", "이 기준으로는 %d–%d년에 해당하는 모델이 없습니다"},
	"note.period_after_snapshot":  {"The latest year, %d, is after the snapshot date %s: the data cannot hold its models yet", "최근 연도(%d년)가 스냅숏 날짜(%s)보다 뒤라 데이터에 그해 모델이 아직 있을 수 없습니다"},
	"note.snapshot_date":          {"Snapshot date %s, taken from %s", "스냅숏 날짜 %s (근거: %s)"},
	"note.more":                   {"… and %d more", "… 외 %d건"},
	"basis.option":                {"the --date option", "--date 옵션"},
	"basis.download":              {"the download time", "내려받은 시각"},
	"basis.path":                  {"the date in the folder name %s", "폴더 이름의 날짜(%s)"},
	"basis.zip":                   {"the time of the newest file in the zip", "zip 안 최신 파일의 시각"},
	"basis.last_modified":         {"the newest \"Last modified\" value", "최신 \"Last modified\" 값"},
	"basis.mtime":                 {"the file's modification time", "파일 수정 시각"},
	"basis.today":                 {"today's date", "오늘 날짜"},
	"basis.store":                 {"the stored snapshot", "저장된 스냅숏"},
	"basis.name":                  {"the date in the file name %s", "파일 이름의 날짜(%s)"},
	"note.encoding_option":        {"%s was read as %s (the --encoding option)", "%s을(를) %s(으)로 읽었습니다(--encoding 옵션)"},
	"note.encoding_bom":           {"%s was read as %s (its byte-order mark)", "%s을(를) %s(으)로 읽었습니다(바이트 순서 표시)"},
	"note.encoding_nul":           {"%s was read as %s (the NUL bytes of UTF-16 without a byte-order mark)", "%s을(를) %s(으)로 읽었습니다(바이트 순서 표시 없는 UTF-16의 NUL 바이트)"},
	"note.encoding_later":         {"%s was read as %s: valid UTF-8 at the start, other bytes further on", "%s을(를) %s(으)로 읽었습니다: 앞부분은 올바른 UTF-8이지만 뒤에 다른 바이트가 있습니다"},
	"note.encoding_evidence":      {"%s is not UTF-8 and was read as %s: under it the rules map %d of %d organization and country values at the start of the file, under %s %d", "%s은(는) UTF-8이 아니어서 %s(으)로 읽었습니다: 파일 앞부분의 기관·국가 값 %[4]d개 중 %[3]d개가 규칙에 맞고, %[5]s(으)로는 %[6]d개입니다"},
	"note.delimiter":              {"%s is separated by %s", "%s의 구분자는 %s입니다"},
	"note.sep_line":               {"%s begins with a spreadsheet's sep= line, which names its delimiter", "%s은(는) 구분자를 밝히는 스프레드시트의 sep= 줄로 시작합니다"},
	"note.line_ends_cr":           {"%s ends its lines with a bare CR (old Mac style); they were read as line ends", "%s은(는) 줄 끝이 CR뿐입니다(옛 Mac 방식): 줄 끝으로 읽었습니다"},
	"note.date_format_mdy":        {"the publication dates of %s are written month first (as %s)", "%s의 공개일은 월이 먼저입니다(예: %s)"},
	"note.date_format_dmy":        {"the publication dates of %s are written day first (as %s)", "%s의 공개일은 일이 먼저입니다(예: %s)"},
	"note.serial_dates":           {"the publication dates of %s are spreadsheet day numbers; they were read as dates", "%s의 공개일은 스프레드시트 일련번호여서 날짜로 읽었습니다"},
	"note.snapshot_date_late":     {"The snapshot date %s is %[3]d days after the newest publication date in the data (%[2]s): the file may be older than its date says, and its latest year may be incomplete", "스냅숏 날짜 %s은(는) 데이터의 최신 공개일(%[2]s)보다 %[3]d일 늦습니다: 파일이 날짜보다 오래되었을 수 있고 최근 연도가 불완전할 수 있습니다"},
	"basis.bundled":               {"the date of the snapshot bundled with modelcensus", "modelcensus 내장 스냅숏의 날짜"},
	"note.bundled_snapshot":       {"The snapshot bundled with modelcensus, of %s (%d days old), is in use: it lacks what Epoch added or corrected since", "modelcensus에 내장된 %s 스냅숏(%d일 전)을 사용했습니다: 그 뒤 Epoch가 추가하거나 고친 내용은 빠져 있습니다"},

	// Warnings and errors.
	"warn.problem":                  {"warning: %s:%d: %s", "경고: %s:%d: %s"},
	"problem.malformed_record":      {"malformed CSV record from line %d (column %d of line %d: %s); the record is skipped", "%d행부터 CSV 레코드가 깨져 있습니다(%[3]d행 %[2]d열: %[4]s): 이 레코드는 건너뜁니다"},
	"problem.field_count":           {"row has %d fields where the header has %d; row skipped", "행의 필드가 %d개인데 헤더는 %d개입니다: 이 행은 건너뜁니다"},
	"problem.compute_not_number":    {"training compute %s is not a number; the model counts as having no compute", "학습 연산량 %s은(는) 숫자가 아닙니다: 연산량 없는 모델로 셉니다"},
	"problem.compute_decimal_comma": {"training compute %s has a comma that may be a decimal comma; it is not read, and the model counts as having no compute", "학습 연산량 %s의 쉼표는 소수점일 수 있어 읽지 않았습니다: 연산량 없는 모델로 셉니다"},
	"quote.bare_quote":              {"a quote in an unquoted field", "따옴표로 묶지 않은 필드 안의 따옴표"},
	"quote.quote":                   {"a stray or missing quote in a quoted field", "따옴표로 묶은 필드의 남거나 빠진 따옴표"},
	"quote.field_count":             {"the wrong number of fields", "필드 수가 맞지 않음"},
	"quote.other":                   {"unreadable", "읽을 수 없음"},
	"sector.industry":               {"industry", "기업"},
	"sector.academia":               {"academia", "학계"},
	"sector.government":             {"government", "정부"},
	"sector.research collective":    {"research collective", "연구 공동체"},
	"sector.nonprofit":              {"nonprofit", "비영리"},
	"param.unknown":                 {"unknown parameter; this endpoint takes %s", "알 수 없는 매개변수입니다. 이 주소가 받는 것: %s"},
	"param.twice":                   {"given %d times; give it once", "%d번 주어졌습니다. 한 번만 주세요"},
	"param.whole":                   {"want a whole number from %d to %d, got %q", "%d에서 %d 사이의 정수가 필요합니다(받은 값 %q)"},
	"param.flop":                    {"want a number of FLOP such as 1e23, got %q", "1e23 같은 FLOP 수가 필요합니다(받은 값 %q)"},
	"param.choice":                  {"want one of %s, got %q", "%s 중 하나가 필요합니다(받은 값 %q)"},
	"param.from_after_to":           {"%d is after to (%d)", "%d은(는) 끝 연도(%d)보다 뒤입니다"},
	"param.snapshot_or_asof":        {"give snapshot or as-of, not both", "snapshot과 as-of 중 하나만 주세요"},
	"param.snapshot_id":             {"want a snapshot id, got %q", "스냅숏 번호가 필요합니다(받은 값 %q)"},
	"param.date":                    {"want a date as YYYY-MM-DD, got %q", "YYYY-MM-DD 형식의 날짜가 필요합니다(받은 값 %q)"},
	"param.format":                  {"%q: want %s", "%q: %s 중 하나가 필요합니다"},
	"param.utf8":                    {"not valid UTF-8", "올바른 UTF-8이 아닙니다"},
	"param.too_long_q":              {"at most 200 characters", "200자까지 쓸 수 있습니다"},
	"param.country":                 {"%q is not an ISO 3166-1 alpha-2 code", "%q은(는) ISO 3166-1 두 글자 국가 코드가 아닙니다"},
	"param.page":                    {"%d is past the last page, %d", "%d쪽은 마지막 쪽(%d)을 넘습니다"},
	"param.diff_store":              {"diff needs a snapshot store: start serve with --db", "비교하려면 스냅숏 저장소가 필요합니다: serve를 --db와 함께 시작하세요"},
	"param.no_shared_subset":        {"%s: they share no subset to compare", "%s: 비교할 공통 데이터셋이 없습니다"},
	"param.choose_subset":           {"%s: choose one both hold (%s)", "%s: 둘 다 가진 데이터셋을 고르세요(%s)"},
	"param.lang":                    {"%q: want en or ko", "%q: en 또는 ko가 필요합니다"},
	"param.est_number":              {"%q is not a number such as 1e23", "%q은(는) 1e23 같은 숫자가 아닙니다"},
	"param.est_negative":            {"must not be negative", "음수일 수 없습니다"},
	"param.est_utilization":         {"a utilization is a fraction, at most 1", "활용률은 1 이하의 비율입니다"},
	"param.est_hardware":            {"%q is not in the hardware table (modelcensus rules --kind hardware lists it)", "%q은(는) 하드웨어 표에 없습니다(modelcensus rules --kind hardware로 목록을 보세요)"},
	"param.est_no_method":           {"no method applies: give reported, params (or active-params) with tokens, hardware with chips and hours (or chip-hours), or base-compute with finetune-compute", "적용할 방법이 없습니다: reported, tokens와 함께 params(또는 active-params), chips와 hours(또는 chip-hours)와 함께 hardware, 또는 base-compute와 finetune-compute를 주세요"},
	"param.query_long":              {"the query string is too long", "질의 문자열이 너무 깁니다"},
	"page.no_subset":                {"this data has no %s file; it holds %s", "이 데이터에는 %s 파일이 없습니다. 있는 것: %s"},
	"page.no_snapshots":             {"No snapshot is stored yet: run modelcensus pull.", "저장된 스냅숏이 아직 없습니다: modelcensus pull을 실행하세요."},
	"page.not_found":                {"Not found.", "찾을 수 없습니다."},
	"page.error_text":               {"Something went wrong: %v", "문제가 생겼습니다: %v"},
	"age.days":                      {"%d days", "%d일"},
	"age.hours":                     {"%d hours", "%d시간"},
	"age.minutes":                   {"%d minutes", "%d분"},
	"age.seconds":                   {"%d seconds", "%d초"},
	"warn.more_problems":            {"warning: … and %d more rows skipped (see the notes)", "경고: … 외 %d개 행을 건너뛰었습니다 (참고사항 참조)"},
	"warn.bundled":                  {"warning: %s could not be downloaded and nothing is cached (%s); using the snapshot bundled with modelcensus, of %s", "경고: %s을(를) 내려받을 수 없고 캐시도 없어(%s) modelcensus에 내장된 %s 스냅숏을 사용합니다"},
	"warn.offline":                  {"warning: %s could not be reached; using the copy downloaded %s ago (%s)", "경고: %s에 연결할 수 없어 %s 전에 내려받은 사본을 사용합니다 (%s)"},
	"warn.cached":                   {"using the cached download of %s (unchanged on the server; downloaded %s)", "서버의 데이터가 바뀌지 않아 캐시된 사본을 사용합니다: %s (내려받은 시각 %s)"},
	"err.prefix":                    {"modelcensus: ", "modelcensus: "},
	"err.not_found":                 {"%s: no such file or folder", "%s: 파일이나 폴더가 없습니다"},
	"err.empty":                     {"%s: the file is empty", "%s: 빈 파일입니다"},
	"err.not_csv":                   {"%s: this is not a CSV file (it holds binary data)", "%s: CSV 파일이 아닙니다 (이진 데이터)"},
	"err.not_csv_at":                {"%s:%d:%d: this is not a CSV file: %v", "%s:%d:%d: CSV 파일이 아닙니다: %v"},
	"err.html":                      {"%s: this is an HTML page, not CSV data (perhaps an error page was saved instead of the export)", "%s: CSV 데이터가 아니라 HTML 페이지입니다 (내보내기 대신 오류 페이지가 저장되었을 수 있습니다)"},
	"err.bad_zip":                   {"%s: the zip archive is truncated or corrupt: %v", "%s: zip 파일이 잘렸거나 손상되었습니다: %v"},
	"err.no_csv":                    {"%s: no CSV file found", "%s: CSV 파일이 없습니다"},
	"err.no_subset":                 {"%s: no %s file here; found: %s (choose one with --subset)", "%s: %s 파일이 없습니다. 있는 것: %s (--subset으로 선택하세요)"},
	"err.missing_column":            {"%s:1: required column missing: expected %s; found %s", "%s:1: 필수 열이 없습니다: %s 열이 필요하지만 다음 열만 있습니다: %s"},
	"err.read":                      {"%s: cannot read: %v", "%s: 읽을 수 없습니다: %v"},
	"err.no_cjk_font":               {"the document holds Korean text and no installed font draws it; it would print as empty boxes: install %[1]s (apt-get install %[1]s)", "문서에 한글이 있는데 이를 그릴 글꼴이 설치되어 있지 않아 빈 상자로 인쇄됩니다: %[1]s을(를) 설치하세요(apt-get install %[1]s)"},
	"err.one_column":                {"; the header is one column: the delimiter is not , ; TAB or |, or the encoding or the line ends are not what they seem (try --encoding)", "; 헤더가 한 열뿐입니다: 구분자가 , ; TAB | 가 아니거나 인코딩이나 줄 끝이 겉보기와 다릅니다(--encoding을 시도해 보세요)"},
	"err.too_large_input":           {"%s: refused: %v", "%s: 거부했습니다: %v"},
	"err.no_rows":                   {"%s: the file has content but no row could be read: the delimiter, the encoding or the line ends are likely not what they seem (try --encoding)", "%s: 내용은 있지만 읽을 수 있는 행이 없습니다: 구분자, 인코딩 또는 줄 끝이 겉보기와 다를 가능성이 큽니다(--encoding을 시도해 보세요)"},
	"err.header_only":               {"%s: the file has a header but no row", "%s: 헤더만 있고 행이 없습니다"},
	"err.date_order":                {"%s: the order of day and month in column %q cannot be told from its values: give --date-format mdy (12/31/2025) or dmy (31/12/2025)", "%s: %q 열의 값으로는 일과 월의 순서를 알 수 없습니다: --date-format mdy(12/31/2025) 또는 dmy(31/12/2025)를 주세요"},
	"err.date_order_mixed":          {"%s: column %q mixes dates written day first (%s, line %d) and month first (%s, line %d): give --date-format mdy or dmy", "%s: %q 열에 일이 먼저인 날짜(%s, %d행)와 월이 먼저인 날짜(%s, %d행)가 섞여 있습니다: --date-format mdy 또는 dmy를 주세요"},
	"err.offline":                   {"cannot download %s: the server could not be reached and there is no cached copy; use --source FILE to read a file you downloaded", "%s을(를) 내려받을 수 없습니다: 서버에 연결할 수 없고 캐시된 사본도 없습니다. 내려받은 파일을 읽으려면 --source FILE을 쓰세요"},
	"err.http_status":               {"cannot download %s: the server answered HTTP %d; use --source FILE to read a file you downloaded", "%s을(를) 내려받을 수 없습니다: 서버 응답 HTTP %d. 내려받은 파일을 읽으려면 --source FILE을 쓰세요"},
	"err.too_large":                 {"cannot download %s: it is larger than the %d-byte limit", "%s을(를) 내려받을 수 없습니다: 크기 제한 %d바이트를 넘습니다"},
	"err.truncated":                 {"cannot download %s: the download was cut short; try again", "%s을(를) 내려받을 수 없습니다: 내려받기가 도중에 끊겼습니다. 다시 시도하세요"},
	"err.cache":                     {"cannot use the download cache: %v", "내려받기 캐시를 사용할 수 없습니다: %v"},
	"err.download":                  {"cannot download %s: %v", "%s을(를) 내려받을 수 없습니다: %v"},
	"err.usage":                     {"%v (see --help)", "%v (--help 참조)"},
	"err.bad_value":                 {"%s %q: want %s", "%s 값 %q이(가) 올바르지 않습니다: %s 중 하나를 주세요"},
	"err.bad_date":                  {"%s %q: want a date as YYYY-MM-DD", "%s 값 %q이(가) 올바르지 않습니다: YYYY-MM-DD 형식의 날짜를 주세요"},
	"err.bad_number":                {"%s %q: want a number such as %s", "%s 값 %q이(가) 올바르지 않습니다: %s 같은 숫자를 주세요"},
	"err.bad_count":                 {"%s %d: want 1 or more", "%s 값 %d이(가) 올바르지 않습니다: 1 이상을 주세요"},
	"err.bad_period":                {"period %d–%d: the first year is after the last", "기간 %d–%d: 시작 연도가 끝 연도보다 늦습니다"},
	"err.bad_year":                  {"year %d is out of range (1900–2200)", "연도 %d이(가) 범위(1900–2200)를 벗어났습니다"},
	"err.bad_every":                 {"--every %v: want a duration of at least 1s, such as 24h", "--every %v: 1초 이상의 간격(예: 24h)을 주세요"},
	"err.unmapped_source":           {"--unmapped lists the values of a source: give --source", "--unmapped는 원본의 값을 나열합니다: --source를 주세요"},
	"err.no_folder":                 {"folder %s does not exist", "%s 폴더가 없습니다"},
	"err.is_folder":                 {"%s is a folder: give a file name", "%s은(는) 폴더입니다: 파일 이름을 주세요"},
	"flagerr.unknown":               {"unknown flag %s", "알 수 없는 플래그 %s"},
	"flagerr.unknown_short":         {"unknown flag -%[1]s in %[2]s", "알 수 없는 플래그 -%[1]s (%[2]s)"},
	"flagerr.needs_value":           {"%s needs a value", "%s에는 값이 필요합니다"},
	"flagerr.unknown_command":       {"unknown command %[1]q", "알 수 없는 명령 %[1]q"},
	"flagerr.whole_number":          {"%[2]s: %[1]q is not a whole number", "%[2]s: %[1]q는 정수가 아닙니다"},
	"flagerr.number":                {"%[2]s: %[1]q is not a number", "%[2]s: %[1]q는 숫자가 아닙니다"},
	"flagerr.duration":              {"%[2]s: %[1]q is not a duration (such as 30m, 24h)", "%[2]s: %[1]q는 기간이 아닙니다 (예: 30m, 24h)"},
	"flagerr.invalid":               {"%[2]s: %[1]q is not a valid value", "%[2]s: %[1]q는 올바른 값이 아닙니다"},
	"flagerr.args":                  {"takes %s argument(s), got %s", "인수를 %s개 받는데 %s개가 주어졌습니다"},
	"err.flag":                      {"%v (see --help)", "잘못된 명령줄: %v (--help 참조)"},
	"err.rules":                     {"rules: %v", "규칙: %v"},
	"err.write":                     {"cannot write the output: %v", "출력을 쓸 수 없습니다: %v"},
	"err.internal":                  {"%v", "%v"},
	"rules.unmapped.none":           {"Every organization, country, domain, accessibility and hardware value in the source maps to a rule.", "원본의 모든 기관·국가·분야·공개 방식·하드웨어 값이 규칙에 대응합니다."},
	"rules.unmapped":                {"Unmapped %s values (%d):", "규칙에 없는 %s 값 (%d개):"},
	"rules.h.columns":               {"Columns", "열"},
	"rules.h.countries":             {"Countries", "국가"},
	"rules.h.organizations":         {"Organizations", "기관"},
	"rules.h.domains":               {"Domains", "분야"},
	"rules.h.access":                {"Accessibility", "공개 방식"},
	"rules.h.source":                {"Values in %s and what they map to", "%s의 값과 정규화 결과"},
	"rules.version":                 {"Rules version %s (%s)", "규칙 버전 %s (%s)"},
	"rules.embedded":                {"embedded", "내장"},
	"kind.organization":             {"organization", "기관"},
	"kind.country":                  {"country", "국가"},
	"kind.domain":                   {"domain", "분야"},
	"kind.accessibility":            {"accessibility", "공개 방식"},
	"kind.hardware":                 {"hardware", "하드웨어"},
	"cmd.estimate.short":            {"Estimate a model's training compute by Epoch's method", "Epoch의 방법으로 모델의 학습 연산량을 추정합니다"},
	"flag.est.params":               {"total parameters (1e9, 175000000000)", "전체 매개변수 수 (1e9, 175000000000)"},
	"flag.est.active-params":        {"parameters active per token, for a mixture of experts", "토큰마다 쓰이는 매개변수 수(전문가 혼합 모델)"},
	"flag.est.tokens":               {"training tokens", "학습 토큰 수"},
	"flag.est.epochs":               {"passes over the tokens (default 1)", "토큰을 학습한 횟수(기본 1)"},
	"flag.est.hardware":             {"the training hardware, as Epoch names it (NVIDIA H100 SXM5 80GB; see rules --kind hardware)", "학습 하드웨어, Epoch의 이름대로(NVIDIA H100 SXM5 80GB; rules --kind hardware 참조)"},
	"flag.est.chips":                {"how many chips", "칩 수"},
	"flag.est.hours":                {"wall-clock training hours", "학습 시간(시간)"},
	"flag.est.chip-hours":           {"chip-hours, in place of --chips and --hours", "--chips와 --hours 대신 칩-시간"},
	"flag.est.utilization":          {"model FLOP utilization, a fraction (default 0.30 for language models, 0.40 for others)", "모델 FLOP 활용률, 비율(기본: 언어 모델 0.30, 그 밖 0.40)"},
	"flag.est.base-compute":         {"the base model's training compute, FLOP", "기반 모델의 학습 연산량(FLOP)"},
	"flag.est.finetune-compute":     {"the fine-tune's own compute, FLOP", "미세 조정 자체의 연산량(FLOP)"},
	"flag.est.reported":             {"the compute the developer reported, FLOP", "개발사가 밝힌 연산량(FLOP)"},
	"flag.est.domain":               {"the model's domain (Language, Vision, …): language models get the language default utilization", "모델의 분야(Language, Vision 등): 언어 모델이면 언어 모델 기본 활용률"},
	"flag.format.estimate":          {"output format: text or json", "출력 형식: text 또는 json"},
	"err.est_number":                {"%s %q is not a number such as 1e23", "%s %q은(는) 1e23 같은 숫자가 아닙니다"},
	"err.est_negative":              {"--%s must not be negative", "--%s은(는) 음수일 수 없습니다"},
	"err.est_utilization":           {"--utilization is a fraction, at most 1", "--utilization은 1 이하의 비율입니다"},
	"err.est_no_method":             {"no method applies: give --reported, --params (or --active-params) with --tokens, --hardware with --chips and --hours (or --chip-hours), or --base-compute with --finetune-compute", "적용할 방법이 없습니다: --reported, --tokens와 함께 --params(또는 --active-params), --chips와 --hours(또는 --chip-hours)와 함께 --hardware, 또는 --base-compute와 --finetune-compute를 주세요"},
	"err.est_hardware":              {"--hardware %q is not in the hardware table (modelcensus rules --kind hardware lists it)", "--hardware %q은(는) 하드웨어 표에 없습니다(modelcensus rules --kind hardware로 목록을 보세요)"},
	"col.input":                     {"Input", "입력"},
	"col.value":                     {"Value", "값"},
	"col.unit":                      {"Unit", "단위"},
	"input.reported":                {"reported compute", "발표된 연산량"},
	"input.params":                  {"parameters", "매개변수"},
	"input.active-params":           {"active parameters", "활성 매개변수"},
	"input.tokens":                  {"tokens", "토큰"},
	"input.epochs":                  {"epochs", "에포크"},
	"input.hardware":                {"peak throughput", "최대 성능"},
	"input.chips":                   {"chips", "칩 수"},
	"input.hours":                   {"training time", "학습 시간"},
	"input.chip-hours":              {"chip-hours", "칩-시간"},
	"input.utilization":             {"utilization", "활용률"},
	"input.base-compute":            {"base model compute", "기반 모델 연산량"},
	"input.finetune-compute":        {"fine-tune compute", "미세 조정 연산량"},
	"unit.FLOP":                     {"FLOP", "FLOP"},
	"unit.FLOP/s":                   {"FLOP/s", "FLOP/s"},
	"unit.parameters":               {"parameters", "개"},
	"unit.tokens":                   {"tokens", "토큰"},
	"unit.epochs":                   {"epochs", "회"},
	"unit.chips":                    {"chips", "개"},
	"unit.hours":                    {"hours", "시간"},
	"unit.chip-hours":               {"chip-hours", "칩-시간"},
	"unit.fraction":                 {"fraction", "비율"},
	"page.est.title":                {"Training compute: Epoch's figure and modelcensus's estimate", "학습 연산량: Epoch 값과 modelcensus 추정"},
	"page.est.epoch":                {"Epoch's figure (method)", "Epoch 값(방법)"},
	"page.est.ours":                 {"modelcensus's estimate", "modelcensus 추정"},
	"page.est.note":                 {"Estimated from this row's own cells by Epoch's method (modelcensus estimate); Epoch's figure is what the census counts.", "이 행의 자체 값으로 Epoch의 방법에 따라 추정했습니다(modelcensus estimate). 집계에는 Epoch 값을 씁니다."},
	"est.title":                     {"Training compute estimate", "학습 연산량 추정"},
	"flag.est.large-scale":          {"with --source: list the models that are large-scale by Epoch's rule (≥1e23 FLOP, a derivative's own fine-tune ≥1e23, or unknown and flagged possibly over 1e23)", "--source와 함께: Epoch 기준의 대규모 모델 목록(1e23 FLOP 이상, 파생 모델은 자체 미세 조정이 1e23 이상, 또는 미상이면서 1e23 초과 가능 표시)"},
	"flag.est.source":               {"estimate every model of this export (file, folder, zip or URL) from its own columns, beside Epoch's figure", "이 내보내기(파일, 폴더, zip, URL)의 모든 모델을 자체 열로 추정해 Epoch 값과 나란히 보여 줌"},
	"err.est_source_flags":          {"%s describes one model and cannot be used with --source", "%s는 모델 하나를 기술하므로 --source와 함께 쓸 수 없습니다"},
	"err.est_large_needs_source":    {"--large-scale needs --source", "--large-scale에는 --source가 필요합니다"},
	"est.large.title":               {"Large-scale models by Epoch's rule: %d", "Epoch 기준 대규모 모델: %d개"},
	"est.large.rule":                {"Rule: training compute ≥ 1e23 FLOP, or unknown and flagged “Possibly over 1e23 FLOP”; a model with a base model counts only when its own fine-tune compute is ≥ 1e23 FLOP.", "기준: 학습 연산량 1e23 FLOP 이상, 또는 미상이면서 “Possibly over 1e23 FLOP” 표시; 기반 모델이 있는 모델은 자체 미세 조정 연산량이 1e23 FLOP 이상일 때만."},
	"est.possibly":                  {"unknown, possibly ≥1e23", "미상, 1e23 이상 가능"},
	"est.rows.title":                {"Estimates from each model's own columns, beside Epoch's figure", "각 모델의 자체 열로 낸 추정치와 Epoch 값"},
	"est.summary":                   {"Summary", "요약"},
	"est.summary.method":            {"Rows estimable by %s: %d", "%s(으)로 추정 가능한 행: %d"},
	"est.summary.none":              {"Rows no method applies to: %d", "적용할 방법이 없는 행: %d"},
	"est.summary.counting":          {"Agreement where Epoch used operation counting alone and the row has parameters and a dataset size: %d of %d within 2× (%.1f%%); median |log10 ratio| %.3f (a factor of %.2f)", "Epoch가 연산 수 계산만 쓰고 매개변수와 데이터 크기가 있는 행의 일치도: %d/%d행이 2배 이내(%.1f%%); |log10 비율| 중앙값 %.3f(%.2f배)"},
	"est.summary.counting.none":     {"No row to compare with Epoch: none states operation counting alone with parameters and a dataset size (many files have no “Training compute estimation method” column; the all-models file of Epoch's zip has).", "Epoch 값과 비교할 행 없음: 연산 수 계산만 밝히고 매개변수와 데이터 크기가 있는 행이 없습니다(“Training compute estimation method” 열이 없는 파일이 많습니다. Epoch zip의 전체 모델 파일에는 있습니다)."},
	"est.summary.warnings":          {"Warnings (on standard error): %d", "경고(표준 오류 출력): %d건"},
	"est.agreement":                 {"Agreement with Epoch's figure, by Epoch's stated method", "Epoch가 밝힌 방법별 Epoch 값과의 일치도"},
	"col.epoch_flop":                {"Epoch (FLOP)", "Epoch (FLOP)"},
	"col.estimate":                  {"Estimate (FLOP)", "추정 (FLOP)"},
	"col.method":                    {"Method", "방법"},
	"col.ratio":                     {"Estimate ÷ Epoch", "추정 ÷ Epoch"},
	"col.epoch_method":              {"Epoch's method", "Epoch 방법"},
	"col.within_2x":                 {"Within 2×", "2배 이내"},
	"col.median_log10":              {"Median |log10 ratio|", "|log10 비율| 중앙값"},
	"col.base_model":                {"Base model", "기반 모델"},
	"col.finetune":                  {"Fine-tune (FLOP)", "미세 조정 (FLOP)"},
	"methodshort.reported":          {"reported", "발표"},
	"methodshort.counting":          {"operation counting", "연산 수 계산"},
	"methodshort.hardware":          {"hardware time", "하드웨어 시간"},
	"methodshort.both":              {"both (geometric mean)", "둘 다(기하 평균)"},
	"methodshort.fine-tune":         {"base + fine-tune", "기반 + 미세 조정"},
	"figure.epoch":                  {"Epoch", "Epoch"},
	"figure.estimated":              {"estimated: %s", "추정: %s"},
	"estimate.footnote":             {"estimated by modelcensus by Epoch's method, because Epoch gives no training compute for this model (--estimate-missing); the Figure column gives the method. Not Epoch's figure.", "Epoch가 학습 연산량을 제공하지 않아 modelcensus가 Epoch의 방법으로 추정한 값입니다(--estimate-missing). 방법은 ‘수치 출처’ 열에 있습니다. Epoch의 수치가 아닙니다."},
	"flag.estimate_missing":         {"fill training compute where a model has none and its columns allow an estimate by Epoch's method; estimated figures are marked", "학습 연산량이 없는 모델은 열 값으로 Epoch의 방법에 따라 추정해 채웁니다. 추정치는 표시됩니다"},
	"rowwarn.bad_cell":              {"%s: %q is not a non-negative number; left out of the estimate", "%s: %q는 0 이상의 수가 아니어서 추정에서 뺐습니다"},
	"rowwarn.unknown_hardware":      {"training hardware %q is not in the hardware table (see `rules --kind hardware`)", "학습 하드웨어 %q가 하드웨어 표에 없습니다(`rules --kind hardware` 참고)"},
	"rowwarn.implied_utilization":   {"Epoch's figure implies a utilization of %.3f on this hardware, outside 0.05–0.7", "Epoch 값으로 보면 이 하드웨어의 활용률이 %.3f로 0.05–0.7 밖입니다"},
	"rowwarn.finetune_sum":          {"base %.3g + fine-tune %.3g FLOP does not add up to Epoch's %.3g FLOP", "기반 %.3g + 미세 조정 %.3g FLOP이 Epoch 값 %.3g FLOP과 맞지 않습니다"},
	"rowwarn.counting_high":         {"the operation count %.3g FLOP is over 3× Epoch's %.3g FLOP: perhaps a mixture of experts with no active parameter count", "연산 수 계산 %.3g FLOP이 Epoch 값 %.3g FLOP의 3배를 넘습니다: 활성 매개변수 수가 없는 전문가 혼합(MoE) 모델일 수 있습니다"},
	"rowwarn.utilization_above_one": {"hardware utilization %g is above 1; left out of the estimate", "하드웨어 활용률 %g가 1보다 커서 추정에서 뺐습니다"},
	"rowwarn.no_method":             {"no estimation method applies to this row's columns", "이 행의 열로는 적용할 추정 방법이 없습니다"},
	"est.flop":                      {"Training compute: %s FLOP (%s)", "학습 연산량: %s FLOP (%s)"},
	"est.method":                    {"Method: %s", "방법: %s"},
	"est.confidence":                {"Confidence: %s", "신뢰도: %s"},
	"est.thresholds":                {"Reaches: %s", "넘는 기준: %s"},
	"est.thresholds.none":           {"Reaches none of 1e23, 1e25, 1e26 FLOP", "1e23, 1e25, 1e26 FLOP 어느 기준에도 못 미칩니다"},
	"est.inputs":                    {"Inputs", "입력"},
	"est.assumptions":               {"Assumptions", "가정"},
	"method.reported":               {"reported by the developer", "개발사 발표"},
	"method.counting":               {"operation counting: 6 × active parameters × tokens × epochs", "연산 수 계산: 6 × 활성 매개변수 × 토큰 × 에포크"},
	"method.hardware":               {"hardware time: chips × peak FLOP/s × seconds × utilization", "하드웨어 시간: 칩 × 최대 FLOP/s × 초 × 활용률"},
	"method.both":                   {"the geometric mean of operation counting and hardware time", "연산 수 계산과 하드웨어 시간의 기하 평균"},
	"method.fine-tune":              {"the base model's compute plus the fine-tune's", "기반 모델 연산량과 미세 조정 연산량의 합"},
	"assume.default_utilization":    {"a utilization of %.2f, Epoch's default when it is not known", "활용률 %.2f (알 수 없을 때 Epoch의 기본값)"},
	"assume.peak_precision":         {"the peak of %s at %s, %.4g FLOP/s, as Epoch takes it whatever precision the run used", "%s의 %s 최대 성능 %.4g FLOP/s (실제 정밀도와 무관하게 Epoch가 쓰는 값)"},
	"assume.one_epoch":              {"one pass over the tokens (no epoch count given)", "토큰을 한 번 학습(에포크 수 없음)"},
	"assume.dense":                  {"no active parameter count: every parameter is taken as active (a dense model)", "활성 매개변수 수 없음: 모든 매개변수가 쓰인다고 봄(밀집 모델)"},
	"assume.geometric_mean":         {"the geometric mean of operation counting (%.3g FLOP) and hardware time (%.3g FLOP)", "연산 수 계산(%.3g FLOP)과 하드웨어 시간(%.3g FLOP)의 기하 평균"},
	"kind.column":                   {"column", "열"},
	"unmapped.tag":                  {"(unmapped)", "(규칙 없음)"},

	// Command help.
	"cmd.root.short":      {"Count the world's large-scale AI models from Epoch AI's database", "Epoch AI 데이터베이스로 세계 대규모 AI 모델 현황을 집계합니다"},
	"cmd.report.short":    {"Print the census of a snapshot", "스냅숏의 현황 통계를 출력합니다"},
	"cmd.rules.short":     {"Show the normalization rules, and how a source's values map", "정규화 규칙과 원본 값의 대응을 보여줍니다"},
	"flag.encoding":       {"the file's encoding, when its bytes do not tell it: utf-8, utf-16le, utf-16be, cp949 (euc-kr), windows-1252 (latin-1)", "바이트로 알 수 없을 때 파일의 인코딩: utf-8, utf-16le, utf-16be, cp949(euc-kr), windows-1252(latin-1)"},
	"flag.date-format":    {"the order of the publication dates, when the values do not tell it: ymd, mdy (12/31/2025) or dmy (31/12/2025)", "값으로 알 수 없을 때 공개일의 순서: ymd, mdy(12/31/2025), dmy(31/12/2025)"},
	"flag.source.serve":   {"a source to read once at start and serve, in place of the store (a CSV, an ai_models.zip, a folder, a URL or \"bundled\")", "저장소 대신 시작할 때 한 번 읽어 제공할 원본(CSV, ai_models.zip, 폴더, URL 또는 \"bundled\")"},
	"flag.subset.diff":    {"the subset to compare: large-scale when both snapshots hold it, else give notable, frontier or all", "비교할 데이터셋: 두 스냅숏에 모두 있으면 large-scale, 아니면 notable, frontier, all 중 하나"},
	"flag.source.archive": {"an archive folder to read in place of the store: one sub-folder per download, named YYYY-MM-DD", "저장소 대신 읽을 보관 폴더: 내려받을 때마다 YYYY-MM-DD 이름의 하위 폴더"},
	"flag.source":         {"a CSV file, an ai_models.zip, a folder of CSVs, an https URL, or \"bundled\" (the snapshot inside modelcensus)", "CSV 파일, ai_models.zip, CSV 폴더, https URL 또는 \"bundled\"(modelcensus 내장 스냅숏)"},
	"flag.subset":         {"from a zip or folder: large-scale (default), notable, frontier or all", "zip이나 폴더에서 고를 데이터셋: large-scale(기본), notable, frontier, all"},
	"flag.rules":          {"a folder of rule tables that replace the embedded ones, file by file", "내장 규칙 표를 파일 단위로 대체할 규칙 폴더"},
	"flag.date":           {"the snapshot date (YYYY-MM-DD), when the source does not tell it", "스냅숏 날짜(YYYY-MM-DD). 원본에서 알 수 없을 때 지정"},
	"flag.cache-dir":      {"where downloads are cached (default: the user cache directory)", "내려받은 파일의 캐시 위치 (기본: 사용자 캐시 폴더)"},
	"flag.lang":           {"output language: en or ko (default: from the locale)", "출력 언어: en 또는 ko (기본: 로캘에 따름)"},
	"flag.from":           {"first publication year (default: five complete years before the snapshot)", "시작 연도 (기본: 스냅숏 이전의 완결된 5개 연도)"},
	"flag.to":             {"last publication year, the 'latest year' (default: the year before the snapshot)", "마지막 연도, 곧 '최근 연도' (기본: 스냅숏 전년도)"},
	"flag.attribution":    {"how a model with several countries counts: full, fractional or first", "여러 국가 모델의 집계 방식: full(전체), fractional(분할), first(첫 국가)"},
	"flag.country-by":     {"country of the organization, or of its parent group: organization or group", "국가 기준: organization(기관 소재국) 또는 group(모기업 소재국)"},
	"flag.org-level":      {"count organizations by parent group or as listed: group or organization", "기관 집계 단위: group(모기업) 또는 organization(기관)"},
	"flag.min-compute":    {"keep only models with known training compute of at least this many FLOP (e.g. 1e23)", "학습 연산량이 이 값(FLOP) 이상으로 알려진 모델만 포함 (예: 1e23)"},
	"flag.top":            {"how many of the latest year's largest models to list", "최근 연도 학습 연산량 상위 모델을 몇 개 보여줄지"},
	"flag.format":         {"output format: text, json, csv, markdown, html, xlsx or pdf (xlsx and pdf need -o)", "출력 형식: text, json, csv, markdown, html, xlsx, pdf (xlsx와 pdf는 -o 필요)"},
	"flag.format.rules":   {"output format: text, json or csv", "출력 형식: text, json, csv"},
	"flag.format.diff":    {"output format: text or json", "출력 형식: text, json"},
	"flag.chart_format":   {"svg or png (default: the extension of -o, else svg)", "svg 또는 png (기본값: -o의 확장자, 없으면 svg)"},
	"flag.output":         {"write to this file (atomically) instead of standard output", "표준 출력 대신 이 파일에 (원자적으로) 씀"},
	"flag.kind":           {"only one kind: column, country, organization, domain or accessibility", "한 종류만: column, country, organization, domain, accessibility"},
	"flag.unmapped":       {"with --source: list only the values no rule maps", "--source와 함께: 규칙에 없는 값만 나열"},
	"cmd.help.short":      {"Help about any command", "명령 도움말"},
	"flag.help":           {"help for this command", "이 명령의 도움말"},
	"flag.version":        {"print the version", "버전 출력"},

	// Snapshots and the store.
	"cmd.pull.short":         {"Store a snapshot of a source, with its provenance", "원본의 스냅숏을 출처 정보와 함께 저장합니다"},
	"cmd.snapshots.short":    {"List the stored snapshots", "저장된 스냅숏 목록을 보여줍니다"},
	"cmd.diff.short":         {"Show what changed between two snapshots", "두 스냅숏 사이의 변경 사항을 보여줍니다"},
	"cmd.history.short":      {"Follow one figure across all stored snapshots", "한 지표가 스냅숏마다 어떻게 바뀌었는지 보여줍니다"},
	"flag.db":                {"the snapshot store: a SQLite file, or postgres://... (default: the user data directory)", "스냅숏 저장소: SQLite 파일 또는 postgres://... (기본: 사용자 데이터 폴더)"},
	"flag.snapshot":          {"report on a stored snapshot, by id", "저장된 스냅숏(번호)으로 보고서를 만듦"},
	"flag.as-of":             {"report on the latest stored snapshot on or before this date (YYYY-MM-DD)", "이 날짜(YYYY-MM-DD) 이전의 가장 최근 저장 스냅숏으로 보고서를 만듦"},
	"flag.every":             {"pull again at this interval (e.g. 24h) and print what changed; Ctrl-C stops", "이 간격(예: 24h)마다 다시 받아 변경 사항을 출력; Ctrl-C로 멈춤"},
	"flag.figure":            {"the figure: per-year, count, country or top", "지표: per-year(연도별), count(연도 수), country(국가), top(최대 연산량 모델)"},
	"flag.year":              {"the publication year, for count, country and top", "공개 연도 (count, country, top에 사용)"},
	"flag.country":           {"the country's ISO code, for country (e.g. KR)", "국가 ISO 코드 (country에 사용, 예: KR)"},
	"flag.limit":             {"list at most this many models per section in text (0: all)", "텍스트 출력에서 항목별 최대 모델 수 (0: 전부)"},
	"pull.stored":            {"Stored snapshot #%d, dated %s: %d file(s), %d rows (%s)", "스냅숏 #%d 저장 (날짜 %s): 파일 %d개, %d행 (%s)"},
	"pull.unchanged":         {"Unchanged: the same content is already stored as snapshot #%d (dated %s); nothing stored", "변경 없음: 같은 내용이 이미 스냅숏 #%d(날짜 %s)로 저장되어 있어 저장하지 않았습니다"},
	"pull.folder":            {"%s: %s", "%s: %s"},
	"pull.archive":           {"Imported %d new snapshots from %d folders into %s", "폴더 %d개 중 새 스냅숏 %d개를 %s에 가져왔습니다"},
	"pull.next":              {"Next pull at %s (Ctrl-C to stop)", "다음 받기: %s (Ctrl-C로 멈춤)"},
	"pull.changes":           {"Changes since snapshot #%d: %d added, %d removed, %d renamed, %d changed fields", "스냅숏 #%d 이후 변경: 추가 %d, 삭제 %d, 이름 변경 %d, 값 변경 %d"},
	"err.no_store":           {"no snapshot store at %s yet: run modelcensus pull (or give --db)", "%s에 스냅숏 저장소가 아직 없습니다: modelcensus pull을 실행하세요 (또는 --db 지정)"},
	"snap.none":              {"No snapshots stored in %s yet: run modelcensus pull", "%s에 저장된 스냅숏이 없습니다: modelcensus pull을 실행하세요"},
	"col.id":                 {"ID", "번호"},
	"col.source":             {"Source", "출처"},
	"col.files":              {"Files", "파일"},
	"col.subsets":            {"Subsets", "데이터셋"},
	"col.before":             {"Before", "이전"},
	"col.after":              {"After", "이후"},
	"col.change":             {"Change", "증감"},
	"col.old":                {"Old", "이전 값"},
	"col.new":                {"New", "새 값"},
	"col.renamed_to":         {"Renamed to", "새 이름"},
	"col.matched_by":         {"Matched by", "대응 근거"},
	"diff.title":             {"Changes from %s to %s, %s", "%s에서 %s(으)로의 변경, %s"},
	"diff.snapshot":          {"snapshot #%d", "스냅숏 #%d"},
	"diff.added":             {"Added models (%d)", "추가된 모델 (%d개)"},
	"diff.removed":           {"Removed models (%d)", "삭제된 모델 (%d개)"},
	"diff.renamed":           {"Renamed models (%d)", "이름이 바뀐 모델 (%d개)"},
	"diff.changed":           {"Changed values (%d)", "값이 바뀐 항목 (%d개)"},
	"diff.census":            {"Effect on the census, %d–%d", "현황 통계에 미친 영향 (%d–%d년)"},
	"diff.top":               {"Largest training compute, %d: before and after", "학습 연산량 상위 모델 (%d년): 이전과 이후"},
	"diff.more":              {"… and %d more (see --format json)", "… 외 %d건 (--format json 참조)"},
	"history.title":          {"%s across %d snapshots (%s)", "스냅숏 %[2]d개에 걸친 %[1]s (%[3]s)"},
	"history.per-year":       {"Models per publication year", "공개 연도별 모델 수"},
	"history.count":          {"Models published in %d", "%d년 공개 모델 수"},
	"history.country":        {"Models of %s published in %d", "%s의 %d년 공개 모델 수"},
	"history.top":            {"Largest training compute of %d", "%d년 학습 연산량 최대 모델"},
	"history.skipped":        {"Skipped %d snapshots without this subset", "이 데이터셋이 없는 스냅숏 %d개는 건너뛰었습니다"},
	"field.training_compute": {"training compute", "학습 연산량"},
	"field.publication_date": {"publication date", "공개일"},
	"field.country":          {"country", "국가"},
	"field.organization":     {"organization", "기관"},
	"by.link":                {"link", "링크"},
	"by.reference":           {"reference", "참고 문헌"},
	"diff.spelling":          {"(spelling only)", "(표기만 바뀜)"},
	"field.domain":           {"domain", "분야"},
	"err.needs_year":         {"--figure %s needs --year", "--figure %s에는 --year가 필요합니다"},
	"err.needs_country":      {"--figure country needs --country (an ISO code such as KR)", "--figure country에는 --country(예: KR 같은 ISO 코드)가 필요합니다"},
	"chart.other":            {"Other", "기타"},
	"chart.per_year":         {"Models per year (compound annual growth %s)", "연도별 모델 수 (연평균 증가율 %s)"},
	"chart.compute":          {"Training compute by publication date (log scale)", "공개일별 학습 연산량 (로그 눈금)"},
	"chart.top_n":            {"— first %d of %d; the table lists all", "— %d개까지 표시, 전체 %d개는 표 참조"},
	"chart.threshold":        {"1e23 FLOP", "1e23 FLOP"},
	"chart.estimated":        {"* estimated by modelcensus (Epoch's method)", "* modelcensus 추정치(Epoch 방법)"},
	"chart.estimated_legend": {"estimated", "추정치"},
	"chart.table":            {"Table", "표"},
	"h.summary":              {"Summary", "요약"},
	"h.method":               {"Method", "방법"},
	"h.charts":               {"Figures", "그림"},
	"method.snapshot":        {"The figures count Epoch AI's “Data on AI Models” in the snapshot dated %s (%s).", "수치는 %s 날짜 스냅숏의 Epoch AI “Data on AI Models”를 집계한 것입니다 (%s)."},
	"method.rules":           {"Counting rules: %s", "집계 기준: %s"},
	"method.names":           {"Model names are trimmed and each counts once (its first row); rows without a name or a publication date are left out. Countries and organizations are normalized by modelcensus's rule tables (version %s).", "모델 이름은 앞뒤 공백을 정리해 이름마다 한 번(첫 행)만 집계하며, 이름이나 공개일이 없는 행은 제외합니다. 국가와 기관은 modelcensus 규칙 표(버전 %s)로 정규화합니다."},
	"method.generated":       {"Generated by modelcensus %s.", "modelcensus %s로 생성했습니다."},
	"err.no_chromium":        {"PDF needs Chromium or Chrome, and none was found (looked for %s); install one (apt-get install chromium) or use --format html and print to PDF from a browser", "PDF를 만들려면 Chromium이나 Chrome이 필요한데 찾지 못했습니다(%s). 설치하거나(apt-get install chromium) --format html로 만든 뒤 브라우저에서 PDF로 인쇄하세요"},
	"err.needs_output":       {"--format %s writes a file: give -o FILE", "--format %s은(는) 파일로 씁니다: -o FILE을 주세요"},
	"cmd.chart.short":        {"Draw one of the report's charts as SVG or PNG", "보고서 차트 하나를 SVG나 PNG로 그립니다"},
	"page.overview":          {"Overview", "개요"},
	"page.explorer":          {"Explorer", "탐색"},
	"page.snapshots":         {"Snapshots", "스냅숏"},
	"page.error":             {"Something is wrong", "문제가 있습니다"},
	"page.apply":             {"Apply", "적용"},
	"page.search":            {"Search", "검색"},
	"page.year_from":         {"From year", "시작 연도"},
	"page.year_to":           {"To year", "끝 연도"},
	"page.min_compute":       {"Min FLOP", "최소 FLOP"},
	"page.max_compute":       {"Max FLOP", "최대 FLOP"},
	"page.color":             {"Colour by", "색 구분"},
	"page.color_country":     {"country", "국가"},
	"page.color_group":       {"organization group", "기관 그룹"},
	"page.color_estimate":    {"training compute: reported or estimated", "학습 연산량: 발표 또는 추정"},
	"page.status_reported":   {"Epoch's figure", "Epoch 값"},
	"page.status_estimated":  {"estimated by modelcensus from the row's own cells", "modelcensus가 행의 자체 값으로 추정"},
	"page.status_missing":    {"%d selected models have neither Epoch's figure nor the inputs for an estimate, and are not plotted.", "선택한 모델 중 %d개는 Epoch 값도 추정할 입력도 없어 그리지 않았습니다."},
	"page.color_domain":      {"domain group", "분야"},
	"page.matching":          {"%d models match", "조건에 맞는 모델 %d개"},
	"page.no_match":          {"No model matches these filters.", "조건에 맞는 모델이 없습니다."},
	"page.yes":               {"yes", "예"},
	"page.no":                {"no", "아니요"},
	"page.latest":            {"latest", "최신"},
	"page.download":          {"Download this selection", "이 선택 내려받기"},
	"page.page":              {"page %d of %d", "%d / %d쪽"},
	"page.rule":              {"Rule applied", "적용된 규칙"},
	"page.in_snapshots":      {"Snapshots this model appears in", "이 모델이 있는 스냅숏"},
	"page.country_filled":    {"blank in the export: the organizations' home countries", "원본에 비어 있어 기관 소재국으로 채움"},
	"page.compare":           {"Compare", "비교"},
	"flag.from.short":        {"From", "시작"},
	"flag.to.short":          {"To", "끝"},
	"flag.subset.short":      {"Subset", "데이터셋"},
	"flag.attribution.short": {"Attribution", "국가 귀속"},
	"flag.country-by.short":  {"Country by", "국가 기준"},
	"flag.org-level.short":   {"Organizations by", "기관 단위"},
	"flag.snapshot.short":    {"Snapshot", "스냅숏"},
	"cmd.serve.short":        {"Serve the dashboard and the JSON API", "대시보드와 JSON API를 제공합니다"},
	"flag.addr":              {"the address to listen on, HOST:PORT", "수신 주소 (HOST:PORT)"},
	"serve.listening":        {"Serving on http://%s (Ctrl-C stops)", "http://%s 에서 제공 중 (Ctrl-C로 멈춤)"},
	"serve.stopped":          {"Stopped.", "멈췄습니다."},
	"conf.Confident":         {"Confident", "확실"},
	"conf.Likely":            {"Likely", "가능성 높음"},
	"conf.Speculative":       {"Speculative", "추정"},
	"conf.Unknown":           {"Unknown", "미상"},
	"conf.Unverified":        {"Unverified", "미검증"},
	"conf.Wrong":             {"Wrong", "오류"},
	"err.chart_name":         {"name one chart: %s", "차트 이름을 하나 주세요: %s"},
	"err.iso_code":           {"an ISO code such as KR (see modelcensus rules --kind country)", "KR 같은 ISO 코드 (modelcensus rules --kind country 참조)"},
	"err.no_shared_subset": {"%s holds %s and %s holds %s: they share no subset to compare",
		"%s에는 %s, %s에는 %s 파일이 있어 비교할 공통 데이터셋이 없습니다"},
	"err.choose_subset": {"%s holds %s and %s holds %s: choose one both hold with --subset (%s)",
		"%s에는 %s, %s에는 %s 파일이 있습니다: 둘 다 가진 데이터셋을 --subset으로 고르세요 (%s)"},
	"err.not_archive": {"--source %s is not an archive folder: give a folder with one sub-folder per download, named by its date (YYYY-MM-DD)",
		"--source %s은(는) 보관 폴더가 아닙니다: 내려받을 때마다 날짜(YYYY-MM-DD) 이름의 하위 폴더가 있는 폴더를 주세요"},
	"err.subset_mismatch": {"%s holds %s and %s holds %s: choose a subset both hold with --subset", "%s에는 %s, %s에는 %s 파일이 있습니다: --subset으로 둘 다 가진 데이터셋을 고르세요"},
	"col.snapshot_date":   {"Snapshot date", "스냅숏 날짜"},
	"col.field_changed":   {"Field", "항목"},
	"err.store":           {"snapshot store: %v", "스냅숏 저장소: %v"},
	"err.no_full": {"this command needs %[1]s (the store, workbook, charts and server), which was %[2]v; install both programs with: go install ./cmd/...",
		"이 명령에는 %[1]s(저장소, 통합 문서, 차트, 서버)가 필요한데 찾지 못했습니다(%[2]v). 두 프로그램을 함께 설치하세요: go install ./cmd/..."},
	"err.no_snapshot":    {"%v (see modelcensus snapshots)", "%v (modelcensus snapshots 참조)"},
	"err.snapshot_flags": {"use --snapshot or --as-of, not both; and not with --source", "--snapshot과 --as-of는 함께 쓸 수 없고, --source와도 함께 쓸 수 없습니다"},
	"err.snapshot_id":    {"snapshot %q: want a number (see modelcensus snapshots)", "스냅숏 %q: 번호를 주세요 (modelcensus snapshots 참조)"},
}
