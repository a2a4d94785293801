/*
 * The bytes of one input file as text: gzip data is inflated (zlib), text
 * in another encoding is decoded to UTF-8 (lib/decode.h), and other
 * compressed or binary formats are refused with a message saying what
 * they are. source_read is a reader_source (lib/reader.h).
 */
#ifndef SATR_SOURCE_H
#define SATR_SOURCE_H

#include <stddef.h>
#include <stdint.h>

#include <zlib.h>

struct decoder;

enum { SOURCE_PEEK = 16 };

struct source {
	int fd;
	int gzip;		/* the file is gzip data */
	z_stream z;
	unsigned char *zbuf;	/* compressed bytes read ahead */
	int zdone;		/* a gzip member ended; another may follow */
	int eof;
	unsigned char peek[SOURCE_PEEK];	/* the first bytes, not yet used */
	size_t npeek, peek_at;
	uint64_t compressed;	/* gzip bytes taken from fd */
	struct decoder *dec;	/* NULL: the text is UTF-8 */
	const char *chosen;	/* the encoding "auto" detected */
	char msg[192];		/* what made source_read fail */
};

/*
 * Reads fd as text in the encoding from (NULL: UTF-8; "auto": detected),
 * U+FFFD for bytes invalid in it when replace. Returns 0, or -1 with a
 * message in err (a refused format, an unknown encoding).
 */
int source_open(struct source *s, int fd, const char *from, int replace,
    char *err, size_t errlen);
long source_read(void *source, char *buf, size_t cap);
/* Why the last source_read failed: a message without the file's name. */
const char *source_error(const struct source *s);
/* Characters the decoder replaced with U+FFFD. */
uint64_t source_replaced(const struct source *s);
/* The encoding decoded from, when it was detected; NULL if UTF-8. */
const char *source_encoding(const struct source *s);
void source_close(struct source *s);

#endif
