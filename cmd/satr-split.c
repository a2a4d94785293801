/*
 * satr-split: raw text, in any encoding ICU knows, to one record per
 * sentence, paragraph or line.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "decode.h"
#include "docs.h"
#include "input.h"
#include "lines.h"
#include "mem.h"
#include "msg.h"
#include "para.h"
#include "reader.h"
#include "sentence.h"
#include "tsv.h"
#include "utf8.h"
#include "writer.h"

static const struct cli_program prog = {
	"satr-split",
	"[-H] [--unit sentence|paragraph|line] [--unwrap auto|never|always]\n"
	"       [--docs auto|file|blank|title] [--doc-sep PATTERN]\n"
	"       [--from ENCODING|auto] [--offsets] [--semicolon] [--doc-id LABEL]\n"
	"       [--progress] [--invalid=MODE] [--line-buffered] [FILE...]\n"
	"       satr-split --tsv [-H] [-f FIELD] [options] [FILE...]",
	"Split raw text into records: doc, par, sent, text. A FILE is one\n"
	"document, or many (articles one after another: see --docs); with\n"
	"--tsv each record is one, its text in one field.",
	"      --unit UNIT         sentence (default), paragraph or line\n"
	"      --unwrap WHEN       join hard-wrapped lines: auto (default),\n"
	"                          never, or always\n"
	"      --docs LAYOUT       documents in a file: auto (default: blank if\n"
	"                          its blocks all hold several unwrapped lines),\n"
	"                          file (one), blank (a blank line ends one),\n"
	"                          title (a one-line paragraph ending no\n"
	"                          sentence starts one)\n"
	"      --doc-sep PATTERN   a line matching this ICU regular expression\n"
	"                          ends a document (and is not text)\n"
	"      --from ENCODING     the input's encoding, or auto to detect it\n"
	"      --offsets           add each unit's start and end byte offsets\n"
	"      --semicolon         let \u061b (Arabic semicolon) end sentences\n"
	"      --doc-id LABEL      the document name for standard input\n"
	"      --tsv               input is TSV: a document per record\n",
	0
};

enum {
	OPT_DOC_ID = CLI_OPT_PROGRAM,
	OPT_DOC_SEP,
	OPT_DOCS,
	OPT_FROM,
	OPT_OFFSETS,
	OPT_SEMICOLON,
	OPT_TSV,
	OPT_UNIT,
	OPT_UNWRAP
};

static const struct option longopts[] = {
	CLI_LONGOPTS,
	{ "doc-id", required_argument, NULL, OPT_DOC_ID },
	{ "doc-sep", required_argument, NULL, OPT_DOC_SEP },
	{ "docs", required_argument, NULL, OPT_DOCS },
	{ "from", required_argument, NULL, OPT_FROM },
	{ "offsets", no_argument, NULL, OPT_OFFSETS },
	{ "semicolon", no_argument, NULL, OPT_SEMICOLON },
	{ "tsv", no_argument, NULL, OPT_TSV },
	{ "unit", required_argument, NULL, OPT_UNIT },
	{ "unwrap", required_argument, NULL, OPT_UNWRAP },
	{ NULL, 0, NULL, 0 }
};

enum unit { UNIT_SENTENCE, UNIT_PARAGRAPH, UNIT_LINE };

/* The values of --unit and --unwrap. */
static const struct cli_choice units[] = {
	{ "sentence", UNIT_SENTENCE }, { "paragraph", UNIT_PARAGRAPH },
	{ "line", UNIT_LINE }, { NULL, 0 }
};
static const struct cli_choice unwraps[] = {
	{ "auto", PARA_UNWRAP_AUTO }, { "never", PARA_UNWRAP_NEVER },
	{ "always", PARA_UNWRAP_ALWAYS }, { NULL, 0 }
};

struct split {
	struct cli_options opt;
	enum unit unit;
	enum para_unwrap unwrap;
	enum docs_mode layout;
	const char *from, *doc_id, *doc_sep;
	int offsets, tsv, semicolon;
	struct fieldlist field;

	const char *path;	/* the file being split */
	struct doc_finder docs;
	struct sentencer *sn;
	struct para_builder pb;
	struct spans spans;
	struct writer *w;
	/* The document: a name, or the fields of its record but the text. */
	struct buf doc;
	const struct tsv_fields *fields;
	size_t text_field;
	uint64_t par, sent;
	uint64_t doc_bytes;	/* of its text so far */
	int in_par;		/* --unit line: inside a paragraph */
};

static void
write_number(struct writer *w, uint64_t v)
{
	char num[24];

	writer_put(w, num, (size_t)snprintf(num, sizeof num, "%" PRIu64, v));
	writer_putc(w, '\t');
}

