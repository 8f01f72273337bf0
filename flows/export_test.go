package flows

// ParsedRuleExamples reports whether any rule's examples were parsed in this
// process (startup_test.go).
func ParsedRuleExamples() bool { return examplesParsed.Load() }
