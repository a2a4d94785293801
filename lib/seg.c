#include <stdlib.h>
#include <string.h>

#include "mem.h"

#include "lexicon.h"
#include "seg.h"
#include "utf8.h"

/* The model built into the library (lib/models.S). */
extern const unsigned char satr_seg_model[];
extern const uint64_t satr_seg_model_size;

#define TATWEEL 0x0640

/* Object and possessive pronouns, longest first. */
static const char *const enclitics[] = {
	"\u0647\u0645\u0627", "\u0643\u0645\u0627",	/* هما كما */
	"\u0647\u0645", "\u0647\u0646", "\u0647\u0627", "\u0643\u0645",
	"\u0643\u0646", "\u0646\u064a", "\u0646\u0627",	/* هم هن ها كم كن ني نا */
	"\u0647", "\u0643", "\u064a",			/* ه ك ي */
};

static int
is_arabic_letter(int32_t cp)
{
	return (cp >= 0x0621 && cp <= 0x063A) || (cp >= 0x0641 &&
	    cp <= 0x064A) || cp == 0x0671;
}

static int
is_mark(int32_t cp)
{
	return cp == TATWEEL || (cp >= 0x064B && cp <= 0x0652) ||
	    cp == 0x0670;
}

int
seg_word_read(const char *s, size_t n, struct seg_word *w, size_t *at)
{
	size_t i = 0;
	int len;

	w->n = 0;
	while (i < n) {
		int32_t cp = utf8_at(s, n, i, &len);

		if (is_arabic_letter(cp)) {
			if (w->n == SEG_MAX_LETTERS)
				return 0;
			if (at != NULL)
				at[w->n] = i;
			w->cp[w->n] = cp;
			utf8_encode(cp, w->form + 2 * w->n);
			w->n++;
		} else if (!is_mark(cp) || w->n == 0) {
			return 0;
		}
		i += (size_t)len;
	}
	if (at != NULL)
		at[w->n] = n;
	return w->n > 0;
}

static int
is_conj(int32_t cp)
{
	return cp == 0x0648 || cp == 0x0641;	/* و ف */
}

static int
is_prep(int32_t cp)
{
	/* ب ل ك, and س, the future particle */
	return cp == 0x0628 || cp == 0x0644 || cp == 0x0643 || cp == 0x0633;
}

/* Whether the word's last letters are the pronoun e. */
static int
ends_with(const struct seg_word *w, const char *e)
{
	size_t len = strlen(e);

	return len <= 2 * w->n && memcmp(w->form + 2 * w->n - len, e, len) ==
	    0;
}

/* Whether the cut is one of w's possible cuts. */
static int
seg_cut_possible(const struct seg_word *w, struct seg_cut c)
{
	size_t i;

	if (c.pro > 2 || (size_t)c.pro + c.enc > w->n)
		return 0;
	if (c.pro == 2 && !(is_conj(w->cp[0]) && is_prep(w->cp[1])))
		return 0;
	if (c.pro == 1 && !(is_conj(w->cp[0]) || is_prep(w->cp[0])))
		return 0;
	/* Only a clitic pair may leave no stem: له بها */
	if ((size_t)c.pro + c.enc == w->n && (c.pro == 0 || c.enc == 0))
		return 0;
	if (c.enc == 0)
		return 1;
	for (i = 0; i < sizeof enclitics / sizeof enclitics[0]; i++)
		if (strlen(enclitics[i]) == (size_t)2 * c.enc &&
		    ends_with(w, enclitics[i]))
			return 1;
	return 0;
}

/* The possible cuts of w (the first is no cut); returns how many. */
static size_t
seg_cuts(const struct seg_word *w, struct seg_cut *out)
{
	size_t n = 0;
	unsigned pro, enc;

	for (pro = 0; pro <= 2; pro++)
		for (enc = 0; enc <= 3; enc++) {
			struct seg_cut c = { (unsigned char)pro,
			    (unsigned char)enc };

			if (seg_cut_possible(w, c))
				out[n++] = c;
		}
	return n;
}

/* Writes an Arabic letter's two bytes of UTF-8. */
static void
put_letter(char *at, const char *letter)
{
	at[0] = letter[0];
	at[1] = letter[1];
}

