package i18n

// readingCatalog holds the messages of how files were read that issue 23
// added (package epoch and its notes): missing-value spellings, a header
// below the first row, an encoding chosen or left unconfirmed, copies of
// one download in a folder.
var readingCatalog = map[string][2]string{
	"note.missing_values":     {"%s writes missing values as %s: %d cell(s) were read as blank", "%s은(는) 빈 값을 %s(으)로 적었습니다: 셀 %d개를 빈 값으로 읽었습니다"},
	"note.country_na_namibia": {"%s: %d country cell(s) \"NA\" were read as Namibia (ISO code NA), since the file writes no NA in any other column; a file written by R, which writes a missing value as NA, does", "%s: 국가 셀 \"NA\" %d개를 나미비아(ISO 코드 NA)로 읽었습니다. 이 파일은 다른 열에 NA를 쓰지 않기 때문입니다(빈 값을 NA로 쓰는 R로 저장한 파일이라면 다른 열에도 NA가 있습니다)"},
	"note.header_line":        {"%s: the header is on line %d; the lines above it (a title, a source line, notes) were skipped", "%s: 머리글이 %d행에 있어 그 위의 줄(제목, 출처, 메모)은 건너뛰었습니다"},
}

func init() {
	for k, v := range readingCatalog {
		catalog[k] = v
	}
}
