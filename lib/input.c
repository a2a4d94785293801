#include "input.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "msg.h"
#include "utf8.h"

/* More replacements than this in one file point to a wrong encoding. */
enum { FEW_REPLACED = 8 };

static char *stdin_path[] = { "-" };

static double
seconds_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* --progress, when standard error is a terminal: the operands' total
 * size, known when every one is a regular file. */
static void
start_progress(struct input *in)
{
	struct stat st;
	uint64_t total = 0;
	int i, known = 1;

	if (!in->opt->progress || !isatty(STDERR_FILENO))
		return;
	for (i = 0; i < in->npaths; i++) {
		int r = strcmp(in->paths[i], "-") == 0 ?
		    fstat(STDIN_FILENO, &st) : stat(in->paths[i], &st);

		if (r == 0 && S_ISREG(st.st_mode))
			total += (uint64_t)st.st_size;
		else
			known = 0;
	}
	progress_init(&in->shown, (unsigned)in->npaths, total, known,
	    seconds_now());
	in->showing = 1;
}

/* How far into the open file: its offset, or the bytes the reader took. */
static uint64_t
file_position(const struct input *in)
{
	off_t at = lseek(in->fd, 0, SEEK_CUR);

	return at >= 0 ? (uint64_t)at : in->rd.next_offset;
}

/* The progress line, when it is due (force: at once). */
static void
tick(struct input *in, int force)
{
	char line[256];
	double now;

	if (!in->showing || (!force && ++in->ticks % 1024 != 0))
		return;
	now = seconds_now();
	if (!progress_due(&in->shown, now) && !force)
		return;
	in->shown.done = in->done_before + (in->open ? file_position(in) : 0);
	msg_status(line, progress_format(&in->shown, now, line, sizeof line));
}

void
input_init(struct input *in, const struct cli_options *opt, int npaths,
    char **paths)
{
	memset(in, 0, sizeof *in);
	in->opt = opt;
	in->paths = npaths > 0 ? paths : stdin_path;
	in->npaths = npaths > 0 ? npaths : 1;
	in->fd = -1;
	start_progress(in);
}

/* What to try when a file is not UTF-8. */
static const char *
encoding_hint(const struct input *in)
{
	return in->text ? "; if the file is in another encoding, try --from "
	    "auto or --from windows-1256" : "; if the file is in another "
	    "encoding, convert it first (iconv -f windows-1256 -t utf-8)";
}

static void
report_replaced(struct input *in)
{
	uint64_t n = in->replaced + source_replaced(&in->src);
	char where[64] = "";

	if (n == 0)
		return;
	if (in->bad_line > 0)
		snprintf(where, sizeof where, ", the first at line %" PRIu64
		    ", byte %" PRIu64, in->bad_line, in->bad_byte);
	msg_warn_at(in->name, 0, 0, "warning: replaced %" PRIu64 " invalid "
	    "sequence%s with U+FFFD%s%s", n, n == 1 ? "" : "s", where,
	    n > FEW_REPLACED ? encoding_hint(in) : "");
}

static void
close_file(struct input *in)
{
	report_replaced(in);
	if (in->showing) {
		in->done_before += file_position(in);
		in->shown.files_done++;
	}
	source_close(&in->src);
	if (in->fd > STDIN_FILENO)
		close(in->fd);
	reader_free(&in->rd);
	in->fd = -1;
	in->open = 0;
}

static int
is_regular(int fd)
{
	struct stat st;

	return fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
}

/*
 * --invalid=skip on a file that can be read twice: the whole of it is
 * checked first, so a file that is skipped gives nothing at all.
 */
static int
whole_file_ok(struct input *in)
{
	struct source src;
	struct reader rd;
	char err[256], *line;
	size_t n, ok = 0;
	int r = 1;

	if (source_open(&src, in->fd, in->from, 0, err, sizeof err) < 0)
		return 1;	/* opened again, and reported, by the caller */
	reader_init_source(&rd, source_read, &src);
	while ((r = reader_next(&rd, &line, &n)) > 0)
		if ((ok = utf8_valid_prefix(line, n)) < n)
			break;
	if (r < 0)
		msg_warn_at(in->name, 0, 0, "%s; %s skipped", source_error(&src),
		    in->name);
	else if (r > 0)
		msg_warn_at(in->name, rd.line, ok + 1, "invalid UTF-8 (byte "
		    "0x%02x); %s skipped", (unsigned char)line[ok], in->name);
	reader_free(&rd);
	source_close(&src);
	return r == 0 && lseek(in->fd, 0, SEEK_SET) == 0;
}

