/*
 * How often Arabic words occur in news text (lexicon_data.c, made by
 * scripts/gen-lexicon): the evidence for splitting clitics.
 */
#ifndef SATR_LEXICON_H
#define SATR_LEXICON_H

#include <stddef.h>
#include <stdint.h>

/* The words, each ending in NUL, in byte order; where each starts (and,
 * last, where the table ends); and their counts. */
extern const char lexicon_words[];
extern const uint32_t lexicon_starts[];
extern const uint32_t lexicon_counts[];
extern const size_t lexicon_size;

/* How often w[0..n) (no diacritics, no tatweel) occurs; 0 if unknown. */
uint32_t lexicon_count(const char *w, size_t n);

/*
 * The same look-up through a hash index built once (a few hundred
 * kilobytes), for callers that look up millions of words.
 */
struct lexicon_index {
	uint32_t *slot;		/* entry + 1, or 0 */
	size_t mask;
};

void lexicon_index_init(struct lexicon_index *x);
uint32_t lexicon_index_count(const struct lexicon_index *x, const char *w,
    size_t n);
void lexicon_index_free(struct lexicon_index *x);

#endif
