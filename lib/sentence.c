#include "sentence.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utext.h>

#include "abbrev.h"
#include "mem.h"
#include "utf8.h"

/* Words that go on a sentence after an ellipsis: "... إلخ". */
static const char *const after_ellipsis[] = {
	"\u0625\u0644\u062e",	/* إلخ */
	"\u0627\u0644\u062e",	/* الخ */
	"etc",
};

struct sentencer {
	int flags;
	UBreakIterator *bi;	/* for paragraphs not in Arabic script */
	UText *ut;
	unsigned char *term;	/* a bit per BMP character: a terminator */
};

static int is_terminator(const struct sentencer *s, int32_t cp);

void
spans_add(struct spans *s, size_t start, size_t end)
{
	s->v = xgrow(s->v, &s->cap, s->n + 1, sizeof *s->v);
	s->v[s->n].start = start;
	s->v[s->n].end = end;
	s->n++;
}

void
spans_free(struct spans *s)
{
	free(s->v);
	memset(s, 0, sizeof *s);
}

struct sentencer *
sentencer_new(int flags, char *err, size_t errlen)
{
	struct sentencer *s = xmalloc(sizeof *s);
	UErrorCode e = U_ZERO_ERROR;
	unsigned char *term;
	int32_t cp;

	s->flags = flags;
	s->ut = NULL;
	s->term = NULL;
	/* "ss=standard": ICU's own list of English abbreviations. */
	s->bi = ubrk_open(UBRK_SENTENCE, "en@ss=standard", NULL, 0, &e);
	if (U_FAILURE(e)) {
		snprintf(err, errlen, "ICU sentence break iterator: %s",
		    u_errorName(e));
		free(s);
		return NULL;
	}
	/* is_terminator() answers from ICU until the table is in place. */
	term = xmalloc(0x10000 / 8);
	memset(term, 0, 0x10000 / 8);
	for (cp = 0; cp < 0x10000; cp++)
		if (is_terminator(s, cp))
			term[cp >> 3] |= (unsigned char)(1 << (cp & 7));
	s->term = term;
	return s;
}

void
sentencer_free(struct sentencer *s)
{
	if (s == NULL)
		return;
	ubrk_close(s->bi);
	free(s->term);
	if (s->ut != NULL)
		utext_close(s->ut);
	free(s);
}

/* The start of the character before text[i], or 0. */
static size_t
char_before(const char *text, size_t i)
{
	if (i == 0)
		return 0;
	i--;
	while (i > 0 && ((unsigned char)text[i] & 0xC0) == 0x80)
		i--;
	return i;
}

static int
is_space(int32_t cp)
{
	return cp == ' ' || (cp >= '\t' && cp <= '\r') || (cp > 0x7F &&
	    u_isUWhiteSpace(cp));
}

static int
is_arabic_letter(int32_t cp)
{
	return (cp >= 0x0620 && cp <= 0x064A) || (cp >= 0x066E &&
	    cp <= 0x06D3) || (cp >= 0x06FA && cp <= 0x06FF) || (cp >= 0x0750 &&
	    cp <= 0x077F) || (cp >= 0xFB50 && cp <= 0xFDFF) || (cp >= 0xFE70 &&
	    cp <= 0xFEFC) || cp == 0x0640;
}

static int
is_latin_alnum(int32_t cp)
{
	return cp >= 0 && ((cp < 0x80 && (cp | 0x20) >= 'a' && (cp | 0x20)
	    <= 'z') || (cp >= '0' && cp <= '9') || (cp > 0x7F && cp < 0x250 &&
	    u_isalpha(cp)));
}

static int
is_terminator(const struct sentencer *s, int32_t cp)
{
	if (cp >= 0 && cp < 0x10000 && s->term != NULL)
		return s->term[cp >> 3] >> (cp & 7) & 1;
	if (cp < 0x80)
		return cp == '.' || cp == '!' || cp == '?';
	if (cp == 0x2026)	/* … */
		return 1;
	if (cp == 0x061B)	/* ؛ */
		return s->flags & SENT_SEMICOLON;
	return u_hasBinaryProperty(cp, UCHAR_S_TERM);
}

