#include "source.h"

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "decode.h"
#include "mem.h"

enum { ZBUF_SIZE = 1 << 16 };

/* Formats that are not text, by their first bytes, and what to do. */
static const struct {
	const char *magic;
	size_t len;
	const char *what;
} refused[] = {
	{ "\xFD" "7zXZ\0", 6, "xz-compressed data: decompress it first "
	    "(xz -dc)" },
	{ "BZh", 3, "bzip2-compressed data: decompress it first "
	    "(bzip2 -dc)" },
	{ "\x28\xB5\x2F\xFD", 4, "zstd-compressed data: decompress it "
	    "first (zstd -dc)" },
	{ "PK\x03\x04", 4, "a zip archive: unpack it first (unzip)" },
	{ "7z\xBC\xAF\x27\x1C", 6, "a 7-Zip archive: unpack it first" },
	{ "%PDF-", 5, "a PDF file: extract its text first (pdftotext "
	    "FILE -), then repair it with satr-pdf" },
};

static long
read_fd(int fd, void *buf, size_t cap)
{
	ssize_t k;

	do
		k = read(fd, buf, cap);
	while (k < 0 && errno == EINTR);
	return (long)k;
}

/* The first bytes, to tell the format: fewer only at the end. */
static int
peek(struct source *s)
{
	long k;

	while (s->npeek < SOURCE_PEEK) {
		k = read_fd(s->fd, s->peek + s->npeek, SOURCE_PEEK - s->npeek);
		if (k < 0)
			return -1;
		if (k == 0) {
			s->eof = 1;
			break;
		}
		s->npeek += (size_t)k;
	}
	return 0;
}

/* bzip2's magic is also plain text: its block header must follow. */
static int
is_refused(const struct source *s, size_t i)
{
	if (s->npeek < refused[i].len ||
	    memcmp(s->peek, refused[i].magic, refused[i].len) != 0)
		return 0;
	if (refused[i].magic[0] == 'B')
		return s->npeek >= 10 && s->peek[3] >= '1' &&
		    s->peek[3] <= '9' &&
		    memcmp(s->peek + 4, "\x31\x41\x59\x26\x53\x59", 6) == 0;
	return 1;
}

static int
start_gzip(struct source *s, char *err, size_t errlen)
{
	s->gzip = 1;
	s->zbuf = xmalloc(ZBUF_SIZE);
	memcpy(s->zbuf, s->peek, s->npeek);
	s->compressed = s->npeek;
	s->npeek = 0;
	memset(&s->z, 0, sizeof s->z);
	if (inflateInit2(&s->z, 16 + MAX_WBITS) != Z_OK) {
		snprintf(err, errlen, "zlib cannot start");
		free(s->zbuf);
		s->zbuf = NULL;
		return -1;
	}
	s->z.next_in = s->zbuf;
	s->z.avail_in = (uInt)s->compressed;
	return 0;
}

static long
read_failed(struct source *s)
{
	int e = errno;

	snprintf(s->msg, sizeof s->msg, "read error: %s", strerror(e));
	errno = e;
	return -1;
}

/* Data that is not gzip, or not all of it: as undecodable as bad text. */
static long __attribute__((format(printf, 2, 3)))
bad_gzip(struct source *s, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(s->msg, sizeof s->msg, fmt, ap);
	va_end(ap);
	errno = EILSEQ;
	return -1;
}

