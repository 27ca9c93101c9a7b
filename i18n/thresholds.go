package i18n

// thresholds are the strings of `modelcensus thresholds` and `modelcensus
// trend`, their outputs and errors, added to the catalog.
var thresholds = map[string][2]string{
	"cmd.thresholds.short": {"Which models cross the compute thresholds of laws, and since when", "법령의 학습 연산량 기준을 넘는 모델과 그 시점"},
	"cmd.trend.short":      {"Fit the growth of training compute over time, with a bootstrap interval", "학습 연산량의 증가 추세를 적합하고 부트스트랩 구간을 구합니다"},

	"flag.threshold":  {"a threshold in FLOP to evaluate instead of the rules' table (repeatable), such as 1e25", "규칙 표 대신 평가할 기준 FLOP (반복 가능), 예: 1e25"},
	"flag.th_domain":  {"keep only models of this Epoch domain or domain group, such as Language", "이 Epoch 분야나 분야 그룹의 모델만 포함, 예: Language"},
	"flag.th_country": {"keep only models of this country (code or name), such as KR", "이 국가(코드나 이름)의 모델만 포함, 예: KR"},
	"flag.since":      {"keep models published on or after this date (YYYY-MM-DD)", "이 날짜(YYYY-MM-DD) 이후 공개된 모델만 포함"},
	"flag.until":      {"keep models published on or before this date (YYYY-MM-DD)", "이 날짜(YYYY-MM-DD) 이전 공개된 모델만 포함"},
	"flag.resamples":  {"bootstrap resamples for the interval", "구간을 구할 부트스트랩 재표본 수"},
	"flag.seed":       {"seed of the bootstrap's random generator", "부트스트랩 난수 생성기의 시드"},
	"flag.th_format":  {"text or json", "text 또는 json"},
	"flag.tr_format":  {"text, json, svg or png (default: the extension of -o, else text)", "text, json, svg 또는 png (기본값: -o의 확장자, 없으면 text)"},

	"err.since_after_until": {"--since %s is after --until %s", "--since %s이(가) --until %s보다 늦습니다"},
	"err.trend_too_few":     {"%d model(s) with training compute in the set: a trend needs at least %d", "집합에 학습 연산량이 있는 모델이 %d개입니다: 추세에는 최소 %d개가 필요합니다"},
	"err.trend_one_date":    {"the %d models with training compute in the set share one publication date: no trend can be fitted", "집합의 학습 연산량이 있는 모델 %d개의 공개일이 모두 같아 추세를 적합할 수 없습니다"},
	"err.unknown_country":   {"--country %q is no country the rules know", "--country %q은(는) 규칙에 없는 국가입니다"},

	"param.th_country":        {"%q is no country the rules know", "%q은(는) 규칙에 없는 국가입니다"},
	"param.since_after_until": {"%s is after until (%s)", "%s은(는) until(%s)보다 늦습니다"},
	"param.trend_too_few":     {"%d model(s) with training compute in the set: a trend needs at least %d", "집합에 학습 연산량이 있는 모델이 %d개입니다: 추세에는 최소 %d개가 필요합니다"},
	"param.trend_one_date":    {"the %d models with training compute in the set share one publication date", "집합의 학습 연산량이 있는 모델 %d개의 공개일이 모두 같습니다"},

	"th.title":                     {"Compute thresholds", "학습 연산량 기준"},
	"th.cumulative_mark":           {"(cumulative)", "(누적)"},
	"th.cumulative_rule":           {"Counted cumulatively: a model's own figure, or its base models' compute plus its fine-tune compute where Epoch gives both, whichever is larger.", "누적 기준: 모델 자체 수치와, Epoch가 둘 다 제공하는 경우 기반 모델 연산량 + 미세 조정 연산량 중 큰 값으로 셉니다."},
	"th.summary":                   {"%d model(s) at or above, from %d developer(s); first: %s (%s, %s FLOP)", "기준 이상 %d개 모델, 개발사 %d곳; 최초: %s (%s, %s FLOP)"},
	"th.summary_none":              {"No model at or above this line.", "이 기준 이상의 모델이 없습니다."},
	"th.per_year":                  {"per year", "연도별"},
	"th.models":                    {"models at or above (%d)", "기준 이상 모델 (%d개)"},
	"th.approaching":               {"approaching (within %s× below)", "근접 (기준의 1/%s 이상)"},
	"th.lineage":                   {"Cumulative compute (base + fine-tune) that differs from Epoch's figure", "Epoch 수치와 다른 누적 연산량 (기반 + 미세 조정)"},
	"th.col.models":                {"Models", "모델 수"},
	"th.col.cumulative":            {"Cumulative", "누적"},
	"th.col.developers":            {"Developers", "개발사 수"},
	"th.col.developers_cumulative": {"Developers (cumulative)", "개발사 수 (누적)"},
	"th.col.method":                {"Method", "추정 방법"},
	"th.col.base":                  {"Base model", "기반 모델"},
	"th.col.base_flop":             {"Base FLOP", "기반 FLOP"},
	"th.col.finetune_flop":         {"Fine-tune FLOP", "미세 조정 FLOP"},
	"th.col.total":                 {"Cumulative FLOP", "누적 FLOP"},
	"th.col.epoch_flop":            {"Epoch's FLOP", "Epoch FLOP"},
	"th.col.difference":            {"Difference", "차이"},
	"th.note.estimated":            {"estimated by modelcensus from the row's own columns (--estimate-missing); Epoch gives no figure", "Epoch 수치가 없어 modelcensus가 행의 값으로 추정 (--estimate-missing)"},
	"th.note.lineage":              {"at or above only as base model plus fine-tune (cumulative)", "기반 모델 + 미세 조정 누적으로만 기준 이상"},
	"th.estimate_inputs":           {"Inputs of the estimates", "추정에 쓴 값"},
	"th.selection":                 {"Models: %s", "대상 모델: %s"},
	"th.settings":                  {"Developers counted by %s; approaching means within %s× below a line", "개발사 집계 단위: %s; 근접은 기준의 1/%s 이상"},
	"th.estimate_missing":          {"Models without Epoch's figure were given an estimate by Epoch's method (--estimate-missing)", "Epoch 수치가 없는 모델은 Epoch 방법으로 추정했습니다 (--estimate-missing)"},
	"th.method.counting":           {"estimate: operation counting", "추정: 연산 수 계산"},
	"th.method.hardware":           {"estimate: hardware time", "추정: 하드웨어 시간"},
	"th.method.both":               {"estimate: counting and hardware", "추정: 연산 수·하드웨어"},
	"th.method.fine-tune":          {"estimate: base + fine-tune", "추정: 기반 + 미세 조정"},
	"th.method.reported":           {"estimate: reported", "추정: 발표 수치"},

	"page.thresholds":     {"Thresholds", "연산량 기준"},
	"page.th.year":        {"Year", "연도"},
	"page.th.domain":      {"Domain", "분야"},
	"page.th.country":     {"Country", "국가"},
	"page.th.show":        {"Show", "보기"},
	"page.th.by_year":     {"The lines of the laws, side by side, in %d", "법령별 기준 비교 (%d년)"},
	"page.th.line":        {"Line", "기준"},
	"page.th.law":         {"Law", "법령·출처"},
	"page.th.triggers":    {"What it triggers", "효과"},
	"page.th.in_year":     {"Models in %d", "%d년 모델 수"},
	"page.th.by":          {"Models by the end of %d", "%d년까지 누적"},
	"page.th.first":       {"First to cross", "최초로 넘은 모델"},
	"page.th.models_by":   {"Models at or above, by the end of %d", "%d년까지 기준 이상 모델"},
	"page.th.approaching": {"Approaching (within 2× below): %d", "근접 (2배 이내): %d개"},

	"trend.title":         {"Growth of training compute", "학습 연산량 증가 추세"},
	"trend.n":             {"Models fitted: %d (%s – %s)", "적합한 모델: %d개 (%s – %s)"},
	"trend.estimated":     {"of which %d with compute estimated by modelcensus (--estimate-missing)", "이 중 %d개는 modelcensus가 연산량을 추정 (--estimate-missing)"},
	"trend.growth":        {"Growth per year: %s (%s%% interval %s – %s)", "연간 증가: %s (%s%% 구간 %s – %s)"},
	"trend.doubling":      {"Doubling time: %s months", "두 배가 되는 기간: %s개월"},
	"trend.doubling_ci":   {"(%s%% interval %s – %s)", "(%s%% 구간 %s – %s)"},
	"trend.no_growth":     {"Training compute does not grow over this set: no doubling time", "이 집합에서는 학습 연산량이 증가하지 않아 두 배 기간이 없습니다"},
	"trend.method":        {"Method: least squares of log10(training compute) on publication date in decimal years; interval by percentile bootstrap over the models, %d resamples, seed %d", "방법: log10(학습 연산량)을 공개일(소수 연도)에 최소제곱 회귀; 구간은 모델 단위 백분위 부트스트랩, 재표본 %d회, 시드 %d"},
	"trend.chart_title":   {"Training compute, %s a year (%s – %s)", "학습 연산량, 연 %s (%s – %s)"},
	"trend.legend.models": {"Models", "모델"},
	"trend.legend.fit":    {"Least-squares fit, %s/yr", "최소제곱 적합, 연 %s"},
	"trend.legend.ci":     {"%s%% interval, %s – %s", "%s%% 구간, %s – %s"},
}

func init() {
	for k, v := range thresholds {
		catalog[k] = v
	}
}
