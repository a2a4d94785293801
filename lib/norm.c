#include "norm.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include "utf8.h"

#define LIGHT (NORM_NFKC | NORM_CONTROLS | NORM_TATWEEL | NORM_DIACRITICS | \
	NORM_ALEF | NORM_DIGITS)

const struct norm_name norm_step_names[] = {
	{ "ligwords", NORM_LIGWORDS,
	  "U+FDFC and U+FDFD spelled out in Arabic words (as CAMeL Tools)" },
	{ "nfc", NORM_NFC, "Unicode canonical composition (NFC)" },
	{ "nfkc", NORM_NFKC,
	  "compatibility composition (NFKC): presentation forms to letters" },
	{ "controls", NORM_CONTROLS,
	  "remove zero-width and bidi controls (not U+200C ZWNJ)" },
	{ "zwnj", NORM_ZWNJ, "remove U+200C ZERO WIDTH NON-JOINER" },
	{ "tatweel", NORM_TATWEEL, "remove U+0640 TATWEEL (kashida)" },
	{ "diacritics", NORM_DIACRITICS,
	  "remove harakat, tanween, shadda, sukun, U+0670, Quranic marks" },
	{ "harakat", NORM_HARAKAT,
	  "remove U+064B-U+0652 and U+0670 only (CAMeL Tools' dediac_ar)" },
	{ "alef", NORM_ALEF, "\u0623 \u0625 \u0622 \u0671 to \u0627" },
	{ "ya", NORM_YA, "\u0649 to \u064a" },
	{ "teh", NORM_TEH, "\u0629 to \u0647" },
	{ "hamza", NORM_HAMZA, "\u0624 to \u0648, \u0626 to \u064a" },
	{ "digits", NORM_DIGITS,
	  "Arabic-Indic digits to ASCII; \u066b \u066c between digits to . ,;"
	  " \u066a to %" },
	{ "punct", NORM_PUNCT,
	  "\u060c \u061b \u061f to , ; ?; curly, low and angle quotes to \" '" },
	{ "space", NORM_SPACE,
	  "every Unicode space to U+0020, runs collapsed, ends trimmed" },
	{ "case", NORM_CASE, "Unicode case folding" },
	{ NULL, 0, NULL }
};

const struct norm_name norm_profiles[] = {
	{ "nfc", NORM_NFC, "nfc" },
	{ "light", LIGHT,
	  "nfkc controls tatweel diacritics alef digits (the default)" },
	{ "search", LIGHT | NORM_ZWNJ | NORM_YA | NORM_TEH | NORM_HAMZA |
	  NORM_PUNCT | NORM_SPACE | NORM_CASE,
	  "light, and zwnj ya teh hamza punct space case" },
	{ "camel", NORM_LIGWORDS | NORM_NFKC | NORM_HARAKAT | NORM_ALEF |
	  NORM_YA | NORM_TEH,
	  "as CAMeL Tools' normalize_unicode, dediac_ar, normalize_alef_ar,"
	  " normalize_alef_maksura_ar, normalize_teh_marbuta_ar" },
	{ NULL, 0, NULL }
};

/*
 * The character rules of the steps that act on one character at a time:
 * in [lo, hi], a character becomes `to`, or lo..hi shifted to shift..,
 * or (neither) is removed. Space and case come from ICU instead.
 */
struct cp_rule {
	unsigned step;
	int32_t lo, hi;
	const char *to;
	int32_t shift;
};

