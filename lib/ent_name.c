#include "entp.h"

#include <string.h>

enum { MAX_NAME_TOKENS = 4, MAX_ORG_WORDS = 7, MAX_ORG_OF = 2 };

static int
better(const struct entp_found *a, const struct entp_found *b)
{
	if (a->tokens != b->tokens)
		return a->tokens > b->tokens;
	return a->rank > b->rank;
}

/* Takes c for *best, with its value, if it is better. */
static void
consider(const struct entp_found *c, const char *v, struct entp_found *best,
    struct buf *value)
{
	if (!better(c, best))
		return;
	*best = *c;
	value->n = 0;
	buf_add(value, v, strlen(v));
}

/* The gazetteer's longest name at token i. */
static void
known_names(struct ent_finder *f, size_t i, struct entp_found *best,
    struct buf *value)
{
	struct entp_strip s[3];
	size_t k, n = entp_strips(f, i, s), len, id;

	/* A name's word is not cut: بايدن, بوتين are no ب + ايدن, وتين. */
	if (entp_is_name_word(f, f->w[i], f->wl[i]))
		n = 1;
	for (k = 0; k < n; k++) {
		struct entp_found c = { 0 };
		const char *w;
		size_t wl;

		w = entp_stripped(f, i, &s[k], &wl);
		c.first = i;
		c.skip = s[k].bytes;
		c.alef = s[k].alef;
		if ((len = entp_at_as(f, &f->names, i, w, wl, &id)) > 0) {
			unsigned kind = f->names.v[id].kind;

			c.last = i + len - 1;
			c.type = (enum ent_type)(kind & ~USER_NAME);
			c.rank = kind & USER_NAME ? RANK_USER_GAZETTEER :
			    RANK_GAZETTEER;
			c.tokens = len;
			consider(&c, phrase_value(&f->names, id), best, value);
		}
	}
}

/* The original text of token i. */
static const char *
original(const struct ent_finder *f, const char *text, size_t i, size_t *n)
{
	size_t a = f->off.start[f->toks.v[i].start];

	*n = f->off.end[f->toks.v[i].end - 1] - a;
	return text + a;
}

static int
is_latin_name(const struct ent_finder *f, const char *text, size_t i)
{
	const char *o;
	size_t n, k;

	if (i >= f->toks.n || f->toks.v[i].cls != TOK_WORD ||
	    (unsigned char)f->w[i][0] >= 0x80)
		return 0;
	o = original(f, text, i, &n);
	for (k = 0; k < n; k++)
		if (o[k] >= 'A' && o[k] <= 'Z')
			return 1;
	return 0;
}

uint32_t
entp_commonness(const struct ent_finder *f, const char *text, size_t i)
{
	const char *o;
	size_t n, k, m = 0;
	char w[256];

	o = original(f, text, i, &n);
	for (k = 0; k < n && m + 2 < sizeof w; k++) {
		if (entp_mark_at(o, k, n)) {
			k++;
			continue;
		}
		w[m++] = o[k];
	}
	return lexicon_index_count(&f->lexicon, w, m);
}

/* Whether token i, with or without its proclitics, is in the tables. */
static int
table_word(struct ent_finder *f, size_t i)
{
	struct entp_strip s[3];
	size_t k, n = entp_strips(f, i, s), len, id, wl;
	unsigned kind = 0;

	for (k = 0; k < n && kind == 0; k++) {
		const char *w = entp_stripped(f, i, &s[k], &wl);

		kind = entp_kind_as(f, i, w, wl, &len, &id);
	}
	return kind != 0;
}

int
entp_is_name_part(const struct ent_finder *f, size_t i)
{
	const struct hmap_val *v;

	return i < f->toks.n && (v = hmap_find(&f->nameparts, f->w[i],
	    f->wl[i])) != NULL && v->aux == 1;
}

int
entp_is_name_word(const struct ent_finder *f, const char *w, size_t n)
{
	return hmap_find(&f->nameparts, w, n) != NULL;
}

