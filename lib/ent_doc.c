#include "entp.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"

/*
 * A document, resolved as a whole: a person named in full anywhere in it
 * is the person that a surname or a given name, with or without a
 * proclitic, names anywhere else in it, before or after; an organisation
 * named with its head (حركة النهضة) is the one its name alone (النهضة)
 * names; a name found once is found again wherever it stands. Each takes
 * the value of its fullest mention. Nothing is kept from one document to
 * the next.
 */

/* A key of an entity: its kind in the low bits, the entity's type above,
 * and whether two entities share it. */
enum key_kind {
	KEY_FULL,		/* every word of a mention */
	KEY_LAST,		/* a person's last word */
	KEY_FAMILY,		/* a person's words from بن, ابن, أبو... */
	KEY_GIVEN,		/* a person's first word */
	KEY_SHORT		/* an organisation's name without its head */
};
#define KEY_KIND(k) ((enum key_kind)((k) & 15))
#define KEY_TYPE(k) ((enum ent_type)((k) >> 4 & 15))
#define KEY_SHARED (1u << 8)

/* Tokens of a long news article: how far from its full name a word alone
 * may still be found again as the name. */
enum { NEAR_TOKENS = 3000 };

/* Words that start a family name of several words (محمد بن سلمان). */
static const char *const family_starts[] = {
	"بن", "ابن", "ابو", "ال", "ولد", "بنت",
};

void
entp_doc_init(struct entp_doc *d)
{
	memset(d, 0, sizeof *d);
	phrase_init(&d->keys);
}

void
entp_doc_free(struct entp_doc *d)
{
	free(d->text_at);
	free(d->tok);
	free(d->m);
	free(d->ent);
	free(d->order);
	free(d->text_first);
	free(d->sport);
	free(d->keyent);
	buf_free(&d->texts);
	buf_free(&d->forms);
	buf_free(&d->values);
	buf_free(&d->words);
	buf_free(&d->stripped);
	buf_free(&d->folded);
	buf_free(&d->normed);
	buf_free(&d->value);
	phrase_free(&d->keys);
}

void
entp_doc_reset(struct entp_doc *d)
{
	d->ntext = d->ntok = d->nm = d->nent = d->nkeyent = 0;
	d->texts.n = d->forms.n = d->values.n = d->words.n = 0;
	phrase_free(&d->keys);
	phrase_init(&d->keys);
}

/* Whether a mention of rank was found in a gazetteer. */
static int
listed(int rank)
{
	return rank == RANK_GAZETTEER || rank == RANK_USER_GAZETTEER;
}

static const char *
text_of(const struct entp_doc *d, size_t k)
{
	return d->texts.p != NULL ? d->texts.p + d->text_at[k] : "";
}

/* s[0..n) folded (entp_fold) into d->words: where, and in *len bytes. */
static size_t
add_folded(struct ent_finder *f, const char *s, size_t n, size_t *len)
{
	struct entp_doc *d = &f->doc;
	size_t at = d->words.n;

	entp_fold(&f->lexicon_search, s, n, &d->folded);
	buf_add(&d->words, d->folded.p, d->folded.n);
	*len = d->folded.n;
	return at;
}

/* Token i of the finder's text k: its bytes, form and folded form. */
static void
add_token(struct ent_finder *f, size_t k, const char *text, size_t n,
    size_t i)
{
	struct entp_doc *d = &f->doc;
	struct entp_dtok *t;

	d->tok = xgrow(d->tok, &d->tokcap, d->ntok + 1, sizeof *d->tok);
	t = &d->tok[d->ntok++];
	t->text = k;
	t->start = f->off.start[f->toks.v[i].start];
	t->end = entp_mention_end(text, n, f->off.end[f->toks.v[i].end - 1]);
	t->cls = (unsigned char)f->toks.v[i].cls;
	t->mention = 0;
	t->form = d->forms.n;
	t->flen = f->wl[i];
	buf_add(&d->forms, f->w[i], f->wl[i]);
	t->fold = add_folded(f, f->w[i], f->wl[i], &t->foldlen);
}

/*
 * A mention in text k, over the tokens it overlaps, from *tok on. The
 * mentions of a text come in order and do not overlap: *tok moves on to
 * the first token that could be the next one's, so that a text's mentions
 * cost as many steps as its tokens.
 */
static struct entp_dment *
add_mention(struct entp_doc *d, size_t k, size_t *tok, size_t start,
    size_t end, enum ent_type type, int rank, const char *value)
{
	struct entp_dment *m;
	size_t i;

	d->m = xgrow(d->m, &d->mcap, d->nm + 1, sizeof *d->m);
	m = &d->m[d->nm++];
	memset(m, 0, sizeof *m);
	m->text = k;
	m->start = start;
	m->end = end;
	m->type = type;
	m->rank = rank;
	m->value = d->values.n;
	buf_add(&d->values, value, strlen(value) + 1);
	m->entity = SIZE_MAX;
	m->first = SIZE_MAX;
	while (*tok < d->ntok && d->tok[*tok].text == k &&
	    d->tok[*tok].end <= start)
		++*tok;
	for (i = *tok; i < d->ntok && d->tok[i].text == k &&
	    d->tok[i].start < end; i++) {
		if (m->first == SIZE_MAX)
			m->first = i;
		m->last = i;
		d->tok[i].mention = d->nm;
	}
	return m;
}

void
entp_doc_add(struct ent_finder *f, const char *text, size_t n,
    const struct entities *found)
{
	struct entp_doc *d = &f->doc;
	size_t i, tok0 = d->ntok, k = d->ntext;

	d->text_at = xgrow(d->text_at, &d->tcap, d->ntext + 2,
	    sizeof *d->text_at);
	d->text_at[d->ntext++] = d->texts.n;
	buf_add(&d->texts, text, n);
	d->text_at[d->ntext] = d->texts.n;
	for (i = 0; i < f->toks.n; i++)
		add_token(f, k, text, n, i);
	for (i = 0; i < found->n; i++)
		add_mention(d, k, &tok0, found->v[i].start, found->v[i].end,
		    found->v[i].type, found->v[i].rank, found->values.p +
		    found->v[i].value);
}

