//go:generate go tool gen exceptions.yml

package up
