#include "entp.h"

#include <string.h>

#include "utf8.h"

/*
 * Folded forms, by which the mentions of one name meet: the search
 * profile's normalisation (alef and hamza forms, ى/ي, ة/ه, marks), and the
 * ways a foreign g or v is written, غ or ج (زوكربيرغ, زوكربيرج), ڤ or ف,
 * except where both spellings are common words of news, which are then
 * two words (نغم is not نجم). Long vowels stay: سليمان is not سلمان, نايف
 * not نواف; a name written with and without them (ترامب, ترمب) meets in a
 * gazetteer.
 */
static const struct {
	int32_t from, to;
} fold_letters[] = {
	{ 0x063A, 0x062C },	/* غ to ج */
	{ 0x06AF, 0x062C },	/* گ */
	{ 0x06A4, 0x0641 },	/* ڤ to ف */
};

static int32_t
fold_letter(int32_t cp)
{
	size_t k;

	for (k = 0; k < sizeof fold_letters / sizeof fold_letters[0]; k++)
		if (cp == fold_letters[k].from)
			return fold_letters[k].to;
	return cp;
}

/* Whether w[0..n) may hold a letter of fold_letters: غ (D8 BA) or a
 * letter whose UTF-8 starts with DA (گ, ڤ). */
static int
may_fold(const char *w, size_t n)
{
	const char *p = w, *end = w + n;

	if (memchr(w, 0xDA, n) != NULL)
		return 1;
	while ((p = memchr(p, 0xBA, (size_t)(end - p))) != NULL) {
		if (p > w && (unsigned char)p[-1] == 0xD8)
			return 1;
		p++;
	}
	return 0;
}

/* Appends word w[0..n) to out, folded unless both it and its folded
 * form are common in news. */
static void
fold_word(const struct lexicon_index *lx, const char *w, size_t n,
    struct buf *out)
{
	size_t i = 0, at = out->n;
	int changed = 0;

	if (!may_fold(w, n)) {
		buf_add(out, w, n);	/* nothing to fold: most words */
		return;
	}
	buf_reserve(out, n);
	while (i < n) {
		int32_t cp, to;
		int len = utf8_decode(w + i, n - i, &cp);

		if (len < 0)
			len = -len;
		to = fold_letter(cp);
		changed |= to != cp;
		out->n += utf8_encode(to, out->p + out->n);
		i += (size_t)len;
	}
	if (changed && lexicon_index_count(lx, w, n) >= COMMON_WORD &&
	    lexicon_index_count(lx, out->p + at, out->n - at) >= COMMON_WORD) {
		out->n = at;
		buf_add(out, w, n);
	}
}

/* The words of s[0..n) (normalised, space-separated), each folded. */
void
entp_fold(const struct lexicon_index *lx, const char *s, size_t n,
    struct buf *out)
{
	size_t i = 0;

	out->n = 0;
	while (i < n) {
		const char *sp = memchr(s + i, ' ', n - i);
		size_t end = sp != NULL ? (size_t)(sp - s) : n;

		if (end > i) {
			if (out->n > 0)
				buf_addc(out, ' ');
			fold_word(lx, s + i, end - i, out);
		}
		i = end + 1;
	}
}

/*
 * A name's value: text[start..end) in satr-norm's light profile, so that
 * the value is the same whether or not the text was normalised first;
 * with alef, the article's alef that spelling dropped after ل goes back
 * (للأمم المتحدة: الأمم المتحدة).
 */
void
entp_value(struct ent_finder *f, const char *text, size_t start, size_t end,
    int alef, struct buf *value)
{
	norm_text(f->light, text + start, end - start, &f->light_out, NULL);
	value->n = 0;
	if (alef)
		buf_add(value, "\u0627", 2);
	buf_add(value, f->light_out.p, f->light_out.n);
}