/* Splits s[0..n) at its spaces into w, l; returns how many words. */
static size_t
split_words(const char *s, size_t n, const char **w, size_t *l)
{
	size_t k = 0, i = 0;

	while (i < n && k < MAX_KEY_WORDS) {
		const char *sp = memchr(s + i, ' ', n - i);
		size_t end = sp != NULL ? (size_t)(sp - s) : n;

		w[k] = s + i;
		l[k++] = end - i;
		i = end + 1;
	}
	return k;
}

/* Mention m's words: its surface normalised and folded. */
static size_t
mention_words(struct ent_finder *f, struct entp_dment *m, const char **w,
    size_t *l)
{
	struct entp_doc *d = &f->doc;
	size_t len;

	if (m->nwords == 0) {
		norm_text(f->nm, text_of(d, m->text) + m->start, m->end -
		    m->start, &d->normed, NULL);
		m->words = add_folded(f, d->normed.p ? d->normed.p : "",
		    d->normed.n, &len);
		m->wordslen = len;
	}
	m->nwords = split_words(d->words.p + m->words, m->wordslen, w, l);
	return m->nwords;
}

int
entp_is_family_start(const char *w, size_t n)
{
	size_t i;

	for (i = 0; i < sizeof family_starts / sizeof family_starts[0]; i++)
		if (strlen(family_starts[i]) == n &&
		    memcmp(family_starts[i], w, n) == 0)
			return 1;
	return 0;
}

/* Whether a person's word may stand for the person alone: a name's
 * word, or no common word of news (not جائزة of جائزة الطاهر شريعة). */
static int
name_shaped(struct ent_finder *f, const char *w, size_t n)
{
	return entp_is_name_word(f, w, n) ||
	    lexicon_index_count(&f->lexicon_search, w, n) < COMMON_WORD;
}

/* Whether a person's first word may stand for the person alone: a
 * given name, or a word news hardly has (not أسعار of أسعار الخضر). */
static int
given_shaped(struct ent_finder *f, const char *w, size_t n)
{
	return entp_is_given_name(f, w, n) ||
	    lexicon_index_count(&f->lexicon_search, w, n) < NAME_AS_WORD;
}

/* The words (in w, l) of the key of kind that entity e's fullest
 * mention gives: how many, 0 if it has none. */
static size_t
key_words(struct ent_finder *f, size_t e, enum key_kind kind,
    const char **w, size_t *l)
{
	struct entp_doc *d = &f->doc;
	size_t nw = mention_words(f, &d->m[d->ent[e].best], w, l), i = 0,
	    id;

	switch (kind) {
	case KEY_LAST:
		i = nw > 1 && l[nw - 1] >= 6 && name_shaped(f, w[nw - 1],
		    l[nw - 1]) ? nw - 1 : nw;
		break;
	case KEY_FAMILY:
		for (i = 1; i + 1 < nw && !entp_is_family_start(w[i], l[i]);
		    i++)
			;
		if (i + 1 >= nw)
			i = nw;
		break;
	case KEY_GIVEN:
		if (nw < 2 || l[0] < 6 || entp_is_family_start(w[0], l[0]) ||
		    !given_shaped(f, w[0], l[0]))
			return 0;
		return 1;
	case KEY_SHORT:
		i = nw > 1 ? phrase_longest(&f->words, w, l, nw, &id) : 0;
		if (i == 0 || f->words.v[id].kind != K_ORGHEAD ||
		    !(f->words.v[id].num & ORG_HEAD_ALONE))
			i = nw;
		break;
	case KEY_FULL:
		break;
	}
	memmove(w, w + i, (nw - i) * sizeof *w);
	memmove(l, l + i, (nw - i) * sizeof *l);
	return nw - i;
}

/* Adds entity e's key of kind, if it has one, to the list of entities
 * the key names; one that two entities share is marked. */
static void
add_key(struct ent_finder *f, size_t e, enum key_kind kind)
{
	struct entp_doc *d = &f->doc;
	const char *w[MAX_KEY_WORDS];
	size_t l[MAX_KEY_WORDS], nw = key_words(f, e, kind, w, l), id;

	if (nw == 0)
		return;
	id = phrase_add(&d->keys, w, l, nw, (unsigned)kind |
	    (unsigned)d->ent[e].type << 4, (int64_t)d->nkeyent, NULL);
	if (id == (size_t)-1)
		return;
	d->keyent = xgrow(d->keyent, &d->keyentcap, d->nkeyent + 1,
	    sizeof *d->keyent);
	d->keyent[d->nkeyent].ent = e;
	d->keyent[d->nkeyent].next = SIZE_MAX;
	if (d->keys.v[id].num != (int64_t)d->nkeyent) {
		/* Two entities share the key: the later is listed after. */
		size_t k = (size_t)d->keys.v[id].num;

		while (d->keyent[k].next != SIZE_MAX)
			k = d->keyent[k].next;
		d->keyent[k].next = d->nkeyent;
		if (d->keyent[k].ent != e)
			d->keys.v[id].kind |= KEY_SHARED;
	}
	d->nkeyent++;
}

