#include "progress.h"

#include <stdarg.h>
#include <stdio.h>

void
progress_init(struct progress *p, unsigned files, uint64_t total,
    int total_known, double now)
{
	p->files = files;
	p->files_done = 0;
	p->total = total;
	p->total_known = total_known;
	p->done = 0;
	p->start = now;
	p->shown = -1;
}

int
progress_due(struct progress *p, double now)
{
	if (p->shown >= 0 && now - p->shown < PROGRESS_INTERVAL)
		return 0;
	p->shown = now;
	return 1;
}

void
progress_bytes(uint64_t n, char *buf, size_t cap)
{
	static const char *const units[] = { "kB", "MB", "GB", "TB", "PB" };
	double v = (double)n;
	size_t u = 0;

	if (n < 1000) {
		snprintf(buf, cap, "%u B", (unsigned)n);
		return;
	}
	v /= 1000;
	/* 999.95 would print as 1000.0 of a unit: take the next. */
	while (v >= 999.95 && u + 1 < sizeof units / sizeof units[0]) {
		v /= 1000;
		u++;
	}
	snprintf(buf, cap, "%.1f %s", v, units[u]);
}

void
progress_duration(double s, char *buf, size_t cap)
{
	unsigned long t = s <= 0 ? 0 : (unsigned long)(s + 0.5);

	if (t < 60)
		snprintf(buf, cap, "%lus", t);
	else if (t < 3600)
		snprintf(buf, cap, "%lum%02lus", t / 60, t % 60);
	else
		snprintf(buf, cap, "%luh%02lum", t / 3600, t / 60 % 60);
}

static void append(char *buf, size_t cap, size_t *n, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Appends to buf[0..cap), as far as it goes; *n counts what would fit. */
static void
append(char *buf, size_t cap, size_t *n, const char *fmt, ...)
{
	va_list ap;
	int k;

	va_start(ap, fmt);
	k = vsnprintf(*n < cap ? buf + *n : NULL, *n < cap ? cap - *n : 0,
	    fmt, ap);
	va_end(ap);
	if (k > 0)
		*n += (size_t)k;
}

size_t
progress_format(const struct progress *p, double now, char *buf, size_t cap)
{
	char done[32], total[32], rate[32], left[32];
	double elapsed = now - p->start, per_second;
	size_t n = 0;

	if (cap == 0)
		return 0;
	buf[0] = '\0';
	progress_bytes(p->done, done, sizeof done);
	append(buf, cap, &n, "%u/%u files, %s", p->files_done, p->files, done);
	if (p->total_known) {
		progress_bytes(p->total, total, sizeof total);
		append(buf, cap, &n, " of %s", total);
	}
	/* No rate until there is something to measure it by. */
	if (elapsed > 0 && p->done > 0) {
		per_second = (double)p->done / elapsed;
		progress_bytes((uint64_t)per_second, rate, sizeof rate);
		append(buf, cap, &n, ", %s/s", rate);
		if (p->total_known && p->total >= p->done) {
			progress_duration((double)(p->total - p->done) /
			    per_second, left, sizeof left);
			append(buf, cap, &n, ", %s left", left);
		}
	}
	return n < cap ? n : cap - 1;
}
