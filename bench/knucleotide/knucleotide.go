// k-nucleotide (Benchmarks Game), plainly in Go: read a FASTA file from stdin, take
// sequence THREE (upper-cased), count every k-mer of lengths 1, 2, 3, 4, 6, 12 and 18 in
// a map[string]int per length, print the 1- and 2-mer frequencies sorted (count
// descending, then k-mer), then the counts of five given k-mers.
package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"sort"
)

func count(seq []byte, k int) map[string]int {
	counts := make(map[string]int)
	for i := 0; i+k <= len(seq); i++ {
		counts[string(seq[i:i+k])]++
	}
	return counts
}

type entry struct {
	kmer  string
	count int
}

func frequencies(out *bufio.Writer, seq []byte, k int) {
	counts := count(seq, k)
	all := make([]entry, 0, len(counts))
	for kmer, n := range counts {
		all = append(all, entry{kmer, n})
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].count != all[j].count {
			return all[i].count > all[j].count
		}
		return all[i].kmer < all[j].kmer
	})
	total := float64(len(seq) + 1 - k)
	for _, e := range all {
		fmt.Fprintf(out, "%s %.3f\n", e.kmer, 100*float64(e.count)/total)
	}
	fmt.Fprintln(out)
}

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<16), 1<<20)
	for in.Scan() {
		if bytes.HasPrefix(in.Bytes(), []byte(">THREE")) {
			break
		}
	}
	var seq []byte
	for in.Scan() {
		line := in.Bytes()
		if len(line) > 0 && line[0] == '>' {
			break
		}
		seq = append(seq, bytes.ToUpper(line)...)
	}
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	frequencies(out, seq, 1)
	frequencies(out, seq, 2)
	for _, kmer := range []string{"GGT", "GGTA", "GGTATT", "GGTATTTTAATT", "GGTATTTTAATTTATAGT"} {
		fmt.Fprintf(out, "%d\t%s\n", count(seq, len(kmer))[kmer], kmer)
	}
}
