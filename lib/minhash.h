/*
 * MinHash signatures of word shingles, for near-duplicate detection with
 * locality-sensitive hashing (Broder 1997; Leskovec, Rajaraman and Ullman,
 * Mining of Massive Datasets, ch. 3).
 */
#ifndef SATR_MINHASH_H
#define SATR_MINHASH_H

#include <stddef.h>
#include <stdint.h>

/*
 * MINHASH_SIZE hash functions, cut into bands of r rows: two texts of
 * Jaccard similarity J share a band with probability 1 - (1 - J^r)^(64/r).
 * minhash_rows() chooses r for a threshold T so that pairs at T are found
 * with probability 0.9 or more: r = 8 for T >= 0.75 (0.97 at J = 0.8),
 * r = 4 for T >= 0.5 (0.89 at J = 0.6), r = 2 below (0.99 at J = 0.4).
 */
enum {
	MINHASH_SIZE = 64,
	MINHASH_SHINGLE = 3	/* words a shingle */
};

unsigned minhash_rows(double threshold);

/*
 * The signature of text[0..n): for each seed, the least hash of its
 * shingles of MINHASH_SHINGLE words (the whole text when it has fewer).
 * Words are separated by ASCII white space. Returns 0 for a text with no
 * word.
 */
int minhash_signature(const char *text, size_t n, uint32_t sig[MINHASH_SIZE]);

/* The share of equal values: an estimate of the Jaccard similarity. */
double minhash_similarity(const uint32_t *a, const uint32_t *b);

/* The key of band b (of rows values) of a signature. */
uint64_t minhash_band(const uint32_t *sig, unsigned b, unsigned rows);

#endif
