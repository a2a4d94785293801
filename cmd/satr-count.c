/*
 * satr-count: counts distinct values of fields, within groups, as n-grams or
 * as co-occurring pairs, and merges partial counts.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "fieldlist.h"
#include "hash.h"
#include "input.h"
#include "mem.h"
#include "msg.h"
#include "tsv.h"
#include "writer.h"

static const struct cli_program prog = {
	"satr-count",
	"[-Hr] [-f LIST] [--by LIST [--cooc] | --distinct-by LIST]\n"
	"       [--ngram N [--sep STR]] [--merge] [--top N] [--min N] [--freq]\n"
	"       [--invalid=MODE] [--line-buffered] [FILE...]",
	"Count the distinct values of the selected fields (default: the whole\n"
	"record), most frequent first.",
	"      --by LIST           count within each group these fields name\n"
	"      --distinct-by LIST  count the distinct groups a value occurs in\n"
	"      --cooc              count pairs of values met in one group (--by)\n"
	"      --ngram N           count the N-grams of the tokens in one field\n"
	"      --sep STR           token separator for --ngram (default: space)\n"
	"      --merge             sum earlier satr-count output (count last)\n"
	"      --top N             only the N most frequent (per group with --by)\n"
	"      --min N             only values counted at least N times\n"
	"      --freq              add each count's share of its group's total\n"
	"      --bars              add a bar of the count, for a terminal\n",
	0
};

enum {
	OPT_BY = CLI_OPT_PROGRAM,
	OPT_COOC,
	OPT_DISTINCT_BY,
	OPT_BARS,
	OPT_FREQ,
	OPT_MERGE,
	OPT_MIN,
	OPT_NGRAM,
	OPT_SEP,
	OPT_TOP
};

static const struct option longopts[] = {
	CLI_LONGOPTS,
	{ "by", required_argument, NULL, OPT_BY },
	{ "cooc", no_argument, NULL, OPT_COOC },
	{ "distinct-by", required_argument, NULL, OPT_DISTINCT_BY },
	{ "bars", no_argument, NULL, OPT_BARS },
	{ "freq", no_argument, NULL, OPT_FREQ },
	{ "merge", no_argument, NULL, OPT_MERGE },
	{ "min", required_argument, NULL, OPT_MIN },
	{ "ngram", required_argument, NULL, OPT_NGRAM },
	{ "sep", required_argument, NULL, OPT_SEP },
	{ "top", required_argument, NULL, OPT_TOP },
	{ NULL, 0, NULL, 0 }
};

/* What is counted for each key. */
enum mode {
	MODE_PLAIN,		/* occurrences */
	MODE_BY,		/* occurrences within each group */
	MODE_DISTINCT,		/* distinct groups */
	MODE_COOC		/* groups shared by two keys */
};

struct count {
	struct cli_options opt;
	enum mode mode;
	struct fieldlist keys, groups;
	int has_keys, merge, freq, bars;
	uint64_t top, min, ngram;
	const char *sep;
	size_t seplen;

	size_t *kidx, kcap, nk;	/* selected key fields of the record */
	size_t *gidx, gcap, ng;	/* selected group fields */
	size_t chosen_for;	/* the field count they were chosen for, or 0 */
	struct buf group, key;
	struct buf text, value;	/* --ngram: the field's value, an n-gram */
	size_t *tok, tokcap;	/* token starts and ends for --ngram */

	struct hmap keymap;	/* key -> count */
	struct hmap groupmap;	/* group -> total count */
	struct hmap cells;	/* (group, key) numbers -> count */
	uint64_t total;
};

/* A line of output: the group (or first key of a pair), key and count. */
struct row {
	const char *a, *b;
	size_t an, bn;
	uint64_t count;
	uint64_t total;		/* for --freq */
	uint64_t apre, bpre;	/* first bytes of a and b, for quick order */
};

static int
bytes_cmp(const char *a, size_t an, const char *b, size_t bn)
{
	int c = memcmp(a, b, an < bn ? an : bn);

	if (c != 0 || an == bn)
		return c;
	return an < bn ? -1 : 1;
}

