package clientconfig

import (
	"strconv"
	"strings"
)

// Whole numbers read from a tree (lifetimes in seconds, reuse counts):
// numbers, and strings of digits (Keycloak keeps client attributes as
// strings). Anything else, a fraction or text, is Unresolved: a rule that
// needs the number cannot decide on it.

// parseInt reads s as a whole number.
func parseInt(s string) (int64, bool) {
	n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	return n, err == nil
}

// intOf reads scalar v (the value of key k) as an Int stated in the file.
func intOf(k, v Node) Int {
	n := Int{Pos: pos(k), Set: true}
	if v.kind() != kindScalar || v.tag() == tagUnresolved {
		n.Unresolved = true
		return n
	}
	s := text(v)
	val, ok := parseInt(s)
	if !ok || unresolvedText(s) {
		n.Unresolved = true
		return n
	}
	n.Value = val
	return n
}

// integer reads the first of keys from m as a whole number, positioned at
// the key; def is the default when absent.
func (d defaults) integer(m Node, def int64, keys ...string) Int {
	k, v := getAny(m, keys...)
	if !k.ok() {
		return Int{Value: def, Pos: pos(m), Default: string(d)}
	}
	return intOf(k, v)
}