static const struct cp_rule cp_rules[] = {
	{ NORM_CONTROLS, 0x061C, 0x061C, NULL, 0 },
	{ NORM_CONTROLS, 0x200B, 0x200B, NULL, 0 },
	{ NORM_CONTROLS, 0x200D, 0x200F, NULL, 0 },
	{ NORM_CONTROLS, 0x202A, 0x202E, NULL, 0 },
	{ NORM_CONTROLS, 0x2066, 0x2069, NULL, 0 },
	{ NORM_CONTROLS, 0xFEFF, 0xFEFF, NULL, 0 },
	{ NORM_ZWNJ, 0x200C, 0x200C, NULL, 0 },
	{ NORM_TATWEEL, 0x0640, 0x0640, NULL, 0 },
	{ NORM_DIACRITICS, 0x0610, 0x061A, NULL, 0 },
	{ NORM_DIACRITICS, 0x064B, 0x0652, NULL, 0 },
	{ NORM_DIACRITICS, 0x0670, 0x0670, NULL, 0 },
	{ NORM_DIACRITICS, 0x06D6, 0x06ED, NULL, 0 },
	{ NORM_HARAKAT, 0x064B, 0x0652, NULL, 0 },
	{ NORM_HARAKAT, 0x0670, 0x0670, NULL, 0 },
	{ NORM_ALEF, 0x0622, 0x0623, "\u0627", 0 },
	{ NORM_ALEF, 0x0625, 0x0625, "\u0627", 0 },
	{ NORM_ALEF, 0x0671, 0x0671, "\u0627", 0 },
	{ NORM_YA, 0x0649, 0x0649, "\u064a", 0 },
	{ NORM_TEH, 0x0629, 0x0629, "\u0647", 0 },
	{ NORM_HAMZA, 0x0624, 0x0624, "\u0648", 0 },
	{ NORM_HAMZA, 0x0626, 0x0626, "\u064a", 0 },
	{ NORM_DIGITS, 0x0660, 0x0669, NULL, '0' },
	{ NORM_DIGITS, 0x06F0, 0x06F9, NULL, '0' },
	{ NORM_DIGITS, 0x066A, 0x066A, "%", 0 },
	{ NORM_PUNCT, 0x060C, 0x060C, ",", 0 },
	{ NORM_PUNCT, 0x061B, 0x061B, ";", 0 },
	{ NORM_PUNCT, 0x061F, 0x061F, "?", 0 },
	{ NORM_PUNCT, 0x00AB, 0x00AB, "\"", 0 },
	{ NORM_PUNCT, 0x00BB, 0x00BB, "\"", 0 },
	{ NORM_PUNCT, 0x201C, 0x201F, "\"", 0 },
	{ NORM_PUNCT, 0x2018, 0x201B, "'", 0 },
};

/* Mappings the ligwords step adds before NFKC, as CAMeL Tools does. */
static const char *const ligwords[][2] = {
	{ "\ufdfc", "\u0631\u064a\u0627\u0644" },
	{ "\ufdfd", "\u0628\u0633\u0645 \u0627\u0644\u0644\u0647 "
	  "\u0627\u0644\u0631\u062d\u0645\u0646 "
	  "\u0627\u0644\u0631\u062d\u064a\u0645" },
};

/* What becomes of a character: the kind, in the low bits of an action. */
enum {
	ACT_KEEP,
	ACT_DROP,
	ACT_REPLACE,		/* by the pool's bytes */
	ACT_SPACE,		/* a space, collapsed and trimmed */
	ACT_DECIMAL,		/* U+066B: '.' between digits */
	ACT_THOUSANDS,		/* U+066C: ',' between digits */
	ACT_KIND = 7,
	ACT_UNSTABLE = 8,	/* the output may change if normalised again */
	ACT_SHIFT = 4,		/* the pool offset starts here */
	ACT_UNKNOWN = 0xFFFFFFFF	/* not computed yet */
};

struct mapping {
	char *from, *to;
	size_t fromlen, tolen;
};

/* Code points below this are one or two UTF-8 bytes. */
enum { SHORT_CPS = 0x800 };

struct norm {
	unsigned steps;
	const UNormalizer2 *n2;	/* NFC or NFKC, or NULL */
	uint32_t *act;		/* action of each BMP character */
	/*
	 * For each one- or two-byte character whose output is known and
	 * needs no context: 1 + the number of its output bytes (at most
	 * three) in the low byte, then the bytes. 0 for any other.
	 */
	uint32_t fast[SHORT_CPS];
	unsigned char *seg;	/* SEG_ bits of each BMP character */
	struct buf pool;	/* replacement bytes: a length byte, then them */

	struct mapping *map;	/* user mappings and ligwords */
	size_t nmap, mapcap;
	int map_sorted;

	struct buf mid, again;	/* the text between passes */
	struct buf seg8;	/* a normalised segment */
	struct norm_offsets mid_off, tmp_off;
	UChar *u16, *u16out;	/* segments on their way through ICU */
	size_t u16cap, u16outcap;
};

static const unsigned step_order[] = {
	NORM_CONTROLS, NORM_ZWNJ, NORM_TATWEEL, NORM_DIACRITICS, NORM_HARAKAT,
	NORM_ALEF, NORM_YA, NORM_TEH, NORM_HAMZA, NORM_DIGITS, NORM_PUNCT
};

