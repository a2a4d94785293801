#include "entp.h"

#include <string.h>

enum { MAX_NAME_TOKENS = 4 };

static int
better(const struct entp_found *a, const struct entp_found *b)
{
	if (a->tokens != b->tokens)
		return a->tokens > b->tokens;
	return a->rank > b->rank;
}

/* Takes c for *best, with its value, if it is better. */
static void
consider(const struct entp_found *c, const char *v, struct entp_found *best,
    struct buf *value)
{
	if (!better(c, best))
		return;
	*best = *c;
	value->n = 0;
	buf_add(value, v, strlen(v));
}

/* The gazetteer's longest name at token i, and an earlier mention. */
static void
known_names(struct ent_finder *f, size_t i, struct entp_found *best,
    struct buf *value)
{
	struct entp_strip s[3];
	size_t k, n = entp_strips(f, i, s), len, id;

	for (k = 0; k < n; k++) {
		struct entp_found c = { 0 };
		const char *w, *v;
		size_t wl;

		w = entp_stripped(f, i, &s[k], &wl);
		c.first = i;
		c.skip = s[k].bytes;
		if ((len = entp_at_as(f, &f->names, i, w, wl, &id)) > 0) {
			unsigned kind = f->names.v[id].kind;

			c.last = i + len - 1;
			c.type = (enum ent_type)(kind & ~USER_NAME);
			c.rank = kind & USER_NAME ? RANK_USER_GAZETTEER :
			    RANK_GAZETTEER;
			c.tokens = len;
			consider(&c, phrase_value(&f->names, id), best, value);
		}
		if ((v = entp_doc_recall(&f->doc, &f->lexicon, w, wl,
		    &c.type)) != NULL) {
			c.last = i;
			c.rank = RANK_EARLIER;
			c.tokens = 1;
			consider(&c, v, best, value);
		}
	}
}

/* The original text of token i. */
static const char *
original(const struct ent_finder *f, const char *text, size_t i, size_t *n)
{
	size_t a = f->off.start[f->toks.v[i].start];

	*n = f->off.end[f->toks.v[i].end - 1] - a;
	return text + a;
}

static int
is_latin_name(const struct ent_finder *f, const char *text, size_t i)
{
	const char *o;
	size_t n, k;

	if (i >= f->toks.n || f->toks.v[i].cls != TOK_WORD ||
	    (unsigned char)f->w[i][0] >= 0x80)
		return 0;
	o = original(f, text, i, &n);
	for (k = 0; k < n; k++)
		if (o[k] >= 'A' && o[k] <= 'Z')
			return 1;
	return 0;
}

uint32_t
entp_commonness(const struct ent_finder *f, const char *text, size_t i)
{
	const char *o;
	size_t n, k, m = 0;
	char w[256];

	o = original(f, text, i, &n);
	for (k = 0; k < n && m + 2 < sizeof w; k++) {
		if (entp_mark_at(o, k, n)) {
			k++;
			continue;
		}
		w[m++] = o[k];
	}
	return lexicon_index_count(&f->lexicon, w, m);
}

/* Whether token i, with or without its proclitics, is in the tables. */
static int
table_word(struct ent_finder *f, size_t i)
{
	struct entp_strip s[3];
	size_t k, n = entp_strips(f, i, s), len, id, wl;
	unsigned kind = 0;

	for (k = 0; k < n && kind == 0; k++) {
		const char *w = entp_stripped(f, i, &s[k], &wl);

		kind = entp_kind_as(f, i, w, wl, &len, &id);
	}
	return kind != 0;
}

int
entp_is_name_part(const struct ent_finder *f, size_t i)
{
	return i < f->toks.n &&
	    hmap_find(&f->nameparts, f->w[i], f->wl[i]) != NULL;
}

static int
definite(const struct ent_finder *f, size_t i)
{
	return i < f->toks.n && entp_starts(f->w[i], f->wl[i], "\u0627") &&
	    f->wl[i] > 4 && memcmp(f->w[i] + 2, "\u0644", 2) == 0;
}

/*
 * Whether token i can be part of a person's or an organisation's name: a
 * Latin name, a known name token, a word after a known name token (after
 * دونالد, ترامب), or a word rare in news (rarer still when it would go on
 * a name already begun). Words of the rules' tables are no names, even
 * with a clitic (لشركة), nor are words with the article.
 */
