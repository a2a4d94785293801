/*
 * Dates and times as news writes them, with ISO 8601 / TIMEX3 values:
 * "السادس والعشرين من يناير 2022", "2023/11/05", "في نوفمبر", "يوم الثلاثاء",
 * "خريف 2019", "بين عامي 2015 و2018", "أمس", "قبل ثلاثة أيام", "الساعة
 * العاشرة والنصف مساء". satr-ent(1) lists the values. Each matcher takes
 * a bounded number of tokens.
 */
#include "entnum.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A point in time as the text gives it; 0 where it says nothing. */
struct point {
	unsigned year, month, day;
	int hijri;
	unsigned weekday;	/* ISO: 1 Monday ... 7 Sunday */
	int relday, has_rel;	/* days from the article's */
};

static void
format_point(struct buf *b, const struct point *p)
{
	char out[48];

	if (p->month && p->year && p->day)
		snprintf(out, sizeof out, "%04u-%02u-%02u", p->year, p->month,
		    p->day);
	else if (p->month && p->year)
		snprintf(out, sizeof out, "%04u-%02u", p->year, p->month);
	else if (p->month && p->day)
		snprintf(out, sizeof out, "--%02u-%02u", p->month, p->day);
	else if (p->month)
		snprintf(out, sizeof out, "--%02u", p->month);
	else if (p->year)
		snprintf(out, sizeof out, "%04u", p->year);
	else if (p->has_rel && p->relday == 0)
		snprintf(out, sizeof out, "REF");
	else if (p->has_rel)
		snprintf(out, sizeof out, "REF%cP%dD", p->relday < 0 ? '-' :
		    '+', abs(p->relday));
	else
		snprintf(out, sizeof out, "XXXX-WXX-%u", p->weekday);
	buf_add(b, out, strlen(out));
	if (p->hijri && (p->year || p->month))
		buf_add(b, "@islamic", 8);
}

static unsigned
when_at(struct ent_finder *f, const struct from *s, size_t j, size_t *len)
{
	int64_t num;

	return entn_when(f, s, j, len, &num);
}

/* Whether s follows a year taken, with و: "2008 و2012", "2008 و 2012". */
static int
listed(const struct ent_finder *f, const struct from *s)
{
	size_t j = s->i;

	if (f->year_end == 0)
		return 0;
	if (s->n + 2 == f->wl[j] && memcmp(f->w[j], "\u0648", 2) == 0)
		return j == f->year_end;
	return s->n == f->wl[j] && j == f->year_end + 1 &&
	    entn_and(f, s, f->year_end);
}

/* Whether the word before s is one after which a bare month or year is
 * a time: في نوفمبر, منذ 2003, حتى مايو, انتخابات 2010; or s follows a
 * year taken; or it opens a line of a chronology (1954 - ...). */
static int
cued(struct ent_finder *f, const struct from *s)
{
	struct entp_strip st[3];
	size_t k, n, len, wl, j = s->i;
	int64_t num;

	if (listed(f, s))
		return 1;
	if (j == 0)
		return entn_is(f, s, 1, "-");
	if (s->n != f->wl[j] || f->toks.v[j - 1].cls == TOK_PUNCT)
		return 0;	/* a proclitic before it, or a dash: no word */
	n = entp_strips(f, j - 1, st);
	for (k = 0; k < n; k++) {
		const char *w = entp_stripped(f, j - 1, &st[k], &wl);
		struct from p = { j - 1, w, wl };
		unsigned kind = entn_when(f, &p, j - 1, &len, &num);

		if (len == 1 && (kind == W_CUE || kind == W_AGO ||
		    kind == W_LATER || kind == W_TO || kind == W_FROM ||
		    kind == W_EVENT))
			return 1;
	}
	return 0;
}

/* A month's name at j, with another calendar's after it: "سبتمبر/أيلول",
 * "تموز (يوليو)", "مايو ايار". */
