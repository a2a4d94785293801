/*
 * Date values resolved against what is known of a document: its day (the
 * article's date a user gives) and the year of a full date earlier in it.
 * Values are those of satr-ent(1): "--05-18", "REF-P1D", "1445-09-15@islamic".
 */
#ifndef SATR_TIMEX_H
#define SATR_TIMEX_H

#include <stddef.h>

#include "mem.h"

struct timex_day {
	int year, month, day;
};

/* Reads YYYY-MM-DD (a real day of the Gregorian calendar) from s[0..n);
 * returns 0, or -1 if it is not one. */
int timex_parse_day(const char *s, size_t n, struct timex_day *d);

/* The Gregorian year a value states outright ("2023-05-18", "2023-05"),
 * or 0. */
int timex_year_of(const char *value);

/*
 * value resolved into out (emptied first): with ref (NULL: unknown),
 * REF values become calendar ones and a value without its year takes
 * ref's; without ref, it takes year (0: none); with gregorian, a Hijri
 * day is given in the Gregorian calendar (ICU's islamic-umalqura).
 * Returns 1 if out differs from value, 0 if it is the same.
 */
int timex_resolve(const char *value, const struct timex_day *ref, int year,
    int gregorian, struct buf *out);

#endif