/* Characters that stay with the sentence they follow: closing brackets
 * and quotes. Opening quotes (a mismatched “ at a sentence end) only
 * when nothing but space follows: see closers_end(). */
static int
is_closer(int32_t cp)
{
	int t;

	if (cp < 0)
		return 0;
	t = u_charType(cp);
	return t == U_END_PUNCTUATION || t == U_FINAL_PUNCTUATION ||
	    cp == '"' || cp == '\'';
}

static int
is_opening_quote(int32_t cp)
{
	return cp >= 0 && u_charType(cp) == U_INITIAL_PUNCTUATION;
}

/* The word before text[i]: letters, tatweel, and inner dots. */
static size_t
word_start(const char *text, size_t i)
{
	size_t j = i;

	while (j > 0) {
		size_t p = char_before(text, j);
		int len;
		int32_t cp = utf8_at(text, i, p, &len);

		if (!(u_isalpha(cp) || cp == 0x0640 || (cp == '.' && p > 0 &&
		    p + 1 < i)))
			break;
		j = p;
	}
	return j;
}

static int
all_digits(const char *text, size_t from, size_t to)
{
	size_t i = from;
	int len;

	if (from == to)
		return 0;
	while (i < to) {
		if (!u_isdigit(utf8_at(text, to, i, &len)))
			return 0;
		i += (size_t)len;
	}
	return 1;
}

/*
 * Whether the word before text[from] is a number, skipping spaces and the
 * one-letter abbreviations between: "323 ق. م".
 */
static int
number_before(const char *text, size_t from)
{
	size_t j = from, end, dot, letter;
	int len;

	for (;;) {
		while (j > 0 && is_space(utf8_at(text, from,
		    char_before(text, j), &len)))
			j = char_before(text, j);
		if (j == 0 || text[j - 1] != '.')
			break;
		dot = j - 1;
		letter = char_before(text, dot);
		if (!is_arabic_letter(utf8_at(text, from, letter, &len)) ||
		    (letter > 0 && !is_space(utf8_at(text, from,
		    char_before(text, letter), &len))))
			break;
		j = letter;
	}
	end = j;
	while (j > 0 && u_isdigit(utf8_at(text, end, char_before(text, j),
	    &len)))
		j = char_before(text, j);
	return j < end;
}

static size_t
skip_space(const char *text, size_t n, size_t i)
{
	int len;

	while (i < n && is_space(utf8_at(text, n, i, &len)))
		i += (size_t)len;
	return i;
}

/* Whether a one-letter Arabic abbreviation starts at text[i]: "م." */
static int
abbrev_follows(const char *text, size_t n, size_t i)
{
	int len, len2;

	return is_arabic_letter(utf8_at(text, n, i, &len)) &&
	    utf8_at(text, n, i + (size_t)len, &len2) == '.';
}

/* Whether the word at text[i] goes on a sentence after an ellipsis. */
static int
continues_ellipsis(const char *text, size_t n, size_t i)
{
	size_t k, len;

	for (k = 0; k < sizeof after_ellipsis / sizeof after_ellipsis[0];
	    k++) {
		len = strlen(after_ellipsis[k]);
		if (n - i >= len && memcmp(text + i, after_ellipsis[k],
		    len) == 0)
			return 1;
	}
	return 0;
}

/*
 * Whether the full stop at text[i] ends a sentence that started at
 * sent_start. The character before is prev, the one after next (or -1).
 */
