/*
 * satr-norm: Unicode and Arabic normalisation of fields, in profiles or
 * single steps; or a report of the unusual characters a text holds.
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
#include "norm.h"
#include "tsv.h"
#include "utf8.h"
#include "writer.h"

static const struct cli_program prog = {
	"satr-norm",
	"[-Hr] [-f LIST] [-p PROFILE | -s STEPS] [--map FILE] [--append]\n"
	"       [--invalid=MODE] [--line-buffered] [FILE...]\n"
	"       satr-norm --report [-Hr] [-f LIST] [FILE...]\n"
	"       satr-norm --list",
	"Normalise the selected fields (default: the last) of each record.",
	"  -p, --profile NAME      nfc, light (the default), search or camel\n"
	"  -s, --steps LIST        these steps instead of a profile\n"
	"      --map FILE          map FILE's from<TAB>to strings before all\n"
	"      --append            add the normalised fields after the record\n"
	"      --report            list unusual characters with counts instead\n"
	"      --list              list the profiles and steps, and exit\n",
	0
};

enum { OPT_APPEND = CLI_OPT_PROGRAM, OPT_LIST, OPT_MAP, OPT_REPORT };

static const struct option longopts[] = {
	CLI_LONGOPTS,
	{ "append", no_argument, NULL, OPT_APPEND },
	{ "list", no_argument, NULL, OPT_LIST },
	{ "map", required_argument, NULL, OPT_MAP },
	{ "profile", required_argument, NULL, 'p' },
	{ "report", no_argument, NULL, OPT_REPORT },
	{ "steps", required_argument, NULL, 's' },
	{ NULL, 0, NULL, 0 }
};

struct normcmd {
	struct cli_options opt;
	struct fieldlist fields;
	int has_fields, append, report;
	struct norm *nm;
	size_t *idx, cap, nidx;	/* the selected fields of the record */
	struct buf text, out;
	struct hmap chars;	/* --report: code point -> count */
	struct buf examples;	/* --report: a length, then the context */
};

enum { CONTEXT_CHARS = 12 };

/* The value of a field: a copy with the escapes decoded (not with -r). */
static void
field_value(struct normcmd *c, const struct tsv_field *f)
{
	c->text.n = 0;
	buf_add(&c->text, f->p, f->n);
	if (!c->opt.raw)
		c->text.n = tsv_unescape(c->text.p, c->text.n);
}

static void
write_normalised(struct normcmd *c, struct writer *w,
    const struct tsv_field *f)
{
	field_value(c, f);
	norm_text(c->nm, c->text.p, c->text.n, &c->out, NULL);
	tsv_write_escaped(w, c->out.p, c->out.n);
}

/* A field as it came: raw lines still need escaping to be one field. */
static void
write_original(const struct normcmd *c, struct writer *w,
    const struct tsv_field *f)
{
	if (c->opt.raw)
		tsv_write_escaped(w, f->p, f->n);
	else
		writer_put(w, f->p, f->n);
}

static void
normalise_record(struct normcmd *c, const struct tsv_fields *f,
    struct writer *w)
{
	size_t i;

	for (i = 0; i < f->n; i++) {
		if (i > 0)
			writer_putc(w, '\t');
		if (!c->append && input_is_selected(c->idx, c->nidx, i))
			write_normalised(c, w, &f->v[i]);
		else
			write_original(c, w, &f->v[i]);
	}
	for (i = 0; c->append && i < c->nidx; i++) {
		writer_putc(w, '\t');
		write_normalised(c, w, &f->v[c->idx[i]]);
	}
	writer_end_record(w);
}

/* Start of the character n characters before s + at (or the start). */
static size_t
back_chars(const char *s, size_t at, int n)
{
	while (at > 0 && n > 0) {
		at--;
		if (((unsigned char)s[at] & 0xC0) != 0x80)
			n--;
	}
	return at;
}

static size_t
forward_chars(const char *s, size_t len, size_t at, int n)
{
	while (at < len && n-- > 0) {
		at++;
		while (at < len && ((unsigned char)s[at] & 0xC0) == 0x80)
			at++;
	}
	return at;
}

