#include "tsv.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "writer.h"

void
tsv_split(char *rec, size_t n, struct tsv_fields *out)
{
	char *end = rec + n, *tab;

	out->n = 0;
	for (;;) {
		out->v = xgrow(out->v, &out->cap, out->n + 1, sizeof *out->v);
		tab = memchr(rec, '\t', (size_t)(end - rec));
		out->v[out->n].p = rec;
		out->v[out->n].n = (size_t)((tab ? tab : end) - rec);
		out->n++;
		if (tab == NULL)
			break;
		rec = tab + 1;
	}
}

void
tsv_fields_free(struct tsv_fields *f)
{
	free(f->v);
	f->v = NULL;
	f->n = f->cap = 0;
}

/* The character an escape letter stands for, or 0 if it is no escape. */
static char
unescaped(char c)
{
	switch (c) {
	case 't':
		return '\t';
	case 'n':
		return '\n';
	case 'r':
		return '\r';
	case '\\':
		return '\\';
	default:
		return 0;
	}
}

/* The letter that escapes each byte, or 0 if the byte stands for itself. */
static const char escape_letter[256] = {
	['\t'] = 't', ['\n'] = 'n', ['\r'] = 'r', ['\\'] = '\\',
};

size_t
tsv_unescape(char *p, size_t n)
{
	char *bs, *w, *end;

	if (n == 0 || (bs = memchr(p, '\\', n)) == NULL)
		return n;
	end = p + n;
	w = bs;
	while (bs < end) {
		char c;

		if (*bs == '\\' && bs + 1 < end && (c = unescaped(bs[1]))) {
			*w++ = c;
			bs += 2;
		} else {
			*w++ = *bs++;
		}
	}
	return (size_t)(w - p);
}

/*
 * Whether any of the eight bytes of w may be TAB, LF, CR or backslash:
 * a byte below 0x0E (the three controls, and rarer ones the caller looks
 * at again) or a backslash.
 */
static int
has_special(uint64_t w)
{
	const uint64_t ones = 0x0101010101010101ULL, high = ones * 0x80;
	uint64_t bs = w ^ (ones * '\\');

	return ((((w - ones * 0x0E) & ~w) | ((bs - ones) & ~bs)) & high) != 0;
}

/* Where in p[i, end) the first special byte is, or end. */
static size_t
first_special(const char *p, size_t i, size_t end)
{
	for (; i < end; i++)
		if (escape_letter[(unsigned char)p[i]])
			break;
	return i;
}

size_t
tsv_plain_len(const char *p, size_t n)
{
	size_t i = 0, k;
	uint64_t w;

	/* Eight bytes a step, and a byte at a time through a word that may
	 * hold a special. */
	for (; i + 8 <= n; i += 8) {
		memcpy(&w, p + i, 8);
		if (has_special(w) && (k = first_special(p, i, i + 8)) < i + 8)
			return k;
	}
	return first_special(p, i, n);
}

void
tsv_escape(const char *p, size_t n, struct buf *out)
{
	while (n > 0) {
		size_t k = tsv_plain_len(p, n);

		buf_add(out, p, k);
		if (k == n)
			break;
		buf_addc(out, '\\');
		buf_addc(out, escape_letter[(unsigned char)p[k]]);
		p += k + 1;
		n -= k + 1;
	}
}

void
tsv_canonical(const char *p, size_t n, struct buf *out)
{
	size_t start = out->n, len;

	if (n == 0 || (memchr(p, '\\', n) == NULL && memchr(p, '\r', n) ==
	    NULL)) {
		buf_add(out, p, n);
		return;
	}
	/* Decode in the output buffer, then escape from a copy. */
	buf_add(out, p, n);
	len = tsv_unescape(out->p + start, n);
	{
		char *tmp = xmalloc(len);

		memcpy(tmp, out->p + start, len);
		out->n = start;
		tsv_escape(tmp, len, out);
		free(tmp);
	}
}

void
tsv_write_escaped(struct writer *w, const char *p, size_t n)
{
	while (n > 0) {
		size_t k = tsv_plain_len(p, n);
		char esc[2] = { '\\', 0 };

		writer_put(w, p, k);
		if (k == n)
			break;
		esc[1] = escape_letter[(unsigned char)p[k]];
		writer_put(w, esc, 2);
		p += k + 1;
		n -= k + 1;
	}
}

int
tsv_parse_count(const char *p, size_t n, uint64_t *v)
{
	size_t i;

	*v = 0;
	if (n == 0)
		return 0;
	for (i = 0; i < n; i++) {
		unsigned d = (unsigned char)p[i] - '0';

		if (d > 9 || *v > (UINT64_MAX - d) / 10)
			return 0;
		*v = *v * 10 + d;
	}
	return 1;
}