static int
dot_ends(const char *text, size_t n, size_t i, size_t sent_start,
    int32_t prev, int32_t next, const struct sentencer *s)
{
	size_t w = word_start(text, i), after;
	int arabic_abbrev, len;

	if (u_isdigit(prev) && u_isdigit(next))
		return 0;			/* 30.4 */
	arabic_abbrev = (i - w == 2 && is_arabic_letter(prev)) ||
	    abbrev_arabic(text + w, i - w);
	if (next >= 0 && !is_space(next) && !is_closer(next) &&
	    !is_terminator(s, next) && !is_opening_quote(next))
		/* A space missing between two Arabic words ends; anything
		 * else glued (URL, e-mail, U.S, file.txt) does not. */
		return is_arabic_letter(prev) && is_arabic_letter(next) &&
		    !arabic_abbrev;
	if (abbrev_latin(text + w, i - w))
		return 0;
	if (i - w == 1 && prev >= 'A' && prev <= 'Z')
		return 0;			/* an initial: J. K. Rowling */
	/* A list marker opening a sentence: "1." "12." "أ." "b." */
	if (all_digits(text, sent_start, i) || (w == sent_start &&
	    (i - w == 1 || (i - w == 2 && is_arabic_letter(prev)))))
		return 0;
	if (arabic_abbrev) {
		/* "1990 م." ends; "د. أحمد", "ص. 12" and "323 ق. م." do
		 * not. */
		after = skip_space(text, n, i + 1);
		return number_before(text, w) && !(after < n &&
		    (u_isdigit(utf8_at(text, n, after, &len)) ||
		    abbrev_follows(text, n, after)));
	}
	return 1;
}

/* Whether the terminator at text[i] (not a full stop) ends a sentence. */
static int
mark_ends(int32_t prev, int32_t next, const struct sentencer *s)
{
	if (next < 0 || is_space(next) || is_closer(next) ||
	    is_terminator(s, next) || is_opening_quote(next))
		return 1;
	/* "?q=1" and "Yahoo!" glued to Latin text are not ends. */
	return !(is_latin_alnum(prev) && is_latin_alnum(next));
}

/*
 * After a sentence's terminators at text[j]: the end of its closers, and
 * of terminators after them ("«...».").
 */
static size_t
closers_end(const struct sentencer *s, const char *text, size_t n, size_t j)
{
	int len, len2;

	for (;;) {
		int32_t cp = utf8_at(text, n, j, &len);

		if (is_closer(cp) || (cp >= 0 && is_terminator(s, cp))) {
			j += (size_t)len;
			continue;
		}
		if (is_opening_quote(cp)) {
			int32_t nx = utf8_at(text, n, j + (size_t)len, &len2);

			if (nx < 0 || is_space(nx) || is_closer(nx)) {
				j += (size_t)len;
				continue;
			}
		}
		return j;
	}
}

static void
add_trimmed(struct spans *out, const char *text, size_t start, size_t end)
{
	int len;

	start = skip_space(text, end, start);
	while (end > start && is_space(utf8_at(text, end, char_before(text,
	    end), &len)))
		end = char_before(text, end);
	if (end > start)
		spans_add(out, start, end);
}

/* The next terminator at or after text[i], or n. Most characters are
 * not: they are passed over without a call. */
static size_t
next_terminator(const struct sentencer *s, const char *str, size_t i,
    size_t n)
{
	const unsigned char *t = (const unsigned char *)str;
	int32_t cp;
	int len;

	while (i < n) {
		unsigned b = t[i];

		if (b < 0x80) {
			cp = (int32_t)b;
			len = 1;
		} else if (b >= 0xC2 && b < 0xE0 && i + 1 < n) {
			cp = (int32_t)((b & 0x1F) << 6 | (t[i + 1] & 0x3F));
			len = 2;
		} else {
			cp = utf8_at(str, n, i, &len);
		}
		if (cp < 0x10000 ? s->term[cp >> 3] >> (cp & 7) & 1 :
		    is_terminator(s, cp))
			return i;
		i += (size_t)len;
	}
	return n;
}

static void
split_arabic(struct sentencer *s, const char *text, size_t n,
    struct spans *out)
{
	size_t i = skip_space(text, n, 0), start = i;
	int32_t prev;
	int len, nlen;

