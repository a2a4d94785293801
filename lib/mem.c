#include "mem.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"

static void
out_of_memory(size_t n)
{
	errno = ENOMEM;
	msg_die(SATR_EXIT_DATA, "cannot allocate %zu bytes:", n);
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		out_of_memory(n);
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		out_of_memory(n);
	return p;
}

void *
xgrow(void *p, size_t *cap, size_t need, size_t elem)
{
	size_t c = *cap ? *cap : 16;

	if (need <= *cap)
		return p;
	while (c < need) {
		if (c > SIZE_MAX / 2)
			out_of_memory(SIZE_MAX);
		c *= 2;
	}
	if (c > SIZE_MAX / elem)
		out_of_memory(SIZE_MAX);
	*cap = c;
	return xrealloc(p, c * elem);
}

void
buf_reserve(struct buf *b, size_t extra)
{
	if (extra > SIZE_MAX - b->n)
		out_of_memory(SIZE_MAX);
	b->p = xgrow(b->p, &b->cap, b->n + extra, 1);
}

void
buf_add(struct buf *b, const void *p, size_t n)
{
	buf_reserve(b, n);
	if (n)
		memcpy(b->p + b->n, p, n);
	b->n += n;
}

void
buf_addc(struct buf *b, char c)
{
	buf_reserve(b, 1);
	b->p[b->n++] = c;
}

void
buf_free(struct buf *b)
{
	free(b->p);
	b->p = NULL;
	b->n = b->cap = 0;
}
