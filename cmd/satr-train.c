/*
 * satr-train: trains the clitic segmenter of satr-tok or the entity tagger
 * of satr-ent from annotated text, an averaged perceptron stopping at the
 * epoch that does best on the development data.
 */
#include <errno.h>
#include <stdint.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "ent.h"
#include "linear.h"
#include "mem.h"
#include "msg.h"
#include "nergold.h"
#include "nertag.h"
#include "reader.h"
#include "seg.h"

static const struct cli_program prog = {
	"satr-train",
	"seg|ner [-o MODEL] [--epochs N] [--bits B] [--domain NAME]\n"
	"       [--map FROM=TO,...] TRAIN [DEV]",
	"Train a clitic segmentation (seg) or entity (ner) model.",
	"  -o, --output MODEL      write the model there (default: seg.model\n"
	"                          or ner.model)\n"
	"      --epochs N          at most N passes over TRAIN (default 25)\n"
	"      --bits B            2^B rows of weights (default 18 for seg, 19\n"
	"                          for ner)\n"
	"      --domain NAME       ner: tag with the feature copies of the\n"
	"                          corpus NAME (a '# corpus=NAME' line of TRAIN)\n"
	"      --map FROM=TO,...   ner: read the type FROM as TO (PER, ORG, LOC,\n"
	"                          MISC, or O to drop it); PERS and PERSON are\n"
	"                          read as PER, MIS as MISC, GPE as LOC\n",
	1
};

enum { OPT_EPOCHS = CLI_OPT_PROGRAM, OPT_BITS, OPT_DOMAIN, OPT_MAP };