/* One unit: text[0..n), which starts and ends at start, end in source. */
static void
write_unit(struct split *s, const char *text, size_t n, uint64_t start,
    uint64_t end)
{
	struct writer *w = s->w;
	size_t i;

	if (s->fields == NULL) {
		tsv_write_escaped(w, s->doc.p, s->doc.n);
		writer_putc(w, '\t');
	} else {
		for (i = 0; i < s->fields->n; i++) {
			if (i == s->text_field)
				continue;
			writer_put(w, s->fields->v[i].p, s->fields->v[i].n);
			writer_putc(w, '\t');
		}
	}
	write_number(w, s->par);
	write_number(w, ++s->sent);
	if (s->offsets) {
		write_number(w, start);
		write_number(w, end);
	}
	tsv_write_escaped(w, text, n);
	writer_end_record(w);
}

static void
emit_paragraph(void *ctx, const struct paragraph *p)
{
	struct split *s = ctx;
	size_t i;

	s->par++;
	if (s->unit == UNIT_PARAGRAPH) {
		write_unit(s, p->text.p, p->text.n, p->orig[0],
		    paragraph_source_offset(p, p->text.n - 1) + 1);
		return;
	}
	sentencer_split(s->sn, p->text.p, p->text.n, &s->spans);
	for (i = 0; i < s->spans.n; i++) {
		const struct span *sp = &s->spans.v[i];

		write_unit(s, p->text.p + sp->start, sp->end - sp->start,
		    paragraph_source_offset(p, sp->start),
		    paragraph_source_offset(p, sp->end - 1) + 1);
	}
}

/* A line of the document, starting at orig in the source. */
static void
take_line(struct split *s, const char *line, size_t n, uint64_t orig)
{
	if (s->fields == NULL && s->doc_bytes <= DOCS_WARN_BYTES &&
	    (s->doc_bytes += n + 1) > DOCS_WARN_BYTES)
		msg_warn("warning: document %.*s is over %d MB; if the file "
		    "holds many articles, see --docs in satr-split(1)",
		    (int)s->doc.n, s->doc.p, DOCS_WARN_BYTES / 1000000);
	if (s->unit != UNIT_LINE) {
		para_line(&s->pb, line, n, orig);
		return;
	}
	if (line_is_blank(line, n)) {
		s->in_par = 0;
		return;
	}
	if (!s->in_par)
		s->par++;
	s->in_par = 1;
	write_unit(s, line, n, orig, orig + n);
}

static void
start_document(struct split *s)
{
	s->par = s->sent = 0;
	s->in_par = 0;
	s->doc_bytes = 0;
}

static void
end_document(struct split *s)
{
	if (s->unit != UNIT_LINE)
		para_end(&s->pb);
}

/* The sink of the document finder: documents of a file of raw text. */
static void
doc_starts(void *ctx, uint64_t number)
{
	struct split *s = ctx;
	const char *path = s->path;
	char num[24];

	if (strcmp(path, "-") == 0 && s->doc_id != NULL)
		path = s->doc_id;
	s->doc.n = 0;
	buf_add(&s->doc, path, strlen(path));
	if (number > 0)
		buf_add(&s->doc, num, (size_t)snprintf(num, sizeof num,
		    "#%" PRIu64, number));
	start_document(s);
}

static void
doc_line(void *ctx, const char *line, size_t n, uint64_t orig)
{
	take_line(ctx, line, n, orig);
}

static void
doc_ends(void *ctx)
{
	end_document(ctx);
}

static const struct docs_sink doc_sink = { doc_starts, doc_line, doc_ends };

/* Raw text: each file is one document or several. */
static int
split_files(struct split *s, struct input *in)
{
	int started = 0;

	in->from = s->from;
	in->text = 1;
	while (s->w->err == 0 && input_next(in)) {
		if (in->file_start) {
			if (started)
				docs_end(&s->docs);
			s->path = in->path;
			docs_file(&s->docs);
			started = 1;
		}
		docs_line(&s->docs, in->rec, in->len, in->offset);
	}
	if (started)
		docs_end(&s->docs);
	return input_finish(in);
}

/* --tsv: each record a document, its text (escaped) in one field. */
static int
split_records(struct split *s, struct input *in)
{
	struct buf text = { 0 };
	size_t *idx = NULL, cap = 0;

	while (s->w->err == 0 && input_next(in)) {
		size_t i, from;

		if (input_select(in, s->opt.fields ? &s->field : NULL, &idx,
		    &cap) == 0)
			break;
		s->fields = &in->fields;
		s->text_field = idx[0];
		text.n = 0;
		buf_add(&text, in->fields.v[idx[0]].p, in->fields.v[idx[0]].n);
		text.n = tsv_unescape(text.p, text.n);
		start_document(s);
		for (from = 0, i = 0; i <= text.n; i++) {
			if (i < text.n && text.p[i] != '\n')
				continue;
			take_line(s, text.p + from, i - from - (i > from &&
			    text.p[i - 1] == '\r'), from);
			from = i + 1;
		}
		end_document(s);
	}
	buf_free(&text);
	free(idx);
	return input_finish(in);
}

static void
write_header(struct split *s, const struct tsv_fields *h)
{
	size_t i;

	if (h == NULL) {
		writer_puts(s->w, "doc\t");
	} else {
		for (i = 0; i < h->n; i++)
			if (i != s->text_field) {
				writer_put(s->w, h->v[i].p, h->v[i].n);
				writer_putc(s->w, '\t');
			}
	}
	writer_puts(s->w, s->offsets ? "par\tsent\tstart\tend\ttext" :
	    "par\tsent\ttext");
	writer_end_record(s->w);
}

