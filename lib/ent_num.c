#include "entp.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* Token j's form as the match reads it (j < f->toks.n). */
static const char *
form(const struct ent_finder *f, const struct from *s, size_t j, size_t *n)
{
	if (j == s->i) {
		*n = s->n;
		return s->w;
	}
	*n = f->wl[j];
	return f->w[j];
}

static unsigned
kind_at(struct ent_finder *f, const struct from *s, size_t j, size_t *len,
    size_t *id)
{
	if (j == s->i)
		return entp_kind_as(f, j, s->w, s->n, len, id);
	return entp_kind_at(f, j, len, id);
}

static int
is_word(const struct ent_finder *f, const struct from *s, size_t j,
    const char *w)
{
	const char *t;
	size_t n;

	if (j >= f->toks.n)
		return 0;
	t = form(f, s, j, &n);
	return n == strlen(w) && memcmp(t, w, n) == 0;
}

/*
 * Whether the comma at w[k] marks decimals, as the Arabic comma does in
 * Maghreb news (4،9 بالمائة): the number's only comma, with no point, and
 * not three digits after it as thousands have.
 */
static int
decimal_comma(const char *w, size_t n, size_t k)
{
	size_t digits = 0, i;

	for (i = 0; i < n; i++)
		if (i != k && (w[i] == ',' || w[i] == '.'))
			return 0;
	for (i = k + 1; i < n && w[i] >= '0' && w[i] <= '9'; i++)
		digits++;
	return digits != 3;
}

/* The digits of number token j as a value; 0 if it is not one. */
static int
plain_number(const struct ent_finder *f, const struct from *s, size_t j,
    double *v)
{
	char num[64];
	const char *w;
	size_t k, l, n = 0;
	int dots = 0;

	if (j >= f->toks.n || f->toks.v[j].cls != TOK_NUM)
		return 0;
	w = form(f, s, j, &l);
	if (l >= sizeof num)
		return 0;
	for (k = 0; k < l; k++) {
		char c = w[k];

		if (c == ',' && !decimal_comma(w, l, k))
			continue;	/* thousands */
		if (c == '.' || c == ',') {
			dots++;
			c = '.';
		}
		else if ((c < '0' || c > '9') && !(k == 0 && (c == '-' ||
		    c == '+')))
			return 0;
		num[n++] = c;
	}
	num[n] = '\0';
	if (dots > 1)
		return 0;
	*v = strtod(num, NULL);
	return 1;
}

/* A number word with و before it, which joins number words: خمسة
 * وعشرون. */
static unsigned
joined_number(struct ent_finder *f, const struct from *s, size_t j,
    size_t *len, size_t *id)
{
	const char *w;
	size_t n;

	if (j >= f->toks.n)
		return 0;
	w = form(f, s, j, &n);
	if (!entp_starts(w, n, "\u0648"))
		return 0;
	return entp_kind_as(f, j, w + 2, n - 2, len, id) == K_NUMBER ?
	    K_NUMBER : 0;
}

/*
 * A number from token i, in digits or words, with its scales: "400
 * مليون", "ثلاثمائة وخمسون ألفا", "تسعة مليارات". Returns the tokens used.
 */
static size_t
number_at(struct ent_finder *f, const struct from *s, size_t i,
    double *value)
{
	double total = 0, group = 0, v;
	size_t j = i, len, id;
	unsigned k;
	int any = 0, digits = 0;

	if (plain_number(f, s, j, &v)) {
		group = v;
		any = digits = 1;
		j++;
	}
	for (;;) {
		k = kind_at(f, s, j, &len, &id);
		if (k == 0 && j > i)
			k = joined_number(f, s, j, &len, &id);
		if (k == K_NUMBER && !digits) {
			size_t tlen, tid;

			v = (double)f->words.v[id].num;
			if (v < 10 && kind_at(f, s, j + len, &tlen, &tid) ==
			    K_TEEN) {
				v += 10;	/* خمسة عشر */
				j += tlen;
			}
			group += v;
		} else if (k == K_SCALE && any) {
			total += (group == 0 ? 1 : group) *
			    (double)f->words.v[id].num;
			group = 0;
		} else if (k == K_SCALE && !any) {
			total += (double)f->words.v[id].num;	/* ألف دولار */
		} else {
			break;
		}
		any = 1;
		j += len;
	}
	*value = total + group;
	return any ? j - i : 0;
}