/* The first eight bytes of s as a number that sorts as they do. */
static uint64_t
prefix(const char *s, size_t n)
{
	unsigned char b[8] = { 0 };

	memcpy(b, s, n < 8 ? n : 8);
	return (uint64_t)b[0] << 56 | (uint64_t)b[1] << 48 |
	    (uint64_t)b[2] << 40 | (uint64_t)b[3] << 32 |
	    (uint64_t)b[4] << 24 | (uint64_t)b[5] << 16 |
	    (uint64_t)b[6] << 8 | b[7];
}

static int
field_cmp(const char *a, size_t an, uint64_t apre, const char *b, size_t bn,
    uint64_t bpre)
{
	if (apre != bpre)
		return apre < bpre ? -1 : 1;
	return bytes_cmp(a, an, b, bn);
}

/* Most frequent first, ties in byte order: the output is deterministic. */
static int
row_cmp(const void *x, const void *y)
{
	const struct row *a = x, *b = y;
	int c;

	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	if ((c = field_cmp(a->a, a->an, a->apre, b->a, b->an, b->apre)) != 0)
		return c;
	return field_cmp(a->b, a->bn, a->bpre, b->b, b->bn, b->bpre);
}

/* Groups in byte order, then as row_cmp within each group. */
static int
row_cmp_grouped(const void *x, const void *y)
{
	const struct row *a = x, *b = y;
	int c = field_cmp(a->a, a->an, a->apre, b->a, b->an, b->apre);

	return c != 0 ? c : row_cmp(x, y);
}

/* Appends the values of the selected fields, canonical, TAB-joined. */
static void
join_fields(struct buf *out, const struct tsv_fields *f, const size_t *idx,
    size_t n, int raw)
{
	size_t i;

	out->n = 0;
	for (i = 0; i < n; i++) {
		const struct tsv_field *fl = &f->v[idx[i]];

		if (i > 0)
			buf_addc(out, '\t');
		if (raw)
			tsv_escape(fl->p, fl->n, out);
		else
			tsv_canonical(fl->p, fl->n, out);
	}
}

static struct hmap_val *
intern_ids(struct hmap *m, uint64_t a, uint64_t b, int *added)
{
	uint64_t k[2] = { a, b };

	return hmap_intern(m, k, sizeof k, added);
}

/* Adds n to *v; returns 0 if the sum would overflow. */
static int
add_to(uint64_t *v, uint64_t n)
{
	if (*v > UINT64_MAX - n)
		return 0;
	*v += n;
	return 1;
}

/* Counts key (in group c->group) n times; returns 0 on overflow. */
static int
add(struct count *c, const char *key, size_t keylen, uint64_t n)
{
	int added;
	struct hmap_val *k = hmap_intern(&c->keymap, key, keylen, &added);
	struct hmap_val *g;

	if (c->mode == MODE_PLAIN)
		return add_to(&k->count, n) && add_to(&c->total, n);
	g = hmap_intern(&c->groupmap, c->group.p, c->group.n, &added);
	if (c->mode == MODE_BY)
		return add_to(&intern_ids(&c->cells, g->id, k->id,
		    &added)->count, n) && add_to(&g->count, n);
	/* A key met again in the same group as last time needs no lookup. */
	if (k->aux == g->id + 1)
		return 1;
	k->aux = g->id + 1;
	intern_ids(&c->cells, g->id, k->id, &added);
	if (added)
		k->count++;
	return 1;
}

/* Counts the n-grams of the tokens of v, separated by c->sep. */
static int
add_ngrams(struct count *c, const char *v, size_t n)
{
	size_t ntok = 0, i, j;
	const char *p = v, *end = v + n;

	while (p < end) {
		const char *s = memmem(p, (size_t)(end - p), c->sep, c->seplen);
		const char *e = s ? s : end;

		if (e > p) {
			c->tok = xgrow(c->tok, &c->tokcap, 2 * ntok + 2,
			    sizeof *c->tok);
			c->tok[2 * ntok] = (size_t)(p - v);
			c->tok[2 * ntok + 1] = (size_t)(e - v);
			ntok++;
		}
		p = s ? s + c->seplen : end;
	}
	for (i = 0; i + c->ngram <= ntok; i++) {
		c->value.n = 0;
		for (j = i; j < i + c->ngram; j++) {
			if (j > i)
				buf_add(&c->value, c->sep, c->seplen);
			buf_add(&c->value, v + c->tok[2 * j],
			    c->tok[2 * j + 1] - c->tok[2 * j]);
		}
		c->key.n = 0;
		tsv_escape(c->value.p, c->value.n, &c->key);
		if (!add(c, c->key.p, c->key.n, 1))
			return 0;
	}
	return 1;
}