/* A new entity for mention mi, with its keys. */
static size_t
new_entity(struct ent_finder *f, size_t mi)
{
	struct entp_doc *d = &f->doc;
	size_t e = d->nent++;

	d->ent = xgrow(d->ent, &d->entcap, d->nent, sizeof *d->ent);
	d->ent[e].type = d->m[mi].type;
	d->ent[e].best = mi;
	add_key(f, e, KEY_FULL);
	if (d->ent[e].type == ENT_PER) {
		add_key(f, e, KEY_FAMILY);
		add_key(f, e, KEY_LAST);
		add_key(f, e, KEY_GIVEN);
	} else if (d->ent[e].type == ENT_ORG) {
		add_key(f, e, KEY_SHORT);
	}
	return e;
}

static size_t entity_named(struct ent_finder *f, size_t id, size_t t);
static int strip_to_key(struct ent_finder *f, struct entp_dment *m,
    size_t *id);
static size_t key_at(struct ent_finder *f, size_t t,
    const struct entp_strip *s, size_t ns, size_t *id, size_t *which,
    const char **w, size_t *l);

/*
 * The entity of mention mi: the one whose name its words are (the same
 * words, or the short name of a fuller one: ترامب after دونالد ترامب),
 * else a new one. A one-word mention that the rules typed otherwise takes
 * the fuller entity's type; the tagger's and a gazetteer's keep theirs.
 */
static size_t
entity_of(struct ent_finder *f, size_t mi)
{
	struct entp_doc *d = &f->doc;
	struct entp_dment *m = &d->m[mi];
	const char *w[MAX_KEY_WORDS];
	size_t l[MAX_KEY_WORDS], nw = mention_words(f, m, w, l), id, e;
	const struct phrase *key;

	if (nw == 0)
		return SIZE_MAX;
	if (phrase_longest(&d->keys, w, l, nw, &id) != nw &&
	    (nw > 1 || !strip_to_key(f, m, &id)))
		return new_entity(f, mi);
	key = &d->keys.v[id];
	e = entity_named(f, id, m->first);
	if (KEY_TYPE(key->kind) != m->type && (nw > 1 ||
	    m->rank != RANK_RULE))
		return new_entity(f, mi);
	m->type = d->ent[e].type;
	return e;
}

/* Whether word w[0..n) is a word of the rules' tables or of the stop
 * list: no name on its own. */
static int
no_name(struct ent_finder *f, const char *w, size_t n)
{
	size_t id;

	return phrase_longest(&f->words, &w, &n, 1, &id) == 1 ||
	    phrase_longest(&f->stop, &w, &n, 1, &id) == 1;
}

/* Whether word w[0..n) is no part of a person's name at its edge: a
 * word of the tables (الملك, الشيخ, على), of the stop list, or a place's
 * or an organisation's name in a gazetteer (ليفربول, أرامكو). */
static int
not_of_person(struct ent_finder *f, const char *w, size_t n)
{
	size_t id;

	if (no_name(f, w, n))
		return 1;
	return phrase_longest(&f->names, &w, &n, 1, &id) == 1 &&
	    (f->names.v[id].kind & 15) != ENT_PER;
}

/*
 * Sets mention m's tokens to [first, last], its bytes, words and value to
 * them. A first token that was not the first keeps its conjunction out
 * (وباريس of لندن وباريس), unless the conjunction's letter is the name's.
 */
static void
narrow(struct ent_finder *f, struct entp_dment *m, size_t first,
    size_t last, size_t start)
{
	struct entp_doc *d = &f->doc;
	const char *w[MAX_KEY_WORDS], *text = text_of(d, m->text);
	size_t l[MAX_KEY_WORDS], i;

	if (first > m->first && d->tok[first].end - start > 2 &&
	    memcmp(text + start, "\u0648", 2) == 0 &&
	    !entp_is_name_word(f, d->forms.p + d->tok[first].form,
	    d->tok[first].flen))
		start += 2;
	for (i = m->first; i <= m->last; i++)
		if (i < first || i > last)
			d->tok[i].mention = 0;
	m->first = first;
	m->last = last;
	m->start = start;
	m->end = d->tok[last].end;
	m->nwords = m->wordslen = 0;
	mention_words(f, m, w, l);
	entp_value(f, text, m->start, m->end, 0, &d->value);
	m->value = d->values.n;
	buf_add(&d->values, d->value.p, d->value.n);
	buf_addc(&d->values, '\0');
}

/* Whether token t's word is joined to what precedes it by a glued و,
 * not a name's word (وزملاؤه, not وليد or ولد). */
static int
joined_word(struct ent_finder *f, size_t t)
{
	const struct entp_doc *d = &f->doc;
	const char *w = d->forms.p + d->tok[t].form;
	size_t n = d->tok[t].flen;

	return n > 4 && memcmp(w, "\u0648", 2) == 0 &&
	    !entp_is_name_word(f, w, n) && !entp_is_family_start(w, n);
}

/*
 * A person's mention of several words that the tagger or the rules ran
 * past the name (الملك سلمان, على ترامب, لأرامكو أمين الناصر, محمد صلاح
 * هدفين, أردوغان شريك) is narrowed to it: words of no name at its edges,
 * and what follows a name the document knows.
 */
