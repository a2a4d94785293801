/*
 * How often Arabic words occur in news text (lexicon_data.c, made by
 * scripts/gen-lexicon): the evidence for splitting clitics.
 */
#ifndef SATR_LEXICON_H
#define SATR_LEXICON_H

#include <stddef.h>
#include <stdint.h>

#include "wordtable.h"

/* The words, each ending in NUL, in byte order; where each starts (and,
 * last, where the table ends); and their counts. The lexicon_search_
 * tables: the words in satr-norm's search profile, counts summed. */
extern const char lexicon_words[];
extern const uint32_t lexicon_starts[];
extern const uint32_t lexicon_counts[];
extern const size_t lexicon_size;
extern const char lexicon_search_words[];
extern const uint32_t lexicon_search_starts[];
extern const uint32_t lexicon_search_counts[];
extern const size_t lexicon_search_size;

/*
 * How often words occur, through an index built once (lib/wordtable.h):
 * the count of w[0..n), 0 if unknown. The words are as written (no
 * diacritics, no tatweel), or with _search_init normalised as satr-ent
 * compares them (norm's search profile).
 */
struct lexicon_index {
	struct word_index words;
	const uint32_t *counts;
};

void lexicon_index_init(struct lexicon_index *x);
void lexicon_index_search_init(struct lexicon_index *x);
uint32_t lexicon_index_count(const struct lexicon_index *x, const char *w,
    size_t n);
void lexicon_index_free(struct lexicon_index *x);

#endif