/* Every field of nfields but the group fields, in order. */
static void
select_rest(struct count *c, size_t nfields)
{
	size_t i, j;

	c->nk = 0;
	for (i = 0; i < nfields; i++) {
		for (j = 0; j < c->ng; j++)
			if (c->gidx[j] == i)
				break;
		if (j < c->ng)
			continue;
		c->kidx = xgrow(c->kidx, &c->kcap, c->nk + 1, sizeof *c->kidx);
		c->kidx[c->nk++] = i;
	}
}

/*
 * Chooses the group and key fields among nfields (with --merge, the fields
 * before the count). Returns 0, or the number of a selected field that is
 * missing.
 */
static size_t
choose_fields(struct count *c, size_t nfields)
{
	size_t missing = 0;
	long k;

	/* Records mostly have as many fields as the one before. */
	if (nfields == c->chosen_for)
		return 0;
	c->chosen_for = 0;
	c->ng = 0;
	if (c->mode != MODE_PLAIN) {
		k = fieldlist_select(&c->groups, nfields, &c->gidx, &c->gcap,
		    &missing);
		if (k < 0)
			return missing;
		c->ng = (size_t)k;
	}
	if (c->has_keys) {
		k = fieldlist_select(&c->keys, nfields, &c->kidx, &c->kcap,
		    &missing);
		if (k < 0)
			return missing;
		c->nk = (size_t)k;
	} else if (c->ngram > 0) {
		c->kidx = xgrow(c->kidx, &c->kcap, 1, sizeof *c->kidx);
		c->kidx[0] = nfields - 1;
		c->nk = 1;
	} else {
		select_rest(c, nfields);
	}
	c->chosen_for = nfields;
	return 0;
}

static void
count_record(struct count *c, struct input *in)
{
	const struct tsv_fields *f = &in->fields;
	size_t nkeyfields = f->n, missing;
	uint64_t n = 1;

	if (c->merge) {
		const struct tsv_field *last = &f->v[f->n - 1];

		if (f->n < 2 || !tsv_parse_count(last->p, last->n, &n)) {
			input_fail(in, 0, "not a key and a count: the last "
			    "field is '%.*s'", (int)(last->n > 40 ? 40 : last->n),
			    last->p);
			return;
		}
		nkeyfields--;
	}
	if ((missing = choose_fields(c, nkeyfields)) != 0) {
		input_fail(in, 0, "no field %zu: the record has %zu%s", missing,
		    nkeyfields, c->merge ? " before its count" : "");
		return;
	}
	join_fields(&c->group, f, c->gidx, c->ng, c->opt.raw);
	if (c->ngram > 0) {
		const struct tsv_field *fl = &f->v[c->kidx[0]];

		c->text.n = 0;
		buf_add(&c->text, fl->p, fl->n);
		if (!c->opt.raw)
			c->text.n = tsv_unescape(c->text.p, c->text.n);
		if (!add_ngrams(c, c->text.p, c->text.n))
			input_fail(in, 0, "a count overflows");
		return;
	}
	if (c->nk == 1 && tsv_plain_len(f->v[c->kidx[0]].p,
	    f->v[c->kidx[0]].n) == f->v[c->kidx[0]].n) {
		/* The common case, a plain field: it is its own key. */
		if (!add(c, f->v[c->kidx[0]].p, f->v[c->kidx[0]].n, n))
			input_fail(in, 0, "a count overflows");
		return;
	}
	join_fields(&c->key, f, c->kidx, c->nk, c->opt.raw);
	if (!add(c, c->key.p, c->key.n, n))
		input_fail(in, 0, "a count overflows");
}

