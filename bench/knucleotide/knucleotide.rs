// k-nucleotide (Benchmarks Game), plainly in Rust: read a FASTA file from stdin, take
// sequence THREE (upper-cased), count every k-mer of lengths 1, 2, 3, 4, 6, 12 and 18 in
// a std HashMap (SipHash-1-3, random keys) per length, keyed by slices of the sequence;
// print the 1- and 2-mer frequencies sorted (count descending, then k-mer), then the
// counts of five given k-mers.
use std::collections::HashMap;
use std::io::{self, BufRead, Write};

fn count(seq: &[u8], k: usize) -> HashMap<&[u8], u64> {
    let mut counts: HashMap<&[u8], u64> = HashMap::new();
    for i in 0..seq.len() + 1 - k {
        *counts.entry(&seq[i..i + k]).or_insert(0) += 1;
    }
    counts
}

fn frequencies(out: &mut impl Write, seq: &[u8], k: usize) {
    let counts = count(seq, k);
    let mut all: Vec<(&[u8], u64)> = counts.into_iter().collect();
    all.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let total = (seq.len() + 1 - k) as f64;
    for (kmer, n) in all {
        writeln!(out, "{} {:.3}", std::str::from_utf8(kmer).unwrap(), 100.0 * n as f64 / total).unwrap();
    }
    writeln!(out).unwrap();
}

fn main() {
    let stdin = io::stdin();
    let mut lines = stdin.lock().lines();
    while let Some(line) = lines.next() {
        if line.unwrap().starts_with(">THREE") { break; }
    }
    let mut seq: Vec<u8> = Vec::new();
    for line in lines {
        let line = line.unwrap();
        if line.starts_with('>') { break; }
        seq.extend_from_slice(line.to_ascii_uppercase().as_bytes());
    }
    let stdout = io::stdout();
    let mut out = stdout.lock();
    frequencies(&mut out, &seq, 1);
    frequencies(&mut out, &seq, 2);
    for kmer in ["GGT", "GGTA", "GGTATT", "GGTATTTTAATT", "GGTATTTTAATTTATAGT"] {
        let counts = count(&seq, kmer.len());
        writeln!(out, "{}\t{}", counts.get(kmer.as_bytes()).copied().unwrap_or(0), kmer).unwrap();
    }
}
