#include "input.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "msg.h"
#include "utf8.h"

static char *stdin_path[] = { "-" };

void
input_init(struct input *in, const struct cli_options *opt, int npaths,
    char **paths)
{
	memset(in, 0, sizeof *in);
	in->opt = opt;
	in->paths = npaths > 0 ? paths : stdin_path;
	in->npaths = npaths > 0 ? npaths : 1;
}

static void
close_file(struct input *in)
{
	if (in->rd.fd > STDIN_FILENO)
		close(in->rd.fd);
	reader_free(&in->rd);
	in->open = 0;
}

/* Opens the next operand; returns 0 when there is none left. */
static int
open_next(struct input *in)
{
	while (in->next_path < in->npaths) {
		const char *path = in->paths[in->next_path++];
		int fd;

		if (strcmp(path, "-") == 0) {
			in->name = "<stdin>";
			fd = STDIN_FILENO;
		} else {
			in->name = path;
			fd = open(path, O_RDONLY);
			if (fd < 0) {
				msg_warn("%s:", path);
				in->status = SATR_EXIT_DATA;
				continue;
			}
		}
		reader_init(&in->rd, fd);
		in->open = 1;
		return 1;
	}
	return 0;
}

/*
 * Checks the record's UTF-8: a failure stops the input, a repair points
 * in->rec at the repaired copy. Returns 0 if the input must stop.
 */
static int
check_utf8(struct input *in)
{
	size_t ok = utf8_valid_prefix(in->rec, in->len), k;

	if (ok == in->len)
		return 1;
	if (in->opt->invalid == CLI_INVALID_FAIL) {
		input_fail(in, ok + 1, "invalid UTF-8 (byte 0x%02x)",
		    (unsigned char)in->rec[ok]);
		return 0;
	}
	if (in->first_bad == NULL) {
		int len = snprintf(NULL, 0, "%s:%" PRIu64 ":%zu", in->name,
		    in->rd.line, ok + 1);

		in->first_bad = xmalloc((size_t)len + 1);
		snprintf(in->first_bad, (size_t)len + 1, "%s:%" PRIu64 ":%zu",
		    in->name, in->rd.line, ok + 1);
	}
	in->repaired.n = 0;
	buf_add(&in->repaired, in->rec, ok);
	k = utf8_repair(in->rec + ok, in->len - ok, &in->repaired);
	in->replaced += k;
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
		errno = in->rd.err;
		msg_warn("%s: read error:", in->name);
		in->status = SATR_EXIT_DATA;
	}
	if (r <= 0) {
		close_file(in);
		return 0;
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

int
input_next(struct input *in)
{
	while (!in->stopped) {
		if (!in->open && !open_next(in))
			return 0;
		if (!read_line(in))
			continue;
		if (in->opt->header && in->rd.line == 1) {
			take_header(in);
			continue;
		}
		if (!check_utf8(in))
			return 0;
		if (in->opt->raw) {
			in->fields.v = xgrow(in->fields.v, &in->fields.cap, 1,
			    sizeof *in->fields.v);
			in->fields.v[0].p = in->rec;
			in->fields.v[0].n = in->len;
			in->fields.n = 1;
		} else {
			tsv_split(in->rec, in->len, &in->fields);
		}
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
	if (in->replaced > 0)
		msg_warn("warning: replaced %" PRIu64 " invalid UTF-8 "
		    "sequence%s with U+FFFD, the first at %s", in->replaced,
		    in->replaced == 1 ? "" : "s", in->first_bad);
	free(in->first_bad);
	buf_free(&in->repaired);
	buf_free(&in->header_rec);
	tsv_fields_free(&in->fields);
	tsv_fields_free(&in->header);
	return in->status;
}