int
norm_parse_steps(const char *list, unsigned *steps, char *err, size_t errlen)
{
	const char *s = list;

	*steps = 0;
	for (;;) {
		size_t len = strcspn(s, ","), i;

		for (i = 0; norm_step_names[i].name != NULL; i++)
			if (strlen(norm_step_names[i].name) == len &&
			    strncmp(norm_step_names[i].name, s, len) == 0)
				break;
		if (norm_step_names[i].name == NULL) {
			snprintf(err, errlen, "no step named '%.*s'", (int)len,
			    s);
			return -1;
		}
		*steps |= norm_step_names[i].steps;
		if (s[len] == '\0')
			return 0;
		s += len + 1;
	}
}

int
norm_find_profile(const char *name, unsigned *steps)
{
	size_t i;

	for (i = 0; norm_profiles[i].name != NULL; i++)
		if (strcmp(norm_profiles[i].name, name) == 0) {
			*steps = norm_profiles[i].steps;
			return 0;
		}
	return -1;
}

static const struct cp_rule *
find_rule(unsigned step, int32_t cp)
{
	size_t i;

	for (i = 0; i < sizeof cp_rules / sizeof cp_rules[0]; i++)
		if (cp_rules[i].step == step && cp >= cp_rules[i].lo &&
		    cp <= cp_rules[i].hi)
			return &cp_rules[i];
	return NULL;
}

enum { MAXCP = 32 };

/* Appends the characters of UTF-8 s to cps. */
static void
push_utf8(int32_t *cps, int *n, const char *s)
{
	size_t len = strlen(s), i = 0;

	while (i < len && *n < MAXCP) {
		int k = utf8_decode(s + i, len - i, &cps[*n]);

		(*n)++;
		i += (size_t)(k > 0 ? k : -k);
	}
}

/* Applies one step's rules to every character of cps. */
static void
apply_rules(unsigned step, int32_t *cps, int *n)
{
	int32_t out[MAXCP];
	int k = 0, i;

	for (i = 0; i < *n; i++) {
		const struct cp_rule *r = find_rule(step, cps[i]);

		if (r == NULL)
			out[k++] = cps[i];
		else if (r->to != NULL)
			push_utf8(out, &k, r->to);
		else if (r->shift != 0)
			out[k++] = cps[i] - r->lo + r->shift;
	}
	if (k > 0)
		memcpy(cps, out, (size_t)k * sizeof *cps);
	*n = k;
}

static void
fold_case(int32_t *cps, int *n)
{
	UChar src[2 * MAXCP], dst[3 * 2 * MAXCP];
	int32_t len = 0, outlen, i = 0;
	UErrorCode e = U_ZERO_ERROR;
	int k;

	for (k = 0; k < *n; k++)
		U16_APPEND_UNSAFE(src, len, cps[k]);
	outlen = u_strFoldCase(dst, (int32_t)(sizeof dst / sizeof dst[0]),
	    src, len, U_FOLD_CASE_DEFAULT, &e);
	if (U_FAILURE(e))
		return;
	k = 0;
	while (i < outlen && k < MAXCP) {
		UChar32 c;

		U16_NEXT(dst, i, outlen, c);
		cps[k++] = c;
	}
	*n = k;
}

/* What NFC or NFKC may do around a character, as bits. */
enum {
	SEG_STABLE = 1,		/* unchanged, and combines with nothing before */
	SEG_BOUNDARY = 2,	/* combines with nothing before it */
	SEG_UNKNOWN = 0x80	/* not looked up yet */
};

static unsigned char
seg_class(struct norm *nm, int32_t cp)
{
	UProperty qc = nm->steps & NORM_NFKC ? UCHAR_NFKC_QUICK_CHECK :
	    UCHAR_NFC_QUICK_CHECK;
	unsigned char c = 0;

	if (cp < 0x10000 && nm->seg[cp] != SEG_UNKNOWN)
		return nm->seg[cp];
	if (unorm2_hasBoundaryBefore(nm->n2, cp))
		c |= SEG_BOUNDARY;
	if (u_getIntPropertyValue(cp, qc) == UNORM_YES &&
	    u_getCombiningClass(cp) == 0)
		c |= SEG_STABLE | SEG_BOUNDARY;
	if (cp < 0x10000)
		nm->seg[cp] = c;
	return c;
}

static int
is_stable(struct norm *nm, int32_t cp)
{
	return seg_class(nm, cp) & SEG_STABLE;
}

/*
 * The action for cp under the character steps, with any replacement
 * written to rep (at least 4 * MAXCP bytes).
 */
