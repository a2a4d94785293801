#include "lexicon.h"

#include <string.h>

uint32_t
lexicon_count(const char *w, size_t n)
{
	size_t lo = 0, hi = lexicon_size;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const char *e = lexicon_words + lexicon_starts[mid];
		size_t elen = lexicon_starts[mid + 1] - lexicon_starts[mid] - 1;
		int c = memcmp(e, w, elen < n ? elen : n);

		if (c == 0)
			c = elen < n ? -1 : elen > n;
		if (c == 0)
			return lexicon_counts[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}