static int
name_like(struct ent_finder *f, const char *text, size_t i, int first,
    int after_name)
{
	if (i >= f->toks.n || f->toks.v[i].cls != TOK_WORD)
		return 0;
	if (is_latin_name(f, text, i))
		return 1;
	if ((unsigned char)f->w[i][0] < 0x80 || f->wl[i] < 4 ||
	    table_word(f, i))
		return 0;	/* one letter: و, ه */
	if (entp_is_name_part(f, i))
		return 1;
	if (definite(f, i))
		return 0;	/* adjectives, not names: الأمريكي */
	return after_name || entp_commonness(f, text, i) < (first ?
	    COMMON_WORD : RARE_WORD);
}

/* A title or verb before a person's name, or the head of an
 * organisation's, at token i with or without its proclitics: its kind,
 * tokens in *len, its number in *num, the proclitics' bytes in *used. */
static unsigned
cue_at(struct ent_finder *f, size_t i, size_t *len, int64_t *num,
    size_t *used)
{
	struct entp_strip s[3];
	size_t k, n = entp_strips(f, i, s), id, wl;
	unsigned kind = 0;

	for (k = 0; k < n && kind == 0; k++) {
		const char *w = entp_stripped(f, i, &s[k], &wl);

		kind = entp_kind_as(f, i, w, wl, len, &id);
		if (kind == K_PERCUE || kind == K_ORGHEAD) {
			*num = f->words.v[id].num;
			*used = s[k].bytes;
		} else {
			kind = 0;
		}
	}
	return kind;
}

/* The rules' name of type over tokens [first, last], skip bytes of
 * proclitics before it, for *best if it is better. */
static void
rule_name(struct entp_found *best, size_t first, size_t last, size_t skip,
    enum ent_type type)
{
	struct entp_found c = { 0 };

	c.first = first;
	c.last = last;
	c.skip = skip;
	c.type = type;
	c.rank = RANK_RULE;
	c.tokens = last - first + 1;
	if (better(&c, best))
		*best = c;
}

/* A person's name after a title or verb ending before token j. */
static void
person_after(struct ent_finder *f, const char *text, size_t j,
    struct entp_found *best)
{
	size_t m;

	/* Adjectives between: الرئيس الأمريكي دونالد ترامب */
	for (m = 0; m < 2 && definite(f, j) && entp_commonness(f, text, j) >=
	    COMMON_WORD; m++)
		j++;
	for (m = 0; m < MAX_NAME_TOKENS && name_like(f, text, j + m, m == 0,
	    m > 0 && entp_is_name_part(f, j + m - 1)); m++)
		;
	if (m > 0)
		rule_name(best, j, j + m - 1, 0, ENT_PER);
}

/* An organisation's name whose head, at token i with used bytes of
 * proclitics, ends before token j: with the head if in is set. */
static void
org_after(struct ent_finder *f, const char *text, size_t i, size_t j,
    int in, size_t used, struct entp_found *best)
{
	size_t m, len, id;

	for (m = 0; m < 3 && is_latin_name(f, text, j + m); m++)
		;
	if (m > 0) {
		rule_name(best, j, j + m - 1, 0, ENT_ORG);
		return;
	}
	for (m = 0; m < 3 && (definite(f, j + m) || entp_is_name_part(f,
	    j + m) || entp_at(f, &f->names, j + m, &id) == 1) &&
	    entp_kind_at(f, j + m, &len, &id) != K_STOP; m++)
		;	/* بنك مصر, جريدة فلسطين */
	if (m > 0)
		rule_name(best, in ? i : j, j + m - 1, in ? used : 0, ENT_ORG);
}

/* Latin names in Arabic text, from token i. */
static void
latin_at(const struct ent_finder *f, const char *text, size_t i,
    struct entp_found *best)
{
	size_t m;

	for (m = 1; m < MAX_NAME_TOKENS && is_latin_name(f, text, i + m); m++)
		;
	rule_name(best, i, i + m - 1, 0, ENT_ORG);
}

/* Names the rules find at token i: after a title or verb, after the head
 * of an organisation's name, and Latin names in Arabic text. */
static void
rule_names(struct ent_finder *f, const char *text, size_t i, int arabic,
    struct entp_found *best)
{
	size_t len = 0, used = 0;
	int64_t num = 0;
	unsigned kind = cue_at(f, i, &len, &num, &used);

	if (kind == K_PERCUE)
		person_after(f, text, i + len, best);
	else if (kind == K_ORGHEAD)
		org_after(f, text, i, i + len, num != 0, used, best);
	else if (arabic && is_latin_name(f, text, i))
		latin_at(f, text, i, best);
}

void
entp_name_at(struct ent_finder *f, const char *text, size_t i, int arabic,
    struct entp_found *best, struct buf *value)
{
	known_names(f, i, best, value);
	rule_names(f, text, i, arabic, best);
}
