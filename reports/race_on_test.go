//go:build race

package reports

// raceDetector: the race detector slows the 100,000-row test sevenfold.
const raceDetector = true