static uint32_t
compute_action(struct norm *nm, int32_t cp, char *rep, size_t *replen)
{
	int32_t cps[MAXCP];
	int n = 1, i;
	size_t k;
	uint32_t unstable = 0;

	*replen = 0;
	if (nm->steps & NORM_DIGITS) {
		if (cp == 0x066B)
			return ACT_DECIMAL;
		if (cp == 0x066C)
			return ACT_THOUSANDS;
	}
	cps[0] = cp;
	for (k = 0; k < sizeof step_order / sizeof step_order[0]; k++)
		if (nm->steps & step_order[k])
			apply_rules(step_order[k], cps, &n);
	if ((nm->steps & NORM_SPACE) && n == 1 && u_isUWhiteSpace(cps[0]))
		return ACT_SPACE;
	if (nm->steps & NORM_CASE)
		fold_case(cps, &n);
	if (n == 0)
		return ACT_DROP;
	for (i = 0; i < n; i++)
		if (nm->n2 != NULL && !is_stable(nm, cps[i]))
			unstable = ACT_UNSTABLE;
	if (n == 1 && cps[0] == cp)
		return ACT_KEEP | unstable;
	for (i = 0; i < n; i++)
		*replen += utf8_encode(cps[i], rep + *replen);
	return ACT_REPLACE | unstable;
}

/* The tables fill as characters are met: most texts use few of them. */
static void
init_tables(struct norm *nm)
{
	if (nm->n2 != NULL) {
		nm->seg = xmalloc(0x10000);
		memset(nm->seg, SEG_UNKNOWN, 0x10000);
	}
	nm->act = xmalloc(0x10000 * sizeof *nm->act);
	memset(nm->act, 0xFF, 0x10000 * sizeof *nm->act);
	buf_addc(&nm->pool, 0);	/* offset 0 is no replacement */
}

struct norm *
norm_new(unsigned steps, char *err, size_t errlen)
{
	struct norm *nm = xmalloc(sizeof *nm);
	UErrorCode e = U_ZERO_ERROR;
	size_t i;

	memset(nm, 0, sizeof *nm);
	nm->steps = steps;
	if (steps & NORM_NFKC)
		nm->n2 = unorm2_getNFKCInstance(&e);
	else if (steps & NORM_NFC)
		nm->n2 = unorm2_getNFCInstance(&e);
	if (U_FAILURE(e)) {
		snprintf(err, errlen, "ICU normaliser: %s", u_errorName(e));
		free(nm);
		return NULL;
	}
	init_tables(nm);
	if (steps & NORM_LIGWORDS)
		for (i = 0; i < sizeof ligwords / sizeof ligwords[0]; i++)
			norm_add_mapping(nm, ligwords[i][0],
			    strlen(ligwords[i][0]), ligwords[i][1],
			    strlen(ligwords[i][1]));
	return nm;
}

void
norm_add_mapping(struct norm *nm, const char *from, size_t fromlen,
    const char *to, size_t tolen)
{
	struct mapping *m;

	nm->map = xgrow(nm->map, &nm->mapcap, nm->nmap + 1, sizeof *nm->map);
	m = &nm->map[nm->nmap++];
	m->from = xmalloc(fromlen);
	memcpy(m->from, from, fromlen);
	m->fromlen = fromlen;
	m->to = xmalloc(tolen);
	if (tolen > 0)
		memcpy(m->to, to, tolen);
	m->tolen = tolen;
	nm->map_sorted = 0;
}

/* By first byte, then longest first, so the first match is the longest. */
static int
mapping_cmp(const void *x, const void *y)
{
	const struct mapping *a = x, *b = y;
	int c = (unsigned char)a->from[0] - (unsigned char)b->from[0];

	if (c != 0)
		return c;
	if (a->fromlen != b->fromlen)
		return a->fromlen > b->fromlen ? -1 : 1;
	return memcmp(a->from, b->from, a->fromlen);
}

static void
off_push(struct norm_offsets *o, size_t start, size_t end, size_t count)
{
	size_t i;

	if (o == NULL)
		return;
	if (o->n + count > o->cap) {
		o->start = xgrow(o->start, &o->cap, o->n + count,
		    sizeof *o->start);
		/* end grows in step with start: same capacity. */
		o->end = xrealloc(o->end, o->cap * sizeof *o->end);
	}
	for (i = 0; i < count; i++) {
		o->start[o->n] = start;
		o->end[o->n] = end;
		o->n++;
	}
}

/* Appends bytes that all come from input [start, end). */
static void
put(struct buf *out, struct norm_offsets *o, const void *p, size_t n,
    size_t start, size_t end)
{
	buf_add(out, p, n);
	off_push(o, start, end, n);
}

