/*
 * What the numeric grammar's matchers share: ent_num.c (numbers, sums,
 * shares) and ent_date.c (dates and times). A matcher reads tokens from
 * where a match starts and returns how many it takes, at most a fixed
 * number, so that the grammar is linear in the text whatever it holds.
 */
#ifndef SATR_ENTNUM_H
#define SATR_ENTNUM_H

#include "entp.h"

/*
 * Where a match starts: token i, read as w[0..n), the form it has without
 * the proclitic the match strips ("وخمسة" is و and خمسة); the tokens after
 * it are read as they are.
 */
struct from {
	size_t i;
	const char *w;
	size_t n;
};

/* No number is longer: ثلاثة مليارات وستمائة وخمسة وعشرون مليونا... */
enum { NUMBER_MAX_TOKENS = 16 };

const char *entn_form(const struct ent_finder *f, const struct from *s,
    size_t j, size_t *n);
/* The kind of the words-table entry at token j (0: none), its tokens in
 * *len, its entry in *id. */
unsigned entn_kind(struct ent_finder *f, const struct from *s, size_t j,
    size_t *len, size_t *id);
/* The same in the grammar's own table (enum entp_when), num in *num. */
unsigned entn_when(struct ent_finder *f, const struct from *s, size_t j,
    size_t *len, int64_t *num);
/* The value of that entry ("" if none). */
const char *entn_when_value(struct ent_finder *f, const struct from *s,
    size_t j);
/* The same, token j read without a leading و (والعشرين, ونصف). */
unsigned entn_when_joined(struct ent_finder *f, const struct from *s,
    size_t j, size_t *len, int64_t *num);
int entn_is(const struct ent_finder *f, const struct from *s, size_t j,
    const char *w);
/* Token j is the conjunction و, alone or glued to what follows. */
int entn_and(const struct ent_finder *f, const struct from *s, size_t j);
/* Token j is the article written apart before digits: "الـ 2". */
int entn_article_before_digits(const struct ent_finder *f,
    const struct from *s, size_t j);
/* Token j's digits as a value; 0 if it is not a number. */
int entn_digits(const struct ent_finder *f, const struct from *s, size_t j,
    double *v);
/* Token j is a whole number of digits in [lo, hi]. */
int entn_whole(const struct ent_finder *f, const struct from *s, size_t j,
    unsigned lo, unsigned hi, unsigned *v);
/*
 * A number from token j, in digits or words, with its scales ("400
 * مليون", "3 مليارات و600 مليون", "مليار ونصف"): the tokens it takes (0:
 * none), its value, and the last scale it used (1: none).
 */
size_t entn_number(struct ent_finder *f, const struct from *s, size_t j,
    double *value, double *scale);
void entn_format(struct buf *b, double v);

/* ent_date.c: a date or a time from s, its value in value. */
size_t entn_date_at(struct ent_finder *f, const struct from *s,
    struct buf *value);
size_t entn_time_at(struct ent_finder *f, const struct from *s,
    struct buf *value);
/* Whether token s->i may start a date or time. */
int entn_may_start_date(struct ent_finder *f, const struct from *s);

#endif