static size_t
month_at(struct ent_finder *f, const struct from *s, size_t j,
    struct point *p)
{
	size_t len, id, start = j, k;
	unsigned kind = entn_kind(f, s, j, &len, &id), alt;

	if (kind != K_MONTH && kind != K_HMONTH)
		return 0;
	p->month = (unsigned)f->words.v[id].num;
	p->hijri = kind == K_HMONTH;
	j += len;
	k = entn_is(f, s, j, "/") || entn_is(f, s, j, "(") ||
	    entn_is(f, s, j, "-");
	alt = entn_kind(f, s, j + k, &len, &id);
	if (alt == K_MONTH || alt == K_HMONTH) {
		j += k + len;
		if (entn_is(f, s, start + k, "(") || entn_is(f, s, j, ")"))
			j += entn_is(f, s, j, ")");
	}
	return j - start;
}

/* The tokens of a cue word of a year at j: عام, السنة المالية. */
static size_t
year_cue(struct ent_finder *f, const struct from *s, size_t j)
{
	size_t len, id;

	if (when_at(f, s, j, &len) == W_YEARCUE || entn_kind(f, s, j, &len,
	    &id) == K_YEARCUE)
		return len;
	return 0;
}

/* A year at j: "2020", "1436 هـ", "2015م", "عام 2020", "عام ( 1975 )"; cue
 * tells whether
 * one without عام or an era may be taken. */
static size_t
year_at(struct ent_finder *f, const struct from *s, size_t j, int cue,
    struct point *p)
{
	size_t start = j, len, id, paren;
	unsigned year;

	if ((len = year_cue(f, s, j)) > 0) {
		j += len;
		cue = 1;
	}
	paren = cue && entn_is(f, s, j, "(") && entn_is(f, s, j + 2, ")");
	if (!entn_whole(f, s, j + paren, 1000, 2200, &year))
		return 0;
	j += 1 + 2 * paren;	/* عام ( 1975 ) */
	if (entn_kind(f, s, j, &len, &id) == K_ERA) {
		p->hijri = f->words.v[id].num == 1;
		j += len;
		cue = 1;
	}
	if (!cue)
		return 0;
	p->year = year;
	return j - start;
}

/* An ordinal day at j: "الأول", "الحادي عشر", "السادس والعشرين". */
static size_t
ordinal_at(struct ent_finder *f, const struct from *s, size_t j,
    unsigned *n)
{
	size_t len, tlen;
	int64_t num, tens;

	if (entn_when(f, s, j, &len, &num) != W_ORDINAL)
		return 0;
	*n = (unsigned)num;
	if (num < 10 && entn_when(f, s, j + len, &tlen, &tens) == W_TEEN) {
		*n += 10;
		return len + tlen;
	}
	if (num < 10 && entn_when_joined(f, s, j + len, &tlen, &tens) ==
	    W_ORDINAL && (tens == 20 || tens == 30)) {
		*n += (unsigned)tens;
		return len + tlen;
	}
	return len;
}

/* "15/9/1436", "2023/11/05", "18.03.2024", "1436/1437" as one token. */
static size_t
numeric_token(struct ent_finder *f, const struct from *s, size_t j,
    struct point *p, struct point *to)
{
	unsigned part[3] = { 0, 0, 0 }, k = 0;
	const char *w;
	size_t n, i, len, id;
	char sep = 0;

