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
#include "input.h"
#include "mem.h"
#include "msg.h"
#include "para.h"
#include "progress.h"
#include "reader.h"
#include "sentence.h"
#include "tsv.h"
#include "utf8.h"
#include "writer.h"

static const struct cli_program prog = {
	"satr-split",
	"[-H] [--unit sentence|paragraph|line] [--unwrap auto|never|always]\n"
	"       [--from ENCODING|auto] [--offsets] [--semicolon] [--doc-id LABEL]\n"
	"       [--progress] [--invalid=MODE] [--line-buffered] [FILE...]\n"
	"       satr-split --tsv [-H] [-f FIELD] [options] [FILE...]",
	"Split raw text into records: doc, par, sent, text. Each FILE is a\n"
	"document; with --tsv each record is one, its text in one field.",
	"      --unit UNIT         sentence (default), paragraph or line\n"
	"      --unwrap WHEN       join hard-wrapped lines: auto (default),\n"
	"                          never, or always\n"
	"      --from ENCODING     the input's encoding, or auto to detect it\n"
	"      --offsets           add each unit's start and end byte offsets\n"
	"      --semicolon         let \u061b (Arabic semicolon) end sentences\n"
	"      --doc-id LABEL      the document name for standard input\n"
	"      --progress          show files and bytes done, rate and time\n"
	"                          left on standard error, if a terminal\n"
	"      --tsv               input is TSV: a document per record\n",
	0
};

enum {
	OPT_DOC_ID = CLI_OPT_PROGRAM,
	OPT_FROM,
	OPT_OFFSETS,
	OPT_PROGRESS,
	OPT_SEMICOLON,
	OPT_TSV,
	OPT_UNIT,
	OPT_UNWRAP
};

static const struct option longopts[] = {
	CLI_LONGOPTS,
	{ "doc-id", required_argument, NULL, OPT_DOC_ID },
	{ "from", required_argument, NULL, OPT_FROM },
	{ "offsets", no_argument, NULL, OPT_OFFSETS },
	{ "progress", no_argument, NULL, OPT_PROGRESS },
	{ "semicolon", no_argument, NULL, OPT_SEMICOLON },
	{ "tsv", no_argument, NULL, OPT_TSV },
	{ "unit", required_argument, NULL, OPT_UNIT },
	{ "unwrap", required_argument, NULL, OPT_UNWRAP },
	{ NULL, 0, NULL, 0 }
};

enum unit { UNIT_SENTENCE, UNIT_PARAGRAPH, UNIT_LINE };

struct split {
	struct cli_options opt;
	enum unit unit;
	enum para_unwrap unwrap;
	const char *from, *doc_id;
	int offsets, tsv, semicolon, progress;
	struct fieldlist field;
	/* --progress to a terminal: NULL otherwise. */
	struct progress *shown;
	uint64_t done_before;	/* bytes of the files done */
	unsigned lines;		/* lines read, to look at the clock seldom */

	struct sentencer *sn;
	struct para_builder pb;
	struct spans spans;
	struct writer *w;
	/* The document: a name, or the fields of its record but the text. */
	const char *doc;
	size_t doclen;
	const struct tsv_fields *fields;
	size_t text_field;
	uint64_t par, sent;
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
		tsv_write_escaped(w, s->doc, s->doclen);
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

static int
is_blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return 0;
	return 1;
}

