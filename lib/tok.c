#include "tok.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unicode/uchar.h>
#include <utf8proc.h>

#include "abbrev.h"
#include "mem.h"
#include "seg.h"
#include "utf8.h"

const char *const tok_class_names[] = {
	"WORD", "NUM", "PUNCT", "SYM", "URL", "EMAIL", "HASHTAG", "MENTION",
	"EMOJI", "CLITIC"
};

/* What a grapheme cluster is, by its first character. */
enum kind {
	K_SPACE,
	K_ARABIC,		/* an Arabic letter, or tatweel */
	K_LETTER,		/* a letter of another script */
	K_DIGIT,
	K_EMOJI,
	K_PUNCT,
	K_SYM,
	K_MARK			/* a combining mark or joiner: extends a word */
};

void
tokens_free(struct tokens *t)
{
	free(t->v);
	memset(t, 0, sizeof *t);
}

static void
add(struct tokens *t, size_t start, size_t end, enum tok_class cls,
    enum tok_attach attach)
{
	t->v = xgrow(t->v, &t->cap, t->n + 1, sizeof *t->v);
	t->v[t->n].start = start;
	t->v[t->n].end = end;
	t->v[t->n].cls = cls;
	t->v[t->n].attach = attach;
	t->v[t->n].alef = 0;
	t->n++;
}

static int
is_arabic_letter(int32_t cp)
{
	return (cp >= 0x0620 && cp <= 0x064A && cp != 0x0640) ||
	    (cp >= 0x066E && cp <= 0x06D3) || cp == 0x06D5 || (cp >= 0x06FA && cp <= 0x06FF) ||
	    (cp >= 0x0750 && cp <= 0x077F) || (cp >= 0x08A0 &&
	    cp <= 0x08C9) || (cp >= 0xFB50 && cp <= 0xFDFF) ||
	    (cp >= 0xFE70 && cp <= 0xFEFC);
}

static enum kind
kind_of(int32_t cp)
{
	int t;

	if (cp < 0x80) {
		if (cp == ' ' || (cp >= '\t' && cp <= '\r'))
			return K_SPACE;
		if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')
			return K_LETTER;
		if (cp >= '0' && cp <= '9')
			return K_DIGIT;
		if (cp == '%')
			return K_SYM;
		return cp < ' ' || cp == 0x7F ? K_SYM :
		    u_ispunct(cp) ? K_PUNCT : K_SYM;
	}
	if (is_arabic_letter(cp) || cp == 0x0640)
		return K_ARABIC;
	if ((cp >= 0x064B && cp <= 0x065F) || cp == 0x0670)
		return K_MARK;
	if (u_isUWhiteSpace(cp))
		return K_SPACE;
	if (u_hasBinaryProperty(cp, UCHAR_EXTENDED_PICTOGRAPHIC) ||
	    u_hasBinaryProperty(cp, UCHAR_REGIONAL_INDICATOR))
		return K_EMOJI;
	if (u_isdigit(cp))
		return K_DIGIT;
	if (u_isalpha(cp))
		return K_LETTER;
	if (cp == 0x066A || cp == 0x2030)	/* ٪ ‰ */
		return K_SYM;
	t = u_charType(cp);
	if (t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK ||
	    t == U_ENCLOSING_MARK || t == U_FORMAT_CHAR)
		return K_MARK;
	return u_ispunct(cp) ? K_PUNCT : K_SYM;
}

/* The end of the grapheme cluster that starts at s[i]. */
static size_t
cluster_end(const char *s, size_t n, size_t i)
{
	utf8proc_int32_t state = 0;
	int len;
	int32_t prev = utf8_at(s, n, i, &len);

	i += (size_t)len;
	while (i < n) {
		int32_t cp = utf8_at(s, n, i, &len);

		if (utf8proc_grapheme_break_stateful(prev, cp, &state))
			break;
		prev = cp;
		i += (size_t)len;
	}
	return i;
}

static int
starts_with_ci(const char *s, size_t n, size_t i, const char *p)
{
	size_t k = strlen(p);

	return n - i >= k && strncasecmp(s + i, p, k) == 0;
}

static int
is_url_trailer(char c)
{
	return strchr(".,;:!?'\")]}", c) != NULL;
}

