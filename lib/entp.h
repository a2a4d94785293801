/*
 * The insides of the entity finder (lib/ent.h), shared by its files and by
 * nothing else: ent.c the front door; ent_words.c the rules' word tables;
 * ent_gaz.c the gazetteers; ent_rules.c the rules' pass over a sentence,
 * which takes numbers, dates and sums from ent_num.c and names from
 * ent_name.c; ent_fold.c the names' folded forms and values; ent_doc.c
 * the document, whose names are resolved across its texts; ent_tag.c the
 * tagger's view and its names.
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
#include "timex.h"
#include "tok.h"

/* What a word of the rules' tables is. */
enum entp_kind {
	K_NUMBER = 1,		/* num: its value */
	K_TEEN,			/* عشر, عشرة after a unit */
	K_SCALE,		/* num: the multiplier */
	K_CURRENCY,		/* value: ISO code */
	K_SUBUNIT,		/* value: ISO code; num: units to one */
	K_CURSYM,		/* value: ISO code */
	K_SCALEDCUR,		/* value: ISO code; num: the scale (م د) */
	K_MONTH,		/* num: month */
	K_HMONTH,		/* num: month of the Hijri calendar */
	K_WEEKDAY,
	K_PERCENT,
	K_AMPM,			/* num: 0 before noon, 12 after */
	K_YEARCUE,		/* عام 2020 */
	K_ERA,			/* num: 1 Hijri, 0 Gregorian */
	K_PERCUE,		/* titles and verbs before a person's name */
	K_ORGHEAD,		/* num: ORG_HEAD_ flags */
	K_LOCHEAD,		/* of a place's name: مخيم, مطار, شارع */
	K_SPORT,		/* words of sports news: فاز, الدوري */
	K_STOP			/* words that no name goes through */
};

/* What a cue word of the numeric grammar is (ent_finder.when). */
enum entp_when {
	W_CUE = 1,		/* في, خلال: a bare month or year is a time */
	W_AGO,			/* قبل, منذ: a cue, and before a duration */
	W_LATER,		/* بعد */
	W_FROM,			/* من: starts a range */
	W_TO,			/* إلى, حتى, -: ends one */
	W_BETWEEN,		/* بين */
	W_THIS,			/* هذا العام */
	W_DAY,			/* يوم before a date */
	W_MONTHCUE,		/* شهر before a month */
	W_YEARS,		/* عامي 2015 و2018 */
	W_RELDAY,		/* num: days from the article's */
	W_DIR,			/* num: -1 past, 1 to come, 0 current */
	W_UNIT,			/* num: unit letter + 256 * count */
	W_ORDINAL,		/* num: its number */
	W_TEEN,			/* عشر after an ordinal */
	W_SEASON,		/* value: SP, SU, FA, WI */
	W_DECADE,		/* num: year / 10 */
	W_CENTURY,		/* num: the century, if the phrase says */
	W_HOUR,			/* الساعة */
	W_CLOCK,		/* num: the hour (منتصف الليل) */
	W_MINUTES,		/* num: after the hour */
	W_ZONE,			/* value: the offset */
	W_QUAL,			/* num: ~, > or < */
	W_FRACTION,		/* num: hundredths */
	W_EVENT,		/* انتخابات 2010: the year is a time */
	W_MOD,			/* أواخر يوليو: part of the date */
	W_PART,			/* num: H or Q + 256 * which */
	W_YEARCUE,		/* السنة المالية 2015 */
	W_THAT,			/* ذلك اليوم: not today */
	W_NOW,			/* من الآن after a duration */
	W_POINT,		/* 5 فاصل 7: a decimal point */
	W_PERUNIT,		/* value: what a price is of (للبرميل) */
	W_NTHDECADE		/* num: which decade of a century, from 0 */
};

/* What a phrase table holds at a token: the grammar asks about the same
 * tokens from every place a mention could start. */
struct entp_look {
	size_t id, len;
	int known;
};

/* An entry of a word table. */
struct entp_word {
	const char *text;
	unsigned kind;
	int64_t num;
	const char *value;
};

/* ent_numwords.c */
extern const struct entp_word entp_numeric_words[], entp_when_words[];
extern const size_t entp_numeric_nwords, entp_when_nwords;

/* Of an organisation's head: part of the name (وزارة, not شركة); its
 * name alone names it too (حركة النهضة: النهضة). */
enum { ORG_HEAD_IN = 1, ORG_HEAD_ALONE = 2 };
/* The num of a K_PERCUE word: a verb, not a title (قال, not الرئيس). */
enum { PERCUE_VERB = 1 };