static void
trim_person(struct ent_finder *f, struct entp_dment *m)
{
	struct entp_doc *d = &f->doc;
	const char *w[MAX_KEY_WORDS];
	size_t l[MAX_KEY_WORDS], nw = mention_words(f, m, w, l), a = 0,
	    b = nw, start = m->start, k, i, id;
	struct entp_strip s[3];

	if (m->type != ENT_PER || listed(m->rank) || nw < 2 ||
	    m->last - m->first + 1 != nw)
		return;
	while (b - a > 1) {
		size_t n = entp_form_strips(w[a], l[a], s), wl;
		int drop = 0;

		for (k = 0; k < n && !drop; k++) {
			const char *sw = entp_form_stripped(w[a], l[a], &s[k],
			    &d->stripped, &wl);

			drop = not_of_person(f, sw, wl);
		}
		if (!drop)
			break;
		a++;
		start = d->tok[m->first + a].start;
	}
	for (i = a + 1; i < b; i++)
		if (joined_word(f, m->first + i)) {
			b = i;	/* محمد صلاح وزملاؤه */
			break;
		}
	/* بن, ولد before a word make it a name's (مظفر بن علي); no name
	 * ends in them (أحمد ولد في: was born in). */
	while (b - a > 1 && ((not_of_person(f, w[b - 1], l[b - 1]) &&
	    !entp_is_family_start(w[b - 2], l[b - 2])) ||
	    entp_is_family_start(w[b - 1], l[b - 1])))
		b--;
	/* The words a known name of the document's leaves, if common and
	 * no name's: أردوغان شريك, not عبد العزيز. */
	k = b - a > 1 ? phrase_longest(&d->keys, w + a, l + a, b - a, &id) : 0;
	if (k > 0 && KEY_TYPE(d->keys.v[id].kind) == ENT_PER) {
		for (i = a + k; i < b && !entp_is_name_word(f, w[i], l[i]) &&
		    lexicon_index_count(&f->lexicon_search, w[i], l[i]) >=
		    RARE_WORD; i++)
			;
		if (i == b)
			b = a + k;
	}
	if (a > 0 || b < nw)
		narrow(f, m, m->first + a, m->first + b - 1, start);
}

/* Whether token t is a word of text k that no mention holds. */
static int
free_word(const struct entp_doc *d, size_t t, size_t k)
{
	return t < d->ntok && d->tok[t].text == k && !d->tok[t].mention &&
	    d->tok[t].cls == TOK_WORD;
}

/* Whether w[0..n) has the article (الإمام of ولد الإمام). */
static int
definite_word(const char *w, size_t n)
{
	return n > 4 && memcmp(w, "\u0627\u0644", 4) == 0;
}

/* Whether token t's word is the first of a compound name (عبد العزيز). */
static int
compound_start(const struct entp_doc *d, size_t t)
{
	return d->tok[t].flen == 6 &&
	    memcmp(d->forms.p + d->tok[t].form, "\u0639\u0628\u062f", 6) == 0;
}

/* Whether token t's word starts a family name (بن, ولد). */
static int
family_word(const struct entp_doc *d, size_t t)
{
	return entp_is_family_start(d->words.p + d->tok[t].fold,
	    d->tok[t].foldlen);
}

/* Whether token t's word may follow بن or ولد in a name: a given name, or
 * a name's word of no table or with the article (مظفر بن علي, عبدات ولد
 * الإمام, not محمد ولد في: was born in). */
static int
family_name(struct ent_finder *f, size_t t)
{
	const struct entp_doc *d = &f->doc;
	const char *w = d->forms.p + d->tok[t].form;
	size_t n = d->tok[t].flen;

	return entp_is_given_name(f, w, n) || (entp_is_name_word(f, w, n) &&
	    (!no_name(f, w, n) || definite_word(w, n)));
}

/* The last token of the name that tokens [first, t] of a person start:
 * on over بن or ولد and a family name, its last word or its next (بن),
 * again after it, both words of a compound (بن عبد العزيز). */
static size_t
family_end(struct ent_finder *f, size_t first, size_t t)
{
	struct entp_doc *d = &f->doc;
	size_t k = d->tok[t].text, u;

	for (;;) {
		if (t > first && family_word(d, t))
			u = t + 1;
		else if (free_word(d, t + 1, k) && family_word(d, t + 1))
			u = t + 2;
		else
			break;
		if (!free_word(d, u, k) || !family_name(f, u))
			break;
		if (compound_start(d, u)) {
			if (!free_word(d, u + 1, k))
				break;
			u++;
		}
		t = u;
	}
	return t;
}

/* A person's mention found without its family name takes it. */
static void
extend_family(struct ent_finder *f, struct entp_dment *m)
{
	struct entp_doc *d = &f->doc;
	size_t last, t;

	if (m->type != ENT_PER || listed(m->rank) ||
	    (last = family_end(f, m->first, m->last)) == m->last)
		return;
	for (t = m->last + 1; t <= last; t++)
		d->tok[t].mention = (size_t)(m - d->m) + 1;
	narrow(f, m, m->first, last, m->start);
}

/*
 * A gazetteer's person named with a title (الملك سلمان, الأمير محمد بن
 * نايف) is narrowed to the name, keeping the gazetteer's value: a title is
 * no part of a name.
 */
static void
trim_title(struct ent_finder *f, struct entp_dment *m)
{
	struct entp_doc *d = &f->doc;
	const char *w[MAX_KEY_WORDS];
	size_t l[MAX_KEY_WORDS], nw, k, id, value = m->value;

	if (m->type != ENT_PER || !listed(m->rank))
		return;
	norm_text(f->nm, text_of(d, m->text) + m->start, m->end - m->start,
	    &d->normed, NULL);
	nw = split_words(d->normed.p, d->normed.n, w, l);
	if (nw < 2 || m->last - m->first + 1 != nw)
		return;
	k = phrase_longest(&f->words, w, l, nw, &id);
	if (k == 0 || k == nw || f->words.v[id].kind != K_PERCUE ||
	    (f->words.v[id].num & PERCUE_VERB))
		return;
	narrow(f, m, m->first + k, m->last, d->tok[m->first + k].start);
	m->value = value;
}

/* Mentions with more words first, then in the order of the text. */
static int
fuller_first(const void *a, const void *b, void *ctx)
{
	const struct entp_doc *d = ctx;
	size_t i = *(const size_t *)a, j = *(const size_t *)b;

	if (d->m[i].nwords != d->m[j].nwords)
		return d->m[i].nwords < d->m[j].nwords ? 1 : -1;
	return (i > j) - (i < j);
}