/* How common letters [from, to) are, under the spellings they take
 * without their clitics: لل… is ال… after ل, and before a pronoun a
 * final ة is written ت, ى is written ا or ي, ء is written ئ or ؤ, and
 * وا loses its alef. */
static uint32_t
stem_count(const struct lexicon_index *lx, const struct seg_word *w,
    size_t from, size_t to, int lam_article, int before_pronoun)
{
	char s[2 * SEG_MAX_LETTERS + 4];
	size_t n = 0, len = 2 * (to - from);
	uint32_t c, best;
	int32_t last;

	if (lam_article) {
		put_letter(s, "\u0627");	/* ا */
		n = 2;
	}
	memcpy(s + n, w->form + 2 * from, len);
	n += len;
	best = lexicon_index_count(lx, s, n);
	if (!before_pronoun || to == from)
		return best;
	last = w->cp[to - 1];
	if (last == 0x062A || last == 0x064A || last == 0x0627) {
		/* ت → ة; ي and ا → ى */
		put_letter(s + n - 2, last == 0x062A ? "\u0629" : "\u0649");
		c = lexicon_index_count(lx, s, n);
	} else if (last == 0x0626 || last == 0x0624) {
		put_letter(s + n - 2, "\u0621");	/* ء */
		c = lexicon_index_count(lx, s, n);
	} else if (last == 0x0648) {
		put_letter(s + n, "\u0627");		/* وا */
		c = lexicon_index_count(lx, s, n + 2);
	} else {
		return best;
	}
	return c > best ? c : best;
}

/* Counts by powers of two: 0 for none, then 1, 2, 3... */
static unsigned
bucket(uint32_t c)
{
	unsigned b = 0;

	while (c > 0) {
		b++;
		c >>= 1;
	}
	return b;
}

/* A feature is built as bytes: a tag, then parts, then hashed. */
struct fbuf {
	char s[64];
	size_t n;
};

static void
fb_tag(struct fbuf *b, char tag)
{
	b->s[0] = tag;
	b->n = 1;
}

static void
fb_add(struct fbuf *b, const char *p, size_t n)
{
	if (n > sizeof b->s - b->n)
		n = sizeof b->s - b->n;
	memcpy(b->s + b->n, p, n);
	b->n += n;
}

static void
fb_byte(struct fbuf *b, unsigned v)
{
	char c = (char)v;

	fb_add(b, &c, 1);
}

/* How common the stem of cut c is, as a bucket. */
static unsigned
stem_bucket(const struct lexicon_index *lx, const struct seg_word *w,
    struct seg_cut c)
{
	size_t stem = c.pro, end = w->n - c.enc;
	int lam_article = c.pro > 0 && w->cp[c.pro - 1] == 0x0644 &&
	    end - stem >= 2 && w->cp[stem] == 0x0644;

	return bucket(stem_count(lx, w, stem, end, lam_article, c.enc > 0));
}

/* The most common stem among all the cuts of w, as a bucket. */
static unsigned
top_stem_bucket(const struct lexicon_index *lx, const struct seg_word *w)
{
	struct seg_cut cuts[SEG_MAX_CANDIDATES];
	size_t n = seg_cuts(w, cuts), i;
	unsigned top = 0, b;

	for (i = 0; i < n; i++)
		if ((b = stem_bucket(lx, w, cuts[i])) > top)
			top = b;
	return top;
}

/* The features of cutting w at c; returns how many. */
static size_t
seg_features(const struct lexicon_index *lx, const struct seg_word *w,
    struct seg_cut c, uint32_t *f)
{
	size_t nf = 0, stem = c.pro, end = w->n - c.enc, slen = end - stem;
	int lam_article = c.pro > 0 && w->cp[c.pro - 1] == 0x0644 &&
	    slen >= 2 && w->cp[stem] == 0x0644;
	unsigned whole = bucket(lexicon_index_count(lx, w->form, 2 * w->n));
	unsigned sb = stem_bucket(lx, w, c), top = top_stem_bucket(lx, w);
	unsigned host = bucket(stem_count(lx, w, stem, w->n, lam_article, 0));
	unsigned bare = bucket(stem_count(lx, w, 0, end, 0, c.enc > 0));
	struct fbuf t, b;
	const char *pro = w->form, *enc = w->form + 2 * end;

