package i18n

import "testing"

// Each particle after a word whose final sound is known, by hand: the
// Korean reading of the word's last syllable, digit or letter.
func TestParticles(t *testing.T) {
	for in, want := range map[string]string{
		`학습 하드웨어 "GB200"이(가) 없습니다`: `학습 하드웨어 "GB200"이 없습니다`, // 영: ㅇ
		`"H100 SXM"이(가) 없습니다`:      `"H100 SXM"이 없습니다`,      // SXM, an acronym: 엠
		`모델은(는)`:                   `모델은`,                   // 델: ㄹ
		`데이터은(는)`:                  `데이터는`,                  // 터: none
		`2024을(를)`:                 `2024를`,                 // 사: none
		`2021을(를)`:                 `2021을`,                 // 일: ㄹ
		`파일(으)로`:                   `파일로`,                   // ㄹ takes 로
		`폴더(으)로`:                   `폴더로`,                   // none
		`목록(으)로`:                   `목록으로`,                  // ㄱ
		`KT과(와) LG과(와)`:            `KT와 LG와`,               // 티, 지
		`XL(으)로`:                   `XL로`,                   // 엘
		`Google을(를)`:               `Google을`,               // 구글
		`Mistral은(는)`:              `Mistral은`,              // 미스트랄
		`NAVER은(는)`:                `NAVER는`,                // 네이버, read as a word
		`(%)은(는)`:                  `(%)은(는)`,               // a symbol: left as written
		`"bad"이(가)`:                `"bad"가`,                // 배드
		`"Black"이(가)`:              `"Black"이`,              // 블랙
		`"nan"(이)나 "NA"`:           `"nan"이나 "NA"`,          // 난
	} {
		if got := Particles(in); got != want {
			t.Errorf("Particles(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestOneYear(t *testing.T) {
	for in, want := range map[string]string{
		"기간: 2023–2023년":       "기간: 2023년",
		"Countries, 2020–2023": "Countries, 2020–2023",
		"2023–2023 and 10–10":  "2023 and 10–10",
	} {
		if got := OneYear(in); got != want {
			t.Errorf("OneYear(%q) = %q, want %q", in, got, want)
		}
	}
}
