#include "entp.h"

#include <stdlib.h>
#include <string.h>

#include "seg.h"

void
entp_tag_init(struct entp_tag *t)
{
	memset(t, 0, sizeof *t);
	cluster_index_init(&t->clusters);
}

void
entp_tag_free(struct entp_tag *t)
{
	cluster_index_free(&t->clusters);
	entities_free(&t->rules);
	free(t->rule_first);
	free(t->rule_last);
	free(t->view.cls);
	free(t->view.hint);
	free(t->view.freq);
	free(t->view.namepart);
	free(t->view.cluster);
	free(t->view.start);
	free(t->view.end);
	free(t->labels);
	free(t->starts);
	free(t->tagged);
	free(t->taken);
	buf_free(&t->value);
}

/* Marks the tokens each mention of the rules covers. */
static void
hint_rules(struct entp_tag *t)
{
	struct ner_sentence *v = &t->view;
	size_t i = 0, e;

	memset(v->hint, 0, v->n);
	if (t->rules.n + 1 > t->rcap) {
		t->rule_first = xgrow(t->rule_first, &t->rcap, t->rules.n + 1,
		    sizeof *t->rule_first);
		t->rule_last = xrealloc(t->rule_last, t->rcap *
		    sizeof *t->rule_last);
	}
	for (e = 0; e < t->rules.n; e++) {
		const struct entity *m = &t->rules.v[e];
		int inside = 0;

		while (i < v->n && v->end[i] <= m->start)
			i++;
		t->rule_first[e] = i;
		for (; i < v->n && v->start[i] < m->end; i++) {
			v->hint[i] = (unsigned char)(1 + 2 * m->type + inside);
			inside = 1;
		}
		t->rule_last[e] = i;	/* one past */
	}
}

/* Token i's word clusters, as the tagger takes them. */
static uint16_t
cluster_code(const struct ent_finder *f, size_t i)
{
	unsigned fine, coarse;

	if (!cluster_index_lookup(&f->tag.clusters, f->w[i], f->wl[i], &fine,
	    &coarse))
		return 0;
	return (uint16_t)((coarse + 1) << 9 | (fine + 1));
}

/* Room for the view of n tokens, never NULL, even for no tokens. */
static void
view_reserve(struct entp_tag *t, size_t n)
{
	struct ner_sentence *v = &t->view;

	if (n < t->cap)
		return;
	t->cap = n + 1;
	v->cls = xrealloc(v->cls, t->cap);
	v->hint = xrealloc(v->hint, t->cap);
	v->freq = xrealloc(v->freq, t->cap);
	v->namepart = xrealloc(v->namepart, t->cap);
	v->cluster = xrealloc(v->cluster, t->cap * sizeof *v->cluster);
	v->start = xrealloc(v->start, t->cap * sizeof *v->start);
	v->end = xrealloc(v->end, t->cap * sizeof *v->end);
	t->labels = xrealloc(t->labels, t->cap * sizeof *t->labels);
	t->starts = xrealloc(t->starts, t->cap * sizeof *t->starts);
	t->tagged = xrealloc(t->tagged, t->cap * sizeof *t->tagged);
	t->taken = xrealloc(t->taken, t->cap);
}

/* 0 for unknown, else 1 + log2 of the count. */
static unsigned char
log_count(uint32_t c)
{
	unsigned char b = 0;

	while (c > 0) {
		b++;
		c >>= 1;
	}
	return b;
}

const struct ner_sentence *
ent_view(struct ent_finder *f, const char *text, size_t n)
{
	struct ner_sentence *v = &f->tag.view;
	size_t i;

	entp_find_by_rules(f, text, n, &f->tag.rules);
	view_reserve(&f->tag, f->toks.n);
	v->n = f->toks.n;
	v->w = f->w;
	v->wl = f->wl;
	for (i = 0; i < v->n; i++) {
		v->cls[i] = (unsigned char)f->toks.v[i].cls;
		v->freq[i] = log_count(entp_commonness(f, text, i));
		v->namepart[i] = (unsigned char)entp_is_name_part(f, i);
		v->cluster[i] = cluster_code(f, i);
		v->start[i] = f->off.start[f->toks.v[i].start];
		v->end[i] = entp_mention_end(text, n,
		    f->off.end[f->toks.v[i].end - 1]);
	}
	hint_rules(&f->tag);
	return v;
}

/* Where a tagged name starts: after the proclitics of its first word,
 * unless the word is a given name (سهام, not س + هام); whether the
 * article there lost its alef, in *alef. */
static size_t
name_start(struct ent_finder *f, const char *text, size_t tok, int *alef)
{
	struct entp_tag *t = &f->tag;
	struct seg_word w;
	size_t at[SEG_MAX_LETTERS + 1], a = t->view.start[tok];
	struct seg_cut c;

	*alef = 0;
	if (t->seg == NULL || !seg_word_read(text + a, t->view.end[tok] - a,
	    &w, at))
		return a;
	norm_text(f->nm, text + a, t->view.end[tok] - a, &t->value, NULL);
	if (entp_is_given_name(f, t->value.p, t->value.n))
		return a;
	c = segmenter_cut(t->seg, &w);
	if (c.pro == 0 || c.pro >= w.n)
		return a;
	*alef = segmenter_lost_alef(t->seg, &w, c);
	return a + at[c.pro];
}

/* The rules' mention ending where a tagged name ends and starting in its
 * first token, if any. */
