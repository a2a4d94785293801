/*
 * satr-ent: people, organisations, places, money, dates, times and
 * percentages in text, with canonical values.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "docs.h"
#include "ent.h"
#include "input.h"
#include "linear.h"
#include "mem.h"
#include "msg.h"
#include "nertag.h"
#include "seg.h"
#include "timex.h"
#include "tok.h"
#include "tsv.h"
#include "writer.h"

static const struct cli_program prog = {
	"satr-ent",
	"[-Hr] [-f FIELD] [--types LIST] [-g FILE]... [--stoplist FILE]...\n"
	"       [--doc LIST | --docs auto|file|blank|title] [--format tsv|bio]\n"
	"       [--model FILE|rules] [--date DAY | --date-field FIELD]\n"
	"       [--gregorian] [--amounts]\n"
	"       [--invalid=MODE] [--line-buffered] [FILE...]",
	"Find entities in a field (default: the last): a record per mention,\n"
	"the other fields, then type, start, end, surface, value. Names are\n"
	"resolved across each document: consecutive records with the same\n"
	"--doc fields, or, in text, each article or FILE (see --docs).",
	"      --types LIST        only these: PER,ORG,LOC,MISC,MONEY,DATE,\n"
	"                          TIME,PERCENT (default: all)\n"
	"  -g, --gazetteer FILE    add names: TYPE<TAB>canonical<TAB>variant...\n"
	"      --stoplist FILE     words and phrases, one a line, that are\n"
	"                          never a name on their own\n"
	"      --doc LIST          fields that name the document (default:\n"
	"                          field 1 of several)\n"
	"      --docs MODE         where documents of one-field lines end, as\n"
	"                          satr-split --docs has it: auto (default),\n"
	"                          file, blank or title\n"
	"      --format FORMAT     tsv (default), or bio: a token a line with\n"
	"                          B-/I-/O tags\n"
	"      --date DAY          the articles' day, YYYY-MM-DD: relative\n"
	"                          dates (أمس, العام الماضي) and dates without\n"
	"                          a year are resolved against it\n"
	"      --date-field FIELD  each document's day is in this field of\n"
	"                          its first record\n"
	"      --gregorian         Hijri days in the Gregorian calendar too\n"
	"                          (Umm al-Qura)\n"
	"      --amounts           two more fields: the amount of a sum or\n"
	"                          share as a number, and its unit\n"
	"      --model FILE        tag names with this model (satr-train ner)\n"
	"                          instead of the built-in one; 'rules': with\n"
	"                          the rules and gazetteers alone\n",
	0
};

enum {
	OPT_DOC = CLI_OPT_PROGRAM, OPT_DOCS, OPT_FORMAT, OPT_MODEL,
	OPT_STOPLIST, OPT_TYPES, OPT_DATE, OPT_DATE_FIELD, OPT_GREGORIAN,
	OPT_AMOUNTS
};

static const struct option longopts[] = {
	CLI_LONGOPTS,
	{ "doc", required_argument, NULL, OPT_DOC },
	{ "docs", required_argument, NULL, OPT_DOCS },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "model", required_argument, NULL, OPT_MODEL },
	{ "gazetteer", required_argument, NULL, 'g' },
	{ "stoplist", required_argument, NULL, OPT_STOPLIST },
	{ "types", required_argument, NULL, OPT_TYPES },
	{ "date", required_argument, NULL, OPT_DATE },
	{ "date-field", required_argument, NULL, OPT_DATE_FIELD },
	{ "gregorian", no_argument, NULL, OPT_GREGORIAN },
	{ "amounts", no_argument, NULL, OPT_AMOUNTS },
	{ NULL, 0, NULL, 0 }
};

struct paths {
	const char **v;
	size_t n, cap;
};

struct entcmd {
	struct cli_options opt;
	struct paths gazetteers, stoplists;
	struct fieldlist field, doc, datefield;
	int has_doc, bio, has_datefield, gregorian, amounts;
	const char *date;	/* --date */
	enum docs_mode docs_mode;
	/* Lines of one field go through it, which tells where articles
	 * end; the lines it gives back make the documents. */
	struct doc_finder docs;
	int in_text;		/* the last record went to it */
	const struct input *in;
	struct writer *w;
	unsigned types;
	struct ent_finder *finder;
	const char *model;	/* NULL: the built-in one */
	int rules_only;
	struct linear ner;
	struct ner_tagger tagger;
	struct segmenter seg;
	struct entities ents;
	struct tokens toks;
	struct buf docid, lastdoc;
	size_t *idx, cap, *didx, dcap, *dayidx, daycap;
	int seen_doc;
	uint64_t doc_bytes;	/* of the document's text so far */
	/* The document's records as read, which field is the text, and the
	 * texts unescaped. */
	struct buf recs, texts;
	size_t *rec_at, *rec_field, *text_at, nrec, reccap;
	struct tsv_fields fields;
};