static void
check_options(struct split *s)
{
	char err[256];

	if (s->opt.raw)
		cli_usage_error(&prog, "-r: input is raw text already");
	if (!s->tsv && s->opt.fields)
		cli_usage_error(&prog, "-f goes with --tsv");
	if (s->tsv && s->from)
		cli_usage_error(&prog, "--from: --tsv input is UTF-8");
	if (s->tsv && (s->layout != DOCS_AUTO || s->doc_sep))
		cli_usage_error(&prog, "--docs, --doc-sep: with --tsv each "
		    "record is a document");
	if (s->doc_sep && s->layout != DOCS_AUTO)
		cli_usage_error(&prog, "--doc-sep and --docs: one layout");
	if (s->from && !decoder_is_utf8(s->from) && strcmp(s->from,
	    "auto") != 0 && !decoder_known(s->from, err, sizeof err))
		cli_usage_error(&prog, "--from: %s", err);
	if (s->opt.fields) {
		cli_fieldlist(&prog, "-f", s->opt.fields, &s->field);
		if (s->field.n != 1 || (s->field.v[0].name == NULL &&
		    s->field.v[0].lo != s->field.v[0].hi))
			cli_usage_error(&prog, "-f: one field holds the text");
	}
}

static void
parse_options(struct split *s, int argc, char **argv)
{
	int ch;

	cli_init(&s->opt);
	while ((ch = getopt_long(argc, argv, CLI_SHORTOPTS, longopts,
	    NULL)) != -1) {
		if (cli_option(&prog, &s->opt, ch, optarg))
			continue;
		switch (ch) {
		case OPT_DOC_ID:
			s->doc_id = optarg;
			break;
		case OPT_DOC_SEP:
			s->doc_sep = optarg;
			break;
		case OPT_DOCS:
			s->layout = cli_choose(&prog, "--docs",
			    cli_docs_modes, optarg);
			break;
		case OPT_FROM:
			s->from = optarg;
			break;
		case OPT_OFFSETS:
			s->offsets = 1;
			break;
		case OPT_SEMICOLON:
			s->semicolon = 1;
			break;
		case OPT_TSV:
			s->tsv = 1;
			break;
		case OPT_UNIT:
			s->unit = cli_choose(&prog, "--unit", units, optarg);
			break;
		case OPT_UNWRAP:
			s->unwrap = cli_choose(&prog, "--unwrap", unwraps, optarg);
			break;
		default:
			cli_usage(&prog);
		}
	}
	check_options(s);
}

/* --tsv: the header, and which of its fields holds the text. */
static void
start_records(struct split *s, struct input *in)
{
	const struct tsv_fields *h = input_header(in);
	char err[256];

	if (h != NULL || !s->opt.header) {
		if (fieldlist_resolve(&s->field, h, err, sizeof err) < 0)
			cli_usage_error(&prog, "-f: %s", err);
	}
	if (h == NULL)
		return;
	s->text_field = h->n - 1;
	if (s->opt.fields) {
		size_t *idx = NULL, cap = 0, missing;

		if (fieldlist_select(&s->field, h->n, &idx, &cap, &missing) < 0)
			msg_die(SATR_EXIT_DATA, "-f: no field %zu in the header",
			    missing);
		s->text_field = idx[0];
		free(idx);
	}
	write_header(s, h);
}

int
main(int argc, char **argv)
{
	struct split s;
	struct cli_options textopt;
	struct input in;
	struct writer w;
	char err[256];
	int status;

	memset(&s, 0, sizeof s);
	parse_options(&s, argc, argv);
	if ((s.sn = sentencer_new(s.semicolon ? SENT_SEMICOLON : 0, err,
	    sizeof err)) == NULL)
		msg_die(SATR_EXIT_DATA, "%s", err);
	if (docs_init(&s.docs, s.doc_sep ? DOCS_SEPARATOR : s.layout,
	    s.doc_sep, s.unwrap, &doc_sink, &s, err, sizeof err) < 0)
		cli_usage_error(&prog, "--doc-sep: %s", err);
	para_init(&s.pb, s.unwrap, emit_paragraph, &s);
	writer_init(&w, STDOUT_FILENO, s.opt.line_buffered || isatty(1));
	s.w = &w;
	if (s.tsv) {
		input_init(&in, &s.opt, argc - optind, argv + optind);
		start_records(&s, &in);
		status = split_records(&s, &in);
	} else {
		/* -H names the output's fields only: the input is lines. */
		textopt = s.opt;
		textopt.header = 0;
		textopt.raw = 1;
		input_init(&in, &textopt, argc - optind, argv + optind);
		if (s.opt.header)
			write_header(&s, NULL);
		status = split_files(&s, &in);
	}
	status = cli_close_output(&w, status);
	docs_free(&s.docs);
	para_free(&s.pb);
	spans_free(&s.spans);
	sentencer_free(s.sn);
	fieldlist_free(&s.field);
	buf_free(&s.doc);
	return status;
}
