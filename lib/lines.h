/*
 * Lines held back while a decision about them is pending (whether a text
 * is hard-wrapped, whether a file holds several documents), then replayed.
 */
#ifndef SATR_LINES_H
#define SATR_LINES_H

#include <stddef.h>
#include <stdint.h>

#include "mem.h"

struct lines {
	struct buf text;	/* the lines, one after another */
	size_t *at, *len;	/* where each starts in text, and its length */
	uint64_t *orig;		/* where each starts in the source */
	size_t n, cap;
};

void lines_add(struct lines *l, const char *line, size_t n, uint64_t orig);
/* Line i: its bytes (valid until the next lines_add) and length. */
const char *lines_get(const struct lines *l, size_t i, size_t *n);
void lines_clear(struct lines *l);
void lines_free(struct lines *l);

/* Whether s[0..n) holds only white space. */
int line_is_blank(const char *s, size_t n);

#endif