	if (j >= f->toks.n || f->toks.v[j].cls != TOK_NUM)
		return 0;
	w = entn_form(f, s, j, &n);
	for (i = 0; i < n && k < 3; k++) {
		unsigned v = 0, d = 0;

		while (i < n && w[i] >= '0' && w[i] <= '9' && d < 5)
			v = v * 10 + (unsigned)(w[i++] - '0'), d++;
		if (d == 0 || d > 4)
			return 0;
		part[k] = v;
		if (i == n)
			break;
		if ((sep && w[i] != sep) || (w[i] != '/' && w[i] != '.'))
			return 0;
		sep = w[i++];
	}
	if (i != n)
		return 0;
	k++;
	if (k == 2 && sep == '/' && part[0] >= 1000 && part[1] == part[0] + 1) {
		p->year = part[0];	/* 1436/1437 هـ */
		to->year = part[1];
	} else if (k == 3 && part[0] >= 1000 && part[1] >= 1 && part[1] <= 12 &&
	    part[2] >= 1 && part[2] <= 31) {
		p->year = part[0];
		p->month = part[1];
		p->day = part[2];
	} else if (k == 3 && part[2] >= 1000 && part[1] >= 1 &&
	    part[1] <= 12 && part[0] >= 1 && part[0] <= 31) {
		p->day = part[0];	/* day first, as Arabic news has it */
		p->month = part[1];
		p->year = part[2];
	} else {
		return 0;
	}
	if (entn_kind(f, s, j + 1, &len, &id) == K_ERA) {
		p->hijri = to->hijri = f->words.v[id].num == 1;
		return 1 + len;
	}
	return 1;
}

/* "18 - 03 - 2024", "22 / 9 / 1955": the tokeniser cuts at hyphens, and
 * text from PDF spaces slashes; one separator throughout. */
static size_t
spaced_date(struct ent_finder *f, const struct from *s, size_t j,
    struct point *p)
{
	static const char *const seps[] = { "-", "/", "." };
	unsigned d, m, y;
	size_t k;

	if (!entn_whole(f, s, j, 1, 31, &d) || !entn_whole(f, s, j + 2, 1, 12,
	    &m) || !entn_whole(f, s, j + 4, 1000, 2200, &y))
		return 0;
	for (k = 0; k < sizeof seps / sizeof seps[0]; k++)
		if (entn_is(f, s, j + 1, seps[k]) && entn_is(f, s, j + 3,
		    seps[k])) {
			p->day = d;
			p->month = m;
			p->year = y;
			return 5;
		}
	return 0;
}

/* The year of the month (and day) of p that is next (dir 1), last (-1)
 * or this year's (0), seen from the article's day: نوفمبر المقبل. */
static unsigned
year_toward(const struct timex_day *ref, const struct point *p, int dir)
{
	unsigned at = (unsigned)ref->month * 32 + (unsigned)ref->day,
	    named = p->month * 32 + p->day;
	int y = ref->year;

	if (dir > 0 && named <= at)
		y++;
	else if (dir < 0 && (named >= at || (p->day == 0 && p->month ==
	    (unsigned)ref->month)))
		y--;
	return (unsigned)y;
}

/*
 * The calendar part of a date at j: a numeric date, or [day] month
 * [year], or a year. cue: a bare month or year is a time here. list: "22
 * و23 مارس" may be read (the 22 takes the month of the 23).
 */
static size_t
calendar_at(struct ent_finder *f, const struct from *s, size_t j, int cue,
    int list, struct point *p, struct point *to)
{
	struct point q;
	size_t start = j, k, len;
	unsigned day = 0, dir;
	int64_t num;

	if ((k = numeric_token(f, s, j, p, to)) > 0 ||
	    (k = spaced_date(f, s, j, p)) > 0)
		return k;
	k = year_cue(f, s, j);	/* العام الجامعي 1436/1437 هـ */
	if (k > 0 && (len = numeric_token(f, s, j + k, p, to)) > 0 &&
	    to->year)
		return k + len;
	memset(p, 0, sizeof *p);
	memset(to, 0, sizeof *to);
	k = entn_article_before_digits(f, s, j);	/* الـ 2 من أغسطس */
	if (entn_whole(f, s, j + k, 1, 31, &day))
		j += k + 1;
	else if ((k = ordinal_at(f, s, j, &day)) > 0 && day <= 31)
		j += k;
	if (day)
		j += when_at(f, s, j, &len) == W_FROM;
	if (day && list && entn_and(f, s, j)) {
		memset(&q, 0, sizeof q);
		if (calendar_at(f, s, j + 1, 1, 0, &q, to) > 0 && q.day &&
		    q.month) {
			*p = q;
			p->day = day;
			return j - start;
		}
	}
	if ((k = month_at(f, s, j, p)) == 0) {
		if (day)
			return 0;
		return year_at(f, s, j, cue, p);
	}
	j += k;
	p->day = day;
	dir = entn_when(f, s, j, &len, &num) == W_DIR;
	j += dir ? len : 0;
	k = when_at(f, s, j, &len) == W_FROM;	/* أفريل من سنة 2017 */
	if ((len = year_at(f, s, j + k, 1, p)) > 0)
		j += k + len;
	else if (!day && !cue && !dir)
		return 0;	/* a month alone: "مارس" is also a verb */
	else if (dir && f->has_day && !p->hijri)
		p->year = year_toward(&f->day, p, (int)num);
	return j - start;
}