/* Inflates into buf: bytes made, 0 at the end, or -1. */
static long
inflate_some(struct source *s, char *buf, size_t cap)
{
	s->z.next_out = (unsigned char *)buf;
	s->z.avail_out = (uInt)(cap > UINT32_MAX ? UINT32_MAX : cap);
	while (s->z.next_out == (unsigned char *)buf) {
		int r;

		if (s->z.avail_in == 0 && !s->eof) {
			long k = read_fd(s->fd, s->zbuf, ZBUF_SIZE);

			if (k < 0)
				return read_failed(s);
			s->eof = k == 0;
			s->z.next_in = s->zbuf;
			s->z.avail_in = (uInt)k;
			s->compressed += (uint64_t)k;
		}
		if (s->zdone) {
			if (s->z.avail_in == 0) {
				if (s->eof)
					return 0;
				continue;
			}
			inflateReset(&s->z);	/* gzip members one after another */
			s->zdone = 0;
		}
		r = inflate(&s->z, Z_NO_FLUSH);
		if (r == Z_STREAM_END)
			s->zdone = 1;
		else if (r == Z_BUF_ERROR && s->eof && s->z.avail_in == 0)
			return bad_gzip(s, "gzip data cut short at byte %"
			    PRIu64, s->compressed);
		else if (r != Z_OK && r != Z_BUF_ERROR)
			return bad_gzip(s, "not valid gzip data near byte %"
			    PRIu64 " (%s)", s->compressed - s->z.avail_in,
			    s->z.msg != NULL ? s->z.msg : "zlib error");
	}
	return (long)((char *)s->z.next_out - buf);
}

/* The file's bytes: gzip inflated, else as they are. */
static long
read_bytes(void *ctx, char *buf, size_t cap)
{
	struct source *s = ctx;
	long k;

	if (s->gzip)
		return inflate_some(s, buf, cap);
	if (s->peek_at < s->npeek) {
		size_t n = s->npeek - s->peek_at;

		if (n > cap)
			n = cap;
		memcpy(buf, s->peek + s->peek_at, n);
		s->peek_at += n;
		return (long)n;
	}
	if (s->eof)
		return 0;
	if ((k = read_fd(s->fd, buf, cap)) < 0)
		return read_failed(s);
	return k;
}

int
source_open(struct source *s, int fd, const char *from, int replace,
    char *err, size_t errlen)
{
	size_t i;

	memset(s, 0, sizeof *s);
	s->fd = fd;
	if (peek(s) < 0) {
		snprintf(err, errlen, "read error: %s", strerror(errno));
		return -1;
	}
	for (i = 0; i < sizeof refused / sizeof refused[0]; i++)
		if (is_refused(s, i)) {
			snprintf(err, errlen, "%s", refused[i].what);
			return -1;
		}
	if (s->npeek >= 2 && s->peek[0] == 0x1F && s->peek[1] == 0x8B &&
	    start_gzip(s, err, errlen) < 0)
		return -1;
	if (from != NULL && !decoder_is_utf8(from)) {
		const char *chosen;

		s->dec = decoder_open(read_bytes, s, from, replace, &chosen,
		    err, errlen);
		if (s->dec == NULL) {
			if (s->msg[0] != '\0')	/* what the bytes below said */
				snprintf(err, errlen, "%s", s->msg);
			source_close(s);
			return -1;
		}
		if (strcmp(from, "auto") == 0 && !decoder_is_utf8(chosen))
			s->chosen = chosen;
	}
	return 0;
}

long
source_read(void *ctx, char *buf, size_t cap)
{
	struct source *s = ctx;
	long k;
	uint64_t at;

	if (s->dec == NULL)
		return read_bytes(s, buf, cap);
	k = decoder_read(s->dec, buf, cap);
	if (k < 0 && errno == EILSEQ && s->msg[0] == '\0') {
		/* arguments are evaluated in no set order: at first */
		const char *why = decoder_error(s->dec, &at);

		snprintf(s->msg, sizeof s->msg, "%s at byte offset %" PRIu64,
		    why, at);
	}
	return k;
}

const char *
source_error(const struct source *s)
{
	return s->msg[0] != '\0' ? s->msg : "read error";
}

uint64_t
source_replaced(const struct source *s)
{
	return s->dec != NULL ? decoder_replaced(s->dec) : 0;
}

const char *
source_encoding(const struct source *s)
{
	return s->chosen;
}

void
source_close(struct source *s)
{
	if (s->gzip && s->zbuf != NULL)
		inflateEnd(&s->z);
	free(s->zbuf);
	decoder_close(s->dec);
	s->zbuf = NULL;
	s->dec = NULL;
	s->gzip = 0;
}