static void
write_num(struct writer *w, size_t v)
{
	char num[24];

	writer_put(w, num, (size_t)snprintf(num, sizeof num, "%zu", v));
}

/* A sum's or share's amount (the low end of a range, without its
 * qualifier) and unit as two fields; empty ones for other types. */
static void
write_amount(struct writer *w, enum ent_type type, const char *value)
{
	size_t n;

	writer_putc(w, '\t');
	if (type != ENT_MONEY && type != ENT_PERCENT) {
		writer_putc(w, '\t');
		return;
	}
	value += strspn(value, "~<>");
	n = strspn(value, "0123456789.");
	writer_put(w, value, n);
	writer_putc(w, '\t');
	value += n;
	if (*value == '/')
		value += 1 + strspn(value + 1, "0123456789.");
	value += *value == ' ';
	writer_puts(w, type == ENT_PERCENT && *value == '\0' ? "%" : value);
}

static void
write_mentions(struct entcmd *c, const struct tsv_fields *f, size_t field,
    const char *text, struct writer *w)
{
	size_t i, k;

	for (i = 0; i < c->ents.n && w->err == 0; i++) {
		const struct entity *e = &c->ents.v[i];
		const char *value = c->ents.values.p + e->value;

		for (k = 0; k < f->n; k++) {
			if (k == field)
				continue;
			writer_put(w, f->v[k].p, f->v[k].n);
			writer_putc(w, '\t');
		}
		writer_puts(w, ent_type_names[e->type]);
		writer_putc(w, '\t');
		write_num(w, e->start);
		writer_putc(w, '\t');
		write_num(w, e->end);
		writer_putc(w, '\t');
		tsv_write_escaped(w, text + e->start, e->end - e->start);
		writer_putc(w, '\t');
		tsv_write_escaped(w, value, strlen(value));
		if (c->amounts)
			write_amount(w, e->type, value);
		writer_end_record(w);
	}
}

/* A token a line, tagged B-TYPE, I-TYPE or O; a blank line after. */
static void
write_bio(struct entcmd *c, const char *text, size_t n, struct writer *w)
{
	size_t i, e = 0;
	const struct entity *prev = NULL;

	tok_split(text, n, &c->toks);
	for (i = 0; i < c->toks.n && w->err == 0; i++) {
		const struct token *t = &c->toks.v[i];

		while (e < c->ents.n && c->ents.v[e].end <= t->start)
			e++;
		tsv_write_escaped(w, text + t->start, t->end - t->start);
		if (e < c->ents.n && c->ents.v[e].start < t->end) {
			writer_puts(w, prev == &c->ents.v[e] ? "\tI-" : "\tB-");
			writer_puts(w, ent_type_names[c->ents.v[e].type]);
			prev = &c->ents.v[e];
		} else {
			writer_puts(w, "\tO");
			prev = NULL;
		}
		writer_end_record(w);
	}
	writer_end_record(w);
}

/*
 * Whether the record read begins a new document: its document fields
 * differ from the last record's.
 */
static int
new_document(struct entcmd *c, struct input *in)
{
	size_t n, i;

	if (c->has_doc) {
		n = input_select(in, &c->doc, &c->didx, &c->dcap);
	} else {
		c->didx = xgrow(c->didx, &c->dcap, 1, sizeof *c->didx);
		c->didx[0] = 0;
		n = 1;
	}
	c->docid.n = 0;
	for (i = 0; i < n; i++) {
		buf_add(&c->docid, in->fields.v[c->didx[i]].p,
		    in->fields.v[c->didx[i]].n);
		buf_addc(&c->docid, '\t');
	}
	if (c->seen_doc && c->docid.n == c->lastdoc.n &&
	    memcmp(c->docid.p, c->lastdoc.p, c->docid.n) == 0)
		return 0;
	c->lastdoc.n = 0;
	buf_add(&c->lastdoc, c->docid.p, c->docid.n);
	c->seen_doc = 1;
	return 1;
}

/* A document past a size no article reaches is worth a warning: it is
 * held in memory whole. */