/*
 * A place's mention that the tagger ran past a place's name (قفصة معطل,
 * سطيف خاطب) is narrowed to the name, when the words after it are common
 * words of news and of no name.
 */
static void
trim_place(struct ent_finder *f, struct entp_dment *m)
{
	struct entp_doc *d = &f->doc;
	const char *w[MAX_KEY_WORDS];
	size_t l[MAX_KEY_WORDS], nw, k, i, id;

	if (m->type != ENT_LOC || listed(m->rank))
		return;
	/* The gazetteer's forms are not folded: the words as normalised. */
	norm_text(f->nm, text_of(d, m->text) + m->start, m->end - m->start,
	    &d->normed, NULL);
	nw = split_words(d->normed.p, d->normed.n, w, l);
	if (nw < 2 || m->last - m->first + 1 != nw)
		return;
	k = phrase_longest(&f->names, w, l, nw, &id);
	if (k == 0 || k == nw || (f->names.v[id].kind & 15) != ENT_LOC)
		return;
	for (i = k; i < nw; i++)
		if (entp_is_name_word(f, w[i], l[i]) ||
		    lexicon_index_count(&f->lexicon_search, w[i], l[i]) <
		    RARE_WORD)
			return;
	narrow(f, m, m->first, m->first + k - 1, m->start);
}

/* How a place's name is spelt from the stem of its adjective: أمريكا of
 * أمريكي, إيطاليا of إيطالي, العراق of عراقي, السعودية of سعودي. */
static const struct {
	const char *before, *after;
} place_of_stem[] = {
	{ "", "" }, { "", "\u0627" }, { "", "\u064a\u0627" },
	{ "\u0627\u0644", "" }, { "\u0627\u0644", "\u064a\u0647" },
};

/* Whether normalised word w[0..n) is the adjective of a place that is
 * one word of the gazetteer: ال...ي or ال...يه (الأمريكي, التونسية). */
static int
gentilic(struct ent_finder *f, const char *w, size_t n)
{
	char place[64];
	const char *p = place;
	size_t stem, k, len, id;

	if (n < 8 || memcmp(w, "\u0627\u0644", 4) != 0)
		return 0;
	if (memcmp(w + n - 4, "\u064a\u0647", 4) == 0)
		stem = n - 8;
	else if (memcmp(w + n - 2, "\u064a", 2) == 0)
		stem = n - 6;
	else
		return 0;
	if (stem < 4 || stem + 8 > sizeof place)
		return 0;
	for (k = 0; k < sizeof place_of_stem / sizeof *place_of_stem; k++) {
		size_t b = strlen(place_of_stem[k].before);
		size_t a = strlen(place_of_stem[k].after);

		memcpy(place, place_of_stem[k].before, b);
		memcpy(place + b, w + 4, stem);
		memcpy(place + b + stem, place_of_stem[k].after, a);
		len = b + stem + a;
		if (phrase_longest(&f->names, &p, &len, 1, &id) == 1 &&
		    (f->names.v[id].kind & 15) == ENT_LOC)
			return 1;
	}
	return 0;
}

/*
 * Whether an organisation's words w[0..n) are its name without the
 * adjective after them: for a name of the gazetteer (value), the same
 * name (الكونغرس of الكونغرس الأمريكي, not الاتحاد of الاتحاد الأوروبي);
 * else a name of the gazetteer's of two words or more (ريال مدريد), or
 * with a place's or a person's word (ليون, روما). A club's one word
 * (الترجي) may take its town's adjective as its name (الترجي الجرجيسي).
 */
static int
named_without(struct ent_finder *f, const char **w, size_t *l, size_t n,
    const char *value)
{
	size_t i, id;

	if (phrase_longest(&f->names, w, l, n, &id) == n && (n > 1 ||
	    value != NULL))
		return (f->names.v[id].kind & 15) == ENT_ORG && (value == NULL ||
		    strcmp(phrase_value(&f->names, id), value) == 0);
	if (value != NULL)
		return 0;
	for (i = 0; i < n; i++)
		if (phrase_longest(&f->names, &w[i], &l[i], 1, &id) == 1 &&
		    (f->names.v[id].kind & 15) != ENT_ORG)
			return 1;
	return 0;
}

/*
 * An organisation's mention that ends in a place's adjective is narrowed
 * to the name before it when that is a name alone (الكونغرس الأمريكي,
 * ليون الفرنسي, ريال مدريد الإسباني), as news names a foreign body; the
 * adjective stays in a name it completes (البنك المركزي التونسي, الخطوط
 * التونسية, المنتخب التونسي).
 */
static void
trim_org(struct ent_finder *f, struct entp_dment *m)
{
	struct entp_doc *d = &f->doc;
	const char *w[MAX_KEY_WORDS], *value = NULL;
	size_t l[MAX_KEY_WORDS], nw, kept;

	if (m->type != ENT_ORG)
		return;
	norm_text(f->nm, text_of(d, m->text) + m->start, m->end - m->start,
	    &d->normed, NULL);
	nw = split_words(d->normed.p, d->normed.n, w, l);
	if (nw < 2 || m->last - m->first + 1 != nw ||
	    !gentilic(f, w[nw - 1], l[nw - 1]))
		return;
	if (listed(m->rank))
		value = d->values.p + m->value;
	if (!named_without(f, w, l, nw - 1, value))
		return;
	kept = m->value;
	narrow(f, m, m->first, m->last - 1, m->start);
	if (value != NULL)
		m->value = kept;	/* the gazetteer's name */
	/* Still the name's: السعودية of أرامكو السعودية is no place. */
	d->tok[m->last + 1].mention = (size_t)(m - d->m) + 1;
}

