package i18n

// countableCatalog holds the strings of the estimate's count of rows that
// allow operation counting; init adds them to the catalog.
var countableCatalog = map[string][2]string{
	"est.summary.countable": {"Rows whose parameters and dataset size allow operation counting (whatever method their estimate took): %d",
		"매개변수와 데이터 크기가 있어 연산 수 계산이 가능한 행(최종 추정 방법과 무관): %d"},
}

func init() {
	for k, v := range countableCatalog {
		catalog[k] = v
	}
}
