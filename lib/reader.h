/*
 * Reads records (lines) of any length from a file descriptor. A record is
 * returned without its LF, or CR LF; the last one may lack its newline.
 * The returned bytes are writable and stay valid until the next call.
 */
#ifndef SATR_READER_H
#define SATR_READER_H

#include <stddef.h>
#include <stdint.h>

/* A source of bytes: like read(2), -1 with errno set on failure. */
typedef long (*reader_source)(void *ctx, char *buf, size_t cap);

struct reader {
	int fd;
	reader_source source;	/* NULL: read(2) from fd */
	void *ctx;
	int eof;
	int err;		/* errno of a failed read, or 0 */
	char *buf;
	size_t cap;
	size_t start;		/* first unread byte in buf */
	size_t end;		/* end of the bytes read into buf */
	uint64_t line;		/* number of the last record returned, from 1 */
	uint64_t offset;	/* byte offset in the input of that record */
	uint64_t next_offset;
};

void reader_init(struct reader *r, int fd);
/* Reads from source instead of a file descriptor (a decoder, say). */
void reader_init_source(struct reader *r, reader_source source, void *ctx);
/* Returns 1 and the record in *rec, *n; 0 at the end; -1 on a read error. */
int reader_next(struct reader *r, char **rec, size_t *n);
void reader_free(struct reader *r);

#endif
