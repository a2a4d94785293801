#include "msg.h"

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Whether a status line is on the terminal now. */
static int status_shown;

/* A failed write to the terminal only loses the line. */
static void
put_status(const char *s, size_t n)
{
	if (write(STDERR_FILENO, s, n) < 0)
		return;
}

void
msg_status(const char *line, size_t n)
{
	put_status("\r", 1);
	put_status(line, n);
	put_status("\033[K", 3);
	status_shown = 1;
}

void
msg_status_clear(void)
{
	if (status_shown)
		put_status("\r\033[K", 4);
	status_shown = 0;
}

static void
vmsg(const char *file, uint64_t line, uint64_t byte, const char *fmt,
    va_list ap)
{
	int saved = errno;
	size_t len = strlen(fmt);

	fflush(stdout);
	msg_status_clear();
	fprintf(stderr, "%s: ", program_invocation_short_name);
	if (file != NULL) {
		fputs(file, stderr);
		if (line > 0)
			fprintf(stderr, ":%" PRIu64, line);
		if (byte > 0)
			fprintf(stderr, ":%" PRIu64, byte);
		fputs(": ", stderr);
	}
	vfprintf(stderr, fmt, ap);
	if (len > 0 && fmt[len - 1] == ':')
		fprintf(stderr, " %s", strerror(saved));
	fputc('\n', stderr);
}

void
msg_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(NULL, 0, 0, fmt, ap);
	va_end(ap);
}

void
msg_warn_at(const char *file, uint64_t line, uint64_t byte,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(file, line, byte, fmt, ap);
	va_end(ap);
}

void
msg_die(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(NULL, 0, 0, fmt, ap);
	va_end(ap);
	exit(status);
}
