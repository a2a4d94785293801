/*
 * A buffered writer that checks every write. Errors are sticky: after the
 * first failure further output is dropped and writer_error() reports it, so
 * a program can stop early and must check at the end.
 */
#ifndef SATR_WRITER_H
#define SATR_WRITER_H

#include <stddef.h>

struct writer {
	int fd;
	int line_buffered;	/* flush at every record end */
	int err;		/* errno of the first failed write, or 0 */
	char *buf;
	size_t n;
	size_t cap;
};

void writer_init(struct writer *w, int fd, int line_buffered);
void writer_put(struct writer *w, const void *p, size_t n);
void writer_putc(struct writer *w, char c);
void writer_puts(struct writer *w, const char *s);
/* Ends a record with LF, flushing it when line-buffered. */
void writer_end_record(struct writer *w);
/* Returns 0, or the errno of the first failure. */
int writer_flush(struct writer *w);
/* Flushes and frees the buffer; returns as writer_flush. */
int writer_close(struct writer *w);

#endif
