/*
 * The insides of the entity finder (lib/ent.h), shared by its files and by
 * nothing else: ent.c the front door; ent_words.c the rules' word tables;
 * ent_gaz.c the gazetteers; ent_rules.c the rules' pass over a sentence,
 * which takes numbers, dates and sums from ent_num.c and names from
 * ent_name.c; ent_fold.c the names' folded forms and values; ent_doc.c
 * what a document remembers; ent_tag.c the tagger's view and its names.
 */
#ifndef SATR_ENTP_H
#define SATR_ENTP_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "clusters.h"
#include "ent.h"
#include "hash.h"
#include "lexicon.h"
#include "mem.h"
#include "nertag.h"
#include "norm.h"
#include "phrase.h"
#include "tok.h"

/* What a word of the rules' tables is. */
enum entp_kind {
	K_NUMBER = 1,		/* num: its value */
	K_TEEN,			/* عشر, عشرة after a unit */
	K_SCALE,		/* num: the multiplier */
	K_CURRENCY,		/* value: ISO code */
	K_SUBUNIT,		/* value: ISO code; num: units to one */
	K_CURSYM,		/* value: ISO code */
	K_MONTH,		/* num: month */
	K_HMONTH,		/* num: month of the Hijri calendar */
	K_WEEKDAY,
	K_PERCENT,
	K_AMPM,			/* num: 0 before noon, 12 after */
	K_YEARCUE,		/* عام 2020 */
	K_ERA,			/* num: 1 Hijri, 0 Gregorian */
	K_PERCUE,		/* titles and verbs before a person's name */
	K_ORGHEAD,		/* num: 1 if the head is part of the name */
	K_STOP			/* words that no name goes through */
};

/* Ranks of struct entity: how a mention was found. */
enum entp_rank {
	RANK_NUMERIC, RANK_RULE, RANK_EARLIER, RANK_GAZETTEER,
	RANK_USER_GAZETTEER, RANK_TAGGED
};

/* Marks the kind of a name from a gazetteer the user gave (-g). */
enum { USER_NAME = 0x100 };

/* Counts in news (lib/lexicon.h) above which a word is common, below
 * which it is rare. */
enum { COMMON_WORD = 200, RARE_WORD = 10 };

/* The values of the names the rules find: the first spelling met of each
 * folded form, for the whole run (ent_fold.c). */
struct entp_canon {
	struct hmap seen;	/* folded form -> aux: offset in spellings */
	struct buf spellings;
	struct buf normed, folded;
};

/* People met in the document at hand, by their last name folded
 * (ent_doc.c); ent_document forgets them. */
struct entp_doc {
	struct phrase_table names;	/* kind: type; value: the person's */
	struct buf folded;
};

/* The tagger, when there is one, and what it sees (ent_tag.c). */
struct entp_tag {
	struct ner_tagger *ner;
	struct segmenter *seg;
	struct cluster_index clusters;	/* words by the contexts they take */
	struct entities rules;	/* what the rules found in the sentence */
	size_t *rule_first, *rule_last, rcap;	/* their tokens */
	struct ner_sentence view;
	size_t *labels, cap;
	/* per token: 1 + the rules' mention starting there, or 0; the tokens
	 * of the tagger's name starting there, or 0; whether taken */
	size_t *starts, *tagged;
	unsigned char *taken;
	struct buf value;
};

struct ent_finder {
	/* What the rules know, from ent_new and ent_load_gazetteer. */
	struct norm *nm;
	struct phrase_table words;	/* kind: enum entp_kind */
	struct phrase_table names;	/* kind: type | USER_NAME; value:
					 * canonical */
	struct hmap nameparts;
	struct lexicon_index lexicon;	/* how common words are */
	struct buf entry;	/* a table entry normalised */
	struct tokens entry_toks;	/* and tokenised */
	int loading_user;	/* gazetteer lines are the user's */
	/* The sentence at hand. */
	struct buf normed;
	struct norm_offsets off;
	struct tokens toks;
	const char **w;		/* each token's normalised form */
	size_t *wl, wcap;
	struct buf forms;	/* a stripped form whose alef came back */
	struct entp_canon canon;
	struct entp_doc doc;
	struct entp_tag tag;
};

/* ent_words.c */
void entp_words_load(struct ent_finder *f);
/* Adds a phrase as its normalised tokens: table entries are normalised
 * and tokenised as the text will be. */
size_t entp_add_phrase(struct ent_finder *f, struct phrase_table *t,
    const char *text, size_t n, unsigned kind, int64_t num,
    const char *value);

/*
 * The forms of token i without proclitics, fewest stripped first: the
 * bytes stripped, and whether the rest is an article that lost its alef
 * (للرياض: ل, then لرياض looked up as الرياض).
 */
struct entp_strip {
	size_t bytes;
	int alef;
};

size_t entp_strips(const struct ent_finder *f, size_t i,
    struct entp_strip *s);
/* Token i's form as s strips it, in *n bytes (valid until the next call:
 * a form with its alef back is made in f->forms). */
