#include "para.h"

#include <stdlib.h>
#include <string.h>

#include "sentence.h"
#include "utf8.h"

/*
 * The decision whether a document is hard-wrapped is taken on its first
 * lines; then they are sent on and the rest streams.
 */
enum {
	DECIDE_LINES = 200,
	MIN_WRAPPED_LINES = 4,
	MIN_WRAP_WIDTH = 30,	/* lists of short lines are not wrapped text */
	MAX_WRAP_WIDTH = 160,	/* news written a paragraph a line is longer */
	WRAP_SLACK = 15		/* a wrapped line may end this short of width */
};

uint64_t
paragraph_source_offset(const struct paragraph *p, size_t i)
{
	size_t lo = 0, hi = p->nlines;

	/* The last line that starts at or before i. */
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;

		if (p->at[mid] <= i)
			lo = mid;
		else
			hi = mid;
	}
	return p->orig[lo] + (i - p->at[lo]);
}

void
para_init(struct para_builder *b, enum para_unwrap unwrap, para_emit emit,
    void *ctx)
{
	memset(b, 0, sizeof *b);
	b->unwrap = unwrap;
	b->emit = emit;
	b->ctx = ctx;
	b->decided = unwrap != PARA_UNWRAP_AUTO;
	b->wrapped = unwrap == PARA_UNWRAP_ALWAYS;
}

static size_t
count_chars(const char *s, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		k += ((unsigned char)s[i] & 0xC0) != 0x80;
	return k;
}

/* A line that opens a list item: "- ", "• ", "1. ", "12) ", "(3) ". */
static int
is_list_item(const char *s, size_t n)
{
	size_t i = 0, d;

	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i < n && (s[i] == '-' || s[i] == '*'))
		i++;
	else if (n - i >= 3 && memcmp(s + i, "\u2022", 3) == 0)	/* • */
		i += 3;
	else {
		if (i < n && s[i] == '(')
			i++;
		for (d = i; i < n && s[i] >= '0' && s[i] <= '9'; i++)
			;
		if (i == d || i - d > 2 || i >= n || (s[i] != '.' &&
		    s[i] != ')'))
			return 0;
		i++;
	}
	return i < n && s[i] == ' ';
}

static void
flush(struct para_builder *b)
{
	if (b->cur.nlines > 0)
		b->emit(b->ctx, &b->cur);
	b->cur.text.n = 0;
	b->cur.nlines = 0;
}

static void
append(struct para_builder *b, const char *line, size_t n, uint64_t orig)
{
	struct paragraph *p = &b->cur;

	if (p->nlines > 0)
		buf_addc(&p->text, ' ');
	if (p->nlines == p->cap) {
		p->at = xgrow(p->at, &p->cap, p->nlines + 1, sizeof *p->at);
		p->orig = xrealloc(p->orig, p->cap * sizeof *p->orig);
	}
	p->at[p->nlines] = p->text.n;
	p->orig[p->nlines] = orig;
	p->nlines++;
	buf_add(&p->text, line, n);
	if (b->wrapped) {
		b->last_chars = count_chars(line, n);
		b->last_ends = sentence_line_ends(line, n);
	}
}

static void
place(struct para_builder *b, const char *line, size_t n, uint64_t orig)
{
	if (line_is_blank(line, n)) {
		flush(b);
		return;
	}
	if (!b->wrapped) {
		flush(b);
	} else if (b->cur.nlines > 0) {
		/* A short line that ends a sentence ends its paragraph; so
		 * does one before a list item, if short or ending a sentence.
		 * With --unwrap always only list items break. */
		int shorter = b->unwrap == PARA_UNWRAP_AUTO &&
		    b->last_chars + WRAP_SLACK < b->width;

		if ((b->last_ends && shorter) || (is_list_item(line, n) &&
		    (b->last_ends || shorter || b->unwrap ==
		    PARA_UNWRAP_ALWAYS)))
			flush(b);
	}
	append(b, line, n, orig);
}

static int
size_cmp(const void *x, const void *y)
{
	size_t a = *(const size_t *)x, b = *(const size_t *)y;

	return a < b ? -1 : a > b;
}

int
para_is_wrapped(const struct lines *l, size_t *width)
{
	size_t *len = xmalloc((l->n + 1) * sizeof *len), n = 0, i, near, k, w;
	int wrapped = 0;

	for (i = 0; i + 1 < l->n; i++) {
		const char *s = lines_get(l, i, &k), *next;

		next = lines_get(l, i + 1, &w);
		if (!line_is_blank(s, k) && !line_is_blank(next, w))
			len[n++] = count_chars(s, k);
	}
	*width = 0;
	if (n >= MIN_WRAPPED_LINES) {
		qsort(len, n, sizeof *len, size_cmp);
		*width = len[n * 9 / 10];
		for (near = 0, i = 0; i < n; i++)
			near += len[i] + WRAP_SLACK >= *width;
		wrapped = *width >= MIN_WRAP_WIDTH &&
		    *width <= MAX_WRAP_WIDTH && near * 10 >= n * 7;
	}
	free(len);
	return wrapped;
}

static void
decide(struct para_builder *b)
{
	size_t i, n;

	b->decided = 1;
	b->wrapped = para_is_wrapped(&b->held, &b->width);
	for (i = 0; i < b->held.n; i++) {
		const char *s = lines_get(&b->held, i, &n);

		place(b, s, n, b->held.orig[i]);
	}
	lines_clear(&b->held);
}

void
para_line(struct para_builder *b, const char *line, size_t n, uint64_t orig)
{
	if (b->decided) {
		place(b, line, n, orig);
		return;
	}
	lines_add(&b->held, line, n, orig);
	if (b->held.n >= DECIDE_LINES)
		decide(b);
}

void
para_end(struct para_builder *b)
{
	if (!b->decided)
		decide(b);
	flush(b);
	/* The next document is decided afresh. */
	b->decided = b->unwrap != PARA_UNWRAP_AUTO;
	b->wrapped = b->unwrap == PARA_UNWRAP_ALWAYS;
}

void
para_free(struct para_builder *b)
{
	lines_free(&b->held);
	buf_free(&b->cur.text);
	free(b->cur.at);
	free(b->cur.orig);
}
