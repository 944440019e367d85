// Package yamlnode names YAML nodes for error messages, so that the
// catalog loader, the readable loader and the generator describe a
// misplaced value in the same words ("value must be a string: found a
// mapping").
package yamlnode

import "gopkg.in/yaml.v3"

// Kind describes what n holds: "a mapping", "a list", "no value", "a
// number", "a boolean", "a timestamp", "a !!binary scalar" or "an alias".
func Kind(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			return "no value"
		case "!!int", "!!float":
			return "a number"
		case "!!bool":
			return "a boolean"
		case "!!timestamp":
			return "a timestamp"
		}
		return "a " + n.Tag + " scalar"
	}
	return "an alias"
}
