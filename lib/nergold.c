#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ent.h"
#include "mem.h"
#include "nergold.h"
#include "nertag.h"

/* How corpora spell the tagger's types (others need --map). */
static const struct {
	const char *from;
	int to;
} builtin[] = {
	{ "PERS", ENT_PER }, { "PERSON", ENT_PER }, { "MIS", ENT_MISC },
	{ "GPE", ENT_LOC }
};

static void
add_rename(struct ner_typemap *m, const char *from, size_t n, int to)
{
	struct ner_rename *r;

	m->v = xgrow(m->v, &m->cap, m->n + 1, sizeof *m->v);
	r = &m->v[m->n++];
	r->from = xmalloc(n + 1);
	memcpy(r->from, from, n);
	r->from[n] = '\0';
	r->n = n;
	r->to = to;
}

void
ner_typemap_init(struct ner_typemap *m)
{
	size_t i;

	memset(m, 0, sizeof *m);
	for (i = 0; i < sizeof builtin / sizeof builtin[0]; i++)
		add_rename(m, builtin[i].from, strlen(builtin[i].from),
		    builtin[i].to);
}

/* Takes out the renames added from the first on. */
static void
drop_renames(struct ner_typemap *m, size_t first)
{
	while (m->n > first)
		free(m->v[--m->n].from);
}

void
ner_typemap_free(struct ner_typemap *m)
{
	drop_renames(m, 0);
	free(m->v);
	memset(m, 0, sizeof *m);
}

/* The tagger's type named s[0..n), or -2. */
static int
tagger_type(const char *s, size_t n)
{
	int t = ent_type_of(s, n);

	return t >= 0 && t <= ENT_MISC ? t : -2;
}

/* What a rename may give: a type of the tagger, or -1 for O; else -2. */
static int
target_of(const char *s, size_t n)
{
	return n == 1 && s[0] == 'O' ? -1 : tagger_type(s, n);
}

/* Checks one FROM=TO pair of s[0..n); 0, or -1 with the message. */
static int
check_pair(const char *s, size_t n, size_t *eq, int *to, char *err,
    size_t errlen)
{
	const char *p = memchr(s, '=', n);

	if (p == NULL || p == s || p == s + n - 1) {
		snprintf(err, errlen, "expected FROM=TO, not '%.*s'", (int)n,
		    s);
		return -1;
	}
	*eq = (size_t)(p - s);
	if ((*to = target_of(p + 1, n - *eq - 1)) == -2) {
		snprintf(err, errlen, "'%.*s': TO is PER, ORG, LOC, MISC "
		    "or O", (int)n, s);
		return -1;
	}
	return 0;
}

int
ner_typemap_add(struct ner_typemap *m, const char *spec, char *err,
    size_t errlen)
{
	const char *s = spec;
	size_t first = m->n;

	for (;;) {
		size_t n = strcspn(s, ","), eq;
		int to;

		if (check_pair(s, n, &eq, &to, err, errlen) < 0) {
			drop_renames(m, first);
			return -1;
		}
		add_rename(m, s, eq, to);
		if (s[n] == '\0')
			return 0;
		s += n + 1;
	}
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/* O, or B- or I- and something: what a tag column looks like. */
static int
looks_like_tag(const char *s, size_t n)
{
	return (n == 1 && s[0] == 'O') ||
	    (n > 2 && (s[0] == 'B' || s[0] == 'I') && s[1] == '-');
}

/* Whether every column after the first of s[0..n) looks like a tag, and
 * there is one: then "# B-PER" is the token "#", not a comment. */
static int
tags_follow(const char *s, size_t n)
{
	size_t i = 0, cols = 0;

	while (i < n) {
		size_t j = i;

		while (j < n && !is_space(s[j]))
			j++;
		if (cols++ > 0 && !looks_like_tag(s + i, j - i))
			return 0;
		while (j < n && is_space(s[j]))
			j++;
		i = j;
	}
	return cols >= 2;
}

/* Takes U+200E, U+200F and U+FEFF out of s[0..n); returns the length. */
static size_t
clean_token(char *s, size_t n)
{
	size_t i = 0, k = 0;

	while (i < n) {
		if (n - i >= 3 && ((memcmp(s + i, "\xE2\x80", 2) == 0 &&
		    (s[i + 2] == '\x8E' || s[i + 2] == '\x8F')) ||
		    memcmp(s + i, "\xEF\xBB\xBF", 3) == 0)) {
			i += 3;
			continue;
		}
		s[k++] = s[i++];
	}
	return k;
}

static enum ner_line
comment_line(const char *s, size_t n, struct ner_gold *g)
{
	if (n == 5 && memcmp(s, "# doc", 5) == 0)
		return NER_LINE_DOC;
	if (n >= 9 && memcmp(s, "# corpus=", 9) == 0) {
		g->text = s + 9;
		g->n = n - 9;
		return NER_LINE_CORPUS;
	}
	return NER_LINE_COMMENT;
}

enum ner_line
ner_gold_line(char *s, size_t n, int first, struct ner_gold *g)
{
	size_t tok, tag;

	memset(g, 0, sizeof *g);
	if (first && n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
		s += 3;
		n -= 3;
	}
	while (n > 0 && is_space(s[n - 1]))
		n--;
	while (n > 0 && is_space(s[0])) {
		s++;
		n--;
	}
	if (n == 0)
		return NER_LINE_BLANK;
	if (n >= 2 && memcmp(s, "# ", 2) == 0 && !tags_follow(s, n))
		return comment_line(s, n, g);
	if (n >= 10 && memcmp(s, "-DOCSTART-", 10) == 0)
		return NER_LINE_DOC;
	for (tok = 0; tok < n && !is_space(s[tok]); tok++)
		continue;
	g->text = s;
	g->n = clean_token(s, tok);
	if (tok == n)
		return NER_LINE_NO_TAG;
	for (tag = n; !is_space(s[tag - 1]); tag--)
		continue;
	g->tag = s + tag;
	g->tagn = n - tag;
	return NER_LINE_TOKEN;
}

/* The type of name s[0..n) after the renames: a type, -1 for O, or -2. */
static int
type_of(const struct ner_typemap *m, const char *s, size_t n)
{
	size_t i;

	for (i = m->n; i > 0; i--)
		if (m->v[i - 1].n == n && memcmp(m->v[i - 1].from, s, n) == 0)
			return m->v[i - 1].to;
	return tagger_type(s, n);
}

int
ner_gold_label(const struct ner_typemap *m, const char *tag, size_t tagn,
    size_t *type)
{
	int t;

	if (tagn == 1 && tag[0] == 'O')
		return 0;
	if (tagn < 3 || (tag[0] != 'B' && tag[0] != 'I') || tag[1] != '-')
		return NER_BAD_TAG;
	*type = 2;
	t = type_of(m, tag + 2, tagn - 2);
	if (t == -2)
		return NER_BAD_TYPE;
	if (t == -1)
		return 0;
	return tag[0] == 'I' ? NER_INSIDE(t) : NER_INSIDE(t) - 1;
}

/* Whether prev is part of a name of label's type. */
static int
same_name_type(size_t label, size_t prev)
{
	return prev != 0 && NER_TYPE(prev) == NER_TYPE(label);
}

int
ner_iob2_only(size_t label, size_t prev)
{
	return label % 2 == 1 && !same_name_type(label, prev);
}

size_t
ner_iob2(size_t label, size_t prev)
{
	if (label != 0 && label % 2 == 0 && !same_name_type(label, prev))
		return label - 1;
	return label;
}