const char *entp_stripped(struct ent_finder *f, size_t i,
    const struct entp_strip *s, size_t *n);

/* Whether w[0..n) is more than the two-byte letter and starts with it. */
static inline int
entp_starts(const char *w, size_t n, const char *letter)
{
	return n > 2 && memcmp(w, letter, 2) == 0;
}

/* Whether text[k..n) starts with a mark the search profile removes (and
 * the lexicon's words lack): tatweel, U+064B..U+0652 or U+0670. */
static inline int
entp_mark_at(const char *text, size_t k, size_t n)
{
	unsigned char b;

	if (k + 1 >= n || (unsigned char)text[k] != 0xD9)
		return 0;
	b = (unsigned char)text[k + 1];
	return b == 0x80 || (b >= 0x8B && b <= 0x92) || b == 0xB0;
}

/* The entry of t at token i: tokens matched (0: none), entry in *id. */
static inline size_t
entp_at(struct ent_finder *f, struct phrase_table *t, size_t i, size_t *id)
{
	if (i >= f->toks.n)
		return 0;
	return phrase_longest(t, f->w + i, f->wl + i, f->toks.n - i, id);
}

/* The same, token i read as w[0..n) (a stripped form). */
static inline size_t
entp_at_as(struct ent_finder *f, struct phrase_table *t, size_t i,
    const char *w, size_t n, size_t *id)
{
	if (i >= f->toks.n)
		return 0;
	return phrase_longest_as(t, w, n, f->w + i, f->wl + i, f->toks.n - i,
	    id);
}

/* The kind of the word of the tables at token i (0: none). */
static inline unsigned
entp_kind_at(struct ent_finder *f, size_t i, size_t *len, size_t *id)
{
	*len = entp_at(f, &f->words, i, id);
	return *len ? f->words.v[*id].kind : 0;
}

static inline unsigned
entp_kind_as(struct ent_finder *f, size_t i, const char *w, size_t n,
    size_t *len, size_t *id)
{
	*len = entp_at_as(f, &f->words, i, w, n, id);
	return *len ? f->words.v[*id].kind : 0;
}

/* ent_gaz.c: the built-in gazetteer. */
void entp_gaz_default(struct ent_finder *f);

/* ent_rules.c */
void entp_find_by_rules(struct ent_finder *f, const char *text, size_t n,
    unsigned types, struct entities *out);
void entp_emit(struct entities *out, size_t start, size_t end,
    enum ent_type type, int rank, const char *value, size_t vlen);
/* The end of a mention, past the marks and tatweel that normalising
 * removed from its last letter: "هـ" whole. */
size_t entp_mention_end(const char *text, size_t n, size_t end);

/* ent_num.c: the number, date or sum from token i, its first token taken
 * with or without a proclitic ("وخمسة"): the tokens used (0: none), its
 * type and value, the proclitic's bytes in *skip. */
size_t entp_numeric_at(struct ent_finder *f, size_t i, enum ent_type *type,
    size_t *skip, struct buf *value);

/* ent_name.c: a name found at a token, where and what. */
struct entp_found {
	size_t first, last;	/* tokens */
	size_t skip;		/* bytes of proclitics before it */
	enum ent_type type;
	int rank;		/* enum entp_rank */
	size_t tokens;
};

/* Into *best, if better: the names at token i, with the value of a known
 * one (a rule's name has its value found later). */
void entp_name_at(struct ent_finder *f, const char *text, size_t i,
    int arabic, struct entp_found *best, struct buf *value);
int entp_is_name_part(const struct ent_finder *f, size_t i);
/* How common token i is as a word of news (0: unknown). */
uint32_t entp_commonness(const struct ent_finder *f, const char *text,
    size_t i);

/* ent_fold.c */
void entp_canon_init(struct entp_canon *c);
void entp_canon_free(struct entp_canon *c);
/* The value of a name the rules found, text[start..end). */
void entp_canonical(struct ent_finder *f, const char *text, size_t start,
    size_t end, struct buf *value);
void entp_fold(const struct lexicon_index *lx, const char *s, size_t n,
    struct buf *out);

/* ent_doc.c */
void entp_doc_init(struct entp_doc *d);
void entp_doc_free(struct entp_doc *d);
void entp_doc_reset(struct entp_doc *d);
/* Remembers value as a name of type whose last word is w[0..n). */
void entp_doc_remember(struct entp_doc *d, const struct lexicon_index *lx,
    const char *w, size_t n, enum ent_type type, const char *value);
/* The value of someone met earlier whose last word is w[0..n), with
 * their type; NULL if none (valid until d changes). */
const char *entp_doc_recall(struct entp_doc *d,
    const struct lexicon_index *lx, const char *w, size_t n,
    enum ent_type *type);

/* ent_tag.c */
void entp_tag_init(struct entp_tag *t);
void entp_tag_free(struct entp_tag *t);
void entp_find_by_model(struct ent_finder *f, const char *text, size_t n,
    unsigned types, struct entities *out);

#endif
