/*
 * Messages to standard error and the toolkit's exit statuses.
 *
 * This module and cli.c/input.c form the programs' runtime: they print and
 * exit. Every other module of the library returns errors to its caller.
 */
#ifndef SATR_MSG_H
#define SATR_MSG_H

#include <stddef.h>
#include <stdint.h>

/* The one table of exit statuses, documented in satr(7). */
enum satr_exit {
	SATR_EXIT_OK = 0,	/* success */
	SATR_EXIT_DATA = 1,	/* bad data, or a read or write failure */
	SATR_EXIT_USAGE = 2	/* bad options or operands */
};

/*
 * "PROGRAM: MESSAGE". A format ending in ':' gets ": " and strerror(errno)
 * appended, as in sbase's eprintf.
 */
void msg_warn(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));
_Noreturn void msg_die(int status, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* "PROGRAM: FILE:LINE:BYTE: MESSAGE"; line and byte count from 1, 0 omits. */
void msg_warn_at(const char *file, uint64_t line, uint64_t byte,
    const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/*
 * A status line (progress) on standard error, drawn over the last one;
 * messages clear it first. The caller shows it only on a terminal.
 */
void msg_status(const char *line, size_t n);
void msg_status_clear(void);

#endif