/* A line of the document, starting at orig in the source. */
static void
take_line(struct split *s, const char *line, size_t n, uint64_t orig)
{
	if (s->unit != UNIT_LINE) {
		para_line(&s->pb, line, n, orig);
		return;
	}
	if (is_blank(line, n)) {
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
}

static void
end_document(struct split *s)
{
	if (s->unit != UNIT_LINE)
		para_end(&s->pb);
}

static double
seconds_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* How far into the file: the file's offset, or the bytes the reader took. */
static uint64_t
bytes_read(int fd, const struct reader *rd)
{
	off_t at = lseek(fd, 0, SEEK_CUR);

	return at >= 0 ? (uint64_t)at : rd->next_offset;
}

/* The progress line, over the last one; a failed write only loses it. */
static void
show_progress(struct split *s)
{
	char line[256];
	size_t n;

	line[0] = '\r';
	n = 1 + progress_format(s->shown, seconds_now(), line + 1,
	    sizeof line - 4);
	memcpy(line + n, "\033[K", 3);
	if (write(STDERR_FILENO, line, n + 3) < 0)
		return;
}

/* The progress line goes before a message, and at the end. */
static void
clear_progress(struct split *s)
{
	if (s->shown != NULL && write(STDERR_FILENO, "\r\033[K", 4) < 0)
		return;
}

/* After a line of the file: the progress line, when it is due. */
static void
progress_tick(struct split *s, int fd, const struct reader *rd, int force)
{
	if (s->shown == NULL || (!force && ++s->lines % 1024 != 0))
		return;
	if (!progress_due(s->shown, seconds_now()) && !force)
		return;
	s->shown->done = s->done_before + bytes_read(fd, rd);
	show_progress(s);
}

/* Splits one file; returns 0, or 1 after reporting a failure. */
static int
split_file(struct split *s, const char *path, int *stop)
{
	const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
	struct decoder *dec = NULL;
	struct reader rd;
	struct buf fixed = { 0 };
	uint64_t replaced = 0;
	char *line, err[256];
	size_t n, ok;
	int fd = STDIN_FILENO, r = 0, status = 0;

	if (strcmp(path, "-") != 0 && (fd = open(path, O_RDONLY)) < 0) {
		clear_progress(s);
		msg_warn("%s:", path);
		return 1;
	}
	if (s->from != NULL && !decoder_is_utf8(s->from)) {
		const char *chosen = NULL;

		dec = decoder_open(fd, s->from, s->opt.invalid ==
		    CLI_INVALID_REPLACE, &chosen, err, sizeof err);
		if (dec == NULL) {
			clear_progress(s);
			msg_warn("%s: %s", name, err);
			status = 1;
			goto done;
		}
		if (strcmp(s->from, "auto") == 0) {
			clear_progress(s);
			msg_warn("%s: encoding %s", name, chosen);
		}
		reader_init_source(&rd, decoder_read, dec);
	} else {
		reader_init(&rd, fd);
	}
	s->doc = strcmp(path, "-") == 0 && s->doc_id ? s->doc_id : path;
	s->doclen = strlen(s->doc);
	start_document(s);
	progress_tick(s, fd, &rd, 1);
	while (!*stop && s->w->err == 0 && (r = reader_next(&rd, &line,
	    &n)) > 0) {
		uint64_t orig = rd.offset;

		if (rd.line == 1 && n >= 3 && memcmp(line, "\xEF\xBB\xBF",
		    3) == 0) {
			line += 3;	/* a byte order mark */
			n -= 3;
			orig += 3;
		}
		if ((ok = utf8_valid_prefix(line, n)) < n) {
			if (s->opt.invalid == CLI_INVALID_FAIL) {
				clear_progress(s);
				msg_warn_at(name, rd.line, ok + 1,
				    "invalid UTF-8 (byte 0x%02x)",
				    (unsigned char)line[ok]);
				*stop = 1;
				status = 1;
				break;
			}
			fixed.n = 0;
			replaced += utf8_repair(line, n, &fixed);
			line = fixed.p;
			n = fixed.n;
		}
		take_line(s, line, n, orig);
		progress_tick(s, fd, &rd, 0);
	}
	if (r < 0) {
		uint64_t at;

		clear_progress(s);
		if (dec != NULL && errno == EILSEQ) {
			const char *what = decoder_error(dec, &at);

			msg_warn("%s: %s at byte offset %" PRIu64, name, what,
			    at);
			*stop = 1;
		} else {
			msg_warn("%s: read error:", name);
		}
		status = 1;
	}
	end_document(s);
	if (s->shown != NULL) {
		s->done_before += bytes_read(fd, &rd);
		s->shown->files_done++;
	}
	if (dec != NULL)
		replaced += decoder_replaced(dec);
	if (replaced > 0) {
		clear_progress(s);
		msg_warn("%s: warning: replaced %" PRIu64 " invalid "
		    "sequence%s with U+FFFD", name, replaced,
		    replaced == 1 ? "" : "s");
	}
	reader_free(&rd);
	buf_free(&fixed);
done:
	decoder_close(dec);
	if (fd != STDIN_FILENO)
		close(fd);
	return status;
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

/*
 * --progress, when standard error is a terminal: the operands' total
 * size, known when every one is a regular file.
 */
static void
start_progress(struct split *s, struct progress *p, int nfiles,
    char **files)
{
	struct stat st;
	uint64_t total = 0;
	int i, known = 1;

	if (!s->progress || !isatty(STDERR_FILENO))
		return;
	for (i = 0; i < (nfiles ? nfiles : 1); i++) {
		int r = nfiles == 0 || strcmp(files[i], "-") == 0 ?
		    fstat(STDIN_FILENO, &st) : stat(files[i], &st);

		if (r == 0 && S_ISREG(st.st_mode))
			total += (uint64_t)st.st_size;
		else
			known = 0;
	}
	progress_init(p, (unsigned)(nfiles ? nfiles : 1), total, known,
	    seconds_now());
	s->shown = p;
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
		case OPT_FROM:
			s->from = optarg;
			break;
		case OPT_OFFSETS:
			s->offsets = 1;
			break;
		case OPT_PROGRESS:
			s->progress = 1;
			break;
		case OPT_SEMICOLON:
			s->semicolon = 1;
			break;
		case OPT_TSV:
			s->tsv = 1;
			break;
		case OPT_UNIT:
			if (strcmp(optarg, "sentence") == 0)
				s->unit = UNIT_SENTENCE;
			else if (strcmp(optarg, "paragraph") == 0)
				s->unit = UNIT_PARAGRAPH;
			else if (strcmp(optarg, "line") == 0)
				s->unit = UNIT_LINE;
			else
				cli_usage_error(&prog, "--unit takes sentence, "
				    "paragraph or line, not '%s'", optarg);
			break;
		case OPT_UNWRAP:
			if (strcmp(optarg, "auto") == 0)
				s->unwrap = PARA_UNWRAP_AUTO;
			else if (strcmp(optarg, "never") == 0)
				s->unwrap = PARA_UNWRAP_NEVER;
			else if (strcmp(optarg, "always") == 0)
				s->unwrap = PARA_UNWRAP_ALWAYS;
			else
				cli_usage_error(&prog, "--unwrap takes auto, "
				    "never or always, not '%s'", optarg);
			break;
		default:
			cli_usage(&prog);
		}
	}
	if (s->opt.raw)
		cli_usage_error(&prog, "-r: input is raw text already");
	if (!s->tsv && s->opt.fields)
		cli_usage_error(&prog, "-f goes with --tsv");
	if (s->tsv && s->from)
		cli_usage_error(&prog, "--from: --tsv input is UTF-8");
	if (s->tsv && s->progress)
		cli_usage_error(&prog, "--progress goes without --tsv");
	if (s->opt.fields) {
		cli_fieldlist(&prog, "-f", s->opt.fields, &s->field);
		if (s->field.n != 1 || (s->field.v[0].name == NULL &&
		    s->field.v[0].lo != s->field.v[0].hi))
			cli_usage_error(&prog, "-f: one field holds the text");
	}
}