/* The entities of the document's names, the fullest named first. */
static void
build_entities(struct ent_finder *f)
{
	struct entp_doc *d = &f->doc;
	const char *w[MAX_KEY_WORDS];
	size_t l[MAX_KEY_WORDS], i, n = 0;

	d->order = xgrow(d->order, &d->ordercap, d->nm + 1, sizeof *d->order);
	for (i = 0; i < d->nm; i++)
		if (d->m[i].type <= ENT_MISC && d->m[i].first != SIZE_MAX &&
		    mention_words(f, &d->m[i], w, l) > 0)
			d->order[n++] = i;
	qsort_r(d->order, n, sizeof *d->order, fuller_first, d);
	for (i = 0; i < n; i++) {
		trim_title(f, &d->m[d->order[i]]);
		extend_family(f, &d->m[d->order[i]]);
		trim_person(f, &d->m[d->order[i]]);
		trim_place(f, &d->m[d->order[i]]);
		trim_org(f, &d->m[d->order[i]]);
		d->m[d->order[i]].entity = entity_of(f, d->order[i]);
	}
}

/*
 * The entity that key id names at token t: when entities share it (two
 * people called بوش), the one named in full nearest before t, else after.
 */
static size_t
entity_named(struct ent_finder *f, size_t id, size_t t)
{
	struct entp_doc *d = &f->doc;
	size_t k = (size_t)d->keys.v[id].num, best = d->keyent[k].ent;
	size_t dist = SIZE_MAX;

	for (; k != SIZE_MAX; k = d->keyent[k].next) {
		size_t e = d->keyent[k].ent, at = d->m[d->ent[e].best].first;
		size_t far = at <= t ? t - at : at - t + d->ntok;

		if (far < dist) {
			dist = far;
			best = e;
		}
	}
	return best;
}

/* Whether token t follows a title or a verb that names come after. */
static int
after_cue(struct ent_finder *f, size_t t)
{
	struct entp_doc *d = &f->doc;
	const char *w;
	size_t id;

	if (t == 0 || d->tok[t - 1].text != d->tok[t].text)
		return 0;
	w = d->forms.p + d->tok[t - 1].form;
	return phrase_longest(&f->words, &w, &d->tok[t - 1].flen, 1, &id) ==
	    1 && f->words.v[id].kind == K_PERCUE;
}

/*
 * Whether a word w[0..n) where nothing was found, at token t, is taken
 * for entity e by a key of one word: never a word of the tables (على
 * after علوي); a given name that is also a word of news (صالح, حسن) only
 * after the full name, or after a title; a word only the rules found
 * once, if rare.
 */
static int
may_take(struct ent_finder *f, size_t t, const char *w, size_t n,
    enum key_kind kind, size_t e)
{
	struct entp_doc *d = &f->doc;
	const struct entp_dment *full = &d->m[d->ent[e].best];
	uint32_t count = lexicon_index_count(&f->lexicon_search, w, n);

	if (no_name(f, w, n))
		return 0;
	if (kind == KEY_FULL)
		return full->rank != RANK_RULE || count < RARE_WORD;
	return count < NAME_AS_WORD || !entp_is_given_name(f, w, n) ||
	    full->first < t || after_cue(f, t);
}

/*
 * The words at token t, the first read as its proclitics strip it, in
 * w, l: how many, up to the next found mention or the end of the text.
 */
static size_t
words_at(struct ent_finder *f, size_t t, const struct entp_strip *s,
    const char **w, size_t *l)
{
	struct entp_doc *d = &f->doc;
	size_t n, flen;
	const char *form = entp_form_stripped(d->forms.p + d->tok[t].form,
	    d->tok[t].flen, s, &d->stripped, &flen);

	entp_fold(&f->lexicon_search, form, flen, &d->folded);
	w[0] = d->folded.p != NULL ? d->folded.p : "";
	l[0] = d->folded.n;
	for (n = 1; n < MAX_KEY_WORDS && t + n < d->ntok &&
	    d->tok[t + n].text == d->tok[t].text && !d->tok[t + n].mention;
	    n++) {
		w[n] = d->words.p + d->tok[t + n].fold;
		l[n] = d->tok[t + n].foldlen;
	}
	return n;
}

/* The longest key at token t, its first word stripped as one of s
 * strips it (the fewest strips first among equals): its tokens (0 if
 * none), the key in *id, the strip in *which, its words in w, l. */
static size_t
key_at(struct ent_finder *f, size_t t, const struct entp_strip *s,
    size_t ns, size_t *id, size_t *which, const char **w, size_t *l)
{
	struct entp_doc *d = &f->doc;
	size_t k, n, len, kid, best = 0;

	for (k = 0; k < ns; k++) {
		n = words_at(f, t, &s[k], w, l);
		if ((len = phrase_longest(&d->keys, w, l, n, &kid)) > best) {
			best = len;
			*id = kid;
			*which = k;
		}
	}
	if (best > 0)
		words_at(f, t, &s[*which], w, l);
	return best;
}

/*
 * Whether one-word mention m with its proclitics stripped is a name of
 * the document's (بماكرون after إيمانويل ماكرون): it then starts after
 * them, and the key is in *id.
 */
static int
strip_to_key(struct ent_finder *f, struct entp_dment *m, size_t *id)
{
	struct entp_doc *d = &f->doc;
	struct entp_strip s[3];
	const char *w[MAX_KEY_WORDS];
	size_t l[MAX_KEY_WORDS], ns, which, t = m->first;

	if (m->first != m->last)
		return 0;
	ns = entp_form_strips(d->forms.p + d->tok[t].form, d->tok[t].flen, s);
	if (ns < 2 || key_at(f, t, s + 1, ns - 1, id, &which, w, l) != 1)
		return 0;
	m->start = entp_skip_letters(text_of(d, m->text), d->tok[t].start,
	    d->tok[t].end, s[which + 1].bytes / 2);
	m->nwords = m->wordslen = 0;
	mention_words(f, m, w, l);
	return 1;
}