int
entp_is_given_name(const struct ent_finder *f, const char *w, size_t n)
{
	const struct hmap_val *v = hmap_find(&f->nameparts, w, n);

	return v != NULL && v->aux == 1;
}

/* ...ي, ...يه (ية normalised): adjectives of belonging
 * (الأمريكي, والقروية), not والجامعة, a name of its own after و. */
static int
nisba_shaped(const char *w, size_t n)
{
	return (n > 6 && memcmp(w + n - 2, "\u064a", 2) == 0) ||
	    (n > 8 && memcmp(w + n - 4, "\u064a\u0647", 4) == 0);
}

static int
definite(const struct ent_finder *f, size_t i)
{
	return i < f->toks.n && entp_starts(f->w[i], f->wl[i], "\u0627") &&
	    f->wl[i] > 4 && memcmp(f->w[i] + 2, "\u0644", 2) == 0;
}

/* Whether token j's word, or its word after ل or و, has the article
 * (للشركة, والقروية). */
static int
definite_stripped(struct ent_finder *f, size_t j)
{
	struct entp_strip s[3];
	size_t k, n, wl;

	if (j >= f->toks.n || f->toks.v[j].cls != TOK_WORD)
		return 0;
	n = entp_strips(f, j, s);
	for (k = 0; k < n; k++) {
		const char *w = entp_stripped(f, j, &s[k], &wl);

		if (wl > 4 && memcmp(w, "\u0627\u0644", 4) == 0)
			return 1;
	}
	return 0;
}

/*
 * Whether token i can be part of a person's or an organisation's name: a
 * Latin name, a known name token, a word after a known name token (after
 * دونالد, ترامب), or a word news has fewer than rare times. Words of the
 * rules' tables are no names, even with a clitic (لشركة), nor are words
 * with the article.
 */
static int
name_like(struct ent_finder *f, const char *text, size_t i, uint32_t rare,
    int after_name)
{
	if (i >= f->toks.n || f->toks.v[i].cls != TOK_WORD)
		return 0;
	if (is_latin_name(f, text, i))
		return 1;
	if ((unsigned char)f->w[i][0] < 0x80 || f->wl[i] < 4 ||
	    table_word(f, i))
		return 0;	/* one letter: و, ه */
	if (entp_is_name_part(f, i))
		return 1;
	if (definite_stripped(f, i))
		return 0;	/* adjectives, not names: الأمريكي, للشركة */
	return after_name || entp_commonness(f, text, i) < rare;
}

/* A title or verb before a person's name, or the head of an
 * organisation's, at token i with or without its proclitics: its kind,
 * tokens in *len, its number in *num, the proclitics' bytes in *used. */
static unsigned
cue_at(struct ent_finder *f, size_t i, size_t *len, int64_t *num,
    struct entp_strip *used)
{
	struct entp_strip s[3];
	size_t k, n = entp_strips(f, i, s), id, wl;
	unsigned kind = 0;

	for (k = 0; k < n && kind == 0; k++) {
		const char *w = entp_stripped(f, i, &s[k], &wl);

		kind = entp_kind_as(f, i, w, wl, len, &id);
		if (kind == K_PERCUE || kind == K_ORGHEAD ||
		    kind == K_LOCHEAD) {
			*num = f->words.v[id].num;
			*used = s[k];
		} else {
			kind = 0;
		}
	}
	return kind;
}

/* The rules' name of type over tokens [first, last], skip bytes of
 * proclitics before it, for *best if it is better. */
static void
rule_name(struct entp_found *best, size_t first, size_t last,
    const struct entp_strip *skip, enum ent_type type)
{
	struct entp_found c = { 0 };

	c.first = first;
	c.last = last;
	c.skip = skip != NULL ? skip->bytes : 0;
	c.alef = skip != NULL && skip->alef;
	c.type = type;
	c.rank = RANK_RULE;
	c.tokens = last - first + 1;
	if (better(&c, best))
		*best = c;
}

/* Whether a gazetteer's name of another type than a person's starts at
 * token i. */
