/*
 * The entity tagger: BIO labels for people, organisations, places and
 * other names over a sentence's tokens, from a linear-chain model
 * (lib/linear.h) decoded by Viterbi. The features are the token's
 * normalised form, its stem without proclitics and the article, affixes,
 * shape, neighbours, and what satr-ent's rules and gazetteers found there.
 */
#ifndef SATR_NERTAG_H
#define SATR_NERTAG_H

#include <stddef.h>
#include <stdint.h>

#include "linear.h"

enum {
	NER_FEATURES_VERSION = 4,
	NER_MAX_FEATURES = 80,
	NER_NLABELS = 9		/* O, then B- and I- of PER ORG LOC MISC */
};

/* What the tagger sees of a sentence (lib/ent.c makes it from text). */
struct ner_sentence {
	size_t n;
	const char **w;		/* each token's normalised form */
	size_t *wl;
	unsigned char *cls;	/* enum tok_class */
	unsigned char *hint;	/* 0, or 1 + 2 * ent_type + inside a mention */
	unsigned char *freq;	/* how common in news: 0 unknown, else
				 * 1 + log2 of its count */
	unsigned char *namepart;	/* a known given or family name */
	uint16_t *cluster;	/* word clusters (lib/clusters.h): fine + 1
				 * in bits 0-8, coarse + 1 above; 0 unknown */
	size_t *start, *end;	/* its bytes in the original text */
};

/* The label inside a name of type t (an ent_type up to ENT_MISC), and
 * the type of a label (O is 0; B-X is odd, I-X the even one after). */
#define NER_INSIDE(t) (2 + 2 * (t))
#define NER_TYPE(label) (((label) - 1) / 2)

/*
 * A model with a memory of the scores of recent tokens' own features (a
 * token's neighbours are scored afresh each time).
 */
struct ner_memo;
struct ner_tagger {
	const struct linear *model;
	struct ner_memo *memo;
};

void ner_tagger_init(struct ner_tagger *t, const struct linear *m);
void ner_tagger_free(struct ner_tagger *t);
/* Best labels for s (with the model's domain). */
void ner_tag(struct ner_tagger *t, const struct ner_sentence *s,
    size_t *labels);

/* One structured perceptron step on s towards gold, with the feature
 * copies of domain; returns the tokens the model already labelled right. */
size_t ner_train(struct linear *m, const struct ner_sentence *s,
    const size_t *gold, const char *domain);

void ner_model_new(struct linear *m, unsigned bits, const char *domain);
/* The model built into the library. */
int ner_model_default(struct linear *m, const char **err);

#endif
