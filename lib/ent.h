/*
 * Entities in text: people, organisations, places (gazetteers and rules)
 * and money, dates, times and percentages (rules), with canonical values.
 */
#ifndef SATR_ENT_H
#define SATR_ENT_H

#include <stddef.h>

#include "mem.h"

enum ent_type {
	ENT_PER, ENT_ORG, ENT_LOC, ENT_MISC,
	ENT_MONEY, ENT_DATE, ENT_TIME, ENT_PERCENT,
	ENT_NTYPES
};

/* "PER", "ORG", ... by type; and the type of a name, or -1. */
extern const char *const ent_type_names[];
int ent_type_of(const char *name, size_t n);

struct entity {
	size_t start, end;	/* bytes of the original text */
	enum ent_type type;
	size_t value;		/* offset of its value in values */
	/* How it was found: 0 a number, date or sum; a name by the rules 1,
	 * as the name of one found elsewhere in the document 2, in the
	 * built-in gazetteer 3, in the user's (-g) 4; by the tagger 5. */
	int rank;
};

struct entities {
	struct entity *v;
	size_t n, cap;
	struct buf values;	/* NUL-terminated strings */
};

void entities_free(struct entities *e);

struct ent_finder;

/* Returns NULL with a message in err if ICU cannot serve. */
struct ent_finder *ent_new(char *err, size_t errlen);
void ent_free(struct ent_finder *f);

/*
 * Adds a gazetteer file: lines "TYPE<TAB>canonical<TAB>variant..." (TYPE
 * PER, ORG, LOC or MISC). Returns 0, or -1 with "LINE: what" in err.
 */
int ent_load_gazetteer(struct ent_finder *f, const char *path, char *err,
    size_t errlen);

/*
 * Adds a stop list file: lines of a word or phrase that is never a name
 * on its own. Returns 0, or -1 with "LINE: what" in err.
 */
int ent_load_stoplist(struct ent_finder *f, const char *path, char *err,
    size_t errlen);

/*
 * A document is its texts (an article's sentences or paragraphs), added
 * in order; its names are resolved across all of them, and nothing is
 * kept from one document to the next. ent_document begins one (what was
 * added before is forgotten); ent_add adds its next text (copied) and
 * returns its number, from 0; ent_resolve resolves the names once all
 * are added; then ent_mentions sets out (emptied first) to the entities
 * of text k whose types are in the bit mask types (1 << type), in order,
 * none overlapping.
 */
void ent_document(struct ent_finder *f);
size_t ent_add(struct ent_finder *f, const char *text, size_t n);
void ent_resolve(struct ent_finder *f);
void ent_mentions(struct ent_finder *f, size_t k, unsigned types,
    struct entities *out);

/*
 * The day of the document begun (YYYY-MM-DD in s[0..n)): its relative
 * dates (أمس, العام الماضي) and dates without a year are resolved against
 * it. Without it, a date without a year takes the year of a full date
 * earlier in the document. ent_document forgets it. Returns 0, or -1 if s
 * is not a day.
 */
int ent_set_day(struct ent_finder *f, const char *s, size_t n);
/* Whether Hijri days are given in the Gregorian calendar (off at first). */
void ent_set_gregorian(struct ent_finder *f, int on);

/* A document of the one text[0..n): its entities of types, in out. */
void ent_find(struct ent_finder *f, const char *text, size_t n,
    unsigned types, struct entities *out);

struct ner_sentence;
struct ner_tagger;
struct segmenter;

/*
 * Names are then tagged by ner (lib/nertag.h), the rules' mentions
 * being among its features; seg, if not NULL, cuts proclitics
 * off tagged names. Both must outlive f; NULL ner goes back to the rules.
 */
void ent_use_models(struct ent_finder *f, struct ner_tagger *ner,
    struct segmenter *seg);

/* What the tagger sees of text (valid until the next call on f). */
const struct ner_sentence *ent_view(struct ent_finder *f, const char *text,
    size_t n);

#endif
