// k-nucleotide (Benchmarks Game), plainly in T: read a FASTA file from standard input,
// take sequence THREE (upper-cased), count every k-mer of lengths 1, 2, 3, 4, 6, 12 and
// 18 in a HashMap<String, i64> per length (SipHash-1-3, random keys), keyed by slices
// of the sequence that share its buffer; print the 1- and 2-mer frequencies sorted
// (count descending, then k-mer), then the counts of five given k-mers.

fn count(seq: &String, k: usize) -> HashMap<String, i64> {
    let mut counts: HashMap<String, i64> = HashMap::new();
    let mut i: usize = 0;
    while i + k <= seq.len() {
        counts.update(seq.slice(i, i + k), 0, |n| n + 1);
        i += 1;
    }
    counts
}

fn frequencies(seq: &String, k: usize) {
    let counts = count(&seq, k);
    let mut all: Vec<(String, i64)> = counts.iter().collect();
    all.sort_by(|a, b| if a.1 != b.1 { b.1.cmp(&a.1) } else { a.0.cmp(&b.0) });
    let total = (seq.len() + 1 - k) as f64;
    for (kmer, n) in all {
        println("{} {:.3}", kmer, 100.0 * (n as f64) / total);
    }
    println();
}

fn main() {
    while let Some(line) = std::io::read_line() {
        if line.starts_with(">THREE") { break; }
    }
    let mut seq = String::new();
    while let Some(line) = std::io::read_line() {
        if line.starts_with(">") { break; }
        seq.push_str(line.to_uppercase());
    }
    frequencies(&seq, 1);
    frequencies(&seq, 2);
    for kmer in ["GGT", "GGTA", "GGTATT", "GGTATTTTAATT", "GGTATTTTAATTTATAGT"] {
        let counts = count(&seq, kmer.len());
        println("{}\t{}", counts.get_or(&kmer, 0), kmer);
    }
}