int
main(int argc, char **argv)
{
	struct split s;
	struct progress shown;
	struct writer w;
	char err[256];
	int status = 0, stop = 0, i;

	memset(&s, 0, sizeof s);
	parse_options(&s, argc, argv);
	if ((s.sn = sentencer_new(s.semicolon ? SENT_SEMICOLON : 0, err,
	    sizeof err)) == NULL)
		msg_die(SATR_EXIT_DATA, "%s", err);
	para_init(&s.pb, s.unwrap, emit_paragraph, &s);
	writer_init(&w, STDOUT_FILENO, s.opt.line_buffered || isatty(1));
	s.w = &w;
	if (s.tsv) {
		struct input in;
		const struct tsv_fields *h;

		input_init(&in, &s.opt, argc - optind, argv + optind);
		h = input_header(&in);
		if (h != NULL || !s.opt.header) {
			if (fieldlist_resolve(&s.field, h, err, sizeof err) < 0)
				cli_usage_error(&prog, "-f: %s", err);
		}
		if (h != NULL) {
			s.text_field = h->n - 1;
			if (s.opt.fields) {
				size_t *idx = NULL, cap = 0, missing;

				if (fieldlist_select(&s.field, h->n, &idx, &cap,
				    &missing) < 0)
					msg_die(SATR_EXIT_DATA,
					    "-f: no field %zu in the header",
					    missing);
				s.text_field = idx[0];
				free(idx);
			}
			write_header(&s, h);
		}
		status = split_records(&s, &in);
	} else {
		if (s.opt.header)
			write_header(&s, NULL);
		start_progress(&s, &shown, argc - optind, argv + optind);
		if (optind == argc)
			status |= split_file(&s, "-", &stop);
		for (i = optind; i < argc && !stop; i++)
			status |= split_file(&s, argv[i], &stop);
		clear_progress(&s);
	}
	status = cli_close_output(&w, status);
	para_free(&s.pb);
	spans_free(&s.spans);
	sentencer_free(s.sn);
	fieldlist_free(&s.field);
	return status ? SATR_EXIT_DATA : SATR_EXIT_OK;
}
