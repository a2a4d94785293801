/*
 * Numbers, sums and shares: "400 مليون دولار", "3 مليارات و600 مليون ريال",
 * "بين 5 و7 ملايين دولار", "نحو 9 في المئة"; and what the matchers of
 * ent_date.c share with them.
 */
#include "entnum.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *
entn_form(const struct ent_finder *f, const struct from *s, size_t j,
    size_t *n)
{
	if (j == s->i) {
		*n = s->n;
		return s->w;
	}
	*n = f->wl[j];
	return f->w[j];
}

unsigned
entn_kind(struct ent_finder *f, const struct from *s, size_t j, size_t *len,
    size_t *id)
{
	*len = 0;
	if (j >= f->toks.n)
		return 0;
	if (j == s->i)
		return entp_kind_as(f, j, s->w, s->n, len, id);
	return entp_kind_at(f, j, len, id);
}

static unsigned
when_as(struct ent_finder *f, size_t j, const char *w, size_t n,
    size_t *len, int64_t *num)
{
	size_t id;

	*len = entp_looked_as(f, &f->when, f->when_at, j, w, n, &id);
	if (*len == 0)
		return 0;
	*num = f->when.v[id].num;
	return f->when.v[id].kind;
}

unsigned
entn_when(struct ent_finder *f, const struct from *s, size_t j, size_t *len,
    int64_t *num)
{
	size_t n;
	const char *w;

	if (j >= f->toks.n) {
		*len = 0;
		return 0;
	}
	w = entn_form(f, s, j, &n);
	return when_as(f, j, w, n, len, num);
}

const char *
entn_when_value(struct ent_finder *f, const struct from *s, size_t j)
{
	const char *w;
	size_t n, id;

	if (j >= f->toks.n)
		return "";
	w = entn_form(f, s, j, &n);
	if (entp_looked_as(f, &f->when, f->when_at, j, w, n, &id) == 0)
		return "";
	return phrase_value(&f->when, id);
}

unsigned
entn_when_joined(struct ent_finder *f, const struct from *s, size_t j,
    size_t *len, int64_t *num)
{
	size_t n;
	const char *w;

	*len = 0;
	if (j >= f->toks.n)
		return 0;
	w = entn_form(f, s, j, &n);
	if (n <= 2 || !entp_starts(w, n, "\u0648"))
		return 0;
	return when_as(f, j, w + 2, n - 2, len, num);
}

int
entn_is(const struct ent_finder *f, const struct from *s, size_t j,
    const char *w)
{
	const char *t;
	size_t n;

	if (j >= f->toks.n)
		return 0;
	t = entn_form(f, s, j, &n);
	return n == strlen(w) && memcmp(t, w, n) == 0;
}

int
entn_and(const struct ent_finder *f, const struct from *s, size_t j)
{
	return entn_is(f, s, j, "\u0648");
}

/*
 * Whether the comma at w[k] marks decimals, as Arabic news often writes
 * them (4،9 بالمائة, 2,5 مليار): the number's only comma, with no point,
 * and not three digits after it as thousands have.
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

int
entn_digits(const struct ent_finder *f, const struct from *s, size_t j,
    double *v)
{
	char num[64];
	const char *w;
	size_t k, l, n = 0;
	int dots = 0;

	if (j >= f->toks.n || f->toks.v[j].cls != TOK_NUM)
		return 0;
	w = entn_form(f, s, j, &l);
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

int
entn_whole(const struct ent_finder *f, const struct from *s, size_t j,
    unsigned lo, unsigned hi, unsigned *v)
{
	const char *w;
	double d;
	size_t n;

	if (!entn_digits(f, s, j, &d) || d != floor(d) || d < lo || d > hi)
		return 0;
	w = entn_form(f, s, j, &n);
	if (memchr(w, '.', n) || memchr(w, ',', n) || w[0] == '-' ||
	    w[0] == '+')
		return 0;
	*v = (unsigned)d;
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
	w = entn_form(f, s, j, &n);
	if (n <= 2 || !entp_starts(w, n, "\u0648"))
		return 0;
	return entp_kind_as(f, j, w + 2, n - 2, len, id) == K_NUMBER ?
	    K_NUMBER : 0;
}

/*
 * After a scale, "و" and a smaller part: "3 مليارات و600 مليون", "مليون
 * و200 ألف", "ألفين و500". A part as large as the scale starts another
 * number (بين 5 ملايين و7 ملايين), and only thousands take a part
 * without a scale. Returns whether there is one, its value in *v.
 */
