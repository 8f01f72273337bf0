package flows

// ParsedRuleExamples, BuiltRuleCatalog and BuiltDecisionTable report
// whether this process parsed the rule examples, built the rule catalog and
// the decision table (startup_test.go).
func ParsedRuleExamples() bool { return examplesParsed.Load() }
func BuiltRuleCatalog() bool   { return catalogBuilt.Load() }
func BuiltDecisionTable() bool { return decisionBuilt.Load() }
