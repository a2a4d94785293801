#include "timex.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucal.h>

/* Days since 1970-01-01 of a Gregorian day, and back: the civil calendar
 * counted in eras of 400 years, which repeat exactly. */
static long
days_of(int y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void
day_of(long z, struct timex_day *t)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	t->day = (int)(doy - (153 * mp + 2) / 5 + 1);
	t->month = (int)(mp < 10 ? mp + 3 : mp - 9);
	t->year = (int)(yoe + era * 400 + (t->month <= 2));
}

int
timex_parse_day(const char *s, size_t n, struct timex_day *d)
{
	struct timex_day back;
	char tmp[16];
	int len = 0;

	if (n != 10)
		return -1;
	memcpy(tmp, s, n);
	tmp[n] = '\0';
	if (sscanf(tmp, "%4d-%2d-%2d%n", &d->year, &d->month, &d->day,
	    &len) != 3 || len != 10 || tmp[4] != '-' || tmp[7] != '-' ||
	    d->month < 1 || d->month > 12 || d->day < 1 || d->day > 31)
		return -1;
	day_of(days_of(d->year, d->month, d->day), &back);
	return back.day == d->day ? 0 : -1;	/* no 31 June */
}

int
timex_year_of(const char *value)
{
	int y, m;
	char rest;

	if (strchr(value, '@') != NULL || strchr(value, '/') != NULL)
		return 0;
	if (sscanf(value, "%4d-%2d%c", &y, &m, &rest) >= 2 && y > 999)
		return y;
	return 0;
}

static void
put(struct buf *out, const char *fmt, int a, int b, int c)
{
	char s[48];
	int n = snprintf(s, sizeof s, fmt, a, b, c);

	buf_add(out, s, (size_t)n);
}

/* The ISO week of a day: its year in *y. */
static int
iso_week(long z, int *y)
{
	struct timex_day t;
	long wd = ((z % 7) + 7 + 3) % 7;	/* 0 Monday: 1970-01-01 was a Thursday */
	long thursday = z - wd + 3, jan1;

	day_of(thursday, &t);
	*y = t.year;
	jan1 = days_of(t.year, 1, 1);
	return (int)((thursday - jan1) / 7 + 1);
}

/* "REF", "REF-P3D", "REF+P1W", "REF-P1M", "REF+P0Y", "REF+P1Y-Q1" from
 * ref. */
static int
resolve_ref(const char *v, const struct timex_day *ref, struct buf *out)
{
	long z = days_of(ref->year, ref->month, ref->day);
	struct timex_day t;
	int n, sign, wy, w, mo, end = 0, tail = 0, part = 0;
	char unit, of = 0;

	if (strcmp(v, "REF") == 0) {
		put(out, "%04d-%02d-%02d", ref->year, ref->month, ref->day);
		return 1;
	}
	if (sscanf(v, "REF%*c%*c%d%c%n", &n, &unit, &end) != 2 ||
	    (v[3] != '-' && v[3] != '+') || v[4] != 'P')
		return 0;
	if (v[end] != '\0' && (unit != 'Y' || sscanf(v + end, "-%c%d%n",
	    &of, &part, &tail) != 2 || (of != 'Q' && of != 'H') ||
	    v[end + tail] != '\0'))
		return 0;	/* only a year has parts: REF+P1Y-Q1 */
	sign = v[3] == '-' ? -1 : 1;
	switch (unit) {
	case 'D':
		day_of(z + (long)sign * n, &t);
		put(out, "%04d-%02d-%02d", t.year, t.month, t.day);
		return 1;
	case 'W':
		w = iso_week(z + 7L * sign * n, &wy);
		put(out, "%04d-W%02d", wy, w, 0);
		return 1;
	case 'M':
		mo = ref->year * 12 + ref->month - 1 + sign * n;
		put(out, "%04d-%02d", mo / 12, mo % 12 + 1, 0);
		return 1;
	case 'Y':
		put(out, "%04d", ref->year + sign * n, 0, 0);
		if (part)
			put(out, "-%c%d", of, part, 0);
		return 1;
	}
	return 0;
}

/* "1445-09-15@islamic" in the Gregorian calendar, by ICU. */
static int
gregorian_of(const char *v, struct buf *out)
{
	UErrorCode e = U_ZERO_ERROR;
	UCalendar *hijri, *greg;
	UDate when;
	int y, m, d, len = 0;

	if (sscanf(v, "%4d-%2d-%2d@islamic%n", &y, &m, &d, &len) != 3 ||
	    v[len] != '\0')
		return 0;
	hijri = ucal_open(NULL, 0, "en@calendar=islamic-umalqura",
	    UCAL_DEFAULT, &e);
	greg = ucal_open(NULL, 0, "en@calendar=gregorian", UCAL_DEFAULT, &e);
	if (U_SUCCESS(e)) {
		ucal_clear(hijri);
		ucal_setDate(hijri, y, m - 1, d, &e);
		ucal_set(hijri, UCAL_HOUR_OF_DAY, 12);
		when = ucal_getMillis(hijri, &e);
		ucal_setMillis(greg, when, &e);
		y = ucal_get(greg, UCAL_YEAR, &e);
		m = ucal_get(greg, UCAL_MONTH, &e) + 1;
		d = ucal_get(greg, UCAL_DATE, &e);
	}
	ucal_close(hijri);
	ucal_close(greg);
	if (U_FAILURE(e))
		return 0;
	put(out, "%04d-%02d-%02d", y, m, d);
	return 1;
}

/* One end of a value: v[0..n). */
static void
resolve_one(const char *v, size_t n, const struct timex_day *ref, int year,
    int gregorian, struct buf *out)
{
	char one[64];
	size_t at = out->n;
	int m, d;

	if (n >= sizeof one) {
		buf_add(out, v, n);
		return;
	}
	memcpy(one, v, n);
	one[n] = '\0';
	if (ref != NULL)
		year = ref->year;
	if (ref != NULL && strncmp(one, "REF", 3) == 0 &&
	    resolve_ref(one, ref, out))
		return;
	if (gregorian && gregorian_of(one, out))
		return;
	if (year && n == 7 && sscanf(one, "--%2d-%2d", &m, &d) == 2)
		put(out, "%04d-%02d-%02d", year, m, d);
	else if (year && n == 4 && sscanf(one, "--%2d", &m) == 1)
		put(out, "%04d-%02d", year, m, 0);
	if (out->n == at)
		buf_add(out, v, n);
}

int
timex_resolve(const char *value, const struct timex_day *ref, int year,
    int gregorian, struct buf *out)
{
	const char *slash = strchr(value, '/');
	size_t n = strlen(value);

	out->n = 0;
	if (slash != NULL) {
		resolve_one(value, (size_t)(slash - value), ref, year,
		    gregorian, out);
		buf_addc(out, '/');
		resolve_one(slash + 1, n - (size_t)(slash + 1 - value), ref,
		    year, gregorian, out);
	} else {
		resolve_one(value, n, ref, year, gregorian, out);
	}
	return out->n != n || memcmp(out->p, value, n) != 0;
}