	/* t: the cut itself, which most features are joined with */
	fb_tag(&t, 'T');
	fb_add(&t, pro, (size_t)2 * c.pro);
	fb_byte(&t, '|');
	fb_add(&t, enc, (size_t)2 * c.enc);
#define EMIT(buf) (f[nf++] = linear_feature((buf).s, (buf).n))
#define JOIN(tag, stuff) do { b = t; fb_byte(&b, tag); stuff; EMIT(b); } \
	while (0)
	EMIT(t);
	JOIN('s', fb_byte(&b, sb));
	JOIN('w', fb_byte(&b, whole));
	JOIN('r', fb_byte(&b, 32 + sb - whole));
	JOIN('h', fb_byte(&b, host));
	JOIN('t', fb_byte(&b, top - sb < 8 ? top - sb : 8));
	JOIN('b', fb_byte(&b, bare));
	JOIN('n', fb_byte(&b, slen < 12 ? slen : 12));
	JOIN('2', fb_byte(&b, sb); fb_byte(&b, slen < 6 ? slen : 6));
	JOIN('a', fb_byte(&b, lam_article || (slen >= 3 &&
	    w->cp[stem] == 0x0627 && w->cp[stem + 1] == 0x0644)));
	if (slen > 0) {
		JOIN('f', fb_add(&b, w->form + 2 * stem, 2));
		JOIN('l', fb_add(&b, w->form + 2 * end - 2, 2));
	}
	if (slen > 1) {
		JOIN('F', fb_add(&b, w->form + 2 * stem, 4));
		JOIN('L', fb_add(&b, w->form + 2 * end - 4, 4));
	}
	if (w->n >= 2)
		JOIN('P', fb_add(&b, w->form, 4));
	JOIN('E', fb_add(&b, w->form + 2 * w->n - 2, 2));
#undef JOIN
#undef EMIT
	return nf;
}

static int
is_enclitic(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < sizeof enclitics / sizeof enclitics[0]; i++)
		if (strlen(enclitics[i]) == n && memcmp(enclitics[i], s, n) == 0)
			return 1;
	return 0;
}

int
seg_gold(const char *s, size_t n, struct seg_word *w, struct seg_cut *gold)
{
	char word[2 * SEG_MAX_LETTERS];
	size_t seg[SEG_MAX_LETTERS + 1], nseg = 0, len = 0, i, first = 0;
	size_t last;

	/* where each segment starts, in bytes of the word without '+' */
	for (i = 0; i <= n; i++) {
		if (i < n && s[i] != '+') {
			if (len == sizeof word)
				return 0;
			word[len++] = s[i];
			continue;
		}
		if (len > first && nseg < SEG_MAX_LETTERS)
			seg[nseg++] = first;
		first = len;
	}
	seg[nseg] = len;
	if (nseg == 0 || !seg_word_read(word, len, w, NULL) || 2 * w->n != len)
		return 0;
	gold->pro = 0;
	gold->enc = 0;
	while (gold->pro < 2 && gold->pro + 1u < nseg &&
	    seg[gold->pro + 1] - seg[gold->pro] == 2)
		gold->pro++;
	last = seg[nseg - 1];
	/* the last of two or more segments may be a pronoun (له: ل + ه) */
	if (nseg > 1 && is_enclitic(word + last, len - last))
		gold->enc = (unsigned char)((len - last) / 2);
	if (nseg - gold->pro - (gold->enc > 0) > 1 ||
	    !seg_cut_possible(w, *gold))
		return -1;
	return 1;
}

static size_t
best_of(const struct linear *m, const struct lexicon_index *lx,
    const struct seg_word *w, const struct seg_cut *cuts, size_t n)
{
	uint32_t f[SEG_MAX_FEATURES];
	size_t i, best = 0;
	float top = 0;

	if (n == 1)
		return 0;	/* nothing to cut */
	for (i = 0; i < n; i++) {
		float s = linear_score(m, f, seg_features(lx, w, cuts[i], f), 0);

		if (i == 0 || s > top) {
			top = s;
			best = i;
		}
	}
	return best;
}

