package vntext

import (
	"strings"
	"unicode"
)

// keyboardRows are a keyboard's rows of letters: four or more letters in a
// row along one ("asdf", "qwerty", "hjkl") are mash, no word.
var keyboardRows = []string{"qwertyuiop", "asdfghjkl", "zxcvbnm"}

// HasWord says whether s holds at least one word: a comment of keyboard
// mash ("asdfgh;;;", "jjjjjj") says nothing to keep. A word is two letters
// or more (folded: no diacritics) with a vowel, no four consonants in a
// row, not one letter repeated and no run along a keyboard row; a word in
// another script counts. Digits are no word.
func HasWord(s string) bool {
	for _, w := range Words(s) {
		if isWord(w) {
			return true
		}
	}
	return false
}

func isWord(w string) bool {
	if len(w) < 2 || strings.ContainsFunc(w, unicode.IsDigit) {
		return false
	}
	if strings.ContainsFunc(w, func(r rune) bool { return r > unicode.MaxASCII }) {
		return true
	}
	if strings.Count(w, w[:1]) == len(w) {
		return false
	}
	vowel, consonants := false, 0
	for _, c := range w {
		if strings.ContainsRune("aeiouy", c) {
			vowel, consonants = true, 0
			continue
		}
		if consonants++; consonants >= 4 {
			return false
		}
	}
	if !vowel {
		return false
	}
	for i := 0; i+4 <= len(w); i++ {
		for _, row := range keyboardRows {
			if strings.Contains(row, w[i:i+4]) {
				return false
			}
		}
	}
	return true
}