static int
smaller_part(struct ent_finder *f, const struct from *s, size_t j,
    double last, double *v)
{
	size_t len, id;

	if (!entn_and(f, s, j) || !entn_digits(f, s, j + 1, v) || *v <= 0)
		return 0;
	if (entn_kind(f, s, j + 2, &len, &id) == K_SCALE)
		return (double)f->words.v[id].num < last;
	return last <= 1000 && *v < last;	/* not €3.5 مليار و1,200 ريال */
}

/* The decimals of "5 فاصل 7" from token j (فاصل): their value, and the
 * tokens taken in *len (0: none). */
static double
decimals_after(struct ent_finder *f, const struct from *s, size_t j,
    size_t *len)
{
	const char *w;
	size_t n, k, plen;
	double v = 0, unit = 1;
	int64_t num;

	*len = 0;
	if (entn_when(f, s, j, &plen, &num) != W_POINT || j + plen >=
	    f->toks.n || f->toks.v[j + plen].cls != TOK_NUM)
		return 0;
	w = entn_form(f, s, j + plen, &n);
	for (k = 0; k < n; k++) {
		if (w[k] < '0' || w[k] > '9' || k == 6)
			return 0;
		unit /= 10;
		v += (w[k] - '0') * unit;
	}
	*len = plen + 1;
	return v;
}

size_t
entn_number(struct ent_finder *f, const struct from *s, size_t i,
    double *value, double *scale)
{
	double total = 0, group = 0, v, last = 0;
	size_t j = i, end = i + NUMBER_MAX_TOKENS, len, slen, id;
	int64_t num;
	unsigned k;
	int any = 0, digits = 0;

	if (entn_digits(f, s, j, &v)) {
		group = v + decimals_after(f, s, j + 1, &len);
		any = digits = 1;
		j += 1 + len;
	} else if (entn_when(f, s, j, &len, &num) == W_FRACTION &&
	    entn_kind(f, s, j + len, &slen, &id) == K_SCALE) {
		group = (double)num / 100;	/* ربع مليار */
		any = 1;
		j += len;
	}
	while (j < end) {
		k = entn_kind(f, s, j, &len, &id);
		if (k == 0 && j > i)
			k = joined_number(f, s, j, &len, &id);
		if (k == K_TEEN && j == i)
			k = K_NUMBER;	/* عشر سنوات */
		if (k == K_NUMBER && !digits) {
			size_t tlen, tid;

			v = (double)f->words.v[id].num;
			if (v < 10 && entn_kind(f, s, j + len, &tlen, &tid) ==
			    K_TEEN) {
				v += 10;	/* خمسة عشر */
				j += tlen;
			}
			group += v;
		} else if (k == K_SCALE) {
			double sc = (double)f->words.v[id].num;

			if (group == 0 && total > 0 && sc > last)
				total *= sc;	/* ألف مليون */
			else
				total += (group == 0 ? 1 : group) * sc;
			group = 0;
			last = sc;
			digits = 0;
		} else if (last > 0 && group == 0 && smaller_part(f, s, j,
		    last, &v)) {
			group = v;
			digits = 1;
			len = 2;
		} else if (last > 0 && group == 0 && entn_when_joined(f, s, j,
		    &len, &num) == W_FRACTION) {
			total += last * (double)num / 100;	/* مليار ونصف */
			j += len;
			break;
		} else {
			break;
		}
		any = 1;
		j += len;
	}
	*value = total + group;
	*scale = last > 0 ? last : 1;
	return any ? j - i : 0;
}

