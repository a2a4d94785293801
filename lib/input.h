/*
 * The input side of every satr program: the FILE operands in turn (a file
 * that cannot be read is reported and skipped), gzip read as it is, text
 * in another encoding decoded (satr-split --from), records split into
 * fields, the -H header, invalid UTF-8 failed, repaired or its file
 * skipped by --invalid, and --progress. Messages name the file, line and
 * byte.
 */
#ifndef SATR_INPUT_H
#define SATR_INPUT_H

#include <stdint.h>

#include "cli.h"
#include "fieldlist.h"
#include "mem.h"
#include "progress.h"
#include "reader.h"
#include "source.h"
#include "tsv.h"

struct input {
	const struct cli_options *opt;
	/* Set by the program before the first record: the operands'
	 * encoding (NULL: UTF-8), and whether they are raw text (a byte
	 * order mark at the start is not text). */
	const char *from;
	int text;

	char **paths;
	int npaths;
	int next_path;
	const char *path;	/* the operand being read ("-": stdin) */
	const char *name;	/* its name in messages */
	int fd;
	int open;
	int fresh;		/* opened, no record returned yet */
	struct source src;
	struct reader rd;

	char *rec;		/* the current record, writable */
	size_t len;
	uint64_t offset;	/* where it starts in its file */
	int file_start;		/* it is the first record of its file */
	struct tsv_fields fields;	/* its fields (one with -r) */
	struct buf repaired;

	struct buf header_rec;	/* the first file's header line */
	struct tsv_fields header;
	int has_header;

	uint64_t replaced;	/* in this file, invalid sequences replaced */
	uint64_t bad_line, bad_byte;	/* where the first was */

	struct progress shown;	/* --progress on a terminal */
	int showing;
	uint64_t done_before;	/* bytes of the files done */
	unsigned ticks;

	int status;		/* SATR_EXIT_OK, or DATA after any failure */
	int stopped;		/* a data error ended the input */
};

/* paths[0..npaths) are the operands; none means standard input. */
void input_init(struct input *in, const struct cli_options *opt, int npaths,
    char **paths);
/*
 * With -H, the header fields (read ahead from the first file that has a
 * line); NULL without -H or when all input is empty.
 */
const struct tsv_fields *input_header(struct input *in);
/* Reads the next record into in->rec and in->fields: 1, or 0 at the end. */
int input_next(struct input *in);
/*
 * The 0-based indices of the fields fl selects in the current record, or
 * of its last field when fl is NULL, in *idx (grown as needed). Returns
 * how many; 0 after reporting a missing field, which ends the input.
 */
size_t input_select(struct input *in, const struct fieldlist *fl,
    size_t **idx, size_t *cap);
/* Whether field is among idx[0..n). */
int input_is_selected(const size_t *idx, size_t n, size_t field);
/* Reports bad data in the current record and ends the input (status 1). */
void input_fail(struct input *in, uint64_t byte, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Reports what is still to report, frees, and returns the exit status. */
int input_finish(struct input *in);

#endif