static int
char_len(const char *s, size_t n)
{
	int32_t cp;
	int k = utf8_decode(s, n, &cp);

	return k > 0 ? k : -k;
}

/* The user mappings (and ligwords), longest match at each character. */
static void
map_pass(struct norm *nm, const char *s, size_t n, struct buf *out,
    struct norm_offsets *o)
{
	size_t i = 0, first[257], j;

	if (!nm->map_sorted) {
		qsort(nm->map, nm->nmap, sizeof *nm->map, mapping_cmp);
		nm->map_sorted = 1;
	}
	/* first[b]: the first mapping whose from starts with byte b. */
	for (j = 0, i = 0; i < 257; i++) {
		while (j < nm->nmap && (unsigned char)nm->map[j].from[0] < i)
			j++;
		first[i] = j;
	}
	i = 0;
	while (i < n) {
		unsigned char b = (unsigned char)s[i];
		size_t k;
		int len;

		for (k = first[b]; k < first[b + 1]; k++) {
			const struct mapping *m = &nm->map[k];

			if (m->fromlen <= n - i &&
			    memcmp(s + i, m->from, m->fromlen) == 0)
				break;
		}
		if (k < first[b + 1]) {
			put(out, o, nm->map[k].to, nm->map[k].tolen, i,
			    i + nm->map[k].fromlen);
			i += nm->map[k].fromlen;
			continue;
		}
		len = char_len(s + i, n - i);
		put(out, o, s + i, (size_t)len, i, i + (size_t)len);
		i += (size_t)len;
	}
}

static int
is_digit_cp(int32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 0x0660 && cp <= 0x0669) ||
	    (cp >= 0x06F0 && cp <= 0x06F9);
}

/* One pass of the character steps, and of NFC or NFKC where needed. */
struct pass {
	struct norm *nm;
	const char *s;
	size_t n;
	struct buf *out;
	struct norm_offsets *off;
	int unstable;		/* output holds a character NFC may change */
};

/*
 * The fast table's entry for short character cp with action a (and
 * replacement rep[0..len)): 0 unless the output is that of a plain keep,
 * drop or short replacement, stable under NFC or NFKC, of a character
 * that is stable itself.
 */
static uint32_t
fast_entry(struct norm *nm, int32_t cp, uint32_t a, const char *rep,
    size_t len)
{
	char enc[4];
	uint32_t e;
	size_t i;

	if ((a & ACT_UNSTABLE) || (nm->n2 != NULL && !is_stable(nm, cp)))
		return 0;
	switch (a & ACT_KIND) {
	case ACT_KEEP:
		len = utf8_encode(cp, enc);
		rep = enc;
		break;
	case ACT_DROP:
		len = 0;
		break;
	case ACT_REPLACE:
		if (len > 3)
			return 0;
		break;
	default:
		return 0;
	}
	e = (uint32_t)len + 1;
	for (i = 0; i < len; i++)
		e |= (uint32_t)(unsigned char)rep[i] << (8 * (i + 1));
	return e;
}

/*
 * The action for cp, and its replacement bytes in *rep, valid until the
 * next call (the pool may move).
 */
static uint32_t
action_of(struct norm *nm, int32_t cp, const char **rep, size_t *len,
    char *scratch)
{
	uint32_t a;

	if (cp >= 0x10000) {
		a = compute_action(nm, cp, scratch, len);
		*rep = scratch;
		return a;
	}
	a = nm->act[cp];
	if (a == ACT_UNKNOWN) {
		a = compute_action(nm, cp, scratch, len);
		if ((a & ACT_KIND) == ACT_REPLACE) {
			a |= (uint32_t)nm->pool.n << ACT_SHIFT;
			buf_addc(&nm->pool, (char)*len);
			buf_add(&nm->pool, scratch, *len);
		}
		nm->act[cp] = a;
		if (cp < SHORT_CPS)
			nm->fast[cp] = fast_entry(nm, cp, a, scratch, *len);
	}
	if ((a & ACT_KIND) == ACT_REPLACE) {
		const char *p = nm->pool.p + (a >> ACT_SHIFT);

		*len = (unsigned char)p[0];
		*rep = p + 1;
	}
	return a;
}

/* The text after a character: the rest of a segment, then of the input. */
struct ahead {
	const char *a, *b;
	size_t an, bn;
};

