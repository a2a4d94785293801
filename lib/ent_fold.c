#include "entp.h"

#include <string.h>

#include "utf8.h"

/*
 * Transliteration folding for the values of names: spellings that differ
 * only in how a foreign g, v or long vowel was written meet.
 */
static const struct {
	int32_t from, to;
} fold_letters[] = {
	{ 0x063A, 0x062C },	/* غ to ج */
	{ 0x0642, 0x062C },	/* ق */
	{ 0x0643, 0x062C },	/* ك */
	{ 0x06AF, 0x062C },	/* گ */
	{ 0x06A4, 0x0641 },	/* ڤ to ف */
};

/* The folded form of a letter, transliteration variants made one. */
static int32_t
fold_letter(int32_t cp)
{
	size_t k;

	for (k = 0; k < sizeof fold_letters / sizeof fold_letters[0]; k++)
		if (cp == fold_letters[k].from)
			return fold_letters[k].to;
	return cp;
}

static int
is_long_vowel(int32_t cp)
{
	return cp == 0x0627 || cp == 0x0648 || cp == 0x064A;
}

/*
 * Whether the long vowels inside word w[0..n) may go: not when that makes
 * it another word met in news (محمود is not محمد, سعيد not سعد), but when
 * it only spells a name another way (ترامب, ترمب).
 */
static int
vowels_may_go(const struct lexicon_index *lx, const char *w, size_t n)
{
	char shorter[256];
	size_t i = 0, k = 0;
	int first = 1;

	while (i < n && k + 4 < sizeof shorter) {
		int32_t cp;
		int len = utf8_decode(w + i, n - i, &cp);

		if (len < 0)
			len = -len;
		if (first || !is_long_vowel(cp)) {
			memcpy(shorter + k, w + i, (size_t)len);
			k += (size_t)len;
		}
		first = 0;
		i += (size_t)len;
	}
	return k == n || lexicon_index_count(lx, shorter, k) < RARE_WORD;
}

/*
 * The normalised form of a name: transliteration folded, and long vowels
 * inside its words dropped where vowels_may_go: زوكربيرغ and زوكربيرج
 * give one form.
 */
void
entp_fold(const struct lexicon_index *lx, const char *s, size_t n,
    struct buf *out)
{
	size_t i = 0, word = 0;
	int drop = 0;

	out->n = 0;
	buf_reserve(out, n);
	while (i < n) {
		int32_t cp;
		int len = utf8_decode(s + i, n - i, &cp);

		if (len < 0)
			len = -len;
		if (cp == ' ') {
			word = i + 1;
		} else if (i == word) {
			const char *sp = memchr(s + i, ' ', n - i);

			drop = vowels_may_go(lx, s + i, sp != NULL ?
			    (size_t)(sp - s) - i : n - i);
		} else if (drop && is_long_vowel(cp)) {
			i += (size_t)len;
			continue;
		}
		out->n += utf8_encode(fold_letter(cp), out->p + out->n);
		i += (size_t)len;
	}
}

void
entp_canon_init(struct entp_canon *c)
{
	memset(c, 0, sizeof *c);
	hmap_init(&c->seen);
}

void
entp_canon_free(struct entp_canon *c)
{
	hmap_free(&c->seen);
	buf_free(&c->spellings);
	buf_free(&c->normed);
	buf_free(&c->folded);
}

/* Keeps text[start..end) as written, without diacritics or tatweel. */
static void
add_spelling(struct buf *b, const char *text, size_t start, size_t end)
{
	size_t k;

	for (k = start; k < end; k++) {
		if (entp_mark_at(text, k, end)) {
			k++;
			continue;
		}
		buf_addc(b, text[k]);
	}
	buf_addc(b, '\0');
}

/* The first spelling met of its folded form, in this run. */
void
entp_canonical(struct ent_finder *f, const char *text, size_t start,
    size_t end, struct buf *value)
{
	struct entp_canon *c = &f->canon;
	struct hmap_val *v;
	int added;
	const char *s;

	norm_text(f->nm, text + start, end - start, &c->normed, NULL);
	entp_fold(&f->lexicon, c->normed.p, c->normed.n, &c->folded);
	v = hmap_intern(&c->seen, c->folded.p, c->folded.n, &added);
	if (added) {
		v->aux = c->spellings.n;
		add_spelling(&c->spellings, text, start, end);
	}
	s = c->spellings.p + v->aux;
	value->n = 0;
	buf_add(value, s, strlen(s));
}
