#include "reader.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mem.h"

enum { READER_CHUNK = 1 << 16 };

void
reader_init(struct reader *r, int fd)
{
	memset(r, 0, sizeof *r);
	r->fd = fd;
}

void
reader_init_source(struct reader *r, reader_source source, void *ctx)
{
	memset(r, 0, sizeof *r);
	r->fd = -1;
	r->source = source;
	r->ctx = ctx;
}

/* Reads more input after the unread bytes; returns bytes read, 0, or -1. */
static ssize_t
fill(struct reader *r)
{
	ssize_t k;

	/* Move the unread bytes to the front only when the tail is short,
	 * so a long record is moved at most once per growth. */
	if (r->start > 0 && r->cap - r->end < READER_CHUNK) {
		memmove(r->buf, r->buf + r->start, r->end - r->start);
		r->end -= r->start;
		r->start = 0;
	}
	if (r->cap - r->end < READER_CHUNK)
		r->buf = xgrow(r->buf, &r->cap, r->end + READER_CHUNK, 1);
	do
		k = r->source ? r->source(r->ctx, r->buf + r->end,
		    r->cap - r->end) : read(r->fd, r->buf + r->end,
		    r->cap - r->end);
	while (k < 0 && errno == EINTR);
	if (k < 0)
		r->err = errno;
	else if (k == 0)
		r->eof = 1;
	else
		r->end += (size_t)k;
	return k;
}

int
reader_next(struct reader *r, char **rec, size_t *n)
{
	size_t scanned = 0;	/* bytes after start known to hold no LF */
	char *nl;

	for (;;) {
		size_t avail = r->end - r->start;

		nl = avail > scanned ?
		    memchr(r->buf + r->start + scanned, '\n', avail - scanned) :
		    NULL;
		if (nl != NULL || r->eof)
			break;
		scanned = avail;
		if (fill(r) < 0)
			return -1;
	}
	if (nl == NULL && r->start == r->end)
		return 0;

	*rec = r->buf + r->start;
	if (nl != NULL) {
		*n = (size_t)(nl - *rec);
		r->start += *n + 1;
	} else {
		*n = r->end - r->start;
		r->start = r->end;
	}
	r->offset = r->next_offset;
	r->next_offset += (uint64_t)(r->start - (size_t)(*rec - r->buf));
	r->line++;
	if (*n > 0 && (*rec)[*n - 1] == '\r' && nl != NULL)
		(*n)--;
	return 1;
}

void
reader_free(struct reader *r)
{
	free(r->buf);
	r->buf = NULL;
	r->cap = 0;
}