static const struct option longopts[] = {
	{ "output", required_argument, NULL, 'o' },
	{ "epochs", required_argument, NULL, OPT_EPOCHS },
	{ "bits", required_argument, NULL, OPT_BITS },
	{ "domain", required_argument, NULL, OPT_DOMAIN },
	{ "map", required_argument, NULL, OPT_MAP },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

/* Epochs without a better development score before training stops. */
enum { PATIENCE = 3 };

struct seg_example {
	struct seg_word w;
	struct seg_cut gold;
};

struct seg_data {
	struct seg_example *v;
	size_t n, cap;
	size_t other;		/* words that are not Arabic: never cut */
	size_t unknown;		/* cut in a way no candidate is */
};

/* Calls line(ctx, text, n, file, lineno) for every line of path. */
static void
read_lines(const char *path, void (*line)(void *, char *, size_t,
    const char *, uint64_t), void *ctx)
{
	struct reader r;
	char *rec;
	size_t n;
	int fd = open(path, O_RDONLY), got;

	if (fd < 0)
		msg_die(SATR_EXIT_DATA, "%s:", path);
	reader_init(&r, fd);
	while ((got = reader_next(&r, &rec, &n)) > 0)
		line(ctx, rec, n, path, r.line);
	if (got < 0) {
		errno = r.err;
		msg_die(SATR_EXIT_DATA, "%s:", path);
	}
	reader_free(&r);
	close(fd);
}

static void
seg_line(void *ctx, char *s, size_t n, const char *file, uint64_t line)
{
	struct seg_data *d = ctx;
	struct seg_example *e;
	int got;

	(void)file;
	(void)line;
	if (n == 0 || s[0] == '#')
		return;
	d->v = xgrow(d->v, &d->cap, d->n + 1, sizeof *d->v);
	e = &d->v[d->n];
	got = seg_gold(s, n, &e->w, &e->gold);
	if (got == 0)
		d->other++;
	else if (got < 0)
		d->unknown++;
	else
		d->n++;
}

/* Spans of a cut of an n-letter word, as start * 64 + end. */
static size_t
cut_spans(struct seg_cut c, size_t n, unsigned *out)
{
	size_t k = 0, i;

	for (i = 0; i < c.pro; i++)
		out[k++] = (unsigned)(i * 64 + i + 1);
	if (c.pro + c.enc < n)
		out[k++] = (unsigned)((size_t)c.pro * 64 + n - c.enc);
	if (c.enc > 0)
		out[k++] = (unsigned)((n - c.enc) * 64 + n);
	return k;
}

/* Syntactic-word F1 (in percent) of m on d; non-Arabic words count as
 * right. */
static double
seg_score(const struct linear *m, const struct lexicon_index *lx,
    const struct seg_data *d)
{
	size_t i, j, k, gold = 0, found = 0, right = 0;

	for (i = 0; i < d->n; i++) {
		unsigned g[4], p[4];
		size_t ng = cut_spans(d->v[i].gold, d->v[i].w.n, g);
		size_t np = cut_spans(seg_best(m, lx, &d->v[i].w),
		    d->v[i].w.n, p);

		gold += ng;
		found += np;
		for (j = 0; j < ng; j++)
			for (k = 0; k < np; k++)
				right += g[j] == p[k];
	}
	/* a word that is not Arabic is one syntactic word, found */
	gold += d->other;
	found += d->other;
	right += d->other;
	return gold + found == 0 ? 0 : 200.0 * right / (double)(gold + found);
}

/* The same shuffle every run, so a model is rebuilt byte for byte. */
static void
shuffle(size_t *order, size_t n, uint64_t *state)
{
	size_t i;

	for (i = n; i > 1; i--) {
		size_t j, t;

		*state ^= *state << 13;
		*state ^= *state >> 7;
		*state ^= *state << 17;
		j = (size_t)(*state % i);
		t = order[i - 1];
		order[i - 1] = order[j];
		order[j] = t;
	}
}

struct trainer {
	unsigned epochs;
	struct linear model, best;
	double best_score;
	unsigned best_epoch;
};

/* Keeps the averaged model of this epoch if it scores best so far;
 * returns whether training should go on. */
static int
keep_best(struct trainer *t, unsigned epoch, double score, int have_dev)
{
	if (have_dev && epoch > 1 && score <= t->best_score)
		return epoch - t->best_epoch < PATIENCE;
	if (t->best.w != NULL)
		linear_free(&t->best);
	linear_average(&t->model, &t->best);
	t->best_score = score;
	t->best_epoch = epoch;
	return 1;
}

/* One kind of model's training: its examples and how to learn from and
 * score on them. */
struct task {
	size_t n;		/* training examples */
	size_t units;		/* words or tokens in them, for the report */
	const char *unit_name;	/* "words cut right" */
	const char *score_name;	/* "dev syntactic-word F1"; NULL: no dev */
	/* One perceptron step on example i; returns the units got right. */
	size_t (*learn)(void *ctx, struct linear *m, size_t i);
	double (*score)(void *ctx, const struct linear *m);
	void *ctx;
};

/* Passes over the examples in a shuffled order, keeping the averaged
 * model that scores best on the development data. */
static void
run_epochs(struct trainer *t, const struct task *k)
{
	struct linear avg;
	size_t *order, i;
	uint64_t state = 0x9E3779B97F4A7C15u;
	unsigned epoch;

	order = xmalloc(k->n * sizeof *order);
	for (i = 0; i < k->n; i++)
		order[i] = i;
	linear_train_begin(&t->model);
	for (epoch = 1; epoch <= t->epochs; epoch++) {
		size_t right = 0;
		double score;

		shuffle(order, k->n, &state);
		for (i = 0; i < k->n; i++)
			right += k->learn(k->ctx, &t->model, order[i]);
		linear_average(&t->model, &avg);
		score = k->score_name != NULL ? k->score(k->ctx, &avg) : 0;
		linear_free(&avg);
		fprintf(stderr, "satr-train: epoch %u: train %s %.2f%%", epoch,
		    k->unit_name, 100.0 * (double)right / (double)k->units);
		if (k->score_name != NULL)
			fprintf(stderr, ", %s %.2f", k->score_name, score);
		fputc('\n', stderr);
		if (!keep_best(t, epoch, score, k->score_name != NULL))
			break;
	}
	free(order);
	if (k->score_name != NULL)
		fprintf(stderr, "satr-train: kept epoch %u (dev %.2f)\n",
		    t->best_epoch, t->best_score);
}

struct seg_task {
	struct seg_data train, dev;
	struct lexicon_index lexicon;
};

static size_t
seg_learn(void *ctx, struct linear *m, size_t i)
{
	struct seg_task *k = ctx;

	return (size_t)seg_train(m, &k->lexicon, &k->train.v[i].w,
	    k->train.v[i].gold);
}

static double
seg_dev_score(void *ctx, const struct linear *m)
{
	struct seg_task *k = ctx;

	return seg_score(m, &k->lexicon, &k->dev);
}

static void
train_seg(struct trainer *t, const char *train, const char *dev)
{
	struct seg_task k;
	struct task task;

	memset(&k, 0, sizeof k);
	read_lines(train, seg_line, &k.train);
	if (dev != NULL)
		read_lines(dev, seg_line, &k.dev);
	fprintf(stderr, "satr-train: %zu Arabic words (%zu others, %zu cut "
	    "in no known way, left out)\n", k.train.n, k.train.other,
	    k.train.unknown);
	if (k.train.n == 0)
		msg_die(SATR_EXIT_DATA, "%s: no Arabic words to learn from",
		    train);
	lexicon_index_init(&k.lexicon);
	task = (struct task){ k.train.n, k.train.n, "words cut right",
	    dev != NULL ? "dev syntactic-word F1" : NULL, seg_learn,
	    seg_dev_score, &k };
	run_epochs(t, &task);
	lexicon_index_free(&k.lexicon);
	free(k.train.v);
	free(k.dev.v);
}

/* A sentence of the NER data as the tagger sees it, with gold labels. */
struct ner_example {
	size_t first, n;	/* its tokens in ner_data's arrays */
	size_t domain;		/* offset of its corpus name in names */
};

struct ner_data {
	struct ner_example *v;
	size_t n, cap;
	/* every token of every sentence */
	struct buf forms;	/* normalised forms */
	size_t *form_at, *form_len;
	unsigned char *cls, *hint, *freq, *namepart;
	uint16_t *cluster;
	size_t *gold;
	size_t ntok, tokcap;
	struct buf names;	/* corpus names, NUL-terminated */
	/* the sentence being read */
	struct buf text;
	size_t *tstart, *tlabel, nt, tcap;
	size_t domain;
	int new_doc;
	struct ent_finder *ent;
	const struct ner_typemap *types;
	size_t empty;		/* tokens left empty by taking out marks */
	/* IOB1 or IOB2: a first pass over the file counts the B- tags that
	 * only IOB2 writes; without any, an I- may begin a name */
	int scanning, iob1;
	size_t prev;		/* label of the token before, in its sentence */
	size_t iob2_only, begun_by_i;
};

/* Tags of the gold tokens become labels of the tagger's tokens: the first
 * token inside a gold B- token begins the name, the others continue it. */
static void
ner_add_sentence(struct ner_data *d)
{
	const struct ner_sentence *v;
	struct ner_example *e;
	size_t i, g = 0, prev = SIZE_MAX;

	if (d->nt == 0)
		return;
	if (d->new_doc)
		ent_document(d->ent);
	d->new_doc = 0;
	v = ent_view(d->ent, d->text.p, d->text.n);
	d->v = xgrow(d->v, &d->cap, d->n + 1, sizeof *d->v);
	e = &d->v[d->n++];
	e->first = d->ntok;
	e->n = v->n;
	e->domain = d->domain;
	if (d->ntok + v->n > d->tokcap) {
		d->tokcap = 2 * (d->ntok + v->n);
		d->form_at = xrealloc(d->form_at, d->tokcap * sizeof(size_t));
		d->form_len = xrealloc(d->form_len, d->tokcap * sizeof(size_t));
		d->gold = xrealloc(d->gold, d->tokcap * sizeof(size_t));
		d->cls = xrealloc(d->cls, d->tokcap);
		d->hint = xrealloc(d->hint, d->tokcap);
		d->freq = xrealloc(d->freq, d->tokcap);
		d->namepart = xrealloc(d->namepart, d->tokcap);
		d->cluster = xrealloc(d->cluster, d->tokcap *
		    sizeof *d->cluster);
	}
	for (i = 0; i < v->n; i++) {
		size_t k = d->ntok + i, label;

		while (g + 1 < d->nt && d->tstart[g + 1] <= v->start[i])
			g++;
		label = d->tlabel[g];
		if (label % 2 == 1 && g == prev)
			label++;	/* B- goes to the first part only */
		prev = g;
		d->gold[k] = label;
		d->form_at[k] = d->forms.n;
		d->form_len[k] = v->wl[i];
		buf_add(&d->forms, v->w[i], v->wl[i]);
		d->cls[k] = v->cls[i];
		d->hint[k] = v->hint[i];
		d->freq[k] = v->freq[i];
		d->namepart[k] = v->namepart[i];
		d->cluster[k] = v->cluster[i];
	}
	d->ntok += v->n;
	d->nt = 0;
	d->text.n = 0;
}

static void
ner_end_sentence(struct ner_data *d)
{
	d->prev = 0;
	if (!d->scanning)
		ner_add_sentence(d);
}

static void
ner_corpus(struct ner_data *d, const struct ner_gold *g, const char *file,
    uint64_t line)
{
	if (g->n >= LINEAR_DOMAIN_LEN)
		msg_die(SATR_EXIT_DATA, "%s:%llu: a corpus name has at most %d "
		    "bytes", file, (unsigned long long)line,
		    LINEAR_DOMAIN_LEN - 1);
	if (d->scanning)
		return;
	d->domain = d->names.n;
	buf_add(&d->names, g->text, g->n);
	buf_addc(&d->names, '\0');
	d->new_doc = 1;
}

/* The label of g's tag as written; a tag that is none ends the program. */
static size_t
ner_gold_tag(const struct ner_data *d, const struct ner_gold *g,
    const char *file, uint64_t line)
{
	size_t type = 0;
	int label = ner_gold_label(d->types, g->tag, g->tagn, &type);
	int n = (int)(g->tagn - type);

	if (label == NER_BAD_TAG)
		msg_die(SATR_EXIT_DATA, "%s:%llu: unknown tag '%.*s' (O, "
		    "B-TYPE or I-TYPE)", file, (unsigned long long)line,
		    (int)g->tagn, g->tag);
	if (label == NER_BAD_TYPE)
		msg_die(SATR_EXIT_DATA, "%s:%llu: unknown type '%.*s' (PER, "
		    "ORG, LOC or MISC; --map %.*s=TYPE reads it as one, "
		    "%.*s=O drops it)", file, (unsigned long long)line, n,
		    g->tag + type, n, g->tag + type, n, g->tag + type);
	return (size_t)label;
}

static void
ner_token(struct ner_data *d, const struct ner_gold *g, const char *file,
    uint64_t line)
{
	size_t label = ner_gold_tag(d, g, file, line);

	if (g->n == 0) {
		/* nothing but marks: as if it were not there */
		d->empty += !d->scanning;
		return;
	}
	if (d->scanning) {
		d->iob2_only += (size_t)ner_iob2_only(label, d->prev);
		d->prev = label;
		return;
	}
	if (d->iob1) {
		size_t as_iob2 = ner_iob2(label, d->prev);

		d->begun_by_i += as_iob2 != label;
		label = as_iob2;
	}
	d->prev = label;
	if (d->nt + 1 > d->tcap) {
		d->tstart = xgrow(d->tstart, &d->tcap, d->nt + 1,
		    sizeof *d->tstart);
		d->tlabel = xrealloc(d->tlabel, d->tcap * sizeof *d->tlabel);
	}
	if (d->text.n > 0)
		buf_addc(&d->text, ' ');
	d->tstart[d->nt] = d->text.n;
	d->tlabel[d->nt++] = label;
	buf_add(&d->text, g->text, g->n);
}

/* A line of CoNLL-style columns (lib/nergold.h); comments end sentences
 * too. */
static void
ner_line(void *ctx, char *s, size_t n, const char *file, uint64_t line)
{
	struct ner_data *d = ctx;
	struct ner_gold g;

	switch (ner_gold_line(s, n, line == 1, &g)) {
	case NER_LINE_TOKEN:
		ner_token(d, &g, file, line);
		return;
	case NER_LINE_NO_TAG:
		msg_die(SATR_EXIT_DATA, "%s:%llu: expected a token and its tag",
		    file, (unsigned long long)line);
	case NER_LINE_CORPUS:
		ner_end_sentence(d);
		ner_corpus(d, &g, file, line);
		return;
	case NER_LINE_DOC:
		ner_end_sentence(d);
		d->new_doc = 1;
		return;
	case NER_LINE_BLANK:
	case NER_LINE_COMMENT:
		ner_end_sentence(d);
		return;
	}
}

static void
ner_read(const char *path, const struct ner_typemap *types,
    struct ner_data *d)
{
	char err[256];

	if ((d->ent = ent_new(err, sizeof err)) == NULL)
		msg_die(SATR_EXIT_DATA, "%s", err);
	buf_add(&d->names, "", 1);
	d->types = types;
	d->scanning = 1;
	read_lines(path, ner_line, d);
	d->scanning = 0;
	d->iob1 = d->iob2_only == 0;
	d->prev = 0;
	d->new_doc = 1;
	read_lines(path, ner_line, d);
	ner_add_sentence(d);
	ent_free(d->ent);
	if (d->empty > 0)
		fprintf(stderr, "satr-train: %s: tokens of U+200E, U+200F or "
		    "U+FEFF alone, left out: %zu\n", path, d->empty);
	if (d->begun_by_i > 0)
		fprintf(stderr, "satr-train: %s: IOB1 tags; names begun by I-: "
		    "%zu\n", path, d->begun_by_i);
}

/* Sentence i of d as the tagger sees it, in s (arrays from d). */
static void
ner_sentence_of(const struct ner_data *d, size_t i, struct ner_sentence *s,
    const char **w)
{
	const struct ner_example *e = &d->v[i];
	size_t k;

	for (k = 0; k < e->n; k++)
		w[k] = d->forms.p + d->form_at[e->first + k];
	s->n = e->n;
	s->w = w;
	s->wl = d->form_len + e->first;
	s->cls = d->cls + e->first;
	s->hint = d->hint + e->first;
	s->freq = d->freq + e->first;
	s->namepart = d->namepart + e->first;
	s->cluster = d->cluster + e->first;
}

/* Names as (first token, last token, type), from labels. */
static size_t
names_of(const size_t *label, size_t n, size_t *out)
{
	size_t i = 0, k = 0;

	while (i < n) {
		size_t j = i + 1;

		if (label[i] == 0) {
			i++;
			continue;
		}
		while (j < n && label[j] == (size_t)NER_INSIDE(NER_TYPE(
		    label[i])))
			j++;
		out[k++] = i;
		out[k++] = j - 1;
		out[k++] = NER_TYPE(label[i]);
		i = j;
	}
	return k / 3;
}

/* Names of each type in the gold and found by the tagger, and how many
 * of those found are right (the same span and type). */
struct ner_counts {
	size_t gold[ENT_MISC + 1], found[ENT_MISC + 1], right[ENT_MISC + 1];
};

/* Counts the names of one sentence: gold ones gn[0..ng), found pn[0..np),
 * each as (first, last, type). */
static void
count_names(struct ner_counts *c, const size_t *gn, size_t ng,
    const size_t *pn, size_t np)
{
	size_t a, b;

	for (a = 0; a < ng; a++)
		c->gold[gn[3 * a + 2]]++;
	for (b = 0; b < np; b++) {
		c->found[pn[3 * b + 2]]++;
		for (a = 0; a < ng; a++)
			c->right[pn[3 * b + 2]] += memcmp(gn + 3 * a,
			    pn + 3 * b, 3 * sizeof *gn) == 0;
	}
}

/* The names m finds in d against the gold ones, over the tagger's
 * tokens. */
static void
ner_score(const struct linear *m, const struct ner_data *d,
    struct ner_counts *c)
{
	size_t i, max = 0;
	size_t *got, *gn, *pn;
	const char **w;
	struct ner_sentence s;
	struct ner_tagger tagger;

	memset(c, 0, sizeof *c);
	for (i = 0; i < d->n; i++)
		if (d->v[i].n > max)
			max = d->v[i].n;
	got = xmalloc((max + 1) * sizeof *got);
	gn = xmalloc(3 * (max + 1) * sizeof *gn);
	pn = xmalloc(3 * (max + 1) * sizeof *pn);
	w = xmalloc((max + 1) * sizeof *w);
	ner_tagger_init(&tagger, m);
	for (i = 0; i < d->n; i++) {
		ner_sentence_of(d, i, &s, w);
		ner_tag(&tagger, &s, got);
		count_names(c, gn, names_of(d->gold + d->v[i].first, s.n, gn),
		    pn, names_of(got, s.n, pn));
	}
	ner_tagger_free(&tagger);
	free(got);
	free(gn);
	free(pn);
	free(w);
}

/* F1 in percent. */
static double
f1(size_t gold, size_t found, size_t right)
{
	return gold + found == 0 ? 0 : 200.0 * (double)right /
	    (double)(gold + found);
}

static double
percent(size_t part, size_t whole)
{
	return whole == 0 ? 0 : 100.0 * (double)part / (double)whole;
}

/* The counts of all types together, for micro-averaged scores. */
static void
sum_counts(const struct ner_counts *c, size_t *gold, size_t *found,
    size_t *right)
{
	size_t t;

	*gold = *found = *right = 0;
	for (t = 0; t <= ENT_MISC; t++) {
		*gold += c->gold[t];
		*found += c->found[t];
		*right += c->right[t];
	}
}

static void
score_row(const char *name, size_t gold, size_t found, size_t right)
{
	fprintf(stderr, "%s\t%.2f\t%.2f\t%.2f\t%zu\t%zu\t%zu\n", name,
	    percent(right, found), percent(right, gold), f1(gold, found, right),
	    gold, found, right);
}

/* The table of scripts/eval-ent: each type, then all of them. */
static void
print_scores(const struct ner_counts *c)
{
	size_t t, gold, found, right;

	fputs("type\tP\tR\tF1\tgold\tfound\tright\n", stderr);
	for (t = 0; t <= ENT_MISC; t++)
		score_row(ent_type_names[t], c->gold[t], c->found[t],
		    c->right[t]);
	sum_counts(c, &gold, &found, &right);
	score_row("all", gold, found, right);
}

static void
ner_data_free(struct ner_data *d)
{
	free(d->v);
	buf_free(&d->forms);
	free(d->form_at);
	free(d->form_len);
	free(d->cls);
	free(d->hint);
	free(d->freq);
	free(d->namepart);
	free(d->cluster);
	free(d->gold);
	buf_free(&d->names);
	buf_free(&d->text);
	free(d->tstart);
	free(d->tlabel);
}

struct ner_task {
	struct ner_data train, dev;
	const char **w;		/* room for the longest sentence's forms */
};

static size_t
ner_learn(void *ctx, struct linear *m, size_t i)
{
	struct ner_task *k = ctx;
	struct ner_sentence s;

	ner_sentence_of(&k->train, i, &s, k->w);
	return ner_train(m, &s, k->train.gold + k->train.v[i].first,
	    k->train.names.p + k->train.v[i].domain);
}

/* Name F1 over all types: the score that picks the epoch. */
static double
ner_dev_score(void *ctx, const struct linear *m)
{
	struct ner_task *k = ctx;
	struct ner_counts c;
	size_t gold, found, right;

	ner_score(m, &k->dev, &c);
	sum_counts(&c, &gold, &found, &right);
	return f1(gold, found, right);
}

static void
train_ner(struct trainer *t, const char *train, const char *dev,
    const struct ner_typemap *types)
{
	struct ner_task k;
	struct task task;
	struct ner_counts c;
	size_t i, max = 0;

	memset(&k, 0, sizeof k);
	ner_read(train, types, &k.train);
	if (dev != NULL)
		ner_read(dev, types, &k.dev);
	fprintf(stderr, "satr-train: %zu sentences, %zu tokens\n", k.train.n,
	    k.train.ntok);
	if (k.train.n == 0)
		msg_die(SATR_EXIT_DATA, "%s: no sentences to learn from", train);
	for (i = 0; i < k.train.n; i++)
		if (k.train.v[i].n > max)
			max = k.train.v[i].n;
	k.w = xmalloc((max + 1) * sizeof *k.w);
	task = (struct task){ k.train.n, k.train.ntok, "tokens right",
	    dev != NULL ? "dev name F1" : NULL, ner_learn, ner_dev_score,
	    &k };
	run_epochs(t, &task);
	if (dev != NULL) {
		ner_score(&t->best, &k.dev, &c);
		print_scores(&c);
	}
	free(k.w);
	ner_data_free(&k.train);
	ner_data_free(&k.dev);
}

static void
write_model(const struct linear *m, const char *path)
{
	struct buf b = { 0 };
	FILE *f;

	linear_save(m, &b);
	if ((f = fopen(path, "wb")) == NULL ||
	    fwrite(b.p, 1, b.n, f) != b.n || fclose(f) != 0)
		msg_die(SATR_EXIT_DATA, "%s:", path);
	buf_free(&b);
}

int
main(int argc, char *argv[])
{
	struct cli_options o;
	struct trainer t;
	struct ner_typemap types;
	const char *output = NULL, *domain = "", *kind;
	char err[256];
	unsigned bits = 0;
	int opt, is_seg;

	memset(&t, 0, sizeof t);
	t.epochs = 25;
	ner_typemap_init(&types);
	cli_init(&o);
	while ((opt = getopt_long(argc, argv, "o:hV", longopts, NULL)) != -1) {
		switch (opt) {
		case 'o':
			output = optarg;
			break;
		case OPT_BITS:
			bits = (unsigned)cli_number(&prog, "--bits", optarg, 10,
			    24);
			break;
		case OPT_DOMAIN:
			if (strlen(optarg) >= LINEAR_DOMAIN_LEN)
				cli_usage_error(&prog, "--domain: at most %d "
				    "bytes", LINEAR_DOMAIN_LEN - 1);
			domain = optarg;
			break;
		case OPT_EPOCHS:
			t.epochs = (unsigned)cli_number(&prog, "--epochs",
			    optarg, 1, 1000);
			break;
		case OPT_MAP:
			if (ner_typemap_add(&types, optarg, err, sizeof err) < 0)
				cli_usage_error(&prog, "--map: %s", err);
			break;
		default:
			cli_option(&prog, &o, opt, optarg);
			cli_usage(&prog);
		}
	}
	argc -= optind;
	argv += optind;
	if (argc < 2 || argc > 3)
		cli_usage_error(&prog, "expected seg or ner, TRAIN and "
		    "optionally DEV");
	kind = argv[0];
	is_seg = strcmp(kind, "seg") == 0;
	if (!is_seg && strcmp(kind, "ner") != 0)
		cli_usage_error(&prog, "unknown model kind '%s' (seg or ner)",
		    kind);
	if (is_seg) {
		seg_model_new(&t.model, bits ? bits : 18);
		train_seg(&t, argv[1], argc == 3 ? argv[2] : NULL);
	} else {
		ner_model_new(&t.model, bits ? bits : 19, domain);
		train_ner(&t, argv[1], argc == 3 ? argv[2] : NULL, &types);
	}
	write_model(&t.best, output ? output : is_seg ? "seg.model" :
	    "ner.model");
	linear_free(&t.model);
	linear_free(&t.best);
	ner_typemap_free(&types);
	return SATR_EXIT_OK;
}
