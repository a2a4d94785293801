#include "lexicon.h"
#include "mem.h"

#include <stdlib.h>
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

static size_t
index_hash(const char *w, size_t n)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)w[i]) * 16777619u;
	return h;
}

static const char *
entry(size_t i, size_t *n)
{
	*n = lexicon_starts[i + 1] - lexicon_starts[i] - 1;
	return lexicon_words + lexicon_starts[i];
}

void
lexicon_index_init(struct lexicon_index *x)
{
	size_t size = 1, i, n;

	while (size < 2 * lexicon_size)
		size <<= 1;
	x->mask = size - 1;
	x->slot = calloc(size, sizeof *x->slot);
	if (x->slot == NULL)
		x->slot = xmalloc(size * sizeof *x->slot);	/* exits */
	memset(x->slot, 0, size * sizeof *x->slot);
	for (i = 0; i < lexicon_size; i++) {
		const char *w = entry(i, &n);
		size_t at = index_hash(w, n) & x->mask;

		while (x->slot[at] != 0)
			at = (at + 1) & x->mask;
		x->slot[at] = (uint32_t)i + 1;
	}
}

uint32_t
lexicon_index_count(const struct lexicon_index *x, const char *w, size_t n)
{
	size_t at = index_hash(w, n) & x->mask, len;

	for (; x->slot[at] != 0; at = (at + 1) & x->mask) {
		const char *e = entry(x->slot[at] - 1, &len);

		if (len == n && memcmp(e, w, n) == 0)
			return lexicon_counts[x->slot[at] - 1];
	}
	return 0;
}

void
lexicon_index_free(struct lexicon_index *x)
{
	free(x->slot);
	x->slot = NULL;
}
