#include "lexicon.h"

void
lexicon_index_init(struct lexicon_index *x)
{
	word_index_init(&x->words, lexicon_words, lexicon_starts, lexicon_size);
	x->counts = lexicon_counts;
}

void
lexicon_index_search_init(struct lexicon_index *x)
{
	word_index_init(&x->words, lexicon_search_words, lexicon_search_starts,
	    lexicon_search_size);
	x->counts = lexicon_search_counts;
}

uint32_t
lexicon_index_count(const struct lexicon_index *x, const char *w, size_t n)
{
	long e = word_index_find(&x->words, w, n);

	return e < 0 ? 0 : x->counts[e];
}

void
lexicon_index_free(struct lexicon_index *x)
{
	word_index_free(&x->words);
}