void
entn_format(struct buf *b, double v)
{
	char num[64];

	if (v == floor(v) && fabs(v) < 1e18)
		snprintf(num, sizeof num, "%.0f", v);
	else
		snprintf(num, sizeof num, "%.10g", v);
	buf_add(b, num, strlen(num));
}

/* An amount: one number, or a range of two, with a qualifier. */
struct amount {
	double lo, hi;
	int range;
	char mark;		/* ~, >, <, or 0 */
	const char *code;	/* a currency's sign before it */
};

/* The second number of a range from token j: "و7" after بين, "إلى 7"
 * after من, "-7" after any; its tokens, 0 if none. */
static size_t
range_end(struct ent_finder *f, const struct from *s, size_t j, int between,
    int from, double *v, double *scale)
{
	size_t len;
	int64_t num;
	unsigned k = entn_when(f, s, j, &len, &num);

	if (between ? !entn_and(f, s, j) : !(k == W_TO && (from ||
	    entn_is(f, s, j, "-"))))
		return 0;
	if (between || k == W_TO)
		len = 1;
	k = (unsigned)entn_number(f, s, j + len, v, scale);
	return k ? len + k : 0;
}

/* Whether token j is the article written apart before digits: "الـ 2". */
int
entn_article_before_digits(const struct ent_finder *f,
    const struct from *s, size_t j)
{
	return j + 1 < f->toks.n && f->toks.v[j + 1].cls == TOK_NUM &&
	    entn_is(f, s, j, "\u0627\u0644");
}

static size_t
amount_at(struct ent_finder *f, const struct from *s, struct amount *a)
{
	size_t j = s->i, len, id, k;
	double sc1, sc2;
	int64_t num;
	unsigned w;
	int between = 0, from = 0;

	memset(a, 0, sizeof *a);
	if (entn_when(f, s, j, &len, &num) == W_QUAL) {
		a->mark = (char)num;
		j += len;
	}
	j += entn_article_before_digits(f, s, j);	/* الـ 100% */
	w = entn_when(f, s, j, &len, &num);
	if (w == W_BETWEEN || w == W_FROM) {
		between = w == W_BETWEEN;
		from = !between;
		j++;
	}
	if (entn_kind(f, s, j, &len, &id) == K_CURSYM) {
		a->code = phrase_value(&f->words, id);
		j += len;
	}
	if ((k = entn_number(f, s, j, &a->lo, &sc1)) == 0)
		return 0;
	j += k;
	if ((k = range_end(f, s, j, between, from, &a->hi, &sc2)) > 0) {
		if (sc1 == 1 && sc2 > 1 && a->lo < sc2)
			a->lo *= sc2;	/* بين 5 و7 ملايين */
		a->range = 1;
		j += k;
	} else if (between || from) {
		return 0;	/* من is a preposition, the sum after it */
	}
	return j - s->i;
}

static void
format_amount(struct buf *b, const struct amount *a, double unit)
{
	b->n = 0;
	if (a->mark)
		buf_addc(b, a->mark);
	entn_format(b, a->lo / unit);
	if (a->range) {
		buf_addc(b, '/');
		entn_format(b, a->hi / unit);
	}
}

/* What the price ending before j is of, "/barrel" added to value: its
 * tokens (0: none). */
static size_t
per_unit(struct ent_finder *f, const struct from *s, size_t j,
    struct buf *value)
{
	const char *of;
	size_t len;
	int64_t num;

	if (entn_when(f, s, j, &len, &num) != W_PERUNIT)
		return 0;
	of = entn_when_value(f, s, j);
	buf_addc(value, '/');
	buf_add(value, of, strlen(of));
	return len;
}