/*
 * What cp becomes first, as far as a digit goes: 1 a digit, 0 something
 * else, -1 nothing (every step drops it). A character NFKC changes (U+FCF4,
 * a ligature of marks) counts as what NFKC makes of it.
 */
static int
first_kept_is_digit(struct norm *nm, int32_t cp, int nfkc_done)
{
	char scratch[4 * MAXCP];
	const char *rep;
	size_t len;
	uint32_t a;

	if (!nfkc_done && nm->n2 != NULL && !is_stable(nm, cp)) {
		UChar in[2], out[2 * MAXCP];
		UErrorCode e = U_ZERO_ERROR;
		int32_t inlen = 0, outlen, i = 0;
		int r;

		U16_APPEND_UNSAFE(in, inlen, cp);
		outlen = unorm2_normalize(nm->n2, in, inlen, out,
		    (int32_t)(sizeof out / sizeof out[0]), &e);
		while (U_SUCCESS(e) && i < outlen) {
			UChar32 c;

			U16_NEXT(out, i, outlen, c);
			if ((r = first_kept_is_digit(nm, c, 1)) >= 0)
				return r;
		}
		if (U_SUCCESS(e))
			return -1;
	}
	a = action_of(nm, cp, &rep, &len, scratch);
	switch (a & ACT_KIND) {
	case ACT_DROP:
		return -1;
	case ACT_REPLACE:
		if (len == 0)
			return -1;
		return utf8_decode(rep, len, &cp) > 0 && is_digit_cp(cp);
	default:
		return is_digit_cp(cp);
	}
}

/* Whether the next character the steps keep is a digit. */
static int
next_kept_is_digit(struct norm *nm, const struct ahead *ah)
{
	const char *s[2] = { ah->a, ah->b };
	size_t n[2] = { ah->an, ah->bn }, part;
	int32_t cp;
	int k, r;

	/* The rest of a segment is NFKC's output already. */
	for (part = 0; part < 2; part++)
		while (n[part] > 0 &&
		    (k = utf8_decode(s[part], n[part], &cp)) > 0) {
			if ((r = first_kept_is_digit(nm, cp, part == 0 &&
			    ah->b != NULL)) >= 0)
				return r;
			s[part] += k;
			n[part] -= (size_t)k;
		}
	return 0;
}

/* Emits cp, which came from input [start, end). */
static void
emit(struct pass *p, int32_t cp, size_t start, size_t end,
    const struct ahead *ah)
{
	char scratch[4 * MAXCP], enc[4];
	const char *rep = NULL;
	size_t len = 0;
	uint32_t a = action_of(p->nm, cp, &rep, &len, scratch);
	struct buf *out = p->out;
	char last = out->n > 0 ? out->p[out->n - 1] : 0;

	if (a & ACT_UNSTABLE)
		p->unstable = 1;
	switch (a & ACT_KIND) {
	case ACT_DROP:
		return;
	case ACT_REPLACE:
		put(out, p->off, rep, len, start, end);
		return;
	case ACT_SPACE:
		if (out->n > 0 && last != ' ')
			put(out, p->off, " ", 1, start, end);
		return;
	case ACT_DECIMAL:
	case ACT_THOUSANDS:
		if (last >= '0' && last <= '9' &&
		    next_kept_is_digit(p->nm, ah)) {
			put(out, p->off, (a & ACT_KIND) == ACT_DECIMAL ? "." :
			    ",", 1, start, end);
			return;
		}
		break;
	default:
		break;
	}
	put(out, p->off, enc, utf8_encode(cp, enc), start, end);
}

/* Normalises the segment s[start, end) with ICU, then the steps. */
static void
emit_segment(struct pass *p, size_t start, size_t end)
{
	struct norm *nm = p->nm;
	UErrorCode e = U_ZERO_ERROR;
	int32_t ulen = 0, olen = 0, i = 0;
	size_t k;
	int len;

	nm->u16 = xgrow(nm->u16, &nm->u16cap, end - start + 1, sizeof *nm->u16);
	u_strFromUTF8(nm->u16, (int32_t)nm->u16cap, &ulen, p->s + start,
	    (int32_t)(end - start), &e);
	if (U_SUCCESS(e)) {
		/* NFKC expands a character 18 times at the most. */
		nm->u16out = xgrow(nm->u16out, &nm->u16outcap,
		    (size_t)ulen * 18 + 1, sizeof *nm->u16out);
		olen = unorm2_normalize(nm->n2, nm->u16, ulen, nm->u16out,
		    (int32_t)nm->u16outcap, &e);
	}
	if (U_FAILURE(e)) {
		/* Cannot happen on valid UTF-8; keep the text as it is. */
		put(p->out, p->off, p->s + start, end - start, start, end);
		return;
	}
	nm->seg8.n = 0;
	while (i < olen) {
		UChar32 c;
		char enc[4];

		U16_NEXT(nm->u16out, i, olen, c);
		buf_add(&nm->seg8, enc, utf8_encode(c, enc));
	}
	for (k = 0; k < nm->seg8.n; k += (size_t)len) {
		struct ahead ah;
		int32_t c;

		len = utf8_decode(nm->seg8.p + k, nm->seg8.n - k, &c);
		ah.a = nm->seg8.p + k + len;
		ah.an = nm->seg8.n - k - (size_t)len;
		ah.b = p->s + end;
		ah.bn = p->n - end;
		emit(p, c, start, end, &ah);
	}
}

