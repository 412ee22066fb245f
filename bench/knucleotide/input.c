/*
 * The standard input of k-nucleotide: the Benchmarks Game's fasta program
 * (its single-threaded reference algorithm), `input N` writing
 *   >ONE Homo sapiens alu         2N nucleotides, the ALU sequence repeated
 *   >TWO IUB ambiguity codes      3N, random over the IUB codes
 *   >THREE Homo sapiens frequency 5N, random with the human frequencies
 * in lines of 60.  The random numbers come from the benchmark's linear
 * congruential generator (seed 42), so the output depends on N only.
 * bench/run builds it with gcc -O2 and caches its output in bench/build/.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LINE 60
#define IM 139968
#define IA 3877
#define IC 29573

static long last = 42;

static double gen_random(double max)
{
	last = (last * IA + IC) % IM;
	return max * last / IM;
}

struct freq {
	char c;
	double p;
};

static const char alu[] =
	"GGCCGGGCGCGGTGGCTCACGCCTGTAATCCCAGCACTTTGG"
	"GAGGCCGAGGCGGGCGGATCACCTGAGGTCAGGAGTTCGAGA"
	"CCAGCCTGGCCAACATGGTGAAACCCCGTCTCTACTAAAAAT"
	"ACAAAAATTAGCCGGGCGTGGTGGCGCGCGCCTGTAATCCCA"
	"GCTACTCGGGAGGCTGAGGCAGGAGAATCGCTTGAACCCGGG"
	"AGGCGGAGGTTGCAGTGAGCCGAGATCGCGCCACTGCACTCC"
	"AGCCTGGGCGACAGAGCGAGACTCCGTCTCAAAAA";

static struct freq iub[] = {
	{'a', 0.27}, {'c', 0.12}, {'g', 0.12}, {'t', 0.27},
	{'B', 0.02}, {'D', 0.02}, {'H', 0.02}, {'K', 0.02},
	{'M', 0.02}, {'N', 0.02}, {'R', 0.02}, {'S', 0.02},
	{'V', 0.02}, {'W', 0.02}, {'Y', 0.02},
};

static struct freq homosapiens[] = {
	{'a', 0.3029549426680}, {'c', 0.1979883004921},
	{'g', 0.1975473066391}, {'t', 0.3015094502008},
};

static void cumulative(struct freq *f, int n)
{
	double sum = 0;
	for (int i = 0; i < n; i++) {
		sum += f[i].p;
		f[i].p = sum;
	}
}

static void repeat_fasta(const char *header, const char *s, long n)
{
	long len = (long)strlen(s), pos = 0;
	char line[LINE + 1];
	puts(header);
	while (n > 0) {
		int m = n < LINE ? (int)n : LINE;
		for (int i = 0; i < m; i++) {
			line[i] = s[pos];
			if (++pos == len)
				pos = 0;
		}
		line[m] = '\n';
		fwrite(line, 1, (size_t)m + 1, stdout);
		n -= m;
	}
}

static void random_fasta(const char *header, struct freq *f, int nf, long n)
{
	char line[LINE + 1];
	puts(header);
	while (n > 0) {
		int m = n < LINE ? (int)n : LINE;
		for (int i = 0; i < m; i++) {
			double r = gen_random(1.0);
			int k = 0;
			while (k < nf - 1 && r >= f[k].p)
				k++;
			line[i] = f[k].c;
		}
		line[m] = '\n';
		fwrite(line, 1, (size_t)m + 1, stdout);
		n -= m;
	}
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 1000;
	int niub = (int)(sizeof iub / sizeof iub[0]), nhs = (int)(sizeof homosapiens / sizeof homosapiens[0]);
	cumulative(iub, niub);
	cumulative(homosapiens, nhs);
	repeat_fasta(">ONE Homo sapiens alu", alu, n * 2);
	random_fasta(">TWO IUB ambiguity codes", iub, niub, n * 3);
	random_fasta(">THREE Homo sapiens frequency", homosapiens, nhs, n * 5);
	return 0;
}
