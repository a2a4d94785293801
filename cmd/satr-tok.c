/*
 * satr-tok: word tokens with classes and byte offsets, Arabic clitics
 * split on request, optionally on normalised text.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "input.h"
#include "mem.h"
#include "msg.h"
#include "linear.h"
#include "norm.h"
#include "seg.h"
#include "tok.h"
#include "tsv.h"
#include "writer.h"

static const struct cli_program prog = {
	"satr-tok",
	"[-Hr] [-f LIST] [--mode line|rows] [--clitics none|light|atb]\n"
	"       [--norm PROFILE] [--model FILE] [--invalid=MODE] [--line-buffered]\n"
	"       [FILE...]",
	"Split the selected fields (default: the last) into word tokens.",
	"      --mode MODE         line: the field becomes its tokens (default);\n"
	"                          rows: a record per token, with its class\n"
	"                          and byte offsets\n"
	"      --clitics MODE      none (default), light (proclitics and the\n"
	"                          article) or atb (Penn Arabic Treebank)\n"
	"      --norm PROFILE      tokenise the text as satr-norm -p PROFILE\n"
	"                          would make it; offsets stay in the original\n"
	"      --model FILE        cut clitics with this model (satr-train seg)\n"
	"                          instead of the built-in one\n",
	0
};

enum { OPT_CLITICS = CLI_OPT_PROGRAM, OPT_MODE, OPT_MODEL, OPT_NORM };

static const struct option longopts[] = {
	CLI_LONGOPTS,
	{ "clitics", required_argument, NULL, OPT_CLITICS },
	{ "mode", required_argument, NULL, OPT_MODE },
	{ "model", required_argument, NULL, OPT_MODEL },
	{ "norm", required_argument, NULL, OPT_NORM },
	{ NULL, 0, NULL, 0 }
};

struct tokcmd {
	struct cli_options opt;
	struct fieldlist fields;
	int rows;
	enum clitic_mode clitics;
	struct segmenter seg;
	struct norm *nm;
	size_t *idx, cap, nidx;
	struct buf value, normed;
	struct norm_offsets off;
	struct tokens raw, toks;
};

/* Tokenises field value f into c->toks, over c->normed (normalised, or a
 * copy of the value). */
static void
tokenise(struct tokcmd *c, const struct tsv_field *f)
{
	c->value.n = 0;
	buf_add(&c->value, f->p, f->n);
	if (!c->opt.raw)
		c->value.n = tsv_unescape(c->value.p, c->value.n);
	if (c->nm != NULL) {
		norm_text(c->nm, c->value.p, c->value.n, &c->normed, &c->off);
	} else {
		c->normed.n = 0;
		buf_add(&c->normed, c->value.p, c->value.n);
	}
	tok_split(c->normed.p, c->normed.n, &c->raw);
	tok_clitics(&c->seg, c->clitics, c->normed.p, c->normed.n, &c->raw, &c->toks);
}

static void
write_tokens_line(struct tokcmd *c, struct writer *w)
{
	struct buf line = { 0 };
	size_t i;

	for (i = 0; i < c->toks.n; i++) {
		const struct token *t = &c->toks.v[i];

		if (i > 0)
			buf_addc(&line, ' ');
		if (t->attach == TOK_AFTER)
			buf_addc(&line, '+');
		tok_surface(c->normed.p, t, &line);
		if (t->attach == TOK_BEFORE)
			buf_addc(&line, '+');
	}
	tsv_write_escaped(w, line.p, line.n);
	buf_free(&line);
}

/* Where token bytes [start, end) of the tokenised text stood. */
static void
original_span(const struct tokcmd *c, const struct token *t, size_t *start,
    size_t *end)
{
	if (c->nm == NULL) {
		*start = t->start;
		*end = t->end;
	} else {
		*start = c->off.start[t->start];
		*end = c->off.end[t->end - 1];
	}
}

static void
write_rows(struct tokcmd *c, const struct tsv_fields *f, size_t field,
    struct writer *w)
{
	char num[64];
	size_t i, k, start, end;
	struct buf surface = { 0 };

	for (i = 0; i < c->toks.n && w->err == 0; i++) {
		const struct token *t = &c->toks.v[i];

		for (k = 0; k < f->n; k++) {
			if (k == field)
				continue;
			if (c->opt.raw)
				tsv_write_escaped(w, f->v[k].p, f->v[k].n);
			else
				writer_put(w, f->v[k].p, f->v[k].n);
			writer_putc(w, '\t');
		}
		writer_put(w, num, (size_t)snprintf(num, sizeof num, "%zu\t",
		    i + 1));
		surface.n = 0;
		tok_surface(c->normed.p, t, &surface);
		tsv_write_escaped(w, surface.p, surface.n);
		original_span(c, t, &start, &end);
		writer_put(w, num, (size_t)snprintf(num, sizeof num,
		    "\t%s\t%zu\t%zu", tok_class_names[t->cls], start, end));
		writer_end_record(w);
	}
	buf_free(&surface);
}