	while ((i = next_terminator(s, text, i, n)) < n) {
		int32_t cp = utf8_at(text, n, i, &len), next;
		int ends;

		prev = i > start ? utf8_at(text, n, char_before(text, i),
		    &nlen) : -1;
		next = utf8_at(text, n, i + (size_t)len, &nlen);
		ends = cp == '.' ? dot_ends(text, n, i, start, prev, next, s) :
		    mark_ends(prev, next, s);
		i += (size_t)len;
		if (!ends)
			continue;
		/* The run of terminators ("؟!", "...") and the closers. */
		{
			size_t run = i - (size_t)len;
			int dots = cp == '.' || cp == 0x2026;

			while (i < n && is_terminator(s, (cp = utf8_at(text, n,
			    i, &len)))) {
				dots &= cp == '.' || cp == 0x2026;
				i += (size_t)len;
			}
			/* "... إلخ" goes on. */
			if (dots && (i - run > 1 || text[run] != '.') &&
			    continues_ellipsis(text, n, skip_space(text, n,
			    i)))
				continue;
		}
		i = closers_end(s, text, n, i);
		add_trimmed(out, text, start, i);
		i = start = skip_space(text, n, i);
	}
	add_trimmed(out, text, start, n);
}

/* Whether the break at text[to] follows an abbreviation or an initial:
 * "Dr. " "J. " before it. */
static int
after_abbrev(const char *text, size_t to)
{
	size_t end = to, w;
	int len;

	while (end > 0 && is_space(utf8_at(text, to, char_before(text, end),
	    &len)))
		end = char_before(text, end);
	if (end == 0 || text[end - 1] != '.')
		return 0;
	w = word_start(text, end - 1);
	return abbrev_latin(text + w, end - 1 - w) || (end - 1 - w == 1 &&
	    text[w] >= 'A' && text[w] <= 'Z');
}

static void
split_icu(struct sentencer *s, const char *text, size_t n, struct spans *out)
{
	UErrorCode e = U_ZERO_ERROR;
	int32_t from, to;

	s->ut = utext_openUTF8(s->ut, text, (int64_t)n, &e);
	ubrk_setUText(s->bi, s->ut, &e);
	if (U_FAILURE(e)) {
		add_trimmed(out, text, 0, n);
		return;
	}
	from = ubrk_first(s->bi);
	while ((to = ubrk_next(s->bi)) != UBRK_DONE) {
		if ((size_t)to < n && after_abbrev(text, (size_t)to))
			continue;	/* ICU's list lacks "Dr."; no initials */
		add_trimmed(out, text, (size_t)from, (size_t)to);
		from = to;
	}
	if ((size_t)from < n)
		add_trimmed(out, text, (size_t)from, n);
}

/* Whether most letters of text (of its first hundred) are Arabic. */
static int
mostly_arabic(const char *str, size_t n)
{
	const unsigned char *t = (const unsigned char *)str;
	size_t i = 0, arabic = 0, other = 0;
	int len;

	while (i < n && arabic + other < 100) {
		unsigned b = t[i];
		int32_t cp;

		if (b < 0x80) {
			other += (b | 0x20) >= 'a' && (b | 0x20) <= 'z';
			i++;
			continue;
		}
		cp = utf8_at(str, n, i, &len);
		if (is_arabic_letter(cp))
			arabic++;
		else if (u_isalpha(cp))
			other++;
		i += (size_t)len;
	}
	return arabic >= other;
}

void
sentencer_split(struct sentencer *s, const char *text, size_t n,
    struct spans *out)
{
	out->n = 0;
	if (mostly_arabic(text, n))
		split_arabic(s, text, n, out);
	else
		split_icu(s, text, n, out);
}

int
sentence_line_ends(const char *line, size_t n)
{
	static const struct sentencer plain = { 0, NULL, NULL, NULL };
	int len;

	while (n > 0) {
		size_t p = char_before(line, n);
		int32_t cp = utf8_at(line, n, p, &len);

		if (is_space(cp) || is_closer(cp)) {
			n = p;
			continue;
		}
		return is_terminator(&plain, cp);
	}
	return 0;
}