static void
warn_long_document(struct entcmd *c, size_t n)
{
	if (c->doc_bytes > DOCS_WARN_BYTES ||
	    (c->doc_bytes += n + 1) <= DOCS_WARN_BYTES)
		return;
	msg_warn_at(c->in->name, c->in->rd.line, 0, "warning: this document "
	    "is over %d MB; if it holds many articles, see --doc and --docs "
	    "in satr-ent(1)", DOCS_WARN_BYTES / 1000000);
}

/* Keeps the record rec[0..len), whose text (still escaped unless -r) is
 * field, for its document, and finds the text's names. */
static void
keep_record(struct entcmd *c, const char *rec, size_t len, size_t field,
    const char *text, size_t n)
{
	size_t k = c->nrec++, cap = c->reccap;

	c->rec_at = xgrow(c->rec_at, &c->reccap, c->nrec + 1,
	    sizeof *c->rec_at);
	if (c->reccap != cap) {
		/* As rec_at grows, never a record at a time. */
		c->rec_field = xrealloc(c->rec_field, c->reccap *
		    sizeof *c->rec_field);
		c->text_at = xrealloc(c->text_at, c->reccap *
		    sizeof *c->text_at);
	}
	c->rec_at[k] = c->recs.n;
	buf_add(&c->recs, rec, len);
	c->rec_at[k + 1] = c->recs.n;
	c->rec_field[k] = field;
	c->text_at[k] = c->texts.n;
	buf_add(&c->texts, text, n);
	if (!c->opt.raw)
		c->texts.n = c->text_at[k] + tsv_unescape(c->texts.p +
		    c->text_at[k], c->texts.n - c->text_at[k]);
	c->text_at[k + 1] = c->texts.n;
	warn_long_document(c, c->text_at[k + 1] - c->text_at[k]);
	ent_add(c->finder, c->texts.p + c->text_at[k], c->text_at[k + 1] -
	    c->text_at[k]);
}

/* The document's mentions, resolved across it, record by record. */
static void
write_document(struct entcmd *c)
{
	struct writer *w = c->w;
	size_t k;

	ent_resolve(c->finder);
	for (k = 0; k < c->nrec && w->err == 0; k++) {
		const char *text = c->texts.p + c->text_at[k];
		size_t n = c->text_at[k + 1] - c->text_at[k];

		ent_mentions(c->finder, k, c->types, &c->ents);
		if (c->bio) {
			write_bio(c, text, n, w);
		} else if (c->ents.n > 0) {
			tsv_split(c->recs.p + c->rec_at[k], c->rec_at[k + 1] -
			    c->rec_at[k], &c->fields);
			if (c->opt.raw)
				c->fields.n = 1;
			write_mentions(c, &c->fields, c->rec_field[k], text, w);
		}
	}
	c->nrec = 0;
	c->recs.n = c->texts.n = 0;
	c->doc_bytes = 0;
	ent_document(c->finder);
}

/* The day of the document a record begins, from --date or
 * --date-field (in is NULL for lines of text, which have no fields). An
 * empty field leaves the day unknown; a bad one ends the input (-1). */
static int
set_day(struct entcmd *c, struct input *in)
{
	const struct tsv_field *v;
	size_t len;

	if (c->date != NULL) {
		ent_set_day(c->finder, c->date, strlen(c->date));
		return 0;
	}
	if (!c->has_datefield || in == NULL)
		return 0;
	if (input_select(in, &c->datefield, &c->dayidx, &c->daycap) == 0)
		return -1;
	v = &in->fields.v[c->dayidx[0]];
	len = v->n > 10 && (v->p[10] == 'T' || v->p[10] == ' ') ? 10 : v->n;
	if (len > 0 && ent_set_day(c->finder, v->p, len) < 0) {
		input_fail(in, 0, "--date-field: '%.*s' is not a day "
		    "(YYYY-MM-DD)", (int)(v->n < 40 ? v->n : 40), v->p);
		return -1;
	}
	return 0;
}

/* The document finder's sink: documents of one-field lines. */
static void
doc_starts(void *ctx, uint64_t number)
{
	(void)ctx;
	(void)number;
}

static void
doc_line(void *ctx, const char *line, size_t n, uint64_t orig)
{
	struct entcmd *c = ctx;

	(void)orig;
	if (c->nrec == 0)
		(void)set_day(c, NULL);	/* --date only: it was checked */
	keep_record(c, line, n, 0, line, n);
}

static void
doc_ends(void *ctx)
{
	struct entcmd *c = ctx;

	if (c->nrec > 0)
		write_document(c);
}