/* Ranks of struct entity: how a mention was found. */
enum entp_rank {
	RANK_NUMERIC, RANK_RULE, RANK_DOCUMENT, RANK_GAZETTEER,
	RANK_USER_GAZETTEER, RANK_TAGGED
};

/* Words of a key of a document's entity, at most. */
enum { MAX_KEY_WORDS = 8 };

/* Marks the kind of a name from a gazetteer the user gave (-g). */
enum { USER_NAME = 0x100 };

/* Counts in news (lib/lexicon.h) above which a word is common, below
 * which it is rare; above which a given name is also a word of news
 * (صالح, أمين, جميل). */
enum { COMMON_WORD = 200, RARE_WORD = 10, NAME_AS_WORD = 20 };

/* A token of the document (ent_doc.c). */
struct entp_dtok {
	size_t text;		/* which of the document's texts */
	size_t start, end;	/* its bytes there */
	size_t form, flen;	/* its normalised form, in forms */
	size_t fold, foldlen;	/* folded (entp_fold), in words */
	size_t mention;		/* 1 + the mention over it or whose
				 * adjective it is, or 0 */
	unsigned char cls;
};

/* A mention of the document. */
struct entp_dment {
	size_t text, start, end;
	size_t first, last;	/* its tokens */
	enum ent_type type;
	int rank;
	size_t value;		/* in values */
	size_t words, wordslen, nwords;	/* its folded words, in words */
	size_t entity;		/* what it names, or SIZE_MAX */
	int dead;		/* on the stop list */
};

/* What the names of a document name. */
struct entp_entity {
	enum ent_type type;
	size_t best;		/* its fullest mention */
};

/* The document at hand, its texts and what was found in them. */
struct entp_doc {
	struct buf texts;
	size_t *text_at, ntext, tcap;	/* text k is [at[k], at[k + 1]) */
	struct entp_dtok *tok;
	size_t ntok, tokcap;
	struct entp_dment *m;
	size_t nm, mcap;
	struct entp_entity *ent;
	size_t nent, entcap;
	struct phrase_table keys;	/* kind: enum key_kind and type;
					 * num: the first of its keyent */
	struct entp_keyent {
		size_t ent, next;	/* an entity a key names, the next */
	} *keyent;
	size_t nkeyent, keyentcap;
	struct buf forms, values, words;
	struct buf stripped, folded, normed, value;	/* scratch */
	size_t *order, ordercap;	/* mentions by text and place */
	size_t *text_first, tfcap;	/* text k's in order[] */
	unsigned char *sport;	/* per text: it is sports news */
	size_t sportcap;
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
	struct phrase_table when;	/* kind: enum entp_when */
	struct phrase_table names;	/* kind: type | USER_NAME; value:
					 * canonical */
	struct hmap nameparts;
	struct lexicon_index lexicon;	/* how common words are, as written */
	struct lexicon_index lexicon_search;	/* and as normalised */
	struct buf entry;	/* a table entry normalised */
	struct tokens entry_toks;	/* and tokenised */
	int loading_user;	/* gazetteer lines are the user's */
	/* The sentence at hand. */
	struct buf normed;
	struct norm_offsets off;
	struct tokens toks;
	const char **w;		/* each token's normalised form */
	size_t *wl, wcap;
	/* per token: what words and when hold there, looked up once */
	struct entp_look *words_at, *when_at;
	size_t year_end;	/* the token after the last year taken, or 0 */
	struct buf forms;	/* a stripped form whose alef came back */
	struct phrase_table stop;	/* never a name on their own */
	struct phrase_table events;	/* heads of events' names: كأس */
	struct norm *light;	/* values are in the light profile */
	struct buf light_out;
	struct buf gaz_value;		/* a built-in entry's value, loading */
	struct entities found;	/* in the text at hand */
	struct entp_doc doc;
	struct entp_tag tag;
	struct timex_day day;	/* the document's, if has_day */
	int has_day, gregorian;
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
/* The same for the form w[0..n); returns how many (at most 3). */
size_t entp_form_strips(const char *w, size_t n, struct entp_strip *s);
/* Token i's form as s strips it, in *n bytes (valid until the next call:
 * a form with its alef back is made in f->forms). */
const char *entp_stripped(struct ent_finder *f, size_t i,
    const struct entp_strip *s, size_t *n);
/* The same for the form w[0..n), one with its alef back made in room. */
const char *entp_form_stripped(const char *w, size_t n,
    const struct entp_strip *s, struct buf *room, size_t *len);
/* Where text[start..end) goes on after its first letters letters, the
 * marks after each letter skipped with it. */
size_t entp_skip_letters(const char *text, size_t start, size_t end,
    size_t letters);
/* Loads the built-in stop list: words that are never a name alone; adds
 * one (its words folded, as mentions' are compared). */
void entp_stop_load(struct ent_finder *f);
void entp_events_load(struct ent_finder *f);
void entp_stop_add(struct ent_finder *f, const char *text, size_t n);

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

/* entp_at through the sentence's memo of t, look (words_at, when_at). */
static inline size_t
entp_looked(struct ent_finder *f, struct phrase_table *t,
    struct entp_look *look, size_t i, size_t *id)
{
	if (i >= f->toks.n)
		return 0;
	if (!look[i].known) {
		look[i].len = entp_at(f, t, i, &look[i].id);
		look[i].known = 1;
	}
	*id = look[i].id;
	return look[i].len;
}

/* entp_at_as through the memo when w[0..n) is token i's own form. */
static inline size_t
entp_looked_as(struct ent_finder *f, struct phrase_table *t,
    struct entp_look *look, size_t i, const char *w, size_t n, size_t *id)
{
	if (i < f->toks.n && w == f->w[i] && n == f->wl[i])
		return entp_looked(f, t, look, i, id);
	return entp_at_as(f, t, i, w, n, id);
}

/* The kind of the word of the tables at token i (0: none). */
static inline unsigned
entp_kind_at(struct ent_finder *f, size_t i, size_t *len, size_t *id)
{
	*len = entp_looked(f, &f->words, f->words_at, i, id);
	return *len ? f->words.v[*id].kind : 0;
}

static inline unsigned
entp_kind_as(struct ent_finder *f, size_t i, const char *w, size_t n,
    size_t *len, size_t *id)
{
	*len = entp_looked_as(f, &f->words, f->words_at, i, w, n, id);
	return *len ? f->words.v[*id].kind : 0;
}

/* ent_gaz.c: the built-in gazetteer. */
void entp_gaz_default(struct ent_finder *f);

/* ent_rules.c */
/* What the rules and gazetteers find in text[0..n), every type. */
void entp_find_by_rules(struct ent_finder *f, const char *text, size_t n,
    struct entities *out);
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
	int alef;		/* the article after ل lost its alef */
	enum ent_type type;
	int rank;		/* enum entp_rank */
	size_t tokens;
};

