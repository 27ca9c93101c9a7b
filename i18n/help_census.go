package i18n

// helpCensusCatalog holds the long help (cobra's Long) of the commands
// that count a snapshot or a model: report, table, recipes, thresholds,
// trend, estimate and chart; one language each, English and Korean.
// long.chart takes the list of the chart names; long.trend the interval's
// level, "90%".
func helpCensusCatalog() map[string][2]string {
	return map[string][2]string{
		"long.report": {`Print the census of a snapshot: models per year and their compound annual
growth, countries over the period and for the latest year, organizations and
domain groups, multimodal models per year and the latest year's largest
training runs, with the source and data-quality notes. The report is the
bundled recipe census; --recipe makes it from another (modelcensus recipes),
in every format, with a Thresholds section where the recipe asks for one.`,
			`스냅숏의 현황 통계를 출력합니다: 연도별 모델 수와 연평균 증가율, 기간 및 최근
연도의 국가별 수, 기관·분야별 수, 연도별 멀티모달 모델 수, 최근 연도의 학습
연산량 상위 모델, 출처와 데이터 품질 참고사항. 보고서는 내장 레시피 census로
만들며, --recipe로 다른 레시피(modelcensus recipes)를 주면 모든 형식으로 출력하고
레시피가 요청하면 연산량 기준 절을 넣습니다.`},
		"long.table": {`Print one figure of a snapshot: the models broken down by any dimensions
(--by), one measure, filters (--filter FIELD OP VALUE) and counting rules.
Every counting flag of report applies. docs/figures.md describes each
dimension, measure and rule.`,
			`스냅숏의 통계표 하나를 출력합니다: 임의의 차원(--by)으로 나눈 모델, 측정값 하나,
필터(--filter FIELD OP VALUE), 집계 규칙. report의 집계 플래그를 모두 씁니다.
각 차원·측정값·규칙은 docs/figures.md에 있습니다.`},
		"long.thresholds": {`For each compute threshold of the rules' table (thresholds.csv: Epoch's
1e23 large-scale line, the EU AI Act's 1e25, Korea's AI Basic Act's cumulative
1e26), or of --threshold: the models at or above it per publication year and
cumulatively, their distinct developers, the first model to cross it, the
models with their compute, confidence and estimation method, and the models
approaching it (within 2× below). Under a cumulative line a model counts with
its base model's compute plus its fine-tune compute where Epoch gives both;
the models for which that differs from Epoch's figure are listed. With
--estimate-missing, models without Epoch's figure count with modelcensus's
estimate, marked, with their inputs.`,
			`규칙 표(thresholds.csv: Epoch 대규모 모델 기준 1e23, EU 인공지능법 1e25, 인공지능기본법
누적 1e26)나 --threshold의 기준마다: 공개 연도별·누적 기준 이상 모델 수, 개발사 수,
최초로 넘은 모델, 모델별 연산량·신뢰도·추정 방법, 기준에 근접한 모델(2배 이내).
누적 기준에서는 Epoch가 둘 다 제공하는 경우 기반 모델 연산량과 미세 조정 연산량을
더해 셉니다. --estimate-missing을 주면 Epoch 수치가 없는 모델은 추정치로 세고 표시합니다.`},
		"long.trend": {`Fit log10(training compute) on publication date (in decimal years) by
ordinary least squares over a set of models (--subset, --since, --until,
--domain, --country) and print the growth per year (10^slope ×), the doubling
time in months, the number of models and a %s interval by percentile
bootstrap over the models (1000 resamples, seed 1 unless --resamples and
--seed say otherwise: the same input gives the same interval). With -o
FILE.svg or FILE.png (or --format svg|png) it draws the models on a log scale
with the fitted line, the interval and the thresholds of the rules' table.`,
			`학습 연산량의 log10 값을 공개일(소수 연도)에 최소제곱으로 회귀해, 연간 증가 배수,
두 배가 되는 기간(개월), 모델 수, 모델 단위 백분위 부트스트랩 %s 구간(재표본 1000회,
시드 1; 같은 입력은 같은 구간)을 출력합니다. 대상은 --subset, --since, --until,
--domain, --country로 고릅니다. -o FILE.svg 또는 FILE.png로 모델(로그 눈금), 적합선,
구간, 규칙 표의 기준선을 그립니다.`},
		"long.estimate": {`Estimate a model's training compute by Epoch AI's method: a reported figure;
else operation counting (6 × active parameters × tokens × epochs); else
hardware time (chips × peak FLOP/s × seconds × utilization, with Epoch's peak
and default utilization); the geometric mean when both apply; a fine-tune's
base plus its own compute. It prints the figure with its method, inputs,
assumptions, Epoch-style confidence and the thresholds it reaches (1e23,
1e25, 1e26 FLOP).`,
			`Epoch AI의 방법으로 모델의 학습 연산량을 추정합니다: 발표된 값, 없으면 연산 수
계산(6 × 활성 매개변수 × 토큰 × 에포크), 없으면 하드웨어 시간(칩 × 최대 FLOP/s ×
초 × 활용률), 둘 다 있으면 기하 평균, 미세 조정은 기반 모델과 자체 연산량의 합.
방법, 입력, 가정, 신뢰도와 넘는 기준(1e23, 1e25, 1e26 FLOP)을 함께 출력합니다.`},
		"long.recipes": {`List the recipes report --recipe takes: the bundled ones and your own, the
TOML files in $XDG_DATA_HOME/modelcensus/recipes (beside the overlay).`,
			`report --recipe가 받는 레시피 목록: 내장 레시피와, $XDG_DATA_HOME/modelcensus/recipes
(오버레이 옆 폴더)의 TOML 파일로 된 사용자 레시피.`},
		"long.chart": {`Draw one of the report's charts as SVG or PNG, to paste into documents:
%s. The format follows -o's
extension, or --format; without -o an SVG chart goes to standard output (a PNG
needs -o). It takes the same source and counting flags as report.`,
			`보고서의 차트 하나를 SVG나 PNG로 그립니다(문서에 붙여 넣기용): %s.
형식은 -o의 확장자나 --format을 따르고, -o가 없으면 SVG를 표준 출력으로 씁니다(PNG는
-o가 필요합니다). report와 같은 원본·집계 옵션을 씁니다.`},
	}
}