static const struct entity *
rule_mention(const struct entp_tag *t, size_t tok, size_t end)
{
	size_t e;

	for (e = 0; e < t->rules.n; e++)
		if (t->rules.v[e].end == end && t->rules.v[e].start >=
		    t->view.start[tok] && t->rules.v[e].start <
		    t->view.end[tok] && t->rules.v[e].rank > RANK_NUMERIC)
			return &t->rules.v[e];
	return NULL;
}

/* Emits the tagged name over tokens [first, last]. */
static void
emit_tagged(struct ent_finder *f, const char *text, size_t first,
    size_t last, enum ent_type type, struct entities *out)
{
	struct entp_tag *t = &f->tag;
	size_t end = t->view.end[last], start;
	const struct entity *r = rule_mention(t, first, end);

	if (r != NULL) {
		start = r->start;
		t->value.n = 0;
		buf_add(&t->value, t->rules.values.p + r->value,
		    strlen(t->rules.values.p + r->value));
	} else {
		int alef;

		start = name_start(f, text, first, &alef);
		entp_value(f, text, start, end, alef, &t->value);
	}
	entp_emit(out, start, end, type, RANK_TAGGED, t->value.p, t->value.n);
}

/* Takes tokens [first, last) for a mention if none is taken yet. */
static int
take(struct entp_tag *t, size_t first, size_t last)
{
	size_t i;

	if (first >= last)
		return 0;
	for (i = first; i < last; i++)
		if (t->taken[i])
			return 0;
	memset(t->taken + first, 1, last - first);
	return 1;
}

/* Takes the rules' mentions of ranks lo..hi where tokens are free. */
static void
take_rules(struct entp_tag *t, int lo, int hi)
{
	size_t e;

	for (e = 0; e < t->rules.n; e++)
		if (t->rules.v[e].rank >= lo && t->rules.v[e].rank <= hi &&
		    take(t, t->rule_first[e], t->rule_last[e]))
			t->starts[t->rule_first[e]] = e + 1;
}

/*
 * Whether rules' mention e is surer than the tagger: a name of several
 * words in a gazetteer (بن قردان), or one named with its head (مؤسسة
 * غيتس, وكالة تاس, مخيم الشوشة), whatever the tagger makes of its words.
 */
static int
surer_than_tagger(struct ent_finder *f, size_t e)
{
	const struct entp_tag *t = &f->tag;
	struct entp_strip s[3];
	size_t i = t->rule_first[e], k, n, len, id, wl;
	unsigned kind;

	if (t->rule_last[e] - i < 2)
		return 0;
	if (t->rules.v[e].rank == RANK_GAZETTEER)
		return 1;
	if (t->rules.v[e].rank != RANK_RULE || t->rules.v[e].type == ENT_PER)
		return 0;
	/* The head starts the name, or comes just before it. */
	for (i = i > 0 ? i - 1 : i; i <= t->rule_first[e]; i++) {
		n = entp_strips(f, i, s);
		for (k = 0; k < n; k++) {
			const char *w = entp_stripped(f, i, &s[k], &wl);

			kind = entp_kind_as(f, i, w, wl, &len, &id);
			if ((kind == K_ORGHEAD || kind == K_LOCHEAD) &&
			    i + len >= t->rule_first[e])
				return 1;
		}
	}
	return 0;
}

static void
take_surer(struct ent_finder *f)
{
	struct entp_tag *t = &f->tag;
	size_t e;

	for (e = 0; e < t->rules.n; e++)
		if (surer_than_tagger(f, e) && take(t, t->rule_first[e],
		    t->rule_last[e]))
			t->starts[t->rule_first[e]] = e + 1;
}

/* The tagger's names, each taken where its tokens are free. */
static void
take_tagged(struct entp_tag *t)
{
	const struct ner_sentence *v = &t->view;
	size_t i, last;

	for (i = 0; i < v->n; i = last) {
		size_t type = NER_TYPE(t->labels[i]);

		last = i + 1;
		if (t->labels[i] == 0)
			continue;
		while (last < v->n && t->labels[last] == NER_INSIDE(type))
			last++;
		if (take(t, i, last))
			t->tagged[i] = last - i;
	}
}

/*
 * The tagger decides the names, with the rules' mentions among its
 * features; before it come the numbers, dates and sums and the names of
 * the user's gazetteer; after it, where it found nothing, the rules' own
 * names (an earlier mention's value folds variants together).
 */
void
entp_find_by_model(struct ent_finder *f, const char *text, size_t n,
    struct entities *out)
{
	struct entp_tag *t = &f->tag;
	const struct ner_sentence *v = ent_view(f, text, n);
	size_t i;

	out->n = 0;
	out->values.n = 0;
	ner_tag(t->ner, v, t->labels);
	memset(t->taken, 0, v->n);
	memset(t->starts, 0, v->n * sizeof *t->starts);
	memset(t->tagged, 0, v->n * sizeof *t->tagged);
	take_rules(t, RANK_NUMERIC, RANK_NUMERIC);
	take_rules(t, RANK_USER_GAZETTEER, RANK_USER_GAZETTEER);
	take_surer(f);
	take_tagged(t);
	take_rules(t, RANK_RULE, RANK_GAZETTEER);
	for (i = 0; i < v->n; i++) {
		const struct entity *e;

		if (t->tagged[i] > 0 && t->labels[i] > 0) {
			emit_tagged(f, text, i, i + t->tagged[i] - 1,
			    (enum ent_type)NER_TYPE(t->labels[i]), out);
			continue;
		}
		if (t->starts[i] == 0)
			continue;
		e = &t->rules.v[t->starts[i] - 1];
		entp_emit(out, e->start, e->end, e->type, e->rank,
		    t->rules.values.p + e->value,
		    strlen(t->rules.values.p + e->value));
	}
}