/*
 * Whether token t is within an article's length of entity e's full name:
 * in a "document" of many articles or unrelated sentences, a word alone
 * is not taken for a name met far away.
 */
static int
near_name(const struct entp_doc *d, size_t t, size_t e)
{
	size_t at = d->m[d->ent[e].best].first;

	return (t > at ? t - at : at - t) <= NEAR_TOKENS;
}

/* Takes the name of an entity at token t, with the proclitics its first
 * word may have (وترامب), if a key names one there. */
static void
find_at(struct ent_finder *f, size_t t)
{
	struct entp_doc *d = &f->doc;
	struct entp_strip s[3];
	const char *w[MAX_KEY_WORDS];
	size_t l[MAX_KEY_WORDS], ns, len, id, which, e, from;
	const struct phrase *key;
	struct entp_dment *m;

	ns = entp_form_strips(d->forms.p + d->tok[t].form, d->tok[t].flen,
	    s);
	/* A given name is not cut: وليام is no و + ليام. */
	if (entp_is_given_name(f, d->forms.p + d->tok[t].form, d->tok[t].flen))
		ns = 1;
	if ((len = key_at(f, t, s, ns, &id, &which, w, l)) == 0)
		return;
	key = &d->keys.v[id];
	e = entity_named(f, id, t);
	if (len == 1 && (!near_name(d, t, e) ||
	    !may_take(f, t, w[0], l[0], KEY_KIND(key->kind), e)))
		return;
	from = t;
	m = add_mention(d, d->tok[t].text, &from, entp_skip_letters(text_of(d,
	    d->tok[t].text), d->tok[t].start, d->tok[t].end,
	    s[which].bytes / 2), d->tok[t + len - 1].end, d->ent[e].type,
	    RANK_DOCUMENT, "");
	m->entity = e;
}

/* The names of the document's entities where nothing was found. */
static void
find_again(struct ent_finder *f)
{
	struct entp_doc *d = &f->doc;
	size_t t;

	for (t = 0; t < d->ntok; t++)
		if (!d->tok[t].mention && d->tok[t].cls == TOK_WORD)
			find_at(f, t);
}

/* The kind of token t's word in the rules' tables, or 0. */
static unsigned
token_kind(struct ent_finder *f, size_t t)
{
	struct entp_doc *d = &f->doc;
	const char *w = d->forms.p + d->tok[t].form;
	size_t id;

	return phrase_longest(&f->words, &w, &d->tok[t].flen, 1, &id) == 1 ?
	    f->words.v[id].kind : 0;
}

/* Whether the tokens between mentions a and b (a first) are at most one
 * word joining them: و, على, أمام, ضد, مع; or a و glued to b. */
static int
joined(struct ent_finder *f, const struct entp_dment *a,
    const struct entp_dment *b)
{
	static const char *const joins[] = {
		"\u0648", "\u0639\u0644\u064a", "\u0627\u0645\u0627\u0645",
		"\u0636\u062f", "\u0645\u0639",
	};
	struct entp_doc *d = &f->doc;
	size_t k, t = a->last + 1;
	const char *w;

	if (a->text != b->text || b->first < t || b->first > t + 1)
		return 0;
	if (b->first == t)
		return b->start > d->tok[t].start;	/* وبرشلونة */
	w = d->forms.p + d->tok[t].form;
	for (k = 0; k < sizeof joins / sizeof joins[0]; k++)
		if (d->tok[t].flen == strlen(joins[k]) &&
		    memcmp(w, joins[k], d->tok[t].flen) == 0)
			return 1;
	return 0;
}

/*
 * In a text of sports news, a city met beside a club is a club too: فاز
 * ريال مدريد على برشلونة. Mentions are in order (order_mentions).
 */
static void
clubs(struct ent_finder *f)
{
	struct entp_doc *d = &f->doc;
	size_t i, t;

	d->sport = xgrow(d->sport, &d->sportcap, d->ntext + 1, 1);
	memset(d->sport, 0, d->ntext + 1);
	for (t = 0; t < d->ntok; t++)
		if (d->tok[t].cls == TOK_WORD && token_kind(f, t) == K_SPORT)
			d->sport[d->tok[t].text] = 1;
	for (i = 1; i < d->text_first[d->ntext]; i++) {
		struct entp_dment *a = &d->m[d->order[i - 1]];
		struct entp_dment *m = &d->m[d->order[i]];

		if (d->sport[m->text] && m->type == ENT_LOC && a->type ==
		    ENT_ORG && m->rank != RANK_USER_GAZETTEER &&
		    joined(f, a, m))
			m->type = ENT_ORG;
	}
}

/* ال...ون, ال...يين: a plural of people (الباحثون, العلويين), no name. */
static int
plural_shaped(const char *w, size_t n)
{
	return n > 8 && memcmp(w, "\u0627\u0644", 4) == 0 &&
	    (memcmp(w + n - 4, "\u0648\u0646", 4) == 0 ||
	    (n > 10 && memcmp(w + n - 6, "\u064a\u064a\u0646", 6) == 0));
}

/* Whether person m, found by the rules after a title, starts with a word
 * joined to what precedes it by a glued و: the title's "and ..." (وزير
 * التربية ولإهانته). */
static int
conjoined(struct ent_finder *f, const struct entp_dment *m)
{
	return m->type == ENT_PER && m->rank == RANK_RULE &&
	    m->start == f->doc.tok[m->first].start &&
	    joined_word(f, m->first);
}

/* Whether mention m is a name inside an event's (كأس الكاف): the word
 * before it, with or without its proclitics, heads one (for a person,
 * one that names events after people). */
