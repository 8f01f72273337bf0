package clientconfig

import (
	"strings"

	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// templateText is the text of a Terraform string template that needs
// values only known at plan time ("${var.root}/*"), each interpolation
// written as "${…}" so the placeholder rules (placeholder.go) see it and
// String.Literal keeps its literal parts: a wildcard after var.root is
// still a wildcard. "" for an expression that is not a template.
func templateText(e hclsyntax.Expression) string {
	if _, ok := e.(*hclsyntax.TemplateWrapExpr); ok {
		return "${…}" // "${var.x}": one interpolation, nothing literal
	}
	t, ok := e.(*hclsyntax.TemplateExpr)
	if !ok {
		return ""
	}
	var b strings.Builder
	for _, p := range t.Parts {
		if lit, ok := p.(*hclsyntax.LiteralValueExpr); ok && lit.Val.Type() == cty.String && !lit.Val.IsNull() {
			b.WriteString(lit.Val.AsString())
			continue
		}
		b.WriteString("${…}")
	}
	return b.String()
}

// intString reads a String holding a whole number (a map attribute's
// value) as an Int; anything else stays unresolved.
func intString(s String) Int {
	n := Int{Pos: s.Pos, Set: s.Set, Unresolved: s.Unresolved, Default: s.Default}
	if !s.Unresolved && s.Set {
		v, ok := parseInt(s.Value)
		n.Value, n.Unresolved = v, !ok
	}
	return n
}