static unsigned
iso_weekday(struct ent_finder *f, size_t id)
{
	unsigned k = (unsigned)f->words.v[id].num;	/* ICU: 1 Sunday */

	return k == 1 ? 7 : k - 1;
}

/* Whether اليوم at j is a day's name and not "the day" of a phrase
 * (اليوم الوطني, اليوم التالي). */
static int
today_meant(struct ent_finder *f, const struct from *s, size_t j,
    size_t len)
{
	const char *w;
	size_t n, l, id;

	if (j > 0 && when_at(f, s, j - 1, &l) == W_THAT)
		return 0;	/* ذلك اليوم */
	if (j + len >= f->toks.n)
		return 1;
	if (entn_kind(f, s, j + len, &l, &id) == K_WEEKDAY)
		return 1;
	w = entn_form(f, s, j + len, &n);
	return n <= 4 || memcmp(w, "\u0627\u0644", 4) != 0;
}

/*
 * A point: [يوم] [أمس | اليوم | غدا] [weekday [الماضي]] [،] [شهر] and a
 * calendar date; the weekday or the day alone if no date follows.
 */
static size_t
point_at(struct ent_finder *f, const struct from *s, size_t j, int cue,
    struct point *p, struct point *to)
{
	size_t start = j, len, id, k;
	int64_t num;
	int day = when_at(f, s, j, &len) == W_DAY;

	memset(p, 0, sizeof *p);
	memset(to, 0, sizeof *to);
	j += day;
	if (entn_when(f, s, j, &len, &num) == W_RELDAY && (num != 0 ||
	    today_meant(f, s, j, len))) {
		p->has_rel = 1;
		p->relday = (int)num;
		j += len;
	}
	k = entn_is(f, s, j, "(");
	if (entn_kind(f, s, j + k, &len, &id) == K_WEEKDAY) {
		p->weekday = iso_weekday(f, id);
		j += k + len;
		j += k && entn_is(f, s, j, ")");
		j += when_at(f, s, j, &len) == W_DIR && !p->has_rel;
	}
	k = p->weekday || p->has_rel ? entn_is(f, s, j, "\u060c") ||
	    entn_is(f, s, j, ",") : 0;
	if (when_at(f, s, j + k, &len) == W_MONTHCUE) {
		k += len;
		cue = 1;
	}
	{
		struct point q;

		memset(&q, 0, sizeof q);
		if ((len = calendar_at(f, s, j + k, cue || p->weekday ||
		    p->has_rel, 1, &q, to)) > 0) {
			if (day && j == start + 1 && q.month)
				return 0;	/* يوم 7/4/2022: the date alone */
			*p = q;
			return j + k + len - start;
		}
	}
	if (!p->weekday && !p->has_rel)
		return 0;
	return j - start;
}

/* Fills what the first end of a range leaves to the second: من 15 يونيو
 * إلى 15 سبتمبر 2015. */
