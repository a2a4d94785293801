/*
 * Paragraphs from the lines of a document: blank lines end them, and
 * hard-wrapped lines are joined, by a decision made per document.
 */
#ifndef SATR_PARA_H
#define SATR_PARA_H

#include <stddef.h>
#include <stdint.h>

#include "lines.h"
#include "mem.h"

enum para_unwrap {
	PARA_UNWRAP_AUTO,	/* join lines only if the text is hard-wrapped */
	PARA_UNWRAP_NEVER,	/* every line is a paragraph */
	PARA_UNWRAP_ALWAYS	/* join every line up to a blank line */
};

/* A paragraph: its lines joined by spaces, and where each line starts in
 * the text and in the source. */
struct paragraph {
	struct buf text;
	size_t *at;
	uint64_t *orig;
	size_t nlines;
	size_t cap;
};

/* Where text byte i of the paragraph stands in the source. */
uint64_t paragraph_source_offset(const struct paragraph *p, size_t i);

typedef void (*para_emit)(void *ctx, const struct paragraph *p);

struct para_builder {
	enum para_unwrap unwrap;
	int decided, wrapped;
	size_t width;		/* of a hard-wrapped text, in characters */
	para_emit emit;
	void *ctx;
	struct lines held;	/* until the decision */
	/* The paragraph being built. */
	struct paragraph cur;
	size_t last_chars;	/* length of its last line */
	int last_ends;		/* whether its last line ends a sentence */
};

void para_init(struct para_builder *b, enum para_unwrap unwrap,
    para_emit emit, void *ctx);
/* Adds a line (without its newline) that starts at orig in the source. */
void para_line(struct para_builder *b, const char *line, size_t n,
    uint64_t orig);
/* Ends the document: what is held back is emitted. */
void para_end(struct para_builder *b);
void para_free(struct para_builder *b);

/*
 * Whether the lines look hard-wrapped: most of those followed by another
 * line end near one width (set in *width), well under a paragraph's length.
 */
int para_is_wrapped(const struct lines *l, size_t *width);

#endif
