// binarytrees: Go counterpart of binarytrees.t (same algorithm, same output). Benchmarks
// Game binary-trees, one goroutine, standard library only: one heap node per `&Node{}`,
// reclaimed by the garbage collector (which runs on threads of its own).
package main

import (
	"fmt"
	"os"
)

type Node struct {
	left, right *Node
}

func bottomUpTree(depth int64) *Node {
	if depth > 0 {
		return &Node{left: bottomUpTree(depth - 1), right: bottomUpTree(depth - 1)}
	}
	return &Node{}
}

// The number of nodes in the tree.
func (n *Node) check() int64 {
	c := int64(1)
	if n.left != nil {
		c += n.left.check()
	}
	if n.right != nil {
		c += n.right.check()
	}
	return c
}

func main() {
	n := int64(@N@ + len(os.Args) - 1)
	minDepth := int64(4)
	maxDepth := n
	if minDepth+2 > n {
		maxDepth = minDepth + 2
	}

	stretchDepth := maxDepth + 1
	fmt.Printf("stretch tree of depth %d\t check: %d\n", stretchDepth,
		bottomUpTree(stretchDepth).check())

	longLived := bottomUpTree(maxDepth)

	for depth := minDepth; depth <= maxDepth; depth += 2 {
		iterations := int64(1) << (maxDepth - depth + minDepth)
		check := int64(0)
		for i := int64(0); i < iterations; i++ {
			check += bottomUpTree(depth).check()
		}
		fmt.Printf("%d\t trees of depth %d\t check: %d\n", iterations, depth, check)
	}

	fmt.Printf("long lived tree of depth %d\t check: %d\n", maxDepth, longLived.check())
}
