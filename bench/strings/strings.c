/* The same workload as strings.t in C: a growable buffer (doubling), snprintf, then
 * a scan splitting at ',' with strtoll, and an ASCII upper-case of a prefix. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
	(void)argv;
	long long n = @N@ + argc - 1;
	size_t len = 0, cap = 16;
	char *s = malloc(cap);
	for (long long i = 0; i < n; i++) {
		char piece[32];
		int k = snprintf(piece, sizeof piece, "%lld,", i);
		if (len + (size_t)k > cap) {
			while (len + (size_t)k > cap)
				cap *= 2;
			s = realloc(s, cap);
		}
		memcpy(s + len, piece, (size_t)k);
		len += (size_t)k;
	}
	long long total = 0;
	size_t start = 0;
	for (size_t j = 0; j <= len; j++) {
		if (j == len || s[j] == ',') {
			if (j > start) {
				char num[32];
				memcpy(num, s + start, j - start);
				num[j - start] = 0;
				total += strtoll(num, NULL, 10);
			}
			start = j + 1;
		}
	}
	char upper[21];
	for (int j = 0; j < 20; j++)
		upper[j] = (char)toupper((unsigned char)s[j]);
	upper[20] = 0;
	printf("%zu %lld %s\n", len, total, upper);
	free(s);
	return 0;
}
