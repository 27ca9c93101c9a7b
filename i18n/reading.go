package i18n

// readingCatalog holds the messages of how files were read that issue 23
// added (package epoch and its notes): missing-value spellings, a header
// below the first row, an encoding chosen or left unconfirmed, copies of
// one download in a folder.
func readingCatalog() map[string][2]string {
	return map[string][2]string{
		"note.missing_values":     {"%s writes missing values as %s: %d cell(s) were read as blank", "%s은(는) 빈 값을 %s(으)로 적었습니다: 셀 %d개를 빈 값으로 읽었습니다"},
		"note.country_na_namibia": {"%s: %d country cell(s) \"NA\" were read as Namibia (ISO code NA), since the file writes no NA in any other column; a file written by R, which writes a missing value as NA, does", "%s: 국가 셀 \"NA\" %d개를 나미비아(ISO 코드 NA)로 읽었습니다. 이 파일은 다른 열에 NA를 쓰지 않기 때문입니다(빈 값을 NA로 쓰는 R로 저장한 파일이라면 다른 열에도 NA가 있습니다)"},
		"note.header_line":        {"%s: the header is on line %d; the lines above it (a title, a source line, notes) were skipped", "%s: 머리글이 %d행에 있어 그 위의 줄(제목, 출처, 메모)은 건너뛰었습니다"},
		"note.encoding_words": {"%s is not UTF-8 and was read as %s: under it %d word(s) with letters past ASCII read as words and %d do not (as %q); under %s, %d and %d (as %q)",
			"%s은(는) UTF-8이 아니어서 %s(으)로 읽었습니다: 이 인코딩으로는 ASCII 밖 글자가 든 단어 %d개가 단어로 읽히고 %d개는 그렇지 않습니다(예: %q). %s(으)로는 각각 %d개, %d개입니다(예: %q)"},
		"note.encoding_none": {"%s is not UTF-8, and nothing in it tells its encoding: it was read as %s, but %s read(s) it as well (%q here, %q there); give --encoding if that is wrong",
			"%s은(는) UTF-8이 아니고 내용으로 인코딩을 가릴 수 없습니다: %s(으)로 읽었지만 %s(으)로도 똑같이 그럴듯하게 읽힙니다(이쪽 %q, 저쪽 %q). 틀렸다면 --encoding을 지정하십시오"},
		"note.encoding_valid": {"%s is not UTF-8 and was read as %s, the only encoding tried that decodes it (%s do not)", "%s은(는) UTF-8이 아니어서 %s(으)로 읽었습니다. 시도한 인코딩 가운데 오류 없이 읽히는 것은 이것뿐입니다(%s(으)로는 읽히지 않음)"},
		"enc.valid":           {"not UTF-8; the only encoding tried that decodes it", "UTF-8이 아님; 오류 없이 읽히는 유일한 인코딩"},
		"enc.words":           {"not UTF-8; chosen by which encoding reads its words as words", "UTF-8이 아님; 단어가 단어로 읽히는 인코딩으로 판단"},
		"enc.none":            {"not UTF-8; nothing told the encoding: see the notes", "UTF-8이 아님; 인코딩을 가릴 근거가 없음: 참고 사항 참조"},
		"note.copy_ignored": {"%s was not read: it is a copy of the same export as %s, whose newest \"Last modified\" value (%s) is later than its own (%s); copies are never merged",
			"%s은(는) 읽지 않았습니다: %s과(와) 같은 내보내기의 사본이며, 그 파일의 최신 \"Last modified\" 값(%s)이 이 파일의 값(%s)보다 늦습니다. 사본은 합치지 않습니다"},
		"note.copy_ignored_identical": {"%s was not read: it is a copy of %s with the same bytes", "%s은(는) 읽지 않았습니다: %s과(와) 바이트까지 같은 사본입니다"},
		"note.copy_ignored_undated": {"%s was not read: it is a copy of the same export as %s, which has \"Last modified\" values up to %s where it has none that can be read; copies are never merged",
			"%s은(는) 읽지 않았습니다: %s과(와) 같은 내보내기의 사본인데, 그 파일에는 %s까지의 \"Last modified\" 값이 있고 이 파일에는 읽을 수 있는 값이 없습니다. 사본은 합치지 않습니다"},
		"warn.copy_ignored": {"warning: %s", "경고: %s"},
		"err.copies": {"%s: the folder holds copies of one export, %s, and their data does not tell which is newer (no \"Last modified\" values, or the same newest one): they are not merged; remove all but one, or name the file to read as --source",
			"%s: 폴더에 같은 내보내기의 사본 %s이(가) 있는데, 데이터로는 어느 것이 최신인지 알 수 없습니다(\"Last modified\" 값이 없거나 최신 값이 같음): 합치지 않습니다. 하나만 남기거나 읽을 파일을 --source로 지정하십시오"},
	}
}
