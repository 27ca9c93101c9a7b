package i18n

// figures are the messages of the figure engine: `modelcensus table`,
// recipes and their errors.
var figures = map[string][2]string{
	"cmd.table.short":   {"Print any one figure: models by dimensions, a measure, filters and counting rules", "임의의 한 통계표 출력: 차원별 모델 수, 측정값, 필터, 집계 규칙"},
	"cmd.recipes.short": {"List the bundled recipes and your own", "내장 레시피와 사용자 레시피 목록"},
	"flag.by":           {"dimensions to break the models down by, comma-separated (year,country,region,organization,group,org_country,sector,accessibility,domain,domain_group,compute_band,compute_status,development)", "모델을 나눌 차원, 쉼표로 구분 (year,country,region,organization,group,org_country,sector,accessibility,domain,domain_group,compute_band,compute_status,development)"},
	"flag.measure":      {"what to count: models, share, cumulative, cagr, organizations, max_compute, median_compute", "측정값: models, share, cumulative, cagr, organizations, max_compute, median_compute"},
	"flag.filter":       {"keep only models with FIELD OP VALUE (region=EU, compute>=1e25); repeat to AND several", "FIELD OP VALUE 조건을 만족하는 모델만 집계 (region=EU, compute>=1e25); 여러 번 주면 모두 만족"},
	"flag.min-models":   {"with --measure organizations, count only developers with at least N models", "--measure organizations에서 모델이 N개 이상인 개발 주체만 셈"},
	"flag.multinational": {"count Epoch's \"Multinational\" as it is (keep), for the organizations' head offices (head-office) or their groups' home countries (group)",
		"Epoch의 \"Multinational\"을 그대로(keep), 기관 본사 소재국(head-office), 또는 모그룹 소재국(group)으로 집계"},
	"flag.blank-country": {"a blank country: fill it from the organizations (fill) or leave it unknown (leave)", "비어 있는 국가: 기관 소재국으로 채움(fill) 또는 미상으로 둠(leave)"},
	"flag.duplicates":    {"a repeated model name: count it once (merge) or every row (rows)", "중복된 모델명: 한 번만 셈(merge) 또는 행마다 셈(rows)"},
	"flag.merge":         {"count organizations as one at --org-level organization: NAME=AS (Google Brain=Google); repeatable", "--org-level organization에서 기관을 하나로 셈: NAME=AS (Google Brain=Google); 여러 번 가능"},
	"flag.table-format":  {"output format: text, json, csv, markdown, or a chart: svg, png (png needs -o)", "출력 형식: text, json, csv, markdown, 또는 차트 svg, png (png는 -o 필요)"},
	"flag.table-title":   {"a title printed above the table (and on a chart)", "표 위(와 차트)에 표시할 제목"},
	"err.table_chart":    {"a chart image draws one dimension (--by country)", "차트 이미지는 차원 하나만 그릴 수 있습니다 (--by country)"},
	"flag.recipe":        {"make the report from a recipe: a bundled name (census, spri-2024, spri-2025, epoch-large-scale) or a TOML file", "레시피로 보고서 작성: 내장 이름(census, spri-2024, spri-2025, epoch-large-scale) 또는 TOML 파일"},

	"table.name":           {"Name", "이름"},
	"table.rules":          {"Rules: %s", "규칙: %s"},
	"table.period":         {"period %d–%d", "기간 %d–%d년"},
	"table.selected":       {"%d model(s) selected", "선택된 모델 %d개"},
	"table.source":         {"Source: %s (snapshot %s, %d models)", "출처: %s (스냅숏 %s, 모델 %d개)"},
	"table.all":            {"All models", "전체"},
	"table.filters":        {"filters %s", "필터 %s"},
	"table.undefined":      {"–", "–"},
	"err.figure":           {"%s", "%s"},
	"err.unknown_dim":      {"unknown dimension %q; dimensions: %s", "알 수 없는 차원 %q; 사용 가능한 차원: %s"},
	"err.unknown_measure":  {"unknown measure %q; measures: %s", "알 수 없는 측정값 %q; 사용 가능한 측정값: %s"},
	"err.repeated_dim":     {"dimension %s is given twice", "차원 %s이(가) 두 번 주어졌습니다"},
	"err.min_models":       {"--min-models %v: want a count of 1 or more", "--min-models %v: 1 이상의 정수여야 합니다"},
	"err.filter_syntax":    {"filter %q: want FIELD OP VALUE, with OP one of = != >= <= > < (region=EU, compute>=1e25)", "필터 %q: FIELD OP VALUE 형식이어야 합니다. OP는 = != >= <= > < 중 하나 (region=EU, compute>=1e25)"},
	"err.filter_field":     {"filter %q: unknown field %q; fields: %s", "필터 %q: 알 수 없는 필드 %q; 사용 가능한 필드: %s"},
	"err.filter_number":    {"filter %q: %q is not a number", "필터 %q: %q은(는) 숫자가 아닙니다"},
	"err.filter_date":      {"filter %q: %q is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", "필터 %q: %q은(는) 날짜(YYYY, YYYY-MM, YYYY-MM-DD)가 아닙니다"},
	"err.filter_op":        {"filter %q: %s compares numbers and dates (year, compute, params, date), not %s", "필터 %q: %s는 숫자와 날짜(year, compute, params, date)만 비교합니다. %s에는 쓸 수 없습니다"},
	"err.bad_merge":        {"--merge %q: want NAME=AS", "--merge %q: NAME=AS 형식이어야 합니다"},
	"recipes.bundled":      {"bundled", "내장"},
	"recipes.figures":      {"%d figures", "통계표 %d개"},
	"page.tables":          {"Tables", "통계표"},
	"tables.by":            {"Break down by", "나눌 차원"},
	"tables.by2":           {"and by", "두 번째 차원"},
	"tables.measure":       {"Measure", "측정값"},
	"tables.min_models":    {"Min. models", "최소 모델 수"},
	"tables.filter":        {"Filter", "필터"},
	"tables.multinational": {"Multinational", "다국적 행"},
	"tables.blank_country": {"Blank country", "빈 국가"},
	"tables.duplicates":    {"Duplicates", "중복 모델명"},
	"tables.hint":          {"Choose the dimensions, a measure, filters (FIELD OP VALUE: region=EU, compute>=1e25) and the counting rules, then Apply. The address keeps the choice; /api/v1/table answers the same parameters.", "차원, 측정값, 필터(필드 연산자 값: region=EU, compute>=1e25), 집계 규칙을 고른 뒤 적용을 누르세요. 선택은 주소에 남으며, /api/v1/table이 같은 매개변수로 응답합니다."},
	"err.recipe":           {"recipe %s", "레시피 %s"},
}

func init() {
	for k, v := range figures {
		catalog[k] = v
	}
}
