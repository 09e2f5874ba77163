package storage

// UnitWords is the words CorrectCommuneQuery reads a slip against in a
// province ("": all), with their counts, the most common first.
func UnitWords(province string) ([]string, []int, error) {
	all, err := unitWords()
	if err != nil {
		return nil, nil, err
	}
	var words []string
	var counts []int
	for _, w := range all[province] {
		words, counts = append(words, w.Word), append(counts, w.Count)
	}
	return words, counts, nil
}
