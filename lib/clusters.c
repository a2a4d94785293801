#include "clusters.h"

void
cluster_index_init(struct cluster_index *x)
{
	word_index_init(&x->words, clusters_words, clusters_starts,
	    clusters_size);
}

int
cluster_index_lookup(const struct cluster_index *x, const char *w, size_t n,
    unsigned *fine, unsigned *coarse)
{
	long e = word_index_find(&x->words, w, n);

	if (e < 0)
		return 0;
	if (fine != NULL)
		*fine = clusters_fine[e];
	if (coarse != NULL)
		*coarse = clusters_coarse[e];
	return 1;
}

void
cluster_index_free(struct cluster_index *x)
{
	word_index_free(&x->words);
}