static int
in_event(struct ent_finder *f, const struct entp_dment *m)
{
	struct entp_doc *d = &f->doc;
	size_t t = m->first, n, k, len, id, wl;
	struct entp_strip s[3];
	const char *w;

	if (t == 0 || d->tok[t - 1].text != d->tok[t].text ||
	    m->start != d->tok[t].start)
		return 0;
	w = d->forms.p + d->tok[t - 1].form;
	wl = d->tok[t - 1].flen;
	n = entp_form_strips(w, wl, s);
	for (k = 0; k < n; k++) {
		const char *sw = entp_form_stripped(w, wl, &s[k], &d->stripped,
		    &len);

		if (phrase_longest(&f->events, &sw, &len, 1, &id) == 1)
			return m->type != ENT_PER || f->events.v[id].num;
	}
	return 0;
}

/* Whether place m is the adjective of the organisation before it, not a
 * place (السعودية of صحيفة عكاظ السعودية). */
static int
adjective_of_org(struct ent_finder *f, const struct entp_dment *m)
{
	const struct entp_doc *d = &f->doc;
	size_t t = m->first;

	if (m->type != ENT_LOC || m->last != t || t == 0 ||
	    d->tok[t - 1].text != d->tok[t].text || !d->tok[t - 1].mention ||
	    d->m[d->tok[t - 1].mention - 1].type != ENT_ORG)
		return 0;
	return gentilic(f, d->forms.p + d->tok[t].form, d->tok[t].flen);
}

/*
 * Whether mention m is no name: on the stop list; one word of the tables
 * or of two letters; or a person's one word that the tagger alone found,
 * common in news and no known name's word, with no fuller name in the
 * document (البيان, صبيحة اليوم).
 */
static int
stopped(struct ent_finder *f, struct entp_dment *m)
{
	const char *w[MAX_KEY_WORDS];
	size_t l[MAX_KEY_WORDS], nw = mention_words(f, m, w, l), id;

	if (phrase_longest(&f->stop, w, l, nw, &id) == nw ||
	    adjective_of_org(f, m) || conjoined(f, m) || in_event(f, m))
		return 1;
	if (nw != 1 || listed(m->rank))
		return 0;
	if (phrase_longest(&f->words, w, l, 1, &id) == 1 &&
	    f->words.v[id].kind == K_STOP)
		return 1;
	if ((unsigned char)w[0][0] >= 0x80 && l[0] <= 4)
		return 1;
	return m->type == ENT_PER && m->rank == RANK_TAGGED &&
	    (m->entity == SIZE_MAX || f->doc.m[f->doc.ent[m->entity].best].
	    nwords == 1) && !entp_is_name_word(f, w[0], l[0]) &&
	    (plural_shaped(w[0], l[0]) || lexicon_index_count(
	    &f->lexicon_search, w[0], l[0]) >= COMMON_WORD);
}

/* By text, then where in it. */
static int
by_place(const void *a, const void *b, void *ctx)
{
	const struct entp_doc *d = ctx;
	const struct entp_dment *x = &d->m[*(const size_t *)a];
	const struct entp_dment *y = &d->m[*(const size_t *)b];

	if (x->text != y->text)
		return x->text < y->text ? -1 : 1;
	return (x->start > y->start) - (x->start < y->start);
}

/* The live mentions in order, and where each text's begin; returns how
 * many live. */
static size_t
order_mentions(struct entp_doc *d)
{
	size_t i, n = 0, k = 0;

	d->order = xgrow(d->order, &d->ordercap, d->nm + 1, sizeof *d->order);
	for (i = 0; i < d->nm; i++)
		if (!d->m[i].dead)
			d->order[n++] = i;
	qsort_r(d->order, n, sizeof *d->order, by_place, d);
	d->text_first = xgrow(d->text_first, &d->tfcap, d->ntext + 1,
	    sizeof *d->text_first);
	for (i = 0; i <= n; i++)
		while (k <= d->ntext && (i == n || k <= d->m[d->order[i]].text))
			d->text_first[k++] = i;
	return n;
}

/* Dates resolved in the document's order: against its day if known,
 * else a date without a year takes the last full date's. */
static void
resolve_dates(struct ent_finder *f, size_t n)
{
	struct entp_doc *d = &f->doc;
	size_t i;
	int year = 0;

	for (i = 0; i < n; i++) {
		struct entp_dment *m = &d->m[d->order[i]];
		const char *v = d->values.p + m->value;

		if (m->type != ENT_DATE)
			continue;
		if (timex_resolve(v, f->has_day ? &f->day : NULL, year,
		    f->gregorian, &d->value)) {
			m->value = d->values.n;
			buf_add(&d->values, d->value.p, d->value.n);
			buf_addc(&d->values, '\0');
		}
		if (timex_year_of(d->values.p + m->value) > 0)
			year = timex_year_of(d->values.p + m->value);
	}
}

void
entp_doc_resolve(struct ent_finder *f)
{
	struct entp_doc *d = &f->doc;
	size_t i;

	build_entities(f);
	find_again(f);
	for (i = 0; i < d->nm; i++) {
		struct entp_dment *m = &d->m[i];

		if (m->type > ENT_MISC)
			continue;
		m->dead = stopped(f, m);
		if (m->entity != SIZE_MAX)
			m->value = d->m[d->ent[m->entity].best].value;
	}
	resolve_dates(f, order_mentions(d));
	clubs(f);
}

void
entp_doc_mentions(struct ent_finder *f, size_t k, unsigned types,
    struct entities *out)
{
	struct entp_doc *d = &f->doc;
	size_t i;

	out->n = 0;
	out->values.n = 0;
	if (k >= d->ntext)
		return;
	for (i = d->text_first[k]; i < d->text_first[k + 1]; i++) {
		const struct entp_dment *m = &d->m[d->order[i]];
		const char *v = d->values.p + m->value;

		if (types & 1u << m->type)
			entp_emit(out, m->start, m->end, m->type, m->rank, v,
			    strlen(v));
	}
}