static int
listed_other(struct ent_finder *f, size_t i)
{
	size_t id;

	return i < f->toks.n && !entp_is_name_part(f, i) &&
	    entp_at_as(f, &f->names, i, f->w[i], f->wl[i], &id) > 0 &&
	    (f->names.v[id].kind & ~USER_NAME) != ENT_PER;
}

/*
 * A person's name after a title or verb ending before token j: its first
 * word less common in news after a title than after a verb, which many
 * words follow (قال مسؤولون), and the others rarer still.
 */
static void
person_after(struct ent_finder *f, const char *text, size_t j, int verb,
    struct entp_found *best)
{
	size_t m;

	/* Adjectives between: الرئيس الأمريكي دونالد ترامب, المخرج
	 * السينغالي شادي عون */
	for (m = 0; m < 2 && definite(f, j) && (entp_commonness(f, text, j) >=
	    COMMON_WORD || nisba_shaped(f->w[j], f->wl[j])); m++)
		j++;
	if (listed_other(f, j))
		return;		/* a place after a title: زار الرئيس لندن */
	for (m = 0; m < MAX_NAME_TOKENS && name_like(f, text, j + m, m > 0 ||
	    verb ? RARE_WORD : COMMON_WORD, m > 0 && entp_is_name_part(f,
	    j + m - 1)); m++)
		;
	if (m > 0)
		rule_name(best, j, j + m - 1, NULL, ENT_PER);
}

/* Whether token i opens or closes a quotation. */
static int
is_quote(const struct ent_finder *f, size_t i, int closing)
{
	static const char *const open[] = { "\"", "\u00ab", "\u201c" };
	static const char *const close[] = { "\"", "\u00bb", "\u201d" };
	const char *const *q = closing ? close : open;
	size_t k;

	if (i >= f->toks.n || f->toks.v[i].cls != TOK_PUNCT)
		return 0;
	for (k = 0; k < 3; k++)
		if (f->wl[i] == strlen(q[k]) && memcmp(f->w[i], q[k],
		    f->wl[i]) == 0)
			return 1;
	return 0;
}

/* A name in quotation marks opening at token j: its last token, or
 * SIZE_MAX (صحيفة «الحياة»). */
static size_t
quoted_name(const struct ent_finder *f, size_t j)
{
	size_t m;

	if (!is_quote(f, j, 0))
		return SIZE_MAX;
	for (m = j + 1; m < f->toks.n && m <= j + MAX_NAME_TOKENS + 2; m++)
		if (is_quote(f, m, 1))
			return m > j + 1 ? m - 1 : SIZE_MAX;
	return SIZE_MAX;
}

/* How a word stands in an organisation's name after its head. */
enum org_part {
	ORG_NONE,
	ORG_NOUN,		/* with the article: الشؤون */
	ORG_ADJ,		/* an adjective: العام, البلدية, والقروية */
	ORG_OF,			/* ل and a word with the article: للشغل */
	ORG_OF_WHAT,		/* ل and a word before its genitive: لشؤون */
	ORG_NAME		/* a name, a place, a Latin or rare word */
};

/* Whether w[0..n) (normalised: ة is ه), which has the article, is
 * shaped as an adjective: ال...ي, ...ية, ...ة, ...ين, ...ون, ...ات. */
static int
adjective_shaped(const char *w, size_t n)
{
	static const char *const ends[] = {
		"\u064a", "\u0647", "\u064a\u0646", "\u0648\u0646",
		"\u0627\u062a",
	};
	size_t k;

	for (k = 0; k < sizeof ends / sizeof ends[0]; k++)
		if (n > 6 + strlen(ends[k]) && memcmp(w + n - strlen(ends[k]),
		    ends[k], strlen(ends[k])) == 0)
			return 1;
	return 0;
}

static int
has_article(const char *w, size_t n)
{
	return n > 4 && memcmp(w, "\u0627\u0644", 4) == 0;
}

/* Whether token j is a word without the article before its genitive,
 * one with it, a known place or a rare word (نواب الشعب, مشروع تونس,
 * منطقة فريدريك). */
