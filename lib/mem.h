/* Allocation that never returns NULL, and a growable byte buffer. */
#ifndef SATR_MEM_H
#define SATR_MEM_H

#include <stddef.h>

/*
 * Running out of memory is the one condition the library does not hand back
 * to its caller: every caller would only print and exit, so these do it,
 * with the program's name and exit status 1.
 */
void *xmalloc(size_t n);
void *xrealloc(void *p, size_t n);
/* Grows *p (holding *cap elements of size elem) to hold at least need. */
void *xgrow(void *p, size_t *cap, size_t need, size_t elem);

struct buf {
	char *p;
	size_t n;	/* bytes in use */
	size_t cap;
};

void buf_reserve(struct buf *b, size_t extra);
void buf_add(struct buf *b, const void *p, size_t n);
void buf_addc(struct buf *b, char c);
void buf_free(struct buf *b);

#endif