/* A URL from s[i], or 0: it runs to white space, less trailing marks. */
static size_t
url_end(const char *s, size_t n, size_t i)
{
	size_t j = i, opens = 0, closes = 0;
	int len;

	if (strchr("hHfFwW", s[i]) == NULL)
		return 0;
	if (!starts_with_ci(s, n, i, "http://") &&
	    !starts_with_ci(s, n, i, "https://") &&
	    !starts_with_ci(s, n, i, "ftp://") &&
	    !starts_with_ci(s, n, i, "www."))
		return 0;
	while (j < n && kind_of(utf8_at(s, n, j, &len)) != K_SPACE) {
		opens += s[j] == '(';
		closes += s[j] == ')';
		j += (size_t)len;
	}
	/* Arabic punctuation glued to the end: "www.x.com،" */
	while (j > i) {
		size_t p = j - 1;

		while (p > i && ((unsigned char)s[p] & 0xC0) == 0x80)
			p--;
		if (s[p] == ')' && closes <= opens)
			break;
		if (!(is_url_trailer(s[p]) || kind_of(utf8_at(s, n, p, &len)) ==
		    K_PUNCT))
			break;
		closes -= s[p] == ')';
		j = p;
	}
	return j;
}

static int
is_email_local(char c)
{
	return (c | 0x20) >= 'a' && (c | 0x20) <= 'z' ? 1 : (c >= '0' &&
	    c <= '9') || strchr("._%+-", c) != NULL;
}

/* An e-mail address from s[i], or 0. */
static size_t
email_end(const char *s, size_t n, size_t i)
{
	size_t j = i, at, dot = 0, tld;

	while (j < n && is_email_local(s[j]))
		j++;
	if (j == i || j >= n || s[j] != '@')
		return 0;
	at = ++j;
	while (j < n && (((s[j] | 0x20) >= 'a' && (s[j] | 0x20) <= 'z') ||
	    (s[j] >= '0' && s[j] <= '9') || s[j] == '-' || s[j] == '.')) {
		if (s[j] == '.')
			dot = j;
		j++;
	}
	while (j > at && s[j - 1] == '.')	/* a full stop after it */
		j--;
	if (dot == 0 || dot + 1 >= j || dot <= at)
		return 0;
	for (tld = dot + 1; tld < j; tld++)
		if (!((s[tld] | 0x20) >= 'a' && (s[tld] | 0x20) <= 'z'))
			return 0;
	return j - dot > 2 ? j : 0;
}

/* The end of a number from s[i] (a digit, or a sign before one). */
static size_t
number_end(const char *s, size_t n, size_t i)
{
	size_t j = i;
	int len, len2;

	if (s[j] == '+' || s[j] == '-')
		j++;
	for (;;) {
		int32_t cp = utf8_at(s, n, j, &len);

		if (cp >= 0 && kind_of(cp) == K_DIGIT) {
			j += (size_t)len;
			continue;
		}
		/* Separators between digits: 30.4 1,000 ٣٠٫٤ 7:38 12/3 */
		if ((cp == '.' || cp == ',' || cp == 0x066B || cp == 0x066C ||
		    cp == ':' || cp == '/') && j > i &&
		    kind_of(utf8_at(s, n, j + (size_t)len, &len2)) == K_DIGIT) {
			j += (size_t)len;
			continue;
		}
		return j;
	}
}

/* The end of a hashtag or mention body from s[i]: letters, digits, _. */
static size_t
tag_end(const char *s, size_t n, size_t i, int latin_only)
{
	int len;

	while (i < n) {
		int32_t cp = utf8_at(s, n, i, &len);
		enum kind k = kind_of(cp);

		if (cp == '_' || (latin_only ? cp < 0x80 && (k == K_LETTER ||
		    k == K_DIGIT) : (k == K_LETTER || k == K_ARABIC ||
		    k == K_DIGIT)))
			i += (size_t)len;
		else
			break;
	}
	return i;
}

/* The end of a word from s[i]: letters of one script group, with the
 * marks of their clusters; an apostrophe between Latin letters; an
 * abbreviation's full stops. */
static size_t
word_end(const char *s, size_t n, size_t i, enum kind k)
{
	size_t j = i, w;
	int len, len2;

	while (j < n) {
		int32_t cp = utf8_at(s, n, j, &len);
		enum kind kj = kind_of(cp);

		if (kj == k || kj == K_MARK) {
			j += (size_t)len;
			continue;
		}
		if (k == K_LETTER && (cp == '\'' || cp == 0x2019) && j > i &&
		    kind_of(utf8_at(s, n, j + (size_t)len, &len2)) == K_LETTER) {
			j += (size_t)len;
			continue;
		}
		break;
	}
	if (k != K_LETTER || j >= n || s[j] != '.')
		return j;
	/* "U.S." "e.g." "Mr." */
	for (w = j; w + 2 < n + 1 && s[w] == '.' && w + 1 < n &&
	    kind_of(utf8_at(s, n, w + 1, &len)) == K_LETTER && len == 1 &&
	    (w + 2 == n || s[w + 2] == '.'); w += 2)
		;
	if (w > j)
		return w < n && s[w] == '.' ? w + 1 : w;
	return abbrev_latin(s + i, j - i) ? j + 1 : j;
}

