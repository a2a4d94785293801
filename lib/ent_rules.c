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
		f->words_at = xrealloc(f->words_at, f->wcap *
		    sizeof *f->words_at);
		f->when_at = xrealloc(f->when_at, f->wcap *
		    sizeof *f->when_at);
	}
	for (i = 0; i < f->toks.n; i++) {
		f->w[i] = f->normed.p + f->toks.v[i].start;
		f->wl[i] = f->toks.v[i].end - f->toks.v[i].start;
		f->words_at[i].known = f->when_at[i].known = 0;
	}
	f->year_end = 0;
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

/* The name c found in text[0..n), with its value, into out. */
static void
take_name(struct ent_finder *f, const char *text, size_t n,
    const struct entp_found *c, struct buf *value, struct entities *out)
{
	size_t start = f->off.start[f->toks.v[c->first].start + c->skip];
	size_t end = entp_mention_end(text, n,
	    f->off.end[f->toks.v[c->last].end - 1]);

	if (c->rank == RANK_RULE)
		entp_value(f, text, start, end, c->alef, value);
	entp_emit(out, start, end, c->type, c->rank, value->p, value->n);
}

void
entp_find_by_rules(struct ent_finder *f, const char *text, size_t n,
    struct entities *out)
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
			entp_emit(out, f->off.start[f->toks.v[i].start + skip],
			    entp_mention_end(text, n, f->off.end[f->toks.v[i +
			    len - 1].end - 1]), type, RANK_NUMERIC, value.p,
			    value.n);
			i += len;
			continue;
		}
		entp_name_at(f, text, i, arabic, &best, &value);
		if (best.tokens == 0) {
			i++;
			continue;
		}
		take_name(f, text, n, &best, &value, out);
		i = best.last + 1;
	}
	buf_free(&value);
}
