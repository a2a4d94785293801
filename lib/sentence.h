/*
 * Sentence boundaries in a paragraph: own rules for Arabic text, ICU's
 * sentence break iterator for paragraphs in other scripts.
 */
#ifndef SATR_SENTENCE_H
#define SATR_SENTENCE_H

#include <stddef.h>

struct span {
	size_t start, end;
};

struct spans {
	struct span *v;
	size_t n;
	size_t cap;
};

void spans_add(struct spans *s, size_t start, size_t end);
void spans_free(struct spans *s);

enum {
	SENT_SEMICOLON = 1	/* U+061B ARABIC SEMICOLON ends a sentence */
};

struct sentencer;

/* Returns NULL, with a message in err, if ICU cannot serve. */
struct sentencer *sentencer_new(int flags, char *err, size_t errlen);
/*
 * Sets out (emptied first) to the sentences of text[0..n), in order, each
 * without the white space around it. Every character that is not white
 * space lies in exactly one sentence.
 */
void sentencer_split(struct sentencer *s, const char *text, size_t n,
    struct spans *out);
void sentencer_free(struct sentencer *s);

/* Whether a line ends with a sentence terminator, closers aside. */
int sentence_line_ends(const char *line, size_t n);

#endif
