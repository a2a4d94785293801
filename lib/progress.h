/*
 * Progress of a run over files: files and bytes done, rate and time left,
 * as one line of text. The caller measures time and bytes and prints; this
 * module only keeps count and formats.
 */
#ifndef SATR_PROGRESS_H
#define SATR_PROGRESS_H

#include <stddef.h>
#include <stdint.h>

struct progress {
	unsigned files;		/* operands in all */
	unsigned files_done;
	uint64_t total;		/* bytes of all operands, if known */
	int total_known;	/* every operand is a regular file */
	uint64_t done;		/* bytes read, files done and the current one */
	double start;		/* seconds, on the caller's clock */
	double shown;		/* when the line was last due, or -1 */
};

/* Seconds between two lines: often enough to see it move. */
#define PROGRESS_INTERVAL 0.2

/* total is the operands' size in bytes when total_known. */
void progress_init(struct progress *p, unsigned files, uint64_t total,
    int total_known, double now);
/* Whether a new line is due at now (and if so, it counts as shown). */
int progress_due(struct progress *p, double now);
/*
 * The line at now, NUL-terminated in buf (cut to cap - 1 bytes); returns
 * its length. "2/5 files, 12.3 MB of 40.0 MB, 8.1 MB/s, 3s left"; without
 * a known total, "2/5 files, 12.3 MB, 8.1 MB/s".
 */
size_t progress_format(const struct progress *p, double now, char *buf,
    size_t cap);
/* n bytes for people: "512 B", "12.3 kB", "4.0 MB" (powers of 1000). */
void progress_bytes(uint64_t n, char *buf, size_t cap);
/* s seconds for people: "42s", "3m05s", "2h07m". */
void progress_duration(double s, char *buf, size_t cap);

#endif
