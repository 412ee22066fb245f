/*
 * k-nucleotide (Benchmarks Game), plainly in C: read a FASTA file from
 * stdin, take sequence THREE (upper-cased), count every k-mer of lengths 1,
 * 2, 3, 4, 6, 12 and 18 in a hash table per length, print the 1- and 2-mer
 * frequencies sorted (count descending, then k-mer), then the counts of five
 * given k-mers.  The table is a simple one of our own: open addressing with
 * linear probing, keys are (offset, k) views of the sequence, FNV-1a hash,
 * grown by doubling at half full from 16 slots.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *seq;
static size_t seq_len;

struct slot {
	uint64_t hash; /* 0: empty */
	size_t at;     /* the k-mer is seq[at .. at+k) */
	long count;
};

struct table {
	struct slot *slots;
	size_t cap, len, k;
};

static uint64_t hash_of(const char *p, size_t k)
{
	uint64_t h = 0xcbf29ce484222325u;
	for (size_t i = 0; i < k; i++) {
		h ^= (unsigned char)p[i];
		h *= 0x100000001b3u;
	}
	return h | 1; /* never 0, the empty mark */
}

static void grow(struct table *t)
{
	size_t cap = t->cap * 2;
	struct slot *slots = calloc(cap, sizeof *slots);
	if (!slots) {
		perror("calloc");
		exit(1);
	}
	for (size_t i = 0; i < t->cap; i++) {
		if (t->slots[i].hash == 0)
			continue;
		size_t j = t->slots[i].hash & (cap - 1);
		while (slots[j].hash != 0)
			j = (j + 1) & (cap - 1);
		slots[j] = t->slots[i];
	}
	free(t->slots);
	t->slots = slots;
	t->cap = cap;
}

/* The slot of seq[at .. at+k), added with count 0 when missing (add), or
 * NULL when missing (!add). */
static struct slot *lookup(struct table *t, const char *key, int add)
{
	uint64_t h = hash_of(key, t->k);
	size_t i = h & (t->cap - 1);
	for (;;) {
		struct slot *s = &t->slots[i];
		if (s->hash == 0) {
			if (!add)
				return NULL;
			if ((t->len + 1) * 2 > t->cap) {
				grow(t);
				return lookup(t, key, add);
			}
			s->hash = h;
			s->at = (size_t)(key - seq);
			s->count = 0;
			t->len++;
			return s;
		}
		if (s->hash == h && memcmp(seq + s->at, key, t->k) == 0)
			return s;
		i = (i + 1) & (t->cap - 1);
	}
}

static struct table count(size_t k)
{
	struct table t = { calloc(16, sizeof(struct slot)), 16, 0, k };
	for (size_t i = 0; i + k <= seq_len; i++)
		lookup(&t, seq + i, 1)->count++;
	return t;
}


static size_t sort_k; /* the k of the table being sorted */

static int by_count_then_key(const void *a, const void *b)
{
	const struct slot *x = a, *y = b;
	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return memcmp(seq + x->at, seq + y->at, sort_k);
}

static void frequencies(size_t k)
{
	struct table t = count(k);
	struct slot *all = malloc(t.len * sizeof *all);
	size_t n = 0;
	for (size_t i = 0; i < t.cap; i++)
		if (t.slots[i].hash != 0)
			all[n++] = t.slots[i];
	sort_k = k;
	qsort(all, n, sizeof *all, by_count_then_key);
	double total = (double)(seq_len - k + 1);
	for (size_t i = 0; i < n; i++)
		printf("%.*s %.3f\n", (int)k, seq + all[i].at, 100.0 * (double)all[i].count / total);
	printf("\n");
	free(all);
	free(t.slots);
}

static void occurrences(const char *kmer)
{
	size_t k = strlen(kmer);
	struct table t = count(k);
	/* The k-mer itself may not occur in seq: look it up by its bytes. */
	uint64_t h = hash_of(kmer, k);
	long c = 0;
	for (size_t i = h & (t.cap - 1); t.slots[i].hash != 0; i = (i + 1) & (t.cap - 1)) {
		if (t.slots[i].hash == h && memcmp(seq + t.slots[i].at, kmer, k) == 0) {
			c = t.slots[i].count;
			break;
		}
	}
	printf("%ld\t%s\n", c, kmer);
	free(t.slots);
}

int main(void)
{
	char *line = NULL;
	size_t line_cap = 0, cap = 1 << 16;
	ssize_t n;
	while ((n = getline(&line, &line_cap, stdin)) > 0)
		if (strncmp(line, ">THREE", 6) == 0)
			break;
	seq = malloc(cap);
	while ((n = getline(&line, &line_cap, stdin)) > 0) {
		if (line[0] == '>')
			break;
		if (line[n - 1] == '\n')
			n--;
		if (seq_len + (size_t)n > cap) {
			while (seq_len + (size_t)n > cap)
				cap *= 2;
			seq = realloc(seq, cap);
		}
		for (ssize_t i = 0; i < n; i++)
			seq[seq_len + (size_t)i] = (char)(line[i] >= 'a' && line[i] <= 'z' ? line[i] - 32 : line[i]);
		seq_len += (size_t)n;
	}
	free(line);
	frequencies(1);
	frequencies(2);
	static const char *kmers[] = { "GGT", "GGTA", "GGTATT", "GGTATTTTAATT", "GGTATTTTAATTTATAGT" };
	for (size_t i = 0; i < sizeof kmers / sizeof kmers[0]; i++)
		occurrences(kmers[i]);
	free(seq);
	return 0;
}