static void
share(struct point *a, const struct point *b)
{
	if (!a->year && b->year && (a->month || !b->month)) {
		a->year = b->year;
		a->hijri = b->hijri;
	}
	if (!a->month && a->day && b->month)
		a->month = b->month;
}

static void
format_range(struct buf *b, struct point *a, const struct point *z)
{
	share(a, z);
	b->n = 0;
	format_point(b, a);
	buf_addc(b, '/');
	format_point(b, z);
}

/* "بين عامي 2015 و2018", "من مارس إلى مايو 2020", "من 15 إلى 20 مارس". */
static size_t
range_at(struct ent_finder *f, const struct from *s, struct buf *value)
{
	struct point a, z, spare;
	size_t j = s->i, len, k;
	int64_t num;
	unsigned w = entn_when(f, s, j, &len, &num);
	int between = w == W_BETWEEN || w == W_YEARS;	/* سنتي 2014 و2015 */

	if (!between && w != W_FROM)
		return 0;
	j += len;
	if (w != W_YEARS)
		j += when_at(f, s, j, &len) == W_YEARS;
	memset(&a, 0, sizeof a);
	if ((k = point_at(f, s, j, 1, &a, &spare)) == 0) {
		if (!entn_whole(f, s, j, 1, 31, &a.day))
			return 0;
		k = 1;	/* من 15 إلى 20 مارس */
	}
	j += k;
	if (between ? !entn_and(f, s, j) : (entn_when(f, s, j, &len,
	    &num) != W_TO && entn_when_joined(f, s, j, &len, &num) != W_TO))
		return 0;
	j += between ? 1 : len;
	if ((k = point_at(f, s, j, 1, &z, &spare)) == 0 ||
	    (a.day && !a.month && !z.month) || z.has_rel || z.weekday ||
	    a.has_rel || a.weekday)
		return 0;
	format_range(value, &a, &z);
	return j + k - s->i;
}

/* value: an offset from the article's day: "REF-P3D" (sign < 0),
 * "REF+P1Y". */
static void
format_offset(struct buf *value, int sign, unsigned count, char unit)
{
	char out[32];

	snprintf(out, sizeof out, "REF%cP%u%c", sign < 0 ? '-' : '+', count,
	    unit);
	value->n = 0;
	buf_add(value, out, strlen(out));
}

/* The count and unit of a duration at j: "ثلاثة أيام", "عامين",
 * "5 سنوات", "أسبوع". */
static size_t
duration(struct ent_finder *f, const struct from *s, size_t j,
    unsigned *count, char *unit)
{
	size_t k = 0, len, id, ml;
	double v = 0, sc;
	int64_t num;
	unsigned w, next;

	if ((k = entn_number(f, s, j, &v, &sc)) > 0 && (v < 1 || v > 1000 ||
	    v != (unsigned)v))
		return 0;
	w = entn_when(f, s, j + k, &len, &num);
	next = entn_kind(f, s, j + k + len, &ml, &id);
	if (next == K_MONTH || next == K_HMONTH || next == K_WEEKDAY)
		return 0;	/* منذ شهر أبريل, قبل يوم الجمعة */
	if (k == 0 && j + len < f->toks.n && f->toks.v[j + len].cls ==
	    TOK_NUM)
		return 0;	/* منذ عام 1988, منذ يوم 24/ 7 */
	if (w == W_DAY)
		num = 'D' + 256;
	else if (w == W_MONTHCUE)
		num = 'M' + 256;
	else if (w != W_UNIT)
		return 0;
	*unit = (char)(num & 0xff);
	*count = k ? (unsigned)v : (unsigned)(num >> 8);
	return *count ? k + len : 0;
}

/* "قبل ثلاثة أيام", "منذ عامين", "بعد أسبوعين": from the article's day;
 * not "قبل 5 أيام من الهجوم", counted from something else. */
