#include "entp.h"

#include <string.h>

/* The text is prepared: normalised, tokenised, each token's form known. */
static void
prepare(struct ent_finder *f, const char *text, size_t n)
{
	size_t i;

	norm_text(f->nm, text, n, &f->normed, &f->off);
	tok_split(f->normed.p, f->normed.n, &f->toks);
	if (f->toks.n > f->wcap) {
		f->wcap = f->toks.n;
		f->w = xrealloc(f->w, f->wcap * sizeof *f->w);
		f->wl = xrealloc(f->wl, f->wcap * sizeof *f->wl);
	}
	for (i = 0; i < f->toks.n; i++) {
		f->w[i] = f->normed.p + f->toks.v[i].start;
		f->wl[i] = f->toks.v[i].end - f->toks.v[i].start;
	}
}

static int
mostly_arabic(const struct ent_finder *f)
{
	size_t i, arabic = 0, latin = 0;

	for (i = 0; i < f->toks.n; i++)
		if (f->toks.v[i].cls == TOK_WORD) {
			if ((unsigned char)f->w[i][0] >= 0x80)
				arabic++;
			else
				latin++;
		}
	return arabic > latin;
}

size_t
entp_mention_end(const char *text, size_t n, size_t end)
{
	/* Only what the search profile removes: other marks start tokens
	 * of their own. */
	while (entp_mark_at(text, end, n))
		end += 2;
	return end;
}

void
entp_emit(struct entities *out, size_t start, size_t end,
    enum ent_type type, int rank, const char *value, size_t vlen)
{
	struct entity *e;

	/* Tokens in one normalisation segment ("5" and a mark after it)
	 * share their source bytes: mentions must still not overlap. */
	if (out->n > 0 && start < out->v[out->n - 1].end)
		start = out->v[out->n - 1].end;
	if (start >= end)
		return;

	out->v = xgrow(out->v, &out->cap, out->n + 1, sizeof *out->v);
	e = &out->v[out->n++];
	e->start = start;
	e->end = end;
	e->type = type;
	e->rank = rank;
	e->value = out->values.n;
	buf_add(&out->values, value, vlen);
	buf_addc(&out->values, '\0');
}

/* A one-word name the rules found that names someone met earlier in the
 * document: its value is theirs. */
static int
earlier(struct ent_finder *f, const struct entp_found *c, struct buf *value)
{
	enum ent_type type;
	const char *v;

	if (c->type != ENT_PER || c->first != c->last)
		return 0;
	v = entp_doc_recall(&f->doc, &f->lexicon, f->w[c->first],
	    f->wl[c->first], &type);
	if (v == NULL)
		return 0;
	value->n = 0;
	buf_add(value, v, strlen(v));
	return 1;
}

/* Remembers a person's last name, for short mentions later on. */
static void
remember(struct ent_finder *f, const struct entp_found *c, const char *value)
{
	if (c->type != ENT_PER || c->last == c->first || f->wl[c->last] < 6)
		return;	/* a surname of two letters or fewer */
	entp_doc_remember(&f->doc, &f->lexicon, f->w[c->last],
	    f->wl[c->last], ENT_PER, value);
}

/* The name c found in text[0..n): its value, for the document's memory
 * and for out if of types. */
static void
take_name(struct ent_finder *f, const char *text, size_t n,
    const struct entp_found *c, struct buf *value, unsigned types,
    struct entities *out)
{
	size_t start = f->off.start[f->toks.v[c->first].start + c->skip];
	size_t end = entp_mention_end(text, n,
	    f->off.end[f->toks.v[c->last].end - 1]);

	if (c->rank == RANK_RULE && !earlier(f, c, value))
		entp_canonical(f, text, start, end, value);
	buf_addc(value, '\0');
	value->n--;
	remember(f, c, value->p);
	if (types & 1u << c->type)
		entp_emit(out, start, end, c->type, c->rank, value->p,
		    value->n);
}

void
entp_find_by_rules(struct ent_finder *f, const char *text, size_t n,
    unsigned types, struct entities *out)
{
	struct buf value = { 0 };
	size_t i = 0, len, skip;
	enum ent_type type;
	int arabic;

	out->n = 0;
	out->values.n = 0;
	prepare(f, text, n);
	arabic = mostly_arabic(f);
	while (i < f->toks.n) {
		struct entp_found best = { 0 };

		if ((len = entp_numeric_at(f, i, &type, &skip, &value)) > 0) {
			if (types & 1u << type)
				entp_emit(out, f->off.start[f->toks.v[i].start +
				    skip], entp_mention_end(text, n,
				    f->off.end[f->toks.v[i + len - 1].end - 1]),
				    type, RANK_NUMERIC, value.p, value.n);
			i += len;
			continue;
		}
		entp_name_at(f, text, i, arabic, &best, &value);
		if (best.tokens == 0) {
			i++;
			continue;
		}
		take_name(f, text, n, &best, &value, types, out);
		i = best.last + 1;
	}
	buf_free(&value);
}