static void
give_up_file(struct input *in)
{
	if (in->fd > STDIN_FILENO)
		close(in->fd);
	in->fd = -1;
	in->status = SATR_EXIT_DATA;
}

/* Opens the next operand; returns 0 when there is none left. */
static int
open_next(struct input *in)
{
	char err[256];

	while (in->next_path < in->npaths) {
		in->path = in->paths[in->next_path++];
		in->name = strcmp(in->path, "-") == 0 ? "<stdin>" : in->path;
		in->fd = strcmp(in->path, "-") == 0 ? STDIN_FILENO :
		    open(in->path, O_RDONLY);
		if (in->fd < 0) {
			msg_warn("%s:", in->path);
			in->status = SATR_EXIT_DATA;
			continue;
		}
		if (in->opt->invalid == CLI_INVALID_SKIP &&
		    is_regular(in->fd) && !whole_file_ok(in)) {
			give_up_file(in);
			continue;
		}
		tick(in, 1);
		if (source_open(&in->src, in->fd, in->from, in->opt->invalid ==
		    CLI_INVALID_REPLACE, err, sizeof err) < 0) {
			msg_warn_at(in->name, 0, 0, "%s", err);
			give_up_file(in);
			continue;
		}
		if (source_encoding(&in->src) != NULL)
			msg_warn_at(in->name, 0, 0, "encoding %s",
			    source_encoding(&in->src));
		reader_init_source(&in->rd, source_read, &in->src);
		in->open = 1;
		in->fresh = 1;
		in->replaced = in->bad_line = in->bad_byte = 0;
		return 1;
	}
	return 0;
}

/*
 * Checks the record's UTF-8: a failure stops the input or skips the rest
 * of the file, a repair points in->rec at the repaired copy. Returns 0 if
 * the record is not to be used.
 */
static int
check_utf8(struct input *in)
{
	size_t ok = utf8_valid_prefix(in->rec, in->len);

	if (ok == in->len)
		return 1;
	switch (in->opt->invalid) {
	case CLI_INVALID_FAIL:
		input_fail(in, ok + 1, "invalid UTF-8 (byte 0x%02x)%s",
		    (unsigned char)in->rec[ok], encoding_hint(in));
		return 0;
	case CLI_INVALID_SKIP:
		msg_warn_at(in->name, in->rd.line, ok + 1, "invalid UTF-8 "
		    "(byte 0x%02x); the rest of %s skipped", (unsigned char)
		    in->rec[ok], in->name);
		in->status = SATR_EXIT_DATA;
		close_file(in);
		return 0;
	default:
		break;
	}
	if (in->bad_line == 0) {
		in->bad_line = in->rd.line;
		in->bad_byte = ok + 1;
	}
	in->repaired.n = 0;
	buf_add(&in->repaired, in->rec, ok);
	in->replaced += utf8_repair(in->rec + ok, in->len - ok, &in->repaired);
	in->rec = in->repaired.p;
	in->len = in->repaired.n;
	return 1;
}

/* Reads one line of the open file: 1, or 0 at its end (file closed). */
static int
read_line(struct input *in)
{
	int r = reader_next(&in->rd, &in->rec, &in->len);

	if (r < 0) {
		int undecodable = in->rd.err == EILSEQ;

		if (undecodable && in->opt->invalid == CLI_INVALID_SKIP)
			msg_warn_at(in->name, 0, 0, "%s; the rest of %s "
			    "skipped", source_error(&in->src), in->name);
		else
			msg_warn_at(in->name, 0, 0, "%s",
			    source_error(&in->src));
		in->status = SATR_EXIT_DATA;
		/* Text that cannot be decoded ends the input, as invalid
		 * UTF-8 does; a read error only its file. */
		if (undecodable && in->opt->invalid != CLI_INVALID_SKIP)
			in->stopped = 1;
	}
	if (r <= 0) {
		close_file(in);
		return 0;
	}
	in->offset = in->rd.offset;
	if (in->text && in->rd.line == 1 && in->len >= 3 &&
	    memcmp(in->rec, "\xEF\xBB\xBF", 3) == 0) {
		in->rec += 3;	/* a byte order mark */
		in->len -= 3;
		in->offset += 3;
	}
	return 1;
}