static void
format_number(struct buf *b, double v)
{
	char num[64];

	if (v == floor(v) && fabs(v) < 1e18)
		snprintf(num, sizeof num, "%.0f", v);
	else
		snprintf(num, sizeof num, "%.10g", v);
	buf_add(b, num, strlen(num));
}

/* MONEY: "$5", "400 مليون دولار", "55 سنتا". */
static size_t
money_at(struct ent_finder *f, const struct from *s, struct buf *value)
{
	const char *code = NULL;
	double v;
	size_t j = s->i, len, id, k;
	unsigned kind;

	if (kind_at(f, s, j, &len, &id) == K_CURSYM) {
		code = phrase_value(&f->words, id);
		j += len;
	}
	if ((k = number_at(f, s, j, &v)) == 0)
		return 0;
	j += k;
	if (code == NULL) {
		kind = kind_at(f, s, j, &len, &id);
		if (kind != K_CURRENCY && kind != K_SUBUNIT &&
		    kind != K_CURSYM)
			return 0;
		code = phrase_value(&f->words, id);
		if (kind == K_SUBUNIT)
			v /= (double)f->words.v[id].num;
		j += len;
	}
	value->n = 0;
	format_number(value, v);
	buf_addc(value, ' ');
	buf_add(value, code, strlen(code));
	return j - s->i;
}

/* PERCENT: "9%", "30.4 في المئة". */
static size_t
percent_at(struct ent_finder *f, const struct from *s, struct buf *value)
{
	double v;
	size_t k, len, id;

	if ((k = number_at(f, s, s->i, &v)) == 0 || kind_at(f, s, s->i + k,
	    &len, &id) != K_PERCENT)
		return 0;
	value->n = 0;
	format_number(value, v);
	return k + len;
}

/* TIME: "7:38", "7:38 مساء". */
static size_t
time_at(struct ent_finder *f, const struct from *s, struct buf *value)
{
	unsigned h, m;
	char tok[8], out[16];
	const char *w;
	size_t i = s->i, n, len, id, k = 1;

	if (i >= f->toks.n || f->toks.v[i].cls != TOK_NUM)
		return 0;
	w = form(f, s, i, &n);
	if (n < 4 || n > 5 || w[n - 3] != ':')
		return 0;
	memcpy(tok, w, n);
	tok[n] = '\0';
	if (sscanf(tok, "%2u:%2u", &h, &m) != 2 || h > 24 || m > 59)
		return 0;
	if (kind_at(f, s, i + 1, &len, &id) == K_AMPM) {
		if (f->words.v[id].num == 12 && h < 12)
			h += 12;
		k += len;
	}
	snprintf(out, sizeof out, "%02u:%02u", h, m);
	value->n = 0;
	buf_add(value, out, strlen(out));
	return k;
}

static int
number_in(const struct ent_finder *f, const struct from *s, size_t j,
    double lo, double hi, unsigned *v)
{
	const char *w;
	double d;
	size_t n;

	if (!plain_number(f, s, j, &d) || d != floor(d) || d < lo || d > hi)
		return 0;
	w = form(f, s, j, &n);
	if (memchr(w, '.', n) || memchr(w, ',', n))
		return 0;
	*v = (unsigned)d;
	return 1;
}

/* The date's value: "2024-03-18", "2024-03", "--03-18", "@islamic" after
 * a Hijri one. */