static void
report_field(struct normcmd *c, const struct tsv_field *f)
{
	const char *s;
	size_t i = 0, n;

	field_value(c, f);
	s = c->text.p;
	n = c->text.n;
	while (i < n) {
		int32_t cp;
		int len = utf8_decode(s + i, n - i, &cp);
		struct hmap_val *v;
		size_t from, to;
		uint32_t key, elen;
		int added;

		if (len < 0 || norm_char_is_common(cp)) {
			i += (size_t)(len < 0 ? -len : len);
			continue;
		}
		key = (uint32_t)cp;
		v = hmap_intern(&c->chars, &key, sizeof key, &added);
		v->count++;
		if (added) {
			from = back_chars(s, i, CONTEXT_CHARS);
			to = forward_chars(s, n, i, CONTEXT_CHARS + 1);
			elen = (uint32_t)(to - from);
			v->aux = c->examples.n;
			buf_add(&c->examples, &elen, sizeof elen);
			buf_add(&c->examples, s + from, elen);
		}
		i += (size_t)len;
	}
}

struct char_row {
	uint32_t cp;
	uint64_t count;
	size_t example;
};

static int
char_row_cmp(const void *x, const void *y)
{
	const struct char_row *a = x, *b = y;

	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	return a->cp < b->cp ? -1 : a->cp > b->cp;
}

static void
write_report(struct normcmd *c, struct writer *w)
{
	struct char_row *rows = xmalloc(c->chars.n * sizeof *rows);
	char name[256], num[32], enc[4];
	size_t i, len;

	for (i = 0; i < c->chars.n; i++) {
		memcpy(&rows[i].cp, hmap_key(&c->chars, i, &len),
		    sizeof rows[i].cp);
		rows[i].count = hmap_at(&c->chars, i)->count;
		rows[i].example = hmap_at(&c->chars, i)->aux;
	}
	qsort(rows, c->chars.n, sizeof *rows, char_row_cmp);
	for (i = 0; i < c->chars.n && w->err == 0; i++) {
		uint32_t elen;

		writer_put(w, num, (size_t)snprintf(num, sizeof num, "U+%04" PRIX32
		    "\t", rows[i].cp));
		tsv_write_escaped(w, enc, utf8_encode((int32_t)rows[i].cp, enc));
		norm_char_name((int32_t)rows[i].cp, name, sizeof name);
		writer_putc(w, '\t');
		writer_puts(w, name);
		writer_put(w, num, (size_t)snprintf(num, sizeof num,
		    "\t%" PRIu64 "\t", rows[i].count));
		memcpy(&elen, c->examples.p + rows[i].example, sizeof elen);
		tsv_write_escaped(w, c->examples.p + rows[i].example +
		    sizeof elen, elen);
		writer_end_record(w);
	}
	free(rows);
}

_Noreturn static void
list_steps(void)
{
	size_t i;

	for (i = 0; norm_profiles[i].name != NULL; i++)
		printf("profile\t%s\t%s\n", norm_profiles[i].name,
		    norm_profiles[i].help);
	for (i = 0; norm_step_names[i].name != NULL; i++)
		printf("step\t%s\t%s\n", norm_step_names[i].name,
		    norm_step_names[i].help);
	exit(fflush(stdout) == 0 && !ferror(stdout) ? SATR_EXIT_OK :
	    SATR_EXIT_DATA);
}

/* Parses the options; returns the --map files, NULL-terminated. */
static const char **
parse_options(struct normcmd *c, int argc, char **argv)
{
	const char *profile = NULL, *steps_list = NULL, **maps;
	unsigned steps = 0;
	size_t nmaps = 0, mapcap = 0;
	char err[256];
	int ch, list = 0;

	maps = xgrow(NULL, &mapcap, 1, sizeof *maps);
	cli_init(&c->opt);
	while ((ch = getopt_long(argc, argv, CLI_SHORTOPTS "p:s:", longopts,
	    NULL)) != -1) {
		if (cli_option(&prog, &c->opt, ch, optarg))
			continue;
		switch (ch) {
		case 'p':
			profile = optarg;
			break;
		case 's':
			steps_list = optarg;
			break;
		case OPT_APPEND:
			c->append = 1;
			break;
		case OPT_LIST:
			list = 1;
			break;
		case OPT_MAP:
			maps = xgrow(maps, &mapcap, nmaps + 2, sizeof *maps);
			maps[nmaps++] = optarg;
			break;
		case OPT_REPORT:
			c->report = 1;
			break;
		default:
			cli_usage(&prog);
		}
	}
	maps[nmaps] = NULL;
	if (list) {
		free(maps);
		list_steps();
	}
	if (profile && steps_list)
		cli_usage_error(&prog, "-p and -s exclude each other");
	if (c->report && (profile || steps_list || nmaps || c->append))
		cli_usage_error(&prog, "--report takes no -p, -s, --map or "
		    "--append");
	if (steps_list && norm_parse_steps(steps_list, &steps, err,
	    sizeof err) < 0)
		cli_usage_error(&prog, "-s: %s (see --list)", err);
	if (!steps_list && norm_find_profile(profile ? profile : "light",
	    &steps) < 0)
		cli_usage_error(&prog, "-p: no profile named '%s' (see --list)",
		    profile);
	if (c->opt.fields) {
		cli_fieldlist(&prog, "-f", c->opt.fields, &c->fields);
		c->has_fields = 1;
	}
	if (!c->report && (c->nm = norm_new(steps, err, sizeof err)) == NULL)
		msg_die(SATR_EXIT_DATA, "%s", err);
	return maps;
}