/* Numbers keys by their byte order, so pairs can be put in order. */
static size_t *
key_ranks(const struct hmap *m)
{
	size_t *order = xmalloc(m->n * sizeof *order);
	size_t *rank = xmalloc(m->n * sizeof *rank), i;
	struct row *r = xmalloc(m->n * sizeof *r);

	for (i = 0; i < m->n; i++) {
		r[i].a = hmap_key(m, i, &r[i].an);
		r[i].b = "";
		r[i].bn = 0;
		r[i].apre = prefix(r[i].a, r[i].an);
		r[i].bpre = 0;
		r[i].count = i;	/* carries the id through the sort */
	}
	qsort(r, m->n, sizeof *r, row_cmp_grouped);
	for (i = 0; i < m->n; i++)
		order[i] = (size_t)r[i].count;
	for (i = 0; i < m->n; i++)
		rank[order[i]] = i;
	free(order);
	free(r);
	return rank;
}

struct cell {
	uint64_t group, rank, key;
};

static int
cell_cmp(const void *x, const void *y)
{
	const struct cell *a = x, *b = y;

	if (a->group != b->group)
		return a->group < b->group ? -1 : 1;
	return a->rank < b->rank ? -1 : a->rank > b->rank;
}

/*
 * Counts, for each pair of keys, the groups that hold both. The cells are
 * sorted by group, so each group's keys lie together in byte order, and
 * each pair is counted once per group.
 */
static void
count_pairs(struct count *c, struct hmap *pairs)
{
	size_t n = c->cells.n, i, j, k, *rank = key_ranks(&c->keymap);
	struct cell *cl = xmalloc(n * sizeof *cl);
	int added;

	for (i = 0; i < n; i++) {
		uint64_t ids[2];
		size_t len;

		memcpy(ids, hmap_key(&c->cells, i, &len), sizeof ids);
		cl[i].group = ids[0];
		cl[i].key = ids[1];
		cl[i].rank = rank[ids[1]];
	}
	qsort(cl, n, sizeof *cl, cell_cmp);
	for (i = 0; i < n; i = j) {
		for (j = i; j < n && cl[j].group == cl[i].group; j++)
			;
		for (k = i; k < j; k++) {
			size_t m;

			for (m = k + 1; m < j; m++) {
				intern_ids(pairs, cl[k].key, cl[m].key,
				    &added)->count++;
			}
		}
	}
	free(cl);
	free(rank);
}

/* The table to print, one row per key, cell or pair. */
static struct row *
make_rows(struct count *c, struct hmap *pairs, size_t *nrows)
{
	struct hmap *m = c->mode == MODE_BY ? &c->cells :
	    c->mode == MODE_COOC ? pairs : &c->keymap;
	struct row *rows = xmalloc(m->n * sizeof *rows);
	size_t i;

	for (i = 0; i < m->n; i++) {
		struct row *r = &rows[i];

		r->count = hmap_at(m, i)->count;
		r->total = c->total;
		r->a = "";
		r->an = 0;
		if (c->mode == MODE_BY || c->mode == MODE_COOC) {
			uint64_t ids[2];
			size_t len;
			const struct hmap *am = c->mode == MODE_BY ?
			    &c->groupmap : &c->keymap;

			memcpy(ids, hmap_key(m, i, &len), sizeof ids);
			r->a = hmap_key(am, ids[0], &r->an);
			r->b = hmap_key(&c->keymap, ids[1], &r->bn);
			if (c->mode == MODE_BY)
				r->total = hmap_at(&c->groupmap, ids[0])->count;
		} else {
			r->b = hmap_key(m, i, &r->bn);
		}
		r->apre = prefix(r->a, r->an);
		r->bpre = prefix(r->b, r->bn);
	}
	*nrows = m->n;
	return rows;
}

static void
write_count(struct writer *w, uint64_t v)
{
	char num[24];

	writer_put(w, num, (size_t)snprintf(num, sizeof num, "%" PRIu64, v));
}

enum { BAR_WIDTH = 40 };

/* A bar of count's share of top, BAR_WIDTH cells wide at most, drawn in
 * eighths of a cell with the Unicode block elements. */