/* Runs of final punctuation stay one token: "..." "؟!" "?!". */
static int
is_final_punct(int32_t cp)
{
	return cp == '.' || cp == '!' || cp == '?' || cp == 0x061F ||
	    cp == 0x2026;
}

void
tok_split(const char *s, size_t n, struct tokens *out)
{
	size_t i = 0, j;
	int len;

	out->n = 0;
	while (i < n) {
		int32_t cp = utf8_at(s, n, i, &len);
		enum kind k = kind_of(cp);

		if (k == K_SPACE) {
			i += (size_t)len;
			continue;
		}
		if ((j = url_end(s, n, i)) > i) {
			add(out, i, j, TOK_URL, TOK_ALONE);
		} else if (cp < 0x80 && is_email_local((char)cp) &&
		    (j = email_end(s, n, i)) > i) {
			add(out, i, j, TOK_EMAIL, TOK_ALONE);
		} else if (cp == '#' && (j = tag_end(s, n, i + 1, 0)) > i + 1) {
			add(out, i, j, TOK_HASHTAG, TOK_ALONE);
		} else if (cp == '@' && (j = tag_end(s, n, i + 1, 1)) > i + 1) {
			add(out, i, j, TOK_MENTION, TOK_ALONE);
		} else if (k == K_DIGIT || ((cp == '+' || cp == '-') &&
		    (i == 0 || kind_of(utf8_at(s, n, i - 1, &len)) == K_SPACE) &&
		    kind_of(utf8_at(s, n, i + 1, &len)) == K_DIGIT)) {
			add(out, i, j = number_end(s, n, i), TOK_NUM, TOK_ALONE);
		} else if (k == K_ARABIC || k == K_LETTER || k == K_MARK) {
			/* A mark with no letter (a lone diacritic) is a word. */
			add(out, i, j = word_end(s, n, i, k == K_MARK ?
			    K_LETTER : k), TOK_WORD, TOK_ALONE);
		} else if (k == K_EMOJI) {
			add(out, i, j = cluster_end(s, n, i), TOK_EMOJI,
			    TOK_ALONE);
		} else if (k == K_PUNCT && is_final_punct(cp)) {
			for (j = i; j < n && is_final_punct(utf8_at(s, n, j,
			    &len)); j += (size_t)len)
				;
			add(out, i, j, TOK_PUNCT, TOK_ALONE);
		} else {
			add(out, i, j = cluster_end(s, n, i), k == K_PUNCT ?
			    TOK_PUNCT : TOK_SYM, TOK_ALONE);
		}
		i = j;
	}
}

/*
 * Clitics: the segmentation model (lib/seg.h) decides where a word is cut.
 * A piece cut after a letter keeps the marks and tatweel that follow it
 * ("بـ" + "اسم").
 */
#define ALEF 0x0627
#define LAM 0x0644
#define SEEN 0x0633

enum { ARTICLE_HOST_LETTERS = 4 };

/* Words that start with ال but have no article. */
static const char *const not_article[] = {
	"\u0627\u0644\u0630\u064a", "\u0627\u0644\u062a\u064a",
	"\u0627\u0644\u0630\u064a\u0646", "\u0627\u0644\u0644\u0630\u0627\u0646",
	"\u0627\u0644\u0644\u062a\u0627\u0646", "\u0627\u0644\u0644\u0630\u064a\u0646",
	"\u0627\u0644\u0644\u062a\u064a\u0646", "\u0627\u0644\u0644\u0627\u062a\u064a",
	"\u0627\u0644\u0644\u0627\u0626\u064a", "\u0627\u0644\u0644\u0648\u0627\u062a\u064a",
	"\u0627\u0644\u0644\u0647", "\u0627\u0644\u0644\u0647\u0645",
	"\u0627\u0644\u0649", "\u0627\u0644\u0627",
};

static int
starts_article(const struct seg_word *w, size_t from)
{
	size_t i, len = 2 * (w->n - from);

	if (w->n - from < ARTICLE_HOST_LETTERS || w->cp[from] != ALEF ||
	    w->cp[from + 1] != LAM)
		return 0;
	for (i = 0; i < sizeof not_article / sizeof not_article[0]; i++)
		if (strlen(not_article[i]) == len && memcmp(not_article[i],
		    w->form + 2 * from, len) == 0)
			return 0;
	return 1;
}

