#include "wordtable.h"

#include <stdlib.h>
#include <string.h>

#include "mem.h"

static size_t
hash(const char *w, size_t n)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)w[i]) * 16777619u;
	return h;
}

static const char *
entry(const struct word_index *x, size_t i, size_t *n)
{
	*n = x->starts[i + 1] - x->starts[i] - 1;
	return x->words + x->starts[i];
}

void
word_index_init(struct word_index *x, const char *words,
    const uint32_t *starts, size_t size)
{
	size_t slots = 1, i, n;

	x->words = words;
	x->starts = starts;
	/* At most half full, so that probe runs stay short. */
	while (slots < 2 * size)
		slots <<= 1;
	x->mask = slots - 1;
	x->slot = xmalloc(slots * sizeof *x->slot);
	memset(x->slot, 0, slots * sizeof *x->slot);
	for (i = 0; i < size; i++) {
		const char *w = entry(x, i, &n);
		size_t at = hash(w, n) & x->mask;

		while (x->slot[at] != 0)
			at = (at + 1) & x->mask;
		x->slot[at] = (uint32_t)i + 1;
	}
}

long
word_index_find(const struct word_index *x, const char *w, size_t n)
{
	size_t at = hash(w, n) & x->mask, len;

	for (; x->slot[at] != 0; at = (at + 1) & x->mask) {
		const char *e = entry(x, x->slot[at] - 1, &len);

		if (len == n && memcmp(e, w, n) == 0)
			return (long)x->slot[at] - 1;
	}
	return -1;
}

void
word_index_free(struct word_index *x)
{
	free(x->slot);
	x->slot = NULL;
	x->mask = 0;
}