/*
 * Writes the output of the characters from s[i] that the fast table
 * knows, and returns where they end. Most text is such characters. Each
 * is a starter: *starter_in and *starter_out are set to the last one's
 * input and output position.
 */
static size_t
fast_run(struct pass *p, size_t i, size_t *starter_in, size_t *starter_out)
{
	const unsigned char *s = (const unsigned char *)p->s;
	const uint32_t *fast = p->nm->fast;
	struct buf *out = p->out;
	struct norm_offsets *off = p->off;
	/* The output in locals: a store through out->p could change any
	 * of them, as far as the compiler knows. */
	char *op = out->p;
	size_t n = p->n, o = out->n, cap = out->cap;
	size_t start = *starter_in, start_out = *starter_out;

	while (i < n) {
		unsigned b = s[i];
		size_t len = 1, outlen;
		uint32_t e;

		if (b >= 0x80) {
			if (b - 0xC2 >= 0xE0 - 0xC2 || i + 1 == n ||
			    (s[i + 1] & 0xC0) != 0x80)
				break;
			b = ((b & 0x1F) << 6) | (s[i + 1] & 0x3F);
			len = 2;
		}
		if ((e = fast[b]) == 0)
			break;
		if (cap - o < 3) {
			out->n = o;
			buf_reserve(out, 3);
			op = out->p;
			cap = out->cap;
		}
		start = i;
		start_out = o;
		op[o] = (char)(e >> 8);
		op[o + 1] = (char)(e >> 16);
		op[o + 2] = (char)(e >> 24);
		outlen = (e & 0xFF) - 1;
		if (off != NULL)
			off_push(off, i, i + len, outlen);
		o += outlen;
		i += len;
	}
	out->n = o;
	*starter_in = start;
	*starter_out = start_out;
	return i;
}

static void
run_pass(struct pass *p)
{
	const char *s = p->s;
	size_t i = 0, n = p->n, starter_in = 0, starter_out = 0;
	int32_t cp;

	p->out->n = 0;
	if (p->off)
		p->off->n = 0;
	p->unstable = 0;
	while (i < n) {
		int len;

		if ((i = fast_run(p, i, &starter_in, &starter_out)) == n)
			break;
		len = utf8_decode(s + i, n - i, &cp);
		if (len < 0) {
			put(p->out, p->off, s + i, (size_t)-len, i, i + (size_t)-len);
			i += (size_t)-len;
			starter_in = i;
			starter_out = p->out->n;
			continue;
		}
		if (p->nm->n2 != NULL && !is_stable(p->nm, cp)) {
			/* A segment for ICU: from the last starter, which cp
			 * may combine with (unless it cannot), to the next
			 * character that begins a segment of its own. */
			size_t end = i + (size_t)len;
			int32_t c2;
			int k;

			if (seg_class(p->nm, cp) & SEG_BOUNDARY) {
				starter_in = i;
				starter_out = p->out->n;
			}
			while (end < n && (k = utf8_decode(s + end, n - end,
			    &c2)) > 0 && seg_class(p->nm, c2) == 0)
				end += (size_t)k;
			p->out->n = starter_out;
			if (p->off)
				p->off->n = starter_out;
			emit_segment(p, starter_in, end);
			i = starter_in = end;
			starter_out = p->out->n;
			continue;
		}
		starter_in = i;
		starter_out = p->out->n;
		{
			struct ahead ah = { s + i + len, NULL,
			    n - i - (size_t)len, 0 };

			emit(p, cp, i, i + (size_t)len, &ah);
		}
		i += (size_t)len;
	}
	if (p->nm->steps & NORM_SPACE)
		while (p->out->n > 0 && p->out->p[p->out->n - 1] == ' ') {
			p->out->n--;
			if (p->off)
				p->off->n--;
		}
}

