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

// integer reads a whole-number attribute; def is the provider default
// (named by t.def when not 0).
func (t tfBlock) integer(name string, def int64) Int {
	s := t.str(name, "")
	if !s.Set && !s.Unresolved {
		n := Int{Value: def, Pos: s.Pos}
		if def != 0 {
			n.Default = t.def
		}
		return n
	}
	return intOf(s)
}
