package i18n

// The messages of the bounds on what modelcensus reads (package
// internal/limits, docs/limits.md), and of entries that are not regular
// files.
func limitsCatalog() map[string][2]string {
	return map[string][2]string{
		"err.bound":            {"%s: refused: %s, past modelcensus's bound (see docs/limits.md); the file is damaged or built to exhaust memory", "%s: 거부했습니다: %s. modelcensus의 한도를 넘습니다(docs/limits.md 참고). 파일이 손상되었거나 메모리를 고갈시키도록 만들어진 것입니다"},
		"bound.zip_member":     {"a zip member inflating to more than %s", "압축을 풀면 %s를 넘는 zip 항목"},
		"bound.archive":        {"an archive whose parts inflate to more than %s in all", "압축을 풀면 모두 합쳐 %s를 넘는 압축 파일"},
		"bound.workbook_part":  {"a workbook part inflating to more than %s", "압축을 풀면 %s를 넘는 통합 문서 부분"},
		"bound.shared_strings": {"a workbook of more than %s shared strings", "공유 문자열이 %s개를 넘는 통합 문서"},
		"bound.workbook_rows":  {"a sheet of more than %s rows", "행이 %s개를 넘는 시트"},
		"bound.workbook_cells": {"a sheet of more than %s cells", "셀이 %s개를 넘는 시트"},
		"bound.record":         {"a record longer than %s", "%s보다 긴 레코드"},

		"err.not_regular":          {"%s: not a regular file (a pipe, device or socket): it cannot be read twice and may never end; save its content to a file first", "%s: 일반 파일이 아닙니다(파이프, 장치 또는 소켓). 두 번 읽을 수 없고 끝나지 않을 수 있으니 내용을 파일로 저장한 뒤 지정하세요"},
		"problem.not_regular_file": {"not a regular file (a pipe, device, socket or a link to one); skipped", "일반 파일이 아닙니다(파이프, 장치, 소켓 또는 그 링크). 건너뜁니다"},
		"err.interrupted":          {"interrupted", "중단되었습니다"},

		"overlay.err.too_large":   {"past a bound on one entry (%s; see docs/limits.md); the entry is skipped", "항목 하나의 한도(%s)를 넘습니다(docs/limits.md 참고). 이 항목은 건너뜁니다"},
		"overlay.err.not_regular": {"not a regular file (a pipe, device, socket or a link to one); skipped", "일반 파일이 아닙니다(파이프, 장치, 소켓 또는 그 링크). 건너뜁니다"},
		"list.more":               {"… (%d in all)", "… (모두 %d개)"},
		"err.overlay_too_many":    {"the overlay folder %s holds more than %d entry files, past modelcensus's bound (see docs/limits.md)", "오버레이 폴더 %s의 항목 파일이 %d개를 넘어 modelcensus의 한도를 넘습니다(docs/limits.md 참고)"},
	}
}