static void
load_maps(struct normcmd *c, const char **maps)
{
	char err[512];

	for (; *maps != NULL; maps++)
		if (norm_load_map(c->nm, *maps, err, sizeof err) < 0)
			msg_die(SATR_EXIT_DATA, "--map %s:%s", *maps, err);
}

static void
write_header(struct normcmd *c, struct writer *w, const struct tsv_fields *h)
{
	size_t i;

	if (c->report) {
		writer_puts(w, "code\tchar\tname\tcount\texample");
		writer_end_record(w);
		return;
	}
	for (i = 0; i < h->n; i++) {
		if (i > 0)
			writer_putc(w, '\t');
		writer_put(w, h->v[i].p, h->v[i].n);
	}
	for (i = 0; c->append && i < c->nidx; i++) {
		writer_putc(w, '\t');
		writer_put(w, h->v[c->idx[i]].p, h->v[c->idx[i]].n);
		writer_puts(w, "_norm");
	}
	writer_end_record(w);
}

/* Selects the fields of -f (or the last) among the header's names. */
static void
select_header_fields(struct normcmd *c, const struct tsv_fields *h)
{
	size_t missing = 0;
	long k;
	char err[256];

	if (fieldlist_resolve(&c->fields, h, err, sizeof err) < 0)
		cli_usage_error(&prog, "-f: %s", err);
	if (!c->has_fields) {
		c->idx = xgrow(c->idx, &c->cap, 1, sizeof *c->idx);
		c->idx[0] = h->n - 1;
		c->nidx = 1;
		return;
	}
	k = fieldlist_select(&c->fields, h->n, &c->idx, &c->cap, &missing);
	if (k < 0)
		msg_die(SATR_EXIT_DATA, "-f: no field %zu in the header",
		    missing);
	c->nidx = (size_t)k;
}

int
main(int argc, char **argv)
{
	struct normcmd c;
	struct input in;
	struct writer w;
	const struct tsv_fields *h;
	const char **maps;
	int status;

	memset(&c, 0, sizeof c);
	maps = parse_options(&c, argc, argv);
	load_maps(&c, maps);
	free(maps);
	hmap_init(&c.chars);
	input_init(&in, &c.opt, argc - optind, argv + optind);
	writer_init(&w, STDOUT_FILENO, c.opt.line_buffered || isatty(1));

	h = input_header(&in);
	if (h != NULL) {
		select_header_fields(&c, h);
		write_header(&c, &w, h);
	} else if (!c.opt.header) {
		char e[256];

		if (fieldlist_resolve(&c.fields, NULL, e, sizeof e) < 0)
			cli_usage_error(&prog, "-f: %s", e);
	}
	while (w.err == 0 && input_next(&in)) {
		size_t i;

		c.nidx = input_select(&in, c.has_fields ? &c.fields : NULL,
		    &c.idx, &c.cap);
		if (c.nidx == 0)
			break;
		if (!c.report)
			normalise_record(&c, &in.fields, &w);
		for (i = 0; c.report && i < c.nidx; i++)
			report_field(&c, &in.fields.v[c.idx[i]]);
	}
	if (c.report && !in.stopped)
		write_report(&c, &w);
	status = input_finish(&in);
	status = cli_close_output(&w, status);
	norm_free(c.nm);
	fieldlist_free(&c.fields);
	hmap_free(&c.chars);
	buf_free(&c.text);
	buf_free(&c.out);
	buf_free(&c.examples);
	free(c.idx);
	return status;
}
