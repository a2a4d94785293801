#include "msg.h"

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
vmsg(const char *file, uint64_t line, uint64_t byte, const char *fmt,
    va_list ap)
{
	int saved = errno;
	size_t len = strlen(fmt);

	fflush(stdout);
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
