/*
 * Linear models over hashed sparse features: scores, first-order Viterbi
 * decoding, averaged perceptron training, and a checked binary file format.
 *
 * A feature is a 32-bit hash (linear_feature) that picks one of 1 << bits
 * rows of weights, one weight per label side by side (one cache line for
 * all labels), so no feature dictionary is stored. Sequence models also have a transition score from
 * each label (and from the start) to each label.
 */
#ifndef SATR_LINEAR_H
#define SATR_LINEAR_H

#include <stddef.h>
#include <stdint.h>

#include "mem.h"

enum {
	LINEAR_MAX_LABELS = 32,
	LINEAR_MAX_LABEL_LEN = 32,
	LINEAR_KIND_LEN = 8,
	LINEAR_DOMAIN_LEN = 16
};

struct linear {
	char kind[LINEAR_KIND_LEN];	/* what it models: "seg", "ner" */
	uint32_t features;	/* version of the feature code it needs */
	char domain[LINEAR_DOMAIN_LEN];	/* feature copies used when tagging */
	unsigned bits;
	size_t nlabels;
	char labels[LINEAR_MAX_LABELS][LINEAR_MAX_LABEL_LEN];
	float *w;		/* (1 << bits) x nlabels weights */
	float *trans;		/* (nlabels + 1) x nlabels; last row: start */
	/* Training: sums of step * change, for the averaged weights. */
	double *acc_w, *acc_trans;
	uint64_t step;
};

/* Zeroed model with room for its weights; labels are copied. */
void linear_init(struct linear *m, const char *kind, uint32_t features,
    unsigned bits, size_t nlabels, const char *const *labels);
void linear_free(struct linear *m);

uint32_t linear_feature(const void *p, size_t n);

float linear_score(const struct linear *m, const uint32_t *f, size_t nf,
    size_t label);
/* Scores of every label into out[0..nlabels). */
void linear_scores(const struct linear *m, const uint32_t *f, size_t nf,
    float *out);
/*
 * The best label sequence for emit[n][nlabels] (scores per position and
 * label) under the transitions; allowed(from, to) may forbid some (from is
 * nlabels at the start); NULL allows all. best gets n labels.
 */
void linear_viterbi(const struct linear *m, const float *emit, size_t n,
    const unsigned char *allowed, size_t *best);

/* Training: add delta to the weights an example used, then count it. */
void linear_train_begin(struct linear *m);
void linear_tick(struct linear *m);
void linear_update(struct linear *m, const uint32_t *f, size_t nf,
    size_t label, float delta);
void linear_update_trans(struct linear *m, size_t from, size_t to,
    float delta);
/* dst (uninitialised) becomes the averaged weights of training model src. */
void linear_average(const struct linear *src, struct linear *dst);

/* Appends the model file to out. */
void linear_save(const struct linear *m, struct buf *out);
/*
 * Reads a model file from p[0..n); on failure returns -1 with *err set to
 * why (a truncated, corrupt or foreign file), leaving m empty.
 */
int linear_load(struct linear *m, const void *p, size_t n, const char **err);
/* The same, refusing a model of another kind or feature version. */
int linear_load_kind(struct linear *m, const void *p, size_t n,
    const char *kind, uint32_t features, const char **err);
/* The same from a file (*err is then also why it could not be read). */
int linear_load_file(struct linear *m, const char *path, const char *kind,
    uint32_t features, const char **err);

#endif