static void
tokenise_record(struct tokcmd *c, const struct tsv_fields *f,
    struct writer *w)
{
	size_t i;

	if (c->rows) {
		tokenise(c, &f->v[c->idx[0]]);
		write_rows(c, f, c->idx[0], w);
		return;
	}
	for (i = 0; i < f->n; i++) {
		if (i > 0)
			writer_putc(w, '\t');
		if (input_is_selected(c->idx, c->nidx, i)) {
			tokenise(c, &f->v[i]);
			write_tokens_line(c, w);
		} else {
			writer_put(w, f->v[i].p, f->v[i].n);
		}
	}
	writer_end_record(w);
}

static void
write_header(struct tokcmd *c, struct writer *w, const struct tsv_fields *h)
{
	size_t i;

	for (i = 0; i < h->n; i++) {
		if (c->rows && i == c->idx[0])
			continue;
		writer_put(w, h->v[i].p, h->v[i].n);
		if (c->rows || i + 1 < h->n)
			writer_putc(w, '\t');
	}
	if (c->rows)
		writer_puts(w, "tok\ttoken\tclass\tstart\tend");
	writer_end_record(w);
}

static void
parse_options(struct tokcmd *c, int argc, char **argv)
{
	const char *profile = NULL, *model = NULL;
	unsigned steps;
	char err[256];
	int ch;

	cli_init(&c->opt);
	while ((ch = getopt_long(argc, argv, CLI_SHORTOPTS, longopts,
	    NULL)) != -1) {
		if (cli_option(&prog, &c->opt, ch, optarg))
			continue;
		switch (ch) {
		case OPT_CLITICS:
			if (strcmp(optarg, "none") == 0)
				c->clitics = CLITIC_NONE;
			else if (strcmp(optarg, "light") == 0)
				c->clitics = CLITIC_LIGHT;
			else if (strcmp(optarg, "atb") == 0)
				c->clitics = CLITIC_ATB;
			else
				cli_usage_error(&prog, "--clitics takes none, "
				    "light or atb, not '%s'", optarg);
			break;
		case OPT_MODE:
			if (strcmp(optarg, "line") == 0)
				c->rows = 0;
			else if (strcmp(optarg, "rows") == 0)
				c->rows = 1;
			else
				cli_usage_error(&prog, "--mode takes line or "
				    "rows, not '%s'", optarg);
			break;
		case OPT_MODEL:
			model = optarg;
			break;
		case OPT_NORM:
			profile = optarg;
			break;
		default:
			cli_usage(&prog);
		}
	}
	if (profile != NULL) {
		if (norm_find_profile(profile, &steps) < 0)
			cli_usage_error(&prog, "--norm: no profile named '%s' "
			    "(see satr-norm --list)", profile);
		if ((c->nm = norm_new(steps, err, sizeof err)) == NULL)
			msg_die(SATR_EXIT_DATA, "%s", err);
	}
	if (c->opt.fields)
		cli_fieldlist(&prog, "-f", c->opt.fields, &c->fields);
	if (c->clitics != CLITIC_NONE) {
		cli_load_model(&c->seg.model, model, "seg",
		    SEG_FEATURES_VERSION, seg_model_default);
		segmenter_init(&c->seg);
	}
}

int
main(int argc, char **argv)
{
	struct tokcmd c;
	struct input in;
	struct writer w;
	const struct tsv_fields *h;
	char err[256];
	int status;

	memset(&c, 0, sizeof c);
	parse_options(&c, argc, argv);
	input_init(&in, &c.opt, argc - optind, argv + optind);
	writer_init(&w, STDOUT_FILENO, c.opt.line_buffered || isatty(1));
	h = input_header(&in);
	if ((h != NULL || !c.opt.header) &&
	    fieldlist_resolve(&c.fields, h, err, sizeof err) < 0)
		cli_usage_error(&prog, "-f: %s", err);
	while (w.err == 0 && input_next(&in)) {
		c.nidx = input_select(&in, c.opt.fields ? &c.fields : NULL,
		    &c.idx, &c.cap);
		if (c.nidx == 0)
			break;
		if (c.rows && c.nidx != 1) {
			input_fail(&in, 0, "--mode rows tokenises one field, "
			    "not %zu", c.nidx);
			break;
		}
		if (h != NULL) {
			write_header(&c, &w, h);
			h = NULL;
		}
		tokenise_record(&c, &in.fields, &w);
	}
	status = input_finish(&in);
	status = cli_close_output(&w, status);
	norm_free(c.nm);
	segmenter_free(&c.seg);
	norm_offsets_free(&c.off);
	fieldlist_free(&c.fields);
	buf_free(&c.value);
	buf_free(&c.normed);
	tokens_free(&c.raw);
	tokens_free(&c.toks);
	free(c.idx);
	return status;
}