static size_t
ago_at(struct ent_finder *f, const struct from *s, struct buf *value)
{
	char unit;
	size_t j = s->i, len, k;
	unsigned count, w = when_at(f, s, j, &len), w2;

	if (w != W_AGO && w != W_LATER)
		return 0;
	if ((k = duration(f, s, j + len, &count, &unit)) == 0)
		return 0;
	j += len + k;
	if ((w2 = when_at(f, s, j, &len)) == W_FROM)
		return 0;
	j += w2 == W_NOW ? len : 0;	/* بعد سنة من الآن */
	format_offset(value, w == W_AGO ? -1 : 1, count, unit);
	return j - s->i;
}

/* "العام الماضي", "الأسبوع المقبل", "هذا الشهر", "الشهر الجاري". */
static size_t
period_at(struct ent_finder *f, const struct from *s, struct buf *value)
{
	size_t j = s->i, len, dlen;
	int64_t num, dir = 0;
	int this = when_at(f, s, j, &len) == W_THIS;

	j += this ? len : 0;
	if (entn_when(f, s, j, &len, &num) != W_UNIT || num >> 8 != 1)
		return 0;
	if (!this && entn_when(f, s, j + len, &dlen, &dir) != W_DIR)
		return 0;
	j += len + (this ? 0 : dlen);
	format_offset(value, (int)dir, dir != 0, (char)(num & 0xff));
	return j - s->i;
}

/* "خريف 2019", "الثمانينيات", "ثمانينيات القرن الماضي", "القرن العشرين",
 * "القرن الـ19", "العقد الأول من القرن الحالي". */
static size_t
era_at(struct ent_finder *f, const struct from *s, struct buf *value)
{
	char out[32];
	struct point p;
	size_t j = s->i, len, k;
	int64_t num, c;
	unsigned w = entn_when(f, s, j, &len, &num), n;

	memset(&p, 0, sizeof p);
	if (w == W_SEASON && (k = year_at(f, s, j + len, 1, &p)) > 0) {
		snprintf(out, sizeof out, "%04u-%s", p.year,
		    entn_when_value(f, s, j));
		value->n = 0;
		buf_add(value, out, strlen(out));
		return len + k;
	}
	if (w == W_DECADE) {
		k = len;
		if (entn_when(f, s, j + k, &len, &c) == W_CENTURY && c == 21)
			num += 10;
		k += entn_when(f, s, j + k, &len, &c) == W_CENTURY && c ? len :
		    0;
		snprintf(out, sizeof out, "%03uX", (unsigned)num);
	} else if (w == W_NTHDECADE) {
		k = len;
		k += when_at(f, s, j + k, &len) == W_FROM;
		if (entn_when(f, s, j + k, &len, &c) != W_CENTURY || c == 0)
			return 0;
		k += len;	/* العقد الأول من القرن الحالي */
		snprintf(out, sizeof out, "%03uX", (unsigned)(c - 1) * 10 +
		    (unsigned)num);
	} else if (w == W_CENTURY && num) {
		k = len;
		snprintf(out, sizeof out, "%02uXX", (unsigned)num - 1);
	} else if (w == W_CENTURY) {
		k = len + entn_is(f, s, j + len, "\u0627\u0644");
		if (entn_whole(f, s, j + k, 1, 21, &n))
			k++;
		else if ((len = ordinal_at(f, s, j + k, &n)) > 0 && n <= 21)
			k += len;
		else
			return 0;
		snprintf(out, sizeof out, "%02uXX", n - 1);
	} else {
		return 0;
	}
	value->n = 0;
	buf_add(value, out, strlen(out));
	return k;
}

/* "النصف الأول من 2015", "الربع الثالث من عام 2016", "الربع الأول من
 * العام المقبل". */