static int
construct(struct ent_finder *f, const char *text, size_t j)
{
	size_t len, id;
	unsigned kind;

	if (j + 1 >= f->toks.n || f->toks.v[j].cls != TOK_WORD ||
	    f->toks.v[j + 1].cls != TOK_WORD)
		return 0;
	kind = entp_kind_at(f, j, &len, &id);
	return (kind == 0 || kind == K_LOCHEAD) &&
	    (has_article(f->w[j + 1], f->wl[j + 1]) ||
	    entp_at(f, &f->names, j + 1, &id) == 1 ||
	    entp_commonness(f, text, j + 1) < RARE_WORD);
}

/* Whether token j starts a time or a day: الساعة, منتصف الليل, اليوم,
 * الأسبوع الماضي. */
static int
tells_time(struct ent_finder *f, size_t j)
{
	size_t id, len;
	unsigned w;

	if ((len = entp_looked(f, &f->when, f->when_at, j, &id)) == 0)
		return 0;
	w = f->when.v[id].kind;
	if (w == W_UNIT && entp_looked(f, &f->when, f->when_at, j + len,
	    &id) > 0)
		return f->when.v[id].kind == W_DIR;
	return w == W_HOUR || w == W_CLOCK || w == W_RELDAY;
}

static enum org_part
org_part(struct ent_finder *f, const char *text, size_t j, int first)
{
	struct entp_strip s[3];
	size_t n, k, wl, len, id;

	unsigned kind;

	if (j >= f->toks.n || f->toks.v[j].cls != TOK_WORD)
		return ORG_NONE;
	kind = entp_kind_at(f, j, &len, &id);
	if (tells_time(f, j))
		return ORG_NONE;	/* المستشفى الساعة العاشرة */
	if (kind == K_LOCHEAD)	/* شرطة منطقة الرياض */
		return construct(f, text, j) ? ORG_OF_WHAT : ORG_NONE;
	if (kind != 0 && kind != K_YEARCUE)	/* العام is one of a name */
		return ORG_NONE;
	if (!first && entp_is_name_part(f, j) && has_article(f->w[j],
	    f->wl[j]))
		return ORG_NONE;	/* a person after the name: الهاشمي */
	if (has_article(f->w[j], f->wl[j]))
		return adjective_shaped(f->w[j], f->wl[j]) ? ORG_ADJ : ORG_NOUN;
	n = entp_strips(f, j, s);
	for (k = 1; k < n; k++) {
		const char *w = entp_stripped(f, j, &s[k], &wl);

		if (s[k].bytes == 2 && memcmp(f->w[j], "\u0648", 2) == 0)
			return has_article(w, wl) && nisba_shaped(w, wl) ?
			    ORG_ADJ : ORG_NONE;
		if (memcmp(f->w[j] + s[k].bytes - 2, "\u0644", 2) != 0)
			continue;
		if (has_article(w, wl))
			return ORG_OF;
		if (j + 1 < f->toks.n && has_article(f->w[j + 1], f->wl[j + 1]))
			return ORG_OF_WHAT;
	}
	if (is_latin_name(f, text, j) || entp_at(f, &f->names, j, &id) == 1)
		return ORG_NAME;
	if (first && (entp_is_name_word(f, f->w[j], f->wl[j]) ||
	    entp_commonness(f, text, j) < (first > 1 ? COMMON_WORD :
	    RARE_WORD)))
		return ORG_NAME;
	return ORG_NONE;
}

/*
 * The words of an organisation's name from token j, after its head: a
 * noun or a name first (only after a head without the article: وزارة
 * الشؤون, حركة النهضة, مؤسسة غيتس, وكالة تاس), then adjectives, and
 * phrases of ل with theirs (الاتحاد العام التونسي للشغل, المفوضية السامية
 * للأمم المتحدة لشؤون اللاجئين); nouns only before the first adjective
 * or phrase (not الخيار after المنظمة الدولية للهجرة); a word with و only
 * as an adjective (البلدية والقروية): وزارة الصحة والاتحاد are two.
 * Returns how many.
 */