/* "light" cuts و ف ب ل ك and the article: no future particle, no
 * pronoun, and a preposition with a pronoun (له) stays whole. */
static struct seg_cut
light_cut(const struct seg_word *w, struct seg_cut c)
{
	if ((size_t)c.pro + c.enc == w->n)
		c.pro = 0;
	if (c.pro > 0 && w->cp[c.pro - 1] == SEEN)
		c.pro--;
	c.enc = 0;
	return c;
}

static void
split_word(struct segmenter *seg, enum clitic_mode mode, const char *s,
    const struct token *t, struct tokens *out)
{
	struct seg_word w;
	size_t at[SEG_MAX_LETTERS + 1], k, i, a = t->start;
	struct seg_cut c;
	int lost_alef;

	if (!seg_word_read(s + a, t->end - a, &w, at)) {
		add(out, t->start, t->end, t->cls, t->attach);
		return;
	}
	c = segmenter_cut(seg, &w);
	lost_alef = segmenter_lost_alef(seg, &w, c);
	if (mode == CLITIC_LIGHT)
		c = light_cut(&w, c);
	for (k = 0; k < c.pro; k++)
		add(out, a + at[k], a + at[k + 1], TOK_CLITIC, TOK_BEFORE);
	if (mode == CLITIC_LIGHT && lost_alef) {
		/* للرئيس: ل, then the article, its alef restored */
		add(out, a + at[k], a + at[k + 1], TOK_CLITIC, TOK_BEFORE);
		out->v[out->n - 1].alef = 1;
		k++;
		lost_alef = 0;
	} else if (mode == CLITIC_LIGHT && starts_article(&w, k)) {
		add(out, a + at[k], a + at[k + 2], TOK_CLITIC, TOK_BEFORE);
		k += 2;
	}
	i = w.n - c.enc;
	if (k < i) {
		add(out, a + at[k], a + at[i], TOK_WORD, TOK_ALONE);
		out->v[out->n - 1].alef = lost_alef;
	}
	if (c.enc > 0)
		add(out, a + at[i], t->end, TOK_CLITIC, TOK_AFTER);
}

void
tok_surface(const char *text, const struct token *t, struct buf *out)
{
	if (t->alef)
		buf_add(out, "\u0627", 2);
	buf_add(out, text + t->start, t->end - t->start);
}

/* A word that is only a proclitic letter, and tatweel. */
static int
is_bare_proclitic(const char *s, const struct token *t)
{
	struct seg_word w;

	return t->cls == TOK_WORD && seg_word_read(s + t->start, t->end -
	    t->start, &w, NULL) && w.n == 1 && (w.cp[0] == 0x0648 ||
	    w.cp[0] == 0x0641 || w.cp[0] == 0x0628 || w.cp[0] == LAM ||
	    w.cp[0] == 0x0643);	/* و ف ب ل ك */
}

static int
has_tatweel(const char *s, const struct token *t)
{
	size_t i;

	for (i = t->start; i + 1 < t->end; i++)
		if ((unsigned char)s[i] == 0xD9 && (unsigned char)s[i + 1] ==
		    0x80)
			return 1;
	return 0;
}

void
tok_clitics(struct segmenter *seg, enum clitic_mode mode, const char *s,
    size_t n, const struct tokens *in, struct tokens *out)
{
	size_t i;

	(void)n;
	out->n = 0;
	if (in->v == NULL)
		return;
	for (i = 0; i < in->n; i++) {
		const struct token *t = &in->v[i], *next = i + 1 < in->n ?
		    &in->v[i + 1] : NULL;

		if (mode == CLITIC_NONE) {
			add(out, t->start, t->end, t->cls, t->attach);
			continue;
		}
		/* "وOpenAI" "بـ209" glued; "لـ Meta" marked by its tatweel. */
		if (next != NULL && is_bare_proclitic(s, t) &&
		    (next->start == t->end || has_tatweel(s, t)) &&
		    (next->cls == TOK_NUM || (next->cls == TOK_WORD &&
		    (unsigned char)s[next->start] < 0x80))) {
			add(out, t->start, t->end, TOK_CLITIC, TOK_BEFORE);
			continue;
		}
		if (t->cls == TOK_WORD)
			split_word(seg, mode, s, t, out);
		else
			add(out, t->start, t->end, t->cls, t->attach);
	}
}