/* Into *best, if better: the names at token i, with the value of a known
 * one (a rule's name has its value found later). */
void entp_name_at(struct ent_finder *f, const char *text, size_t i,
    int arabic, struct entp_found *best, struct buf *value);
int entp_is_name_part(const struct ent_finder *f, size_t i);
/* Whether w[0..n) (normalised) is a word of some person's name; one of
 * the common given and family names (صالح, حسن, سعيد). */
int entp_is_name_word(const struct ent_finder *f, const char *w, size_t n);
int entp_is_given_name(const struct ent_finder *f, const char *w, size_t n);
/* Whether w[0..n) starts a family name of several words: بن, ابو, ولد. */
int entp_is_family_start(const char *w, size_t n);
/* How common token i is as a word of news (0: unknown). */
uint32_t entp_commonness(const struct ent_finder *f, const char *text,
    size_t i);

/* ent_fold.c: the folded words of a normalised name s[0..n), by which
 * its spellings meet; a name's value. */
void entp_fold(const struct lexicon_index *lx, const char *s, size_t n,
    struct buf *out);
void entp_value(struct ent_finder *f, const char *text, size_t start,
    size_t end, int alef, struct buf *value);

/* ent_doc.c */
void entp_doc_init(struct entp_doc *d);
void entp_doc_free(struct entp_doc *d);
void entp_doc_reset(struct entp_doc *d);
/* Adds the next text of the document and what was found in it. */
void entp_doc_add(struct ent_finder *f, const char *text, size_t n,
    const struct entities *found);
/* The names of the document resolved across its texts. */
void entp_doc_resolve(struct ent_finder *f);
/* The mentions of text k of the types. */
void entp_doc_mentions(struct ent_finder *f, size_t k, unsigned types,
    struct entities *out);

/* ent_tag.c */
void entp_tag_init(struct entp_tag *t);
void entp_tag_free(struct entp_tag *t);
/* What the tagger finds in text[0..n), with the rules' numbers, dates
 * and sums and the names where it found none. */
void entp_find_by_model(struct ent_finder *f, const char *text, size_t n,
    struct entities *out);

#endif