static size_t
org_words(struct ent_finder *f, const char *text, size_t j, int bare,
    int place)
{
	size_t m = 0;
	enum org_part p;
	int of = 0, adj = 0, of_what = 0;

	if (!bare) {
		p = org_part(f, text, j, 1);
		if ((p == ORG_NONE || p == ORG_OF_WHAT) && construct(f, text,
		    j)) {
			m = 2;	/* مجلس نواب الشعب, حركة مشروع تونس */
			of = 1;
		}
		else if (p == ORG_NOUN || p == ORG_NAME || p == ORG_ADJ)
			m = 1;
		else
			return 0;
	}
	while (m < MAX_ORG_WORDS) {
		/* A place's name goes on with names: بن قردان */
		p = org_part(f, text, j + m, place && m < 2 ? 2 : 0);
		if (p == ORG_ADJ || p == ORG_NAME || (p == ORG_NOUN && !of &&
		    !adj)) {
			adj |= p == ORG_ADJ;
			m++;
		} else if (p == ORG_OF && of < MAX_ORG_OF) {
			m++;
			of++;
		} else if (p == ORG_OF_WHAT && of < MAX_ORG_OF && !of_what &&
		    m + 1 < MAX_ORG_WORDS) {
			m += 2;
			of++;
			of_what = 1;
		} else {
			break;
		}
	}
	return m;
}

/*
 * An organisation's name, or a place's (type), whose head, at token i
 * with the proclitics used, ends before token j: with the head if in is
 * set. After a head with the article (الاتحاد, اللجنة), which may be no
 * name (الحركة الاحتجاجية), it takes two words or more.
 */
static void
name_after_head(struct ent_finder *f, const char *text, size_t i, size_t j,
    int in, const struct entp_strip *used, enum ent_type type,
    struct entp_found *best)
{
	size_t m, q;
	int bare = definite_stripped(f, i);

	if ((q = quoted_name(f, j)) != SIZE_MAX) {
		rule_name(best, j + 1, q, NULL, type);
		return;
	}
	for (m = 0; m < 3 && is_latin_name(f, text, j + m); m++)
		;
	if (m > 0) {
		rule_name(best, j, j + m - 1, NULL, type);
		return;
	}
	m = org_words(f, text, j, bare, type == ENT_LOC);
	if (m > (bare ? 1u : 0u))
		rule_name(best, in ? i : j, j + m - 1, in ? used : NULL,
		    type);
}

/* Latin names in Arabic text, from token i. */
static void
latin_at(const struct ent_finder *f, const char *text, size_t i,
    struct entp_found *best)
{
	size_t m;

	for (m = 1; m < MAX_NAME_TOKENS && is_latin_name(f, text, i + m); m++)
		;
	rule_name(best, i, i + m - 1, NULL, ENT_ORG);
}

/* Names the rules find at token i: after a title or verb, after the head
 * of an organisation's name, and Latin names in Arabic text. */
static void
rule_names(struct ent_finder *f, const char *text, size_t i, int arabic,
    struct entp_found *best)
{
	size_t len = 0;
	int64_t num = 0;
	struct entp_strip used = { 0, 0 };
	unsigned kind = cue_at(f, i, &len, &num, &used);

	if (kind == K_PERCUE)
		person_after(f, text, i + len, (num & PERCUE_VERB) != 0, best);
	else if (kind == K_ORGHEAD)
		name_after_head(f, text, i, i + len, (num & ORG_HEAD_IN) != 0,
		    &used, ENT_ORG, best);
	else if (kind == K_LOCHEAD)
		name_after_head(f, text, i, i + len, num != 0, &used,
		    ENT_LOC, best);
	else if (arabic && is_latin_name(f, text, i))
		latin_at(f, text, i, best);
}

void
entp_name_at(struct ent_finder *f, const char *text, size_t i, int arabic,
    struct entp_found *best, struct buf *value)
{
	known_names(f, i, best, value);
	rule_names(f, text, i, arabic, best);
	/* A name a rule found after its cue may be a gazetteer's, fuller or
	 * with its canonical value (قال زكريا ابن الهيثم). */
	if (best->tokens > 0 && best->first > i && best->rank == RANK_RULE)
		known_names(f, best->first, best, value);
}
