/*
 * What every satr program shares on its command line: the common options of
 * satr(7), usage and help, version, and checked option arguments. Usage
 * errors exit with status 2.
 */
#ifndef SATR_CLI_H
#define SATR_CLI_H

#include <getopt.h>
#include <stdint.h>

#include "fieldlist.h"

#define SATR_VERSION "0.1.0"

struct cli_program {
	const char *name;	/* "satr-count" */
	const char *synopsis;	/* the options and operands, as in the man page */
	const char *summary;	/* one line: what the program does */
	const char *options;	/* help lines for the program's own options */
	int not_a_filter;	/* 1: no records, no common filter options */
};

enum cli_invalid { CLI_INVALID_FAIL, CLI_INVALID_REPLACE, CLI_INVALID_SKIP };

struct cli_options {
	int header;		/* -H: the first line names the fields */
	int raw;		/* -r: lines are plain text */
	int line_buffered;
	int progress;		/* --progress: a status line on a terminal */
	int ragged;		/* --ragged: records need not match -H */
	enum cli_invalid invalid;
	const char *fields;	/* -f, or NULL */
};

#define CLI_SHORTOPTS "Hf:rhV"
enum {
	CLI_OPT_INVALID = 256,
	CLI_OPT_LINE_BUFFERED,
	CLI_OPT_PROGRESS,
	CLI_OPT_RAGGED,
	CLI_OPT_PROGRAM		/* first value free for a program's options */
};
#define CLI_LONGOPTS \
	{ "header", no_argument, NULL, 'H' }, \
	{ "field", required_argument, NULL, 'f' }, \
	{ "raw", no_argument, NULL, 'r' }, \
	{ "invalid", required_argument, NULL, CLI_OPT_INVALID }, \
	{ "line-buffered", no_argument, NULL, CLI_OPT_LINE_BUFFERED }, \
	{ "progress", no_argument, NULL, CLI_OPT_PROGRESS }, \
	{ "ragged", no_argument, NULL, CLI_OPT_RAGGED }, \
	{ "help", no_argument, NULL, 'h' }, \
	{ "version", no_argument, NULL, 'V' }

/* Sets up what every program needs before it parses options. */
void cli_init(struct cli_options *o);
/*
 * Handles opt if it is a common option (returns 1); -h and -V print and
 * exit 0, a bad value or an unknown option ('?') exits 2. Returns 0 for
 * an option that is the program's own.
 */
int cli_option(const struct cli_program *p, struct cli_options *o, int opt,
    const char *arg);
/* After a usage error: where to read more, exit 2. */
_Noreturn void cli_usage(const struct cli_program *p);
/* A usage error: the message, where to read more, exit 2. */
_Noreturn void cli_usage_error(const struct cli_program *p, const char *fmt,
    ...) __attribute__((format(printf, 2, 3)));
/* arg as a whole number in [min, max], or a usage error naming opt. */
uint64_t cli_number(const struct cli_program *p, const char *opt,
    const char *arg, uint64_t min, uint64_t max);
struct writer;

/*
 * Closes standard output's writer: a write error (a full disk) is
 * reported and makes the status 1. Returns the status to exit with.
 */
int cli_close_output(struct writer *w, int status);

struct linear;

/*
 * Loads the model file path (of kind, for feature version features), or
 * with path NULL the built-in one from builtin; a file that cannot be
 * read or is not such a model ends the program with status 1.
 */
void cli_load_model(struct linear *m, const char *path, const char *kind,
    uint32_t features, int (*builtin)(struct linear *, const char **));

/* spec parsed into fl, or a usage error naming opt. */
void cli_fieldlist(const struct cli_program *p, const char *opt,
    const char *spec, struct fieldlist *fl);

/* The values an option takes by name; a table ends with a NULL name. */
struct cli_choice {
	const char *name;
	int value;
};

/* The names of --docs, as satr-split and satr-ent take them. */
extern const struct cli_choice cli_docs_modes[];

/* The value named arg among choices, or a usage error naming opt. */
int cli_choose(const struct cli_program *p, const char *opt,
    const struct cli_choice *choices, const char *arg);

#endif
