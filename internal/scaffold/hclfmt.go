package scaffold

import "strings"

// formatHCL aligns the equals signs of consecutive attribute lines the way
// `terraform fmt` (hclwrite.Format) does. The templates already indent and
// space canonically; hclwrite itself is not linked into the binary because
// its dependencies (go-cmp among them) cost start-up time on every command
// (DESIGN §6). The tests compare every rendered output with hclwrite.Format.
func formatHCL(b []byte) []byte {
	lines := strings.Split(string(b), "\n")
	leads := make([]string, len(lines))
	rests := make([]string, len(lines))
	chain := -1
	width := 0
	closeChain := func(end int) {
		for j := chain; j < end; j++ {
			lines[j] = leads[j] + strings.Repeat(" ", width-len(leads[j])+1) + rests[j]
		}
		chain, width = -1, 0
	}
	// A chain of aligned lines is contiguous at one bracket depth: lines
	// inside a multi-line value form chains of their own.
	depth, chainDepth := 0, 0
	for i, l := range lines {
		eq, delta := assignIndex(l)
		start := depth
		depth += delta
		if eq < 0 || (chain >= 0 && start != chainDepth) {
			if chain >= 0 {
				closeChain(i)
			}
			if eq < 0 {
				continue
			}
		}
		leads[i] = strings.TrimRight(l[:eq], " ")
		rests[i] = strings.TrimLeft(l[eq:], " ")
		if chain < 0 {
			chain, chainDepth = i, start
		}
		width = max(width, len(leads[i]))
	}
	if chain >= 0 {
		closeChain(len(lines))
	}
	return []byte(strings.Join(lines, "\n"))
}

// assignIndex returns the index of the line's assignment `=`, outside
// strings and brackets opened on the line, or -1; and how much the line
// changes the bracket depth.
func assignIndex(l string) (eq int, depth int) {
	eq = -1
	inString := false
	for i := 0; i < len(l); i++ {
		c := l[i]
		switch {
		case inString:
			if c == '\\' {
				i++
			} else if c == '"' {
				inString = false
			}
		case c == '"':
			inString = true
		case c == '#' || (c == '/' && i+1 < len(l) && l[i+1] == '/'):
			return eq, depth
		case c == '[' || c == '(' || c == '{':
			depth++
		case c == ']' || c == ')' || c == '}':
			depth--
		case c == '=' && depth == 0 && eq < 0:
			next := byte(0)
			if i+1 < len(l) {
				next = l[i+1]
			}
			prev := byte(0)
			if i > 0 {
				prev = l[i-1]
			}
			if next == '=' || next == '>' || prev == '!' || prev == '<' || prev == '>' || prev == '=' {
				continue
			}
			eq = i
		}
	}
	return eq, depth
}