static void
format_date(struct buf *value, unsigned year, unsigned month, unsigned day,
    int hijri)
{
	char out[48];

	if (year && day)
		snprintf(out, sizeof out, "%04u-%02u-%02u", year, month, day);
	else if (year)
		snprintf(out, sizeof out, "%04u-%02u", year, month);
	else
		snprintf(out, sizeof out, "--%02u-%02u", month, day);
	value->n = 0;
	buf_add(value, out, strlen(out));
	if (hijri)
		buf_add(value, "@islamic", 8);
}

/* A year after عام or سنة: "عام 2020". */
static size_t
year_at(struct ent_finder *f, const struct from *s, struct buf *value)
{
	unsigned year;
	size_t len, id;
	char out[16];

	if (kind_at(f, s, s->i, &len, &id) != K_YEARCUE ||
	    !number_in(f, s, s->i + len, 1000, 2200, &year))
		return 0;
	snprintf(out, sizeof out, "%u", year);
	value->n = 0;
	buf_add(value, out, strlen(out));
	return len + 1;
}

/*
 * DATE: "الاثنين 18 مارس 2024", "3 سبتمبر/أيلول", "مارس 2024", "15 رمضان
 * 1445 هـ", "عام 2020".
 */
static size_t
date_at(struct ent_finder *f, const struct from *s, struct buf *value)
{
	unsigned day = 0, year = 0, month;
	size_t j = s->i, len, id;
	unsigned kind;
	int hijri;

	if ((len = year_at(f, s, value)) > 0)
		return len;
	if (kind_at(f, s, j, &len, &id) == K_WEEKDAY) {
		j += len;
		if (is_word(f, s, j, ","))
			j++;
	}
	if (number_in(f, s, j, 1, 31, &day))
		j++;
	kind = kind_at(f, s, j, &len, &id);
	if (kind != K_MONTH && kind != K_HMONTH)
		return 0;
	month = (unsigned)f->words.v[id].num;
	hijri = kind == K_HMONTH;
	j += len;
	if (is_word(f, s, j, "/") && ((kind = kind_at(f, s, j + 1, &len,
	    &id)) == K_MONTH || kind == K_HMONTH))
		j += 1 + len;	/* سبتمبر/أيلول */
	if (number_in(f, s, j, 1000, 2200, &year)) {
		j++;
		if (kind_at(f, s, j, &len, &id) == K_ERA) {
			hijri = f->words.v[id].num == 1;
			j += len;
		}
	}
	if (day == 0 && year == 0)
		return 0;	/* a month alone: "مارس" is also a verb */
	format_date(value, year, month, day, hijri);
	return j - s->i;
}

typedef size_t (*matcher)(struct ent_finder *, const struct from *,
    struct buf *);

static const matcher matchers[] = { money_at, percent_at, time_at,
    date_at };
static const enum ent_type matched[] = { ENT_MONEY, ENT_PERCENT, ENT_TIME,
    ENT_DATE };

/* Most words start no number, date or sum: one look-up tells. */
static int
may_start(struct ent_finder *f, const struct from *s)
{
	size_t len, id;
	unsigned kind;

	if (f->toks.v[s->i].cls == TOK_NUM)
		return 1;
	kind = kind_at(f, s, s->i, &len, &id);
	return kind == K_NUMBER || kind == K_SCALE || kind == K_CURSYM ||
	    kind == K_WEEKDAY || kind == K_YEARCUE || kind == K_MONTH ||
	    kind == K_HMONTH;
}

size_t
entp_numeric_at(struct ent_finder *f, size_t i, enum ent_type *type,
    size_t *skip, struct buf *value)
{
	struct entp_strip st[3];
	size_t k, n = entp_strips(f, i, st), len = 0, m;

	for (k = 0; k < n && len == 0; k++) {
		struct from s;

		s.i = i;
		s.w = entp_stripped(f, i, &st[k], &s.n);
		if (!may_start(f, &s))
			continue;
		for (m = 0; m < 4 && len == 0; m++)
			if ((len = matchers[m](f, &s, value)) > 0) {
				*type = matched[m];
				*skip = st[k].bytes;
			}
	}
	return len;
}
