#include "lines.h"

#include <stdlib.h>

void
lines_add(struct lines *l, const char *line, size_t n, uint64_t orig)
{
	if (l->n == l->cap) {
		l->at = xgrow(l->at, &l->cap, l->n + 1, sizeof *l->at);
		l->len = xrealloc(l->len, l->cap * sizeof *l->len);
		l->orig = xrealloc(l->orig, l->cap * sizeof *l->orig);
	}
	l->at[l->n] = l->text.n;
	l->len[l->n] = n;
	l->orig[l->n] = orig;
	l->n++;
	buf_add(&l->text, line, n);
}

const char *
lines_get(const struct lines *l, size_t i, size_t *n)
{
	*n = l->len[i];
	/* All lines empty: text was never allocated. */
	return l->text.p != NULL ? l->text.p + l->at[i] : "";
}

void
lines_clear(struct lines *l)
{
	l->text.n = 0;
	l->n = 0;
}

void
lines_free(struct lines *l)
{
	buf_free(&l->text);
	free(l->at);
	free(l->len);
	free(l->orig);
	*l = (struct lines){ 0 };
}

int
line_is_blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' &&
		    s[i] != '\f' && s[i] != '\v')
			return 0;
	return 1;
}