static void
write_bar(struct writer *w, uint64_t count, uint64_t top)
{
	static const char *const eighths[] = { "", "\u258f", "\u258e",
	    "\u258d", "\u258c", "\u258b", "\u258a", "\u2589" };
	uint64_t units = top ? (uint64_t)((double)count / (double)top *
	    BAR_WIDTH * 8 + 0.5) : 0, i;

	if (units == 0 && count > 0)
		units = 1;
	for (i = 0; i < units / 8; i++)
		writer_puts(w, "\u2588");
	writer_puts(w, eighths[units % 8]);
}

static void
write_rows(const struct count *c, struct writer *w, struct row *rows,
    size_t n)
{
	int grouped = c->mode == MODE_BY;
	uint64_t shown = 0, top = 0;
	size_t i;

	qsort(rows, n, sizeof *rows, grouped ? row_cmp_grouped : row_cmp);
	for (i = 0; i < n; i++)
		if (rows[i].count > top)
			top = rows[i].count;
	for (i = 0; i < n && w->err == 0; i++) {
		const struct row *r = &rows[i];

		if (grouped && i > 0 &&
		    bytes_cmp(r->a, r->an, rows[i - 1].a, rows[i - 1].an) != 0)
			shown = 0;
		if (r->count < c->min || (c->top > 0 && shown >= c->top))
			continue;
		shown++;
		if (c->mode == MODE_BY || c->mode == MODE_COOC) {
			writer_put(w, r->a, r->an);
			writer_putc(w, '\t');
		}
		writer_put(w, r->b, r->bn);
		writer_putc(w, '\t');
		write_count(w, r->count);
		if (c->freq) {
			char num[32];

			writer_putc(w, '\t');
			writer_put(w, num, (size_t)snprintf(num, sizeof num,
			    "%.6g", r->total ? (double)r->count /
			    (double)r->total : 0.0));
		}
		if (c->bars) {
			writer_putc(w, '\t');
			write_bar(w, r->count, top);
		}
		writer_end_record(w);
	}
}

static void
write_names(struct writer *w, const struct tsv_fields *h, const size_t *idx,
    size_t n, const char *suffix)
{
	size_t i;

	for (i = 0; i < n; i++) {
		writer_put(w, h->v[idx[i]].p, h->v[idx[i]].n);
		writer_puts(w, suffix);
		writer_putc(w, '\t');
	}
}

/* The output's header: the names of its fields, as the input names them. */
static void
write_header(struct count *c, struct writer *w, const struct tsv_fields *h)
{
	size_t nkeyfields = h->n - (c->merge ? 1 : 0), missing;

	if (c->merge && h->n < 2)
		msg_die(SATR_EXIT_DATA, "--merge: the header names no count");
	if ((missing = choose_fields(c, nkeyfields)) != 0)
		msg_die(SATR_EXIT_DATA, "no field %zu in the header", missing);
	write_names(w, h, c->gidx, c->mode == MODE_BY ? c->ng : 0, "");
	write_names(w, h, c->kidx, c->nk, c->mode == MODE_COOC ? "1" : "");
	if (c->mode == MODE_COOC)
		write_names(w, h, c->kidx, c->nk, "2");
	if (c->merge)
		writer_put(w, h->v[h->n - 1].p, h->v[h->n - 1].n);
	else
		writer_puts(w, "count");
	if (c->freq)
		writer_puts(w, "\tfreq");
	if (c->bars)
		writer_puts(w, "\tbar");
	writer_end_record(w);
}

static void
resolve(struct fieldlist *fl, const char *opt, const struct tsv_fields *h)
{
	char err[256];

	if (fieldlist_resolve(fl, h, err, sizeof err) < 0)
		cli_usage_error(&prog, "%s: %s", opt, err);
}