static const struct docs_sink doc_sink = { doc_starts, doc_line, doc_ends };

/* The record read: a line for the document finder, or a record whose
 * fields say which document it belongs to. */
static void
take_record(struct entcmd *c, struct input *in, size_t field)
{
	if (!c->has_doc && in->fields.n < 2) {
		if (!c->in_text && c->nrec > 0)
			write_document(c);	/* of records with fields */
		if (in->file_start) {
			docs_end(&c->docs);
			docs_file(&c->docs);
		}
		c->in_text = 1;
		docs_line(&c->docs, in->rec, in->len, in->offset);
		return;
	}
	if (c->in_text) {
		docs_end(&c->docs);
		c->in_text = 0;
	}
	if (new_document(c, in) && c->nrec > 0)
		write_document(c);
	if (c->nrec == 0 && set_day(c, in) < 0)
		return;
	keep_record(c, in->rec, in->len, field, in->fields.v[field].p,
	    in->fields.v[field].n);
}

static void
parse_types(struct entcmd *c, const char *list)
{
	const char *s = list;

	c->types = 0;
	for (;;) {
		size_t len = strcspn(s, ",");
		int t = ent_type_of(s, len);

		if (t < 0)
			cli_usage_error(&prog, "--types: no type '%.*s'",
			    (int)len, s);
		else
			c->types |= 1u << t;
		if (s[len] == '\0')
			return;
		s += len + 1;
	}
}

/* Adds path to the list of files of one kind. */
static void
add_path(struct paths *p, const char *path)
{
	p->v = xgrow(p->v, &p->cap, p->n + 1, sizeof *p->v);
	p->v[p->n++] = path;
}

static void
parse_options(struct entcmd *c, int argc, char **argv)
{
	struct timex_day day;
	int ch;

	cli_init(&c->opt);
	c->types = (1u << ENT_NTYPES) - 1;
	while ((ch = getopt_long(argc, argv, CLI_SHORTOPTS "g:", longopts,
	    NULL)) != -1) {
		if (cli_option(&prog, &c->opt, ch, optarg))
			continue;
		switch (ch) {
		case 'g':
			add_path(&c->gazetteers, optarg);
			break;
		case OPT_DOC:
			cli_fieldlist(&prog, "--doc", optarg, &c->doc);
			c->has_doc = 1;
			break;
		case OPT_DOCS:
			c->docs_mode = cli_choose(&prog, "--docs",
			    cli_docs_modes, optarg);
			break;
		case OPT_FORMAT:
			if (strcmp(optarg, "bio") == 0)
				c->bio = 1;
			else if (strcmp(optarg, "tsv") != 0)
				cli_usage_error(&prog, "--format takes tsv or "
				    "bio, not '%s'", optarg);
			break;
		case OPT_MODEL:
			c->rules_only = strcmp(optarg, "rules") == 0;
			c->model = optarg;
			break;
		case OPT_STOPLIST:
			add_path(&c->stoplists, optarg);
			break;
		case OPT_TYPES:
			parse_types(c, optarg);
			break;
		case OPT_DATE:
			c->date = optarg;
			if (timex_parse_day(optarg, strlen(optarg), &day) < 0)
				cli_usage_error(&prog, "--date takes a day as "
				    "YYYY-MM-DD, not '%s'", optarg);
			break;
		case OPT_DATE_FIELD:
			cli_fieldlist(&prog, "--date-field", optarg,
			    &c->datefield);
			if (c->datefield.n != 1)
				cli_usage_error(&prog, "--date-field: one "
				    "field holds the day");
			c->has_datefield = 1;
			break;
		case OPT_GREGORIAN:
			c->gregorian = 1;
			break;
		case OPT_AMOUNTS:
			c->amounts = 1;
			break;
		default:
			cli_usage(&prog);
		}
	}
	if (c->date != NULL && c->has_datefield)
		cli_usage_error(&prog, "--date and --date-field: one or the "
		    "other");
	if (c->opt.fields) {
		cli_fieldlist(&prog, "-f", c->opt.fields, &c->field);
		if (c->field.n != 1 || (c->field.v[0].name == NULL &&
		    c->field.v[0].lo != c->field.v[0].hi))
			cli_usage_error(&prog, "-f: one field holds the text");
	}
}