static int
same_header(const struct input *in)
{
	return in->len == in->header_rec.n &&
	    memcmp(in->rec, in->header_rec.p, in->len) == 0;
}

/* Takes the first line of a newly opened file as its header. */
static void
take_header(struct input *in)
{
	if (!check_utf8(in))
		return;
	if (!in->has_header) {
		buf_add(&in->header_rec, in->rec, in->len);
		tsv_split(in->header_rec.p, in->header_rec.n, &in->header);
		in->has_header = 1;
	} else if (!same_header(in)) {
		input_fail(in, 0, "header differs from the first file's");
	}
}

const struct tsv_fields *
input_header(struct input *in)
{
	if (!in->opt->header)
		return NULL;
	while (!in->has_header && !in->stopped) {
		if (!in->open && !open_next(in))
			break;
		if (read_line(in))
			take_header(in);
	}
	return in->has_header ? &in->header : NULL;
}

/* Splits the record into fields; with -H, as many as the header has. */
static int
split_fields(struct input *in)
{
	if (in->opt->raw) {
		in->fields.v = xgrow(in->fields.v, &in->fields.cap, 1,
		    sizeof *in->fields.v);
		in->fields.v[0].p = in->rec;
		in->fields.v[0].n = in->len;
		in->fields.n = 1;
		return 1;
	}
	tsv_split(in->rec, in->len, &in->fields);
	if (in->has_header && !in->opt->ragged &&
	    in->fields.n != in->header.n) {
		input_fail(in, 0, "%zu field%s, but the header has %zu "
		    "(--ragged accepts that)", in->fields.n,
		    in->fields.n == 1 ? "" : "s", in->header.n);
		return 0;
	}
	return 1;
}

int
input_next(struct input *in)
{
	int file_start = 0;

	while (!in->stopped) {
		if (!in->open && !open_next(in))
			return 0;
		file_start |= in->fresh;
		in->fresh = 0;
		if (!read_line(in))
			continue;
		if (in->opt->header && in->rd.line == 1) {
			take_header(in);
			continue;
		}
		if (!check_utf8(in))
			continue;
		if (!split_fields(in))
			return 0;
		in->file_start = file_start;
		tick(in, 0);
		return 1;
	}
	return 0;
}

size_t
input_select(struct input *in, const struct fieldlist *fl, size_t **idx,
    size_t *cap)
{
	size_t missing = 0;
	long k;

	if (fl == NULL) {
		*idx = xgrow(*idx, cap, 1, sizeof **idx);
		(*idx)[0] = in->fields.n - 1;
		return 1;
	}
	k = fieldlist_select(fl, in->fields.n, idx, cap, &missing);
	if (k < 0) {
		input_fail(in, 0, "no field %zu: the record has %zu", missing,
		    in->fields.n);
		return 0;
	}
	return (size_t)k;
}

int
input_is_selected(const size_t *idx, size_t n, size_t field)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (idx[i] == field)
			return 1;
	return 0;
}

void
input_fail(struct input *in, uint64_t byte, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	msg_warn_at(in->name, in->rd.line, byte, "%s", msg);
	in->status = SATR_EXIT_DATA;
	in->stopped = 1;
}

int
input_finish(struct input *in)
{
	if (in->open)
		close_file(in);
	if (in->showing)
		msg_status_clear();
	buf_free(&in->repaired);
	buf_free(&in->header_rec);
	tsv_fields_free(&in->fields);
	tsv_fields_free(&in->header);
	return in->status;
}
