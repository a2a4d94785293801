/*
 * A generated table of words (lexicon_data.c, clusters_data.c): the words
 * each ending in NUL, in byte order, and where each starts (one entry
 * more: where the table ends). An index over it finds a word's entry by
 * hashing, for callers that look up millions of words.
 */
#ifndef SATR_WORDTABLE_H
#define SATR_WORDTABLE_H

#include <stddef.h>
#include <stdint.h>

struct word_index {
	const char *words;
	const uint32_t *starts;
	uint32_t *slot;		/* entry + 1, or 0 */
	size_t mask;
};

/* Builds the index of a table of size words (a few hundred kilobytes). */
void word_index_init(struct word_index *x, const char *words,
    const uint32_t *starts, size_t size);
/* The entry of w[0..n), or -1. */
long word_index_find(const struct word_index *x, const char *w, size_t n);
void word_index_free(struct word_index *x);

#endif
