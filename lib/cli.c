#include "cli.h"

#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docs.h"
#include "linear.h"
#include "msg.h"
#include "writer.h"

static const char filter_help[] =
    "  -H, --header            the first line names the fields; so will output's\n"
    "  -f, --field LIST        fields to work on: 1,3-5,7-, names with -H\n"
    "  -r, --raw               input lines are plain text: no fields, no escapes\n"
    "      --invalid=MODE      invalid UTF-8: fail (default), replace (U+FFFD),\n"
    "                          or skip the file with a message and go on\n"
    "      --ragged            with -H, records may have other field counts\n"
    "      --progress          files and bytes done, rate and time left, on\n"
    "                          standard error if it is a terminal\n"
    "      --line-buffered     write each record as soon as it is complete\n";
static const char common_help[] =
    "  -h, --help              print this help and exit\n"
    "  -V, --version           print the version and exit\n";

void
cli_init(struct cli_options *o)
{
	memset(o, 0, sizeof *o);
	/*
	 * A closed pipe must end the program quietly, as it does for cat;
	 * a parent that ignores SIGPIPE would otherwise turn `| head` into
	 * write errors.
	 */
	signal(SIGPIPE, SIG_DFL);
}

void
cli_usage(const struct cli_program *p)
{
	fprintf(stderr, "Try '%s --help' for more.\n", p->name);
	exit(SATR_EXIT_USAGE);
}

void
cli_usage_error(const struct cli_program *p, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", p->name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	cli_usage(p);
}

static void
help(const struct cli_program *p)
{
	printf("usage: %s %s\n%s\n\n", p->name, p->synopsis, p->summary);
	printf("Options:\n%s%s%s", p->options, p->not_a_filter ? "" :
	    filter_help, common_help);
	printf("\n%sExit status: 0 ok, 1 bad data or I/O failure, 2 bad "
	    "usage.\nSee %s(1) and satr(7).\n", p->not_a_filter ? "" :
	    "With no FILE, or when FILE is -, read standard input.\n", p->name);
	exit(fflush(stdout) == 0 && !ferror(stdout) ? SATR_EXIT_OK :
	    SATR_EXIT_DATA);
}

int
cli_option(const struct cli_program *p, struct cli_options *o, int opt,
    const char *arg)
{
	switch (opt) {
	case 'H':
		o->header = 1;
		return 1;
	case 'V':
		printf("%s (satr) %s\n", p->name, SATR_VERSION);
		exit(fflush(stdout) == 0 && !ferror(stdout) ? SATR_EXIT_OK :
		    SATR_EXIT_DATA);
	case 'f':
		o->fields = arg;
		return 1;
	case 'h':
		help(p);
		return 1;
	case 'r':
		o->raw = 1;
		return 1;
	case CLI_OPT_INVALID:
		if (strcmp(arg, "fail") == 0)
			o->invalid = CLI_INVALID_FAIL;
		else if (strcmp(arg, "replace") == 0)
			o->invalid = CLI_INVALID_REPLACE;
		else if (strcmp(arg, "skip") == 0)
			o->invalid = CLI_INVALID_SKIP;
		else
			cli_usage_error(p, "--invalid takes fail, replace or "
			    "skip, not '%s'", arg);
		return 1;
	case CLI_OPT_LINE_BUFFERED:
		o->line_buffered = 1;
		return 1;
	case CLI_OPT_PROGRESS:
		o->progress = 1;
		return 1;
	case CLI_OPT_RAGGED:
		o->ragged = 1;
		return 1;
	case '?':
		cli_usage(p);
	default:
		return 0;
	}
}

uint64_t
cli_number(const struct cli_program *p, const char *opt, const char *arg,
    uint64_t min, uint64_t max)
{
	char *end;
	uintmax_t v;

	errno = 0;
	v = strtoumax(arg, &end, 10);
	if (*arg < '0' || *arg > '9' || *end != '\0' || errno != 0 ||
	    v < min || v > max)
		cli_usage_error(p, "%s takes a whole number from %" PRIu64
		    " to %" PRIu64 ", not '%s'", opt, min, max, arg);
	return (uint64_t)v;
}

void
cli_fieldlist(const struct cli_program *p, const char *opt, const char *spec,
    struct fieldlist *fl)
{
	char err[256];

	if (fieldlist_parse(fl, spec, err, sizeof err) < 0) {
		fieldlist_free(fl);
		cli_usage_error(p, "%s: %s", opt, err);
	}
}

const struct cli_choice cli_docs_modes[] = {
	{ "auto", DOCS_AUTO }, { "file", DOCS_FILE }, { "blank", DOCS_BLANK },
	{ "title", DOCS_TITLE }, { NULL, 0 }
};

int
cli_choose(const struct cli_program *p, const char *opt,
    const struct cli_choice *choices, const char *arg)
{
	char names[128] = "";
	size_t i;

	for (i = 0; choices[i].name != NULL; i++) {
		if (strcmp(arg, choices[i].name) == 0)
			return choices[i].value;
		snprintf(names + strlen(names), sizeof names - strlen(names),
		    "%s%s", i == 0 ? "" : choices[i + 1].name ? ", " : " or ",
		    choices[i].name);
	}
	cli_usage_error(p, "%s takes %s, not '%s'", opt, names, arg);
}

int
cli_close_output(struct writer *w, int status)
{
	int err = writer_close(w);

	if (err != 0) {
		errno = err;
		msg_warn("write error:");
		return SATR_EXIT_DATA;
	}
	return status;
}

void
cli_load_model(struct linear *m, const char *path, const char *kind,
    uint32_t features, int (*builtin)(struct linear *, const char **))
{
	const char *err;

	if (path == NULL) {
		if (builtin(m, &err) < 0)
			msg_die(SATR_EXIT_DATA, "built-in %s model: %s", kind,
			    err);
	} else if (linear_load_file(m, path, kind, features, &err) < 0) {
		msg_die(SATR_EXIT_DATA, "%s: %s", path, err);
	}
}