static size_t
part_at(struct ent_finder *f, const struct from *s, struct buf *value)
{
	char out[32];
	struct point p;
	size_t j = s->i, len, k;
	int64_t num;

	if (entn_when(f, s, j, &len, &num) != W_PART)
		return 0;
	j += len;
	j += when_at(f, s, j, &len) == W_FROM;
	memset(&p, 0, sizeof p);
	if ((k = year_at(f, s, j, 1, &p)) > 0) {
		snprintf(out, sizeof out, "%04u-%c%u%s", p.year,
		    (char)(num & 0xff), (unsigned)(num >> 8), p.hijri ?
		    "@islamic" : "");
		value->n = 0;
	} else {
		struct from rest = { j, NULL, 0 };

		if (j >= f->toks.n)
			return 0;
		rest.w = f->w[j];
		rest.n = f->wl[j];
		/* الربع الأول من العام المقبل: REF+P1Y-Q1 */
		if ((k = period_at(f, &rest, value)) == 0 ||
		    value->p[value->n - 1] != 'Y')
			return 0;
		snprintf(out, sizeof out, "-%c%u", (char)(num & 0xff),
		    (unsigned)(num >> 8));
	}
	buf_add(value, out, strlen(out));
	return j + k - s->i;
}

/* Whether s starts a range of recent years, which needs no cue:
 * "2011-2013". */
static int
years_apart(struct ent_finder *f, const struct from *s)
{
	unsigned a, z;

	return entn_whole(f, s, s->i, 1900, 2100, &a) && entn_is(f, s,
	    s->i + 1, "-") && entn_whole(f, s, s->i + 2, a + 1, a + 100, &z);
}

/* A date from s; cue: a bare month or year is one here. */
static size_t
date_from(struct ent_finder *f, const struct from *s, int cue,
    struct buf *value)
{
	struct point p, to;
	size_t k, len;
	unsigned y;

	if ((k = range_at(f, s, value)) > 0 || (k = ago_at(f, s,
	    value)) > 0 || (k = period_at(f, s, value)) > 0 ||
	    (k = part_at(f, s, value)) > 0)
		return k;
	if ((k = point_at(f, s, s->i, cue || years_apart(f, s), &p, &to)) >
	    0) {
		if (to.year) {
			format_range(value, &p, &to);
			return k;
		}
		len = s->i + k;
		if (p.year && !p.month && entn_is(f, s, len, "-") &&
		    entn_whole(f, s, len + 1, p.year + 1, p.year + 100, &y)) {
			to = p;	/* 2015-2018 */
			to.year = y;
			format_range(value, &p, &to);
			return k + 2;
		}
		value->n = 0;
		format_point(value, &p);
		return k;
	}
	return era_at(f, s, value);
}

size_t
entn_date_at(struct ent_finder *f, const struct from *s, struct buf *value)
{
	size_t len, k;

	if (when_at(f, s, s->i, &len) == W_MOD && s->i + len < f->toks.n) {
		size_t j = s->i + len;
		struct from rest = { j, f->w[j], f->wl[j] };

		k = date_from(f, &rest, 1, value);	/* أواخر يوليو */
		return k > 0 ? len + k : 0;
	}
	return date_from(f, s, cued(f, s), value);
}

/* The hour at j: "10", "10:30", "0923" after الساعة, "العاشرة"; minutes
 * in *m. */
