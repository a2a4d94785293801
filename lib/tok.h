/*
 * Word tokens with classes and byte offsets; Arabic clitics split on
 * request.
 */
#ifndef SATR_TOK_H
#define SATR_TOK_H

#include <stddef.h>

#include "mem.h"

enum tok_class {
	TOK_WORD,
	TOK_NUM,
	TOK_PUNCT,
	TOK_SYM,
	TOK_URL,
	TOK_EMAIL,
	TOK_HASHTAG,
	TOK_MENTION,
	TOK_EMOJI,
	TOK_CLITIC
};

/* "WORD", "NUM", ... by class. */
extern const char *const tok_class_names[];

/* Where a clitic attached, so where its '+' goes. */
enum tok_attach {
	TOK_ALONE,
	TOK_BEFORE,		/* a proclitic: "و+" */
	TOK_AFTER		/* an enclitic: "+ه" */
};

struct token {
	size_t start, end;	/* bytes of the text */
	enum tok_class cls;
	enum tok_attach attach;
	int alef;		/* spelling dropped the alef it starts with */
};

struct tokens {
	struct token *v;
	size_t n;
	size_t cap;
};

void tokens_free(struct tokens *t);

/* Sets out (emptied first) to the tokens of text[0..n), in order. */
void tok_split(const char *text, size_t n, struct tokens *out);

enum clitic_mode { CLITIC_NONE, CLITIC_LIGHT, CLITIC_ATB };

struct segmenter;

/*
 * Splits the Arabic clitics off the words of in, into out, as the
 * segmentation model seg (lib/seg.h) cuts them: "light" the
 * proclitics و ف ب ل ك and the article, "atb" as the Penn Arabic Treebank
 * does (conjunctions, prepositions and the future particle before the
 * word, pronouns after it, the article kept). A word that is only a
 * proclitic, with a tatweel or glued to a Latin word or a number ("بـ209",
 * "لـ Meta", "وOpenAI"), is a clitic too.
 */
void tok_clitics(struct segmenter *seg, enum clitic_mode mode,
    const char *text, size_t n, const struct tokens *in, struct tokens *out);
/*
 * Appends token t of text to out as it is read: an article after ل with
 * its alef restored ("ل+ الرئيس" for للرئيس), the rest as written.
 */
void tok_surface(const char *text, const struct token *t, struct buf *out);

#endif
