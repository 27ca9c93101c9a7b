package i18n_test

import (
	"fmt"

	"github.com/modelcensus/modelcensus/i18n"
)

// A Korean message writes a particle both ways when it cannot know the
// word before it; T chooses the form that word takes: 는 after a vowel
// ("32.5B" ends in 비), 은 after a final consonant ("3.0" ends in 영).
func ExampleLang_T() {
	for _, model := range []string{"Kanana Flag 32.5B", "EXAONE 3.0"} {
		fmt.Println(i18n.EN.T("overlay.err.duplicate", model, "kr-kanana.toml"))
		fmt.Println(i18n.KO.T("overlay.err.duplicate", model, "kr-kanana.toml"))
	}
	// Output:
	// "Kanana Flag 32.5B" is also in kr-kanana.toml
	// "Kanana Flag 32.5B"는 kr-kanana.toml에도 있습니다
	// "EXAONE 3.0" is also in kr-kanana.toml
	// "EXAONE 3.0"은 kr-kanana.toml에도 있습니다
}

// Particles resolves each particle by the sound the word before it ends
// in, as it is read aloud: digits and letters too.
func ExampleParticles() {
	fmt.Println(i18n.Particles("모델은(는) 데이터을(를) 파일(으)로"))
	fmt.Println(i18n.Particles(`"H100"이(가) 2024년과(와)`))
	fmt.Println(i18n.Particles("LG과(와) NAVER"))
	// Output:
	// 모델은 데이터를 파일로
	// "H100"이 2024년과
	// LG와 NAVER
}