static void
write_header(struct entcmd *c, const struct tsv_fields *h, struct writer *w)
{
	size_t *idx = NULL, cap = 0, missing, i, field = h->n - 1;

	if (c->opt.fields) {
		if (fieldlist_select(&c->field, h->n, &idx, &cap, &missing) < 0)
			msg_die(SATR_EXIT_DATA, "-f: no field %zu in the "
			    "header", missing);
		field = idx[0];
		free(idx);
	}
	if (c->bio) {
		writer_puts(w, "token\ttag");
	} else {
		for (i = 0; i < h->n; i++)
			if (i != field) {
				writer_put(w, h->v[i].p, h->v[i].n);
				writer_putc(w, '\t');
			}
		writer_puts(w, "type\tstart\tend\tsurface\tvalue");
		if (c->amounts)
			writer_puts(w, "\tamount\tunit");
	}
	writer_end_record(w);
}

int
main(int argc, char **argv)
{
	struct entcmd c;
	struct input in;
	struct writer w;
	const struct tsv_fields *h;
	char err[512];
	size_t i;
	int status;

	memset(&c, 0, sizeof c);
	parse_options(&c, argc, argv);
	if ((c.finder = ent_new(err, sizeof err)) == NULL)
		msg_die(SATR_EXIT_DATA, "%s", err);
	for (i = 0; i < c.gazetteers.n; i++)
		if (ent_load_gazetteer(c.finder, c.gazetteers.v[i], err,
		    sizeof err) < 0)
			msg_die(SATR_EXIT_DATA, "-g %s:%s", c.gazetteers.v[i],
			    err);
	for (i = 0; i < c.stoplists.n; i++)
		if (ent_load_stoplist(c.finder, c.stoplists.v[i], err,
		    sizeof err) < 0)
			msg_die(SATR_EXIT_DATA, "--stoplist %s:%s",
			    c.stoplists.v[i], err);
	free(c.gazetteers.v);
	free(c.stoplists.v);
	ent_set_gregorian(c.finder, c.gregorian);
	if (!c.rules_only) {
		cli_load_model(&c.ner, c.model, "ner", NER_FEATURES_VERSION,
		    ner_model_default);
		cli_load_model(&c.seg.model, NULL, "seg",
		    SEG_FEATURES_VERSION, seg_model_default);
		segmenter_init(&c.seg);
		ner_tagger_init(&c.tagger, &c.ner);
		ent_use_models(c.finder, &c.tagger, &c.seg);
	}
	if (docs_init(&c.docs, c.docs_mode, NULL, PARA_UNWRAP_AUTO, &doc_sink,
	    &c, err, sizeof err) < 0)
		msg_die(SATR_EXIT_DATA, "%s", err);
	input_init(&in, &c.opt, argc - optind, argv + optind);
	writer_init(&w, STDOUT_FILENO, c.opt.line_buffered || isatty(1));
	h = input_header(&in);
	if (h != NULL || !c.opt.header) {
		if (fieldlist_resolve(&c.field, h, err, sizeof err) < 0)
			cli_usage_error(&prog, "-f: %s", err);
		if (fieldlist_resolve(&c.doc, h, err, sizeof err) < 0)
			cli_usage_error(&prog, "--doc: %s", err);
		if (c.has_datefield && fieldlist_resolve(&c.datefield, h, err,
		    sizeof err) < 0)
			cli_usage_error(&prog, "--date-field: %s", err);
	}
	if (h != NULL)
		write_header(&c, h, &w);
	c.in = &in;
	c.w = &w;
	while (w.err == 0 && input_next(&in)) {
		if (input_select(&in, c.opt.fields ? &c.field : NULL, &c.idx,
		    &c.cap) == 0)
			break;
		if (in.stopped)
			break;
		take_record(&c, &in, c.idx[0]);
	}
	docs_end(&c.docs);
	if (c.nrec > 0)
		write_document(&c);
	status = input_finish(&in);
	status = cli_close_output(&w, status);
	ent_free(c.finder);
	ner_tagger_free(&c.tagger);
	linear_free(&c.ner);
	segmenter_free(&c.seg);
	entities_free(&c.ents);
	tokens_free(&c.toks);
	fieldlist_free(&c.field);
	fieldlist_free(&c.doc);
	fieldlist_free(&c.datefield);
	free(c.dayidx);
	docs_free(&c.docs);
	buf_free(&c.recs);
	buf_free(&c.texts);
	free(c.rec_at);
	free(c.rec_field);
	free(c.text_at);
	tsv_fields_free(&c.fields);
	buf_free(&c.docid);
	buf_free(&c.lastdoc);
	free(c.idx);
	free(c.didx);
	return status;
}
