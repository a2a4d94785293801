/*
 * Gold named-entity tags as annotated corpora hold them, for training and
 * scoring the entity tagger: CoNLL-style lines (the token first, the tag
 * last, any columns between), IOB1 or IOB2 tags, and the corpora's own
 * type names renamed to the tagger's PER, ORG, LOC and MISC.
 */
#ifndef SATR_NERGOLD_H
#define SATR_NERGOLD_H

#include <stddef.h>

/* Type renames: the built-in ones, then the caller's, later ones first. */
struct ner_rename {
	char *from;
	size_t n;
	int to;			/* an ent_type up to ENT_MISC, or -1: O */
};

struct ner_typemap {
	struct ner_rename *v;
	size_t n, cap;
};

/* The renames that always apply: PERS and PERSON to PER, MIS to MISC,
 * GPE to LOC. */
void ner_typemap_init(struct ner_typemap *m);
/*
 * Adds the renames of spec, "FROM=TO[,FROM=TO...]" with TO one of PER,
 * ORG, LOC, MISC or O (the type is dropped). Returns 0, or -1 with a
 * message in err (nothing is added then).
 */
int ner_typemap_add(struct ner_typemap *m, const char *spec, char *err,
    size_t errlen);
void ner_typemap_free(struct ner_typemap *m);

enum ner_line {
	NER_LINE_BLANK,		/* empty or white space: a sentence ends */
	NER_LINE_COMMENT,	/* "# " and more, but not the token "#" */
	NER_LINE_DOC,		/* "# doc" or -DOCSTART-: a document starts */
	NER_LINE_CORPUS,	/* "# corpus=NAME" */
	NER_LINE_TOKEN,		/* a token and its tag */
	NER_LINE_NO_TAG		/* one column only */
};

/* What a line holds: the token (maybe empty once cleaned: drop it) or
 * the corpus name, and the tag. */
struct ner_gold {
	const char *text, *tag;
	size_t n, tagn;
};

/*
 * Reads s[0..n), a line without its line end; first says it is the first
 * of its file, whose byte order mark is not text. Columns are separated
 * by runs of spaces and TABs; the token is cleaned in place of the
 * direction marks U+200E and U+200F and of U+FEFF.
 */
enum ner_line ner_gold_line(char *s, size_t n, int first,
    struct ner_gold *g);

enum {
	NER_BAD_TAG = -1,	/* not O, B-TYPE or I-TYPE */
	NER_BAD_TYPE = -2	/* a type neither known nor renamed */
};

/*
 * The tagger's label (lib/nertag.h) of tag as it is written: O, or B- or
 * I- of a known type after the renames (a type renamed to O gives O).
 * Returns NER_BAD_TAG or NER_BAD_TYPE (the type is then tag[*type..tagn)).
 */
int ner_gold_label(const struct ner_typemap *m, const char *tag,
    size_t tagn, size_t *type);

/*
 * IOB1 and IOB2 both begin a name with B- after a name of its type; IOB2
 * also after anything else, where IOB1 writes I-. Whether label, after
 * the label prev of the token before it in the sentence (0 at its
 * start), is a B- only IOB2 writes; and label as IOB2 writes it: an I-
 * that does not continue a name of its type begins one, as conlleval
 * reads IOB1.
 */
int ner_iob2_only(size_t label, size_t prev);
size_t ner_iob2(size_t label, size_t prev);

#endif