/* Maps offsets into the text a pass read back to the text before it. */
static void
compose(struct norm_offsets *o, const struct norm_offsets *before)
{
	size_t i;

	for (i = 0; i < o->n; i++) {
		o->start[i] = before->start[o->start[i]];
		o->end[i] = before->end[o->end[i] - 1];
	}
}

static void
copy_offsets(struct norm_offsets *dst, const struct norm_offsets *src)
{
	dst->n = 0;
	off_push(dst, 0, 0, src->n);
	memcpy(dst->start, src->start, src->n * sizeof *src->start);
	memcpy(dst->end, src->end, src->n * sizeof *src->end);
}

void
norm_text(struct norm *nm, const char *s, size_t n, struct buf *out,
    struct norm_offsets *off)
{
	struct pass p = { nm, s, n, out, off, 0 };
	int round;

	if (nm->nmap > 0) {
		nm->mid.n = 0;
		nm->mid_off.n = 0;
		map_pass(nm, s, n, &nm->mid, off ? &nm->mid_off : NULL);
		p.s = nm->mid.p;
		p.n = nm->mid.n;
	}
	run_pass(&p);
	/*
	 * A step after NFC or NFKC can leave text they would change (a
	 * removed control between a letter and a combining hamza): pass
	 * again until nothing changes, so that normalising is idempotent.
	 */
	for (round = 0; round < 8 && p.unstable &&
	    (nm->steps & ~(NORM_NFC | NORM_NFKC)); round++) {
		struct pass q = { nm, out->p, out->n, &nm->again,
		    off ? &nm->tmp_off : NULL, 0 };

		run_pass(&q);
		if (q.out->n == out->n &&
		    memcmp(q.out->p, out->p, out->n) == 0)
			break;
		if (off) {
			compose(&nm->tmp_off, off);
			copy_offsets(off, &nm->tmp_off);
		}
		out->n = 0;
		buf_add(out, nm->again.p, nm->again.n);
		p.unstable = q.unstable;
	}
	if (nm->nmap > 0 && off)
		compose(off, &nm->mid_off);
}

void
norm_offsets_free(struct norm_offsets *o)
{
	free(o->start);
	free(o->end);
	memset(o, 0, sizeof *o);
}

void
norm_free(struct norm *nm)
{
	size_t i;

	if (nm == NULL)
		return;
	for (i = 0; i < nm->nmap; i++) {
		free(nm->map[i].from);
		free(nm->map[i].to);
	}
	free(nm->map);
	free(nm->act);
	free(nm->seg);
	buf_free(&nm->pool);
	buf_free(&nm->mid);
	buf_free(&nm->again);
	buf_free(&nm->seg8);
	norm_offsets_free(&nm->mid_off);
	norm_offsets_free(&nm->tmp_off);
	free(nm->u16);
	free(nm->u16out);
	free(nm);
}

int
norm_char_is_common(int32_t cp)
{
	static const int32_t common[][2] = {
		{ 0x0009, 0x0009 }, { 0x0020, 0x007E },	/* ASCII */
		{ 0x00A1, 0x00AC }, { 0x00AE, 0x017F },	/* Latin */
		{ 0x060C, 0x060C }, { 0x061B, 0x061B },	/* Arabic */
		{ 0x061F, 0x0655 }, { 0x0660, 0x066D }, { 0x0670, 0x0671 },
		{ 0x067E, 0x067E }, { 0x0686, 0x0686 }, { 0x06A4, 0x06A4 },
		{ 0x06A9, 0x06A9 }, { 0x06AF, 0x06AF }, { 0x06CC, 0x06CC },
		{ 0x06F0, 0x06F9 },
		{ 0x2010, 0x2027 }, { 0x2030, 0x203A },	/* punctuation */
		{ 0x20AC, 0x20AC },
	};
	size_t i;

	for (i = 0; i < sizeof common / sizeof common[0]; i++)
		if (cp >= common[i][0] && cp <= common[i][1])
			return 1;
	return 0;
}

void
norm_char_name(int32_t cp, char *buf, size_t len)
{
	UErrorCode e = U_ZERO_ERROR;

	buf[0] = '\0';
	u_charName(cp, U_UNICODE_CHAR_NAME, buf, (int32_t)len, &e);
	if (U_FAILURE(e))
		buf[0] = '\0';
}