static size_t
hour_at(struct ent_finder *f, const struct from *s, size_t j, int cue,
    unsigned *h, unsigned *m, int *digits)
{
	const char *w;
	size_t n, len, id;
	unsigned v;
	int64_t num;

	*m = 0;
	*digits = 0;
	if (entn_when(f, s, j, &len, &num) == W_CLOCK) {
		*h = (unsigned)num;
		return len;
	}
	if (j < f->toks.n && f->toks.v[j].cls == TOK_NUM) {
		char tok[8];

		w = entn_form(f, s, j, &n);
		if (n >= 4 && n <= 5 && w[n - 3] == ':') {
			memcpy(tok, w, n);
			tok[n] = '\0';
			if (sscanf(tok, "%2u:%2u", h, m) != 2 || *h > 24 ||
			    *m > 59)
				return 0;
			*digits = 1;
			return 1;
		}
		if (cue && n == 4 && entn_whole(f, s, j, 0, 2359, &v) &&
		    v % 100 < 60) {
			*h = v / 100;	/* الساعة 0923 */
			*m = v % 100;
			return 1;
		}
		if (cue && entn_whole(f, s, j, 0, 24, h))
			return 1;
		return 0;
	}
	if ((len = ordinal_at(f, s, j, h)) > 0 && *h <= 12)
		return len;
	if (cue && entn_kind(f, s, j, &len, &id) == K_NUMBER &&
	    f->words.v[id].num <= 12) {
		*h = (unsigned)f->words.v[id].num;
		return len;
	}
	return 0;
}

/* One time: [الساعة] hour [والنصف] [مساء] [بتوقيت غرينتش]. */
static size_t
clock_at(struct ent_finder *f, const struct from *s, size_t j,
    struct buf *value)
{
	char out[16];
	const char *zone = NULL;
	size_t start = j, len, id, k;
	unsigned h, m;
	int64_t num;
	int cue = 0, digits, told = 0;

	if (when_at(f, s, j, &len) == W_HOUR) {
		j += len;
		cue = 1;
		j += entn_is(f, s, j, "\u0627\u0644");	/* الساعة الـ 12 */
	}
	if ((k = hour_at(f, s, j, cue, &h, &m, &digits)) == 0)
		return 0;
	told = cue || digits || when_at(f, s, j, &len) == W_CLOCK;
	j += k;
	if (entn_when(f, s, j, &len, &num) == W_MINUTES) {
		if (num < 0) {
			h = (h + 23) % 24;
			m = (unsigned)(60 + num);
		} else {
			m = (unsigned)num;
		}
		j += len;
		told = 1;
	}
	if (entn_kind(f, s, j, &len, &id) == K_AMPM) {
		if (f->words.v[id].num == 12 && h < 12)
			h += 12;
		j += len;
		told = 1;
	}
	if (entn_when(f, s, j, &len, &num) == W_ZONE) {
		zone = entn_when_value(f, s, j);
		j += len;
	}
	if (!told || h > 24)
		return 0;
	snprintf(out, sizeof out, "%02u:%02u", h % 24, m);
	buf_add(value, out, strlen(out));
	if (zone != NULL)
		buf_add(value, zone, strlen(zone));
	return j - start;
}

/* TIME: "7:38 مساء", "الساعة العاشرة مساء", "منتصف الليل", "من الساعة 12
 * إلى الساعة 3 مساء". */
size_t
entn_time_at(struct ent_finder *f, const struct from *s, struct buf *value)
{
	size_t j = s->i, len, k, z;
	int64_t num;
	unsigned w = entn_when(f, s, j, &len, &num);

	value->n = 0;
	if (w == W_FROM || w == W_BETWEEN) {
		if ((k = clock_at(f, s, j + len, value)) == 0)
			return 0;
		j += len + k;
		if (w == W_BETWEEN ? !entn_and(f, s, j) : entn_when(f, s, j,
		    &len, &num) != W_TO)
			return 0;
		j += w == W_BETWEEN ? 1 : len;
		buf_addc(value, '/');
		if ((z = clock_at(f, s, j, value)) == 0)
			return 0;
		return j + z - s->i;
	}
	return clock_at(f, s, j, value);
}

int
entn_may_start_date(struct ent_finder *f, const struct from *s)
{
	size_t len;
	unsigned w = when_at(f, s, s->i, &len);

	return w != 0 && w != W_CUE && w != W_TO && w != W_DIR &&
	    w != W_TEEN && w != W_ZONE && w != W_MINUTES && w != W_EVENT &&
	    w != W_THAT && w != W_NOW && w != W_POINT;
}