/* MONEY: "$5", "400 مليون دولار", "55 سنتا", "نحو 5 إلى 7 مليارات دولار". */
static size_t
money_at(struct ent_finder *f, const struct from *s, struct buf *value)
{
	struct amount a;
	const char *code;
	double unit = 1;
	size_t j, len, id;
	unsigned kind;

	if ((j = amount_at(f, s, &a)) == 0)
		return 0;
	j += s->i;
	if ((code = a.code) == NULL) {
		kind = entn_kind(f, s, j, &len, &id);
		if (kind != K_CURRENCY && kind != K_SUBUNIT &&
		    kind != K_CURSYM && kind != K_SCALEDCUR)
			return 0;
		code = phrase_value(&f->words, id);
		if (kind == K_SUBUNIT)
			unit = (double)f->words.v[id].num;
		if (kind == K_SCALEDCUR) {	/* 23 م د */
			a.lo *= (double)f->words.v[id].num;
			a.hi *= (double)f->words.v[id].num;
		}
		j += len;
	}
	format_amount(value, &a, unit);
	buf_addc(value, ' ');
	buf_add(value, code, strlen(code));
	return j + per_unit(f, s, j, value) - s->i;
}

/* The percent words after an amount: 0 none, 1 percent, 2 points, 3
 * basis points; their tokens in *len. */
static unsigned
percent_word(struct ent_finder *f, const struct from *s, size_t j,
    size_t *len)
{
	size_t id;

	if (entn_kind(f, s, j, len, &id) != K_PERCENT)
		return 0;
	return 1 + (unsigned)f->words.v[id].num;
}

/* PERCENT: "9%", "30.4 في المئة", "بين 5 و7 في المئة", "0.25 نقطة مئوية";
 * the first of "10.3 و10.2 بالمائة" too. */
static size_t
percent_at(struct ent_finder *f, const struct from *s, struct buf *value)
{
	static const char *const units[] = { "", "pp", "bp" };
	struct amount a;
	size_t j, len, k;
	unsigned p;
	double v, sc;

	if ((j = amount_at(f, s, &a)) == 0 || a.code != NULL)
		return 0;
	j += s->i;
	if ((p = percent_word(f, s, j, &len)) == 0) {
		if (a.range || !entn_and(f, s, j) || (k = entn_number(f, s,
		    j + 1, &v, &sc)) == 0 || percent_word(f, s, j + 1 + k,
		    &len) == 0)
			return 0;
		p = 1;
		len = 0;
	}
	format_amount(value, &a, 1);
	buf_add(value, units[p - 1], strlen(units[p - 1]));
	return j + len - s->i;
}

typedef size_t (*matcher)(struct ent_finder *, const struct from *,
    struct buf *);

static const matcher matchers[] = { money_at, percent_at, entn_time_at,
    entn_date_at };
static const enum ent_type matched[] = { ENT_MONEY, ENT_PERCENT, ENT_TIME,
    ENT_DATE };

/* Most words start no number, date or sum: one look-up tells. */
static int
may_start(struct ent_finder *f, const struct from *s)
{
	size_t len, id;
	unsigned kind;

	if (f->toks.v[s->i].cls == TOK_NUM ||
	    entn_article_before_digits(f, s, s->i))
		return 1;
	kind = entn_kind(f, s, s->i, &len, &id);
	return kind == K_NUMBER || kind == K_SCALE || kind == K_CURSYM ||
	    kind == K_WEEKDAY || kind == K_YEARCUE || kind == K_MONTH ||
	    kind == K_HMONTH || entn_may_start_date(f, s);
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
	if (len > 0 && *type == ENT_DATE && value->n == 4 && value->p[0] >=
	    '0' && value->p[0] <= '9')
		f->year_end = i + len;	/* a list may go on: 2008 و2012 */
	return len;
}