struct seg_cut
seg_best(const struct linear *m, const struct lexicon_index *lx,
    const struct seg_word *w)
{
	struct seg_cut cuts[SEG_MAX_CANDIDATES];
	size_t n = seg_cuts(w, cuts);

	return cuts[best_of(m, lx, w, cuts, n)];
}

int
seg_train(struct linear *m, const struct lexicon_index *lx,
    const struct seg_word *w, struct seg_cut gold)
{
	struct seg_cut cuts[SEG_MAX_CANDIDATES], got;
	uint32_t f[SEG_MAX_FEATURES];
	size_t n = seg_cuts(w, cuts);

	got = cuts[best_of(m, lx, w, cuts, n)];
	if (got.pro == gold.pro && got.enc == gold.enc) {
		linear_tick(m);
		return 1;
	}
	linear_update(m, f, seg_features(lx, w, gold, f), 0, 1);
	linear_update(m, f, seg_features(lx, w, got, f), 0, -1);
	linear_tick(m);
	return 0;
}

enum { MEMO_SIZE = 1 << 16 };

struct seg_memo {
	unsigned char len;	/* letters of the word; 0: empty */
	struct seg_cut cut;
	char form[2 * SEG_MAX_LETTERS];
};

void
segmenter_init(struct segmenter *s)
{
	s->memo = calloc(MEMO_SIZE, sizeof *s->memo);
	if (s->memo == NULL)
		s->memo = xmalloc(MEMO_SIZE * sizeof *s->memo);	/* exits */
	memset(s->memo, 0, MEMO_SIZE * sizeof *s->memo);
	lexicon_index_init(&s->lexicon);
}

/* Whether w may hold a clitic: most words do not start with a proclitic
 * letter or end with a pronoun's last letter. */
static int
may_cut(const struct seg_word *w)
{
	int32_t last = w->cp[w->n - 1];

	return w->n > 1 && (is_conj(w->cp[0]) || is_prep(w->cp[0]) ||
	    last == 0x0647 || last == 0x0627 || last == 0x0645 ||
	    last == 0x0646 || last == 0x0643 || last == 0x064A);
}

struct seg_cut
segmenter_cut(struct segmenter *s, const struct seg_word *w)
{
	static const struct seg_cut none = { 0, 0 };
	size_t len = 2 * w->n;
	struct seg_memo *e;

	if (!may_cut(w))
		return none;
	e = &s->memo[linear_feature(w->form, len) & (MEMO_SIZE - 1)];

	if (e->len != w->n || memcmp(e->form, w->form, len) != 0) {
		e->len = (unsigned char)w->n;
		memcpy(e->form, w->form, len);
		e->cut = seg_best(&s->model, &s->lexicon, w);
	}
	return e->cut;
}

int
segmenter_lost_alef(const struct segmenter *s, const struct seg_word *w,
    struct seg_cut c)
{
	size_t to = w->n - c.enc;

	/* لله (ل + الله) drops a lam too: it stays as written. */
	if (c.pro == 0 || w->cp[c.pro - 1] != 0x0644 || to < (size_t)c.pro + 3
	    || w->cp[c.pro] != 0x0644)
		return 0;
	return stem_count(&s->lexicon, w, c.pro, to, 1, c.enc > 0) >
	    stem_count(&s->lexicon, w, c.pro, to, 0, c.enc > 0);
}

void
segmenter_free(struct segmenter *s)
{
	linear_free(&s->model);
	lexicon_index_free(&s->lexicon);
	free(s->memo);
	s->memo = NULL;
}

void
seg_model_new(struct linear *m, unsigned bits)
{
	static const char *const label[] = { "cut" };

	linear_init(m, "seg", SEG_FEATURES_VERSION, bits, 1, label);
}

int
seg_model_default(struct linear *m, const char **err)
{
	return linear_load_kind(m, satr_seg_model, (size_t)satr_seg_model_size,
	    "seg", SEG_FEATURES_VERSION, err);
}
