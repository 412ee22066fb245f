// The same workload as strings.t with Go's strings.Builder and strconv.
package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
)

func main() {
	n := int64(@N@ + len(os.Args) - 1)
	var b strings.Builder
	for i := int64(0); i < n; i++ {
		b.WriteString(fmt.Sprintf("%d,", i))
	}
	s := b.String()
	var total int64
	for _, w := range strings.Split(s, ",") {
		if w != "" {
			v, _ := strconv.ParseInt(w, 10, 64)
			total += v
		}
	}
	fmt.Printf("%d %d %s\n", len(s), total, strings.ToUpper(s[0:20]))
}
