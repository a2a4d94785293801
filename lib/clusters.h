/*
 * Word clusters learned without labels from news text (clusters_data.c,
 * made by scripts/gen-clusters): words used in the same contexts share a
 * cluster, so that the entity tagger can treat a name it never saw like
 * the names it saw in the same places. Each word has a fine cluster and a
 * coarse one (a cluster of fine clusters).
 */
#ifndef SATR_CLUSTERS_H
#define SATR_CLUSTERS_H

#include <stddef.h>
#include <stdint.h>

#include "wordtable.h"

/* How many fine and coarse clusters there are: numbers run below these. */
extern const unsigned clusters_fine_k;
extern const unsigned clusters_coarse_k;

/* The words, each ending in NUL, in byte order; where each starts (and,
 * last, where the table ends); and their clusters. */
extern const char clusters_words[];
extern const uint32_t clusters_starts[];
extern const uint8_t clusters_fine[];
extern const uint8_t clusters_coarse[];
extern const size_t clusters_size;

/*
 * The clusters of w[0..n), a token as satr-norm's search profile makes it
 * (satr-ent's token forms), through an index built once
 * (lib/wordtable.h): 1 and *fine, *coarse set (either may be NULL) if the
 * word is known, else 0.
 */
struct cluster_index {
	struct word_index words;
};

void cluster_index_init(struct cluster_index *x);
int cluster_index_lookup(const struct cluster_index *x, const char *w,
    size_t n, unsigned *fine, unsigned *coarse);
void cluster_index_free(struct cluster_index *x);

#endif
