package cli

import (
	"fmt"
	"strings"
)

// suggest returns the candidate nearest to typed ("did you mean"), or ""
// when none is close: an edit distance of at most a third of the longer
// word (at least 1, at most 3), or typed being a prefix of exactly one.
func suggest(typed string, candidates []string) string {
	typed = strings.ToLower(typed)
	best, bestDist := "", -1
	for _, c := range candidates {
		d := editDistance(typed, strings.ToLower(c))
		if bestDist < 0 || d < bestDist {
			best, bestDist = c, d
		}
	}
	if best == "" || bestDist == 0 {
		return ""
	}
	limit := max(len(typed), len(best)) / 3
	limit = min(max(limit, 1), 3)
	if bestDist <= limit {
		return best
	}
	var prefixed []string
	for _, c := range candidates {
		if len(typed) >= 2 && strings.HasPrefix(strings.ToLower(c), typed) {
			prefixed = append(prefixed, c)
		}
	}
	if len(prefixed) == 1 {
		return prefixed[0]
	}
	return ""
}

// didYouMean is suggest as a sentence to append to an error message.
func didYouMean(typed string, candidates []string) string {
	if s := suggest(typed, candidates); s != "" {
		return fmt.Sprintf(" (did you mean %q?)", s)
	}
	return ""
}

// editDistance is the Damerau-Levenshtein distance (optimal string
// alignment) over runes: a swapped pair of letters ("lnit") counts one.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