static void
parse_options(struct count *c, int argc, char **argv)
{
	const char *by = NULL, *distinct_by = NULL;
	int ch, cooc = 0;

	cli_init(&c->opt);
	c->sep = " ";
	while ((ch = getopt_long(argc, argv, CLI_SHORTOPTS, longopts,
	    NULL)) != -1) {
		if (cli_option(&prog, &c->opt, ch, optarg))
			continue;
		switch (ch) {
		case OPT_BY:
			by = optarg;
			break;
		case OPT_COOC:
			cooc = 1;
			break;
		case OPT_DISTINCT_BY:
			distinct_by = optarg;
			break;
		case OPT_BARS:
			c->bars = 1;
			break;
		case OPT_FREQ:
			c->freq = 1;
			break;
		case OPT_MERGE:
			c->merge = 1;
			break;
		case OPT_MIN:
			c->min = cli_number(&prog, "--min", optarg, 1,
			    UINT64_MAX);
			break;
		case OPT_NGRAM:
			c->ngram = cli_number(&prog, "--ngram", optarg, 1,
			    1000);
			break;
		case OPT_SEP:
			if (*optarg == '\0')
				cli_usage_error(&prog, "--sep: empty separator");
			c->sep = optarg;
			break;
		case OPT_TOP:
			c->top = cli_number(&prog, "--top", optarg, 1,
			    UINT64_MAX);
			break;
		default:
			cli_usage(&prog);
		}
	}
	c->seplen = strlen(c->sep);

	if (by && distinct_by)
		cli_usage_error(&prog, "--by and --distinct-by exclude each "
		    "other");
	if (cooc && by == NULL)
		cli_usage_error(&prog, "--cooc needs --by: the groups");
	if (c->merge && (c->opt.fields || c->ngram || distinct_by || cooc))
		cli_usage_error(&prog, "--merge takes its keys from its input: "
		    "no -f, --ngram, --distinct-by or --cooc");
	if (c->freq && (distinct_by || cooc))
		cli_usage_error(&prog, "--freq goes with plain counts and --by");
	c->mode = cooc ? MODE_COOC : by ? MODE_BY :
	    distinct_by ? MODE_DISTINCT : MODE_PLAIN;
	if (by || distinct_by)
		cli_fieldlist(&prog, by ? "--by" : "--distinct-by",
		    by ? by : distinct_by, &c->groups);
	if (c->opt.fields) {
		cli_fieldlist(&prog, "-f", c->opt.fields, &c->keys);
		c->has_keys = 1;
		if (c->ngram && (c->keys.n != 1 || (c->keys.v[0].name == NULL &&
		    c->keys.v[0].lo != c->keys.v[0].hi)))
			cli_usage_error(&prog, "--ngram counts in one field");
	}
}

static void
count_free(struct count *c)
{
	fieldlist_free(&c->keys);
	fieldlist_free(&c->groups);
	free(c->kidx);
	free(c->gidx);
	free(c->tok);
	buf_free(&c->group);
	buf_free(&c->key);
	buf_free(&c->text);
	buf_free(&c->value);
	hmap_free(&c->keymap);
	hmap_free(&c->groupmap);
	hmap_free(&c->cells);
}

int
main(int argc, char **argv)
{
	struct count c;
	struct input in;
	struct writer w;
	struct hmap pairs;
	const struct tsv_fields *h;
	int status;

	memset(&c, 0, sizeof c);
	parse_options(&c, argc, argv);
	hmap_init(&c.keymap);
	hmap_init(&c.groupmap);
	hmap_init(&c.cells);
	hmap_init(&pairs);
	input_init(&in, &c.opt, argc - optind, argv + optind);
	writer_init(&w, STDOUT_FILENO, c.opt.line_buffered || isatty(1));

	h = input_header(&in);
	if (h != NULL || !c.opt.header) {
		resolve(&c.keys, "-f", h);
		resolve(&c.groups, c.mode == MODE_DISTINCT ? "--distinct-by" :
		    "--by", h);
	}
	while (input_next(&in))
		count_record(&c, &in);
	if (!in.stopped) {
		struct row *rows;
		size_t nrows;

		if (h != NULL)
			write_header(&c, &w, h);

		if (c.mode == MODE_COOC)
			count_pairs(&c, &pairs);
		rows = make_rows(&c, &pairs, &nrows);
		write_rows(&c, &w, rows, nrows);
		free(rows);
	}
	status = input_finish(&in);
	status = cli_close_output(&w, status);
	hmap_free(&pairs);
	count_free(&c);
	return status;
}
