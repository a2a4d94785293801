#include "decode.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>

#include "mem.h"

enum { RAW_SIZE = 1 << 16, PIVOT_SIZE = 1 << 12 };

struct decoder {
	reader_source src_read;
	void *src_ctx;
	UConverter *src, *utf8;
	char raw[RAW_SIZE];
	size_t rstart, rend;
	int eof, first;
	UChar pivot[PIVOT_SIZE], *psrc, *ptgt;
	uint64_t consumed;	/* input bytes converted before raw[rstart] */
	uint64_t replaced;
	uint64_t err_off;
	int failed;		/* an error to report once the text before it is out */
	char name[64];
	char msg[160];
};

int
decoder_is_utf8(const char *name)
{
	return strcasecmp(name, "utf-8") == 0 || strcasecmp(name, "utf8") == 0;
}

int
decoder_known(const char *name, char *err, size_t errlen)
{
	UErrorCode e = U_ZERO_ERROR;
	UConverter *c = ucnv_open(name, &e);

	if (c != NULL)
		ucnv_close(c);
	if (U_SUCCESS(e))
		return 1;
	snprintf(err, errlen, "no encoding '%s' in ICU", name);
	return 0;
}

/* Writes U+FFFD for bad input, and counts it. */
static void U_CALLCONV
replace_bad(const void *ctx, UConverterToUnicodeArgs *args,
    const char *units, int32_t len, UConverterCallbackReason reason,
    UErrorCode *e)
{
	static const UChar fffd = 0xFFFD;
	struct decoder *d = (struct decoder *)ctx;

	(void)units;
	(void)len;
	if (reason > UCNV_IRREGULAR)
		return;
	d->replaced++;
	*e = U_ZERO_ERROR;
	ucnv_cbToUWriteUChars(args, &fffd, 1, 0, e);
}

static long
read_raw(struct decoder *d)
{
	long k;

	do
		k = d->src_read(d->src_ctx, d->raw + d->rend,
		    RAW_SIZE - d->rend);
	while (k < 0 && errno == EINTR);
	if (k == 0)
		d->eof = 1;
	else if (k > 0)
		d->rend += (size_t)k;
	return k;
}

/* Guesses the encoding from the first bytes, already in d->raw. */
static int
detect(struct decoder *d, char *err, size_t errlen)
{
	UErrorCode e = U_ZERO_ERROR;
	UCharsetDetector *cd;
	const UCharsetMatch *m;
	const char *name;

	while (!d->eof && d->rend < RAW_SIZE)
		if (read_raw(d) < 0) {
			snprintf(err, errlen, "read error: %s", strerror(errno));
			return -1;
		}
	cd = ucsdet_open(&e);
	ucsdet_setText(cd, d->raw, (int32_t)d->rend, &e);
	m = ucsdet_detect(cd, &e);
	name = m != NULL ? ucsdet_getName(m, &e) : NULL;
	if (U_FAILURE(e) || name == NULL) {
		snprintf(err, errlen, "cannot tell the encoding%s%s",
		    U_FAILURE(e) ? ": " : "", U_FAILURE(e) ? u_errorName(e) : "");
		ucsdet_close(cd);
		return -1;
	}
	snprintf(d->name, sizeof d->name, "%s", name);
	ucsdet_close(cd);
	return 0;
}

struct decoder *
decoder_open(reader_source src, void *ctx, const char *from, int replace,
    const char **chosen, char *err, size_t errlen)
{
	struct decoder *d = xmalloc(sizeof *d);
	UErrorCode e = U_ZERO_ERROR;

	memset(d, 0, sizeof *d);
	d->src_read = src;
	d->src_ctx = ctx;
	d->first = 1;
	d->psrc = d->ptgt = d->pivot;
	snprintf(d->name, sizeof d->name, "%s", from);
	if (strcmp(from, "auto") == 0 && detect(d, err, errlen) < 0) {
		free(d);
		return NULL;
	}
	*chosen = d->name;
	d->src = ucnv_open(d->name, &e);
	if (U_SUCCESS(e))
		d->utf8 = ucnv_open("UTF-8", &e);
	if (U_SUCCESS(e)) {
		if (replace)
			ucnv_setToUCallBack(d->src, replace_bad, d, NULL, NULL,
			    &e);
		else
			ucnv_setToUCallBack(d->src, UCNV_TO_U_CALLBACK_STOP,
			    NULL, NULL, NULL, &e);
	}
	if (U_FAILURE(e)) {
		snprintf(err, errlen, "no encoding '%s' in ICU (%s)", d->name,
		    u_errorName(e));
		decoder_close(d);
		return NULL;
	}
	return d;
}

long
decoder_read(void *ctx, char *buf, size_t cap)
{
	struct decoder *d = ctx;

	if (d->failed) {
		errno = EILSEQ;
		return -1;
	}
	for (;;) {
		UErrorCode e = U_ZERO_ERROR;
		char *t = buf;
		const char *s = d->raw + d->rstart;

		if (!d->eof && d->rstart == d->rend) {
			d->rstart = d->rend = 0;
			if (read_raw(d) < 0)
				return -1;
			s = d->raw;
		}
		ucnv_convertEx(d->utf8, d->src, &t, buf + cap, &s,
		    d->raw + d->rend, d->pivot, &d->psrc, &d->ptgt,
		    d->pivot + PIVOT_SIZE, d->first, d->eof, &e);
		d->first = 0;
		d->consumed += (uint64_t)(s - (d->raw + d->rstart));
		d->rstart = (size_t)(s - d->raw);
		if (e == U_BUFFER_OVERFLOW_ERROR || (U_SUCCESS(e) && t > buf))
			return t - buf;
		if (e != U_ILLEGAL_CHAR_FOUND && e != U_INVALID_CHAR_FOUND &&
		    e != U_TRUNCATED_CHAR_FOUND && U_FAILURE(e)) {
			snprintf(d->msg, sizeof d->msg, "cannot decode %s: %s",
			    d->name, u_errorName(e));
			d->err_off = d->consumed;
			errno = EILSEQ;
			return -1;
		}
		if (U_FAILURE(e)) {
			char bad[32];
			int8_t blen = sizeof bad;
			UErrorCode e2 = U_ZERO_ERROR;

			ucnv_getInvalidChars(d->src, bad, &blen, &e2);
			d->err_off = d->consumed - (uint64_t)(blen > 0 ? blen : 0);
			snprintf(d->msg, sizeof d->msg, "invalid %s (byte 0x%02x)",
			    d->name, blen > 0 ? (unsigned char)bad[0] : 0);
			d->failed = 1;
			/* The text before the bad bytes goes out first: what is
			 * written, and what waits in the pivot. */
			e2 = U_ZERO_ERROR;
			ucnv_fromUnicode(d->utf8, &t, buf + cap,
			    (const UChar **)&d->psrc, d->ptgt, NULL, 1, &e2);
			if (t > buf)
				return t - buf;
			errno = EILSEQ;
			return -1;
		}
		if (d->eof && d->rstart == d->rend)
			return 0;
	}
}

const char *
decoder_error(const struct decoder *d, uint64_t *offset)
{
	*offset = d->err_off;
	return d->msg;
}

uint64_t
decoder_replaced(const struct decoder *d)
{
	return d->replaced;
}

void
decoder_close(struct decoder *d)
{
	if (d == NULL)
		return;
	if (d->src)
		ucnv_close(d->src);
	if (d->utf8)
		ucnv_close(d->utf8);
	free(d);
}
