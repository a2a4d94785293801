/*
 * Arabic clitic segmentation of one word: a linear model (lib/linear.h)
 * scores the ways to cut the word into proclitics [وف]?[بلكس]?, a stem and
 * one object or possessive pronoun, and the best cut wins. The features
 * are the clitics, the stem's letters and length, and how common the stem
 * and the whole word are in news text (lib/lexicon.h).
 */
#ifndef SATR_SEG_H
#define SATR_SEG_H

#include <stddef.h>
#include <stdint.h>

#include "lexicon.h"
#include "linear.h"

enum {
	SEG_MAX_LETTERS = 48,
	SEG_MAX_CANDIDATES = 64,
	SEG_MAX_FEATURES = 24,
	SEG_FEATURES_VERSION = 1
};

/* A word's Arabic letters (each two bytes of UTF-8: letter i at 2 * i). */
struct seg_word {
	int32_t cp[SEG_MAX_LETTERS];
	char form[2 * SEG_MAX_LETTERS];
	size_t n;
};

/* A cut: letters of proclitics before the stem, of the pronoun after. */
struct seg_cut {
	unsigned char pro, enc;
};

/*
 * Reads s[0..n) into w: Arabic letters, with tatweel and diacritics
 * skipped; at[i] gets the byte where letter i starts (and at[w->n] = n).
 * 0 if s holds anything else or is too long.
 */
int seg_word_read(const char *s, size_t n, struct seg_word *w, size_t *at);

/* The cut the model scores best. */
struct seg_cut seg_best(const struct linear *m, const struct lexicon_index *lx,
    const struct seg_word *w);

/*
 * One perceptron step towards gold (which must be possible); returns 1 if
 * the model already chose it.
 */
int seg_train(struct linear *m, const struct lexicon_index *lx,
    const struct seg_word *w, struct seg_cut gold);

/*
 * Reads a training word, its syntactic words joined by '+' in their
 * written spelling ("و+ب+مدينت+ها", "ل+لرئيس"), into w and its cut.
 * Returns 1, 0 if it is not an Arabic word, or -1 if its segments are not
 * one of the cuts the model chooses among.
 */
int seg_gold(const char *s, size_t n, struct seg_word *w, struct seg_cut *gold);

/*
 * A model with the lexicon's index and a memory of the cuts of recent words: news repeats its
 * words, and a look-up is far cheaper than scoring every cut.
 */
struct seg_memo;
struct segmenter {
	struct linear model;
	struct lexicon_index lexicon;
	struct seg_memo *memo;
};

/* Sets up s around its loaded model; segmenter_free frees both. */
void segmenter_init(struct segmenter *s);
struct seg_cut segmenter_cut(struct segmenter *s, const struct seg_word *w);
/*
 * Whether the stem that cut c leaves after a proclitic ل is the article's
 * word with its alef dropped, as spelling drops it: للرئيس is ل + الرئيس,
 * but للبنان is ل + لبنان (which is the more common word decides).
 */
int segmenter_lost_alef(const struct segmenter *s, const struct seg_word *w,
    struct seg_cut c);
void segmenter_free(struct segmenter *s);

/* A new empty segmentation model, and the one built into the library. */
void seg_model_new(struct linear *m, unsigned bits);
int seg_model_default(struct linear *m, const char **err);

#endif
