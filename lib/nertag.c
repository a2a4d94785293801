#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "nertag.h"
#include "tok.h"

/* The model built into the library (lib/models.S). */
extern const unsigned char satr_ner_model[];
extern const uint64_t satr_ner_model_size;

static const char *const labels[NER_NLABELS] = {
	"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC",
	"I-MISC"
};

int
ner_label_of(const char *tag, size_t n)
{
	size_t i;

	for (i = 0; i < NER_NLABELS; i++)
		if (strlen(labels[i]) == n && memcmp(labels[i], tag, n) == 0)
			return (int)i;
	return -1;
}

/* Bytes of the first k characters of w[0..n), or of the last k. */
static size_t
head_chars(const char *w, size_t n, size_t k)
{
	size_t i = 0;

	while (i < n && k > 0) {
		i++;
		while (i < n && ((unsigned char)w[i] & 0xC0) == 0x80)
			i++;
		k--;
	}
	return i;
}

static size_t
tail_chars(const char *w, size_t n, size_t k)
{
	size_t i = n;

	while (i > 0 && k > 0) {
		i--;
		while (i > 0 && ((unsigned char)w[i] & 0xC0) == 0x80)
			i--;
		k--;
	}
	return n - i;
}

static int
starts(const char *w, size_t n, const char *p)
{
	size_t len = strlen(p);

	return n >= len && memcmp(w, p, len) == 0;
}

/*
 * The stem of an Arabic form: without a conjunction, a preposition and
 * the article, when at least two letters are left (والرئيس: رئيس).
 */
static size_t
stem_start(const char *w, size_t n)
{
	size_t i = 0;

	if (n - i > 6 && (starts(w, n, "\u0648") || starts(w, n, "\u0641")))
		i += 2;
	if (n - i > 6 && (starts(w + i, n - i, "\u0628") || starts(w + i,
	    n - i, "\u0643")))
		i += 2;
	if (n - i > 6 && starts(w + i, n - i, "\u0644\u0644"))
		return i + 4;	/* للرئيس */
	if (n - i > 6 && starts(w + i, n - i, "\u0644") && !starts(w + i,
	    n - i, "\u0644\u0627"))
		i += 2;
	if (n - i > 6 && starts(w + i, n - i, "\u0627\u0644"))
		i += 4;
	return i;
}

/* Class, script, case and length of a token, as a number. */
static unsigned
shape(const struct ner_sentence *s, size_t i)
{
	const unsigned char *w = (const unsigned char *)s->w[i];
	size_t n = s->wl[i], len = 0, k;
	unsigned script;

	for (k = 0; k < n; k++)
		len += (w[k] & 0xC0) != 0x80;
	if (n == 0)
		script = 0;
	else if (w[0] >= 0xD8 && w[0] <= 0xDB)
		script = 1;
	else if ((w[0] | 0x20) >= 'a' && (w[0] | 0x20) <= 'z')
		script = 2 + (w[0] <= 'Z') + (n > 1 && w[n - 1] <= 'Z');
	else
		script = 5;
	return (unsigned)s->cls[i] << 6 | script << 3 | (unsigned)(len > 5 ?
	    5 : len);
}

struct fctx {
	uint32_t *f;
	size_t nf;
	const char *domain;
	size_t dlen;
	char s[96];
	size_t n;
};

static void
begin(struct fctx *c, const char *tag)
{
	c->n = strlen(tag);
	memcpy(c->s, tag, c->n);
}

static void
add(struct fctx *c, const void *p, size_t n)
{
	if (n > sizeof c->s - c->n - 1)
		n = sizeof c->s - c->n - 1;
	memcpy(c->s + c->n, p, n);
	c->n += n;
	c->s[c->n++] = '\x1f';
}

static void
add_byte(struct fctx *c, unsigned v)
{
	char b[2] = { (char)(v & 0xff), (char)(v >> 8) };

	add(c, b, v > 0xff ? 2 : 1);
}

/* Emits the feature built, and its copy for the domain. */
static void
emit(struct fctx *c)
{
	if (c->nf + 2 > NER_MAX_FEATURES)
		return;
	c->f[c->nf++] = linear_feature(c->s, c->n);
	if (c->dlen > 0) {
		add(c, c->domain, c->dlen);
		c->f[c->nf++] = linear_feature(c->s, c->n);
	}
}

static void
word_feature(struct fctx *c, const char *tag, const struct ner_sentence *s,
    long i, int stem)
{
	begin(c, tag);
	if (i < 0 || (size_t)i >= s->n) {
		add(c, "^$", 2);
	} else {
		size_t k = stem ? stem_start(s->w[i], s->wl[i]) : 0;

		add(c, s->w[i] + k, s->wl[i] - k);
	}
	emit(c);
}

static void
hint_feature(struct fctx *c, const char *tag, const struct ner_sentence *s,
    long i)
{
	begin(c, tag);
	add_byte(c, i < 0 || (size_t)i >= s->n ? 255 : s->hint[i]);
	emit(c);
}

size_t
ner_features(const struct ner_sentence *s, size_t i, const char *domain,
    uint32_t *f)
{
	struct fctx c;
	const char *w = s->w[i];
	size_t n = s->wl[i], st = stem_start(w, n), k;
	long at = (long)i;

	c.f = f;
	c.nf = 0;
	c.domain = domain;
	c.dlen = strlen(domain);
	begin(&c, "b");
	emit(&c);
	word_feature(&c, "w", s, at, 0);
	word_feature(&c, "s", s, at, 1);
	word_feature(&c, "w-1", s, at - 1, 0);
	word_feature(&c, "w+1", s, at + 1, 0);
	word_feature(&c, "w-2", s, at - 2, 0);
	word_feature(&c, "w+2", s, at + 2, 0);
	word_feature(&c, "s-1", s, at - 1, 1);
	word_feature(&c, "s+1", s, at + 1, 1);
	for (k = 1; k <= 4; k++) {
		begin(&c, "p");
		add_byte(&c, (unsigned)k);
		add(&c, w + st, head_chars(w + st, n - st, k));
		emit(&c);
		begin(&c, "x");
		add_byte(&c, (unsigned)k);
		add(&c, w + n - tail_chars(w, n, k), tail_chars(w, n, k));
		emit(&c);
	}
	begin(&c, "pre");
	add(&c, w, st);
	emit(&c);
	begin(&c, "h");
	add_byte(&c, shape(s, i));
	emit(&c);
	if (i > 0) {
		begin(&c, "hh");
		add_byte(&c, shape(s, i - 1));
		add_byte(&c, shape(s, i));
		emit(&c);
		begin(&c, "bg");
		add(&c, s->w[i - 1], s->wl[i - 1]);
		add(&c, w, n);
		emit(&c);
	}
	if (i + 1 < s->n) {
		begin(&c, "bg+");
		add(&c, w, n);
		add(&c, s->w[i + 1], s->wl[i + 1]);
		emit(&c);
	}
	begin(&c, "f");
	add_byte(&c, s->freq[i]);
	emit(&c);
	begin(&c, "fn");
	add_byte(&c, i > 0 ? s->freq[i - 1] : 255);
	add_byte(&c, s->freq[i]);
	add_byte(&c, i + 1 < s->n ? s->freq[i + 1] : 255);
	emit(&c);
	begin(&c, "fh");
	add_byte(&c, s->freq[i]);
	add_byte(&c, s->hint[i]);
	add_byte(&c, i > 0 ? s->hint[i - 1] : 255);
	emit(&c);
	begin(&c, "np");
	add_byte(&c, (i > 0 ? s->namepart[i - 1] : 2) << 4 |
	    s->namepart[i] << 2 | (i + 1 < s->n ? s->namepart[i + 1] : 2));
	emit(&c);
	hint_feature(&c, "r", s, at);
	hint_feature(&c, "r-1", s, at - 1);
	hint_feature(&c, "r+1", s, at + 1);
	begin(&c, "rh");
	add_byte(&c, s->hint[i]);
	add_byte(&c, shape(s, i));
	emit(&c);
	return c.nf;
}

/* Which label may follow which: I-X only after B-X or I-X. */
static void
allowed_moves(unsigned char *ok)
{
	size_t from, to;

	for (from = 0; from <= NER_NLABELS; from++)
		for (to = 0; to < NER_NLABELS; to++)
			ok[from * NER_NLABELS + to] = to == 0 || to % 2 == 1 ||
			    (from < NER_NLABELS && from != 0 &&
			    NER_TYPE(from) == NER_TYPE(to));
}

/* Emission scores of every token and label into emit[n][nlabels]. */
static float *
emissions(const struct linear *m, const struct ner_sentence *s,
    const char *domain)
{
	float *emit = xmalloc((s->n ? s->n : 1) * m->nlabels * sizeof *emit);
	uint32_t f[NER_MAX_FEATURES];
	size_t i;

	for (i = 0; i < s->n; i++)
		linear_scores(m, f, ner_features(s, i, domain, f),
		    emit + i * m->nlabels);
	return emit;
}

void
ner_tag(const struct linear *m, const struct ner_sentence *s,
    size_t *labels_out)
{
	unsigned char ok[(NER_NLABELS + 1) * NER_NLABELS];
	float *emit;

	if (s->n == 0)
		return;
	allowed_moves(ok);
	emit = emissions(m, s, m->domain);
	linear_viterbi(m, emit, s->n, ok, labels_out);
	free(emit);
}

size_t
ner_train(struct linear *m, const struct ner_sentence *s, const size_t *gold,
    const char *domain)
{
	unsigned char ok[(NER_NLABELS + 1) * NER_NLABELS];
	uint32_t f[NER_MAX_FEATURES];
	size_t *got, i, right = 0;
	float *emit;

	if (s->n == 0)
		return 0;
	allowed_moves(ok);
	got = xmalloc(s->n * sizeof *got);
	emit = emissions(m, s, domain);
	linear_viterbi(m, emit, s->n, ok, got);
	for (i = 0; i < s->n; i++) {
		size_t gp = i ? gold[i - 1] : NER_NLABELS;
		size_t pp = i ? got[i - 1] : NER_NLABELS;

		if (got[i] == gold[i] && gp == pp) {
			right += 1;
			continue;
		}
		right += got[i] == gold[i];
		if (got[i] != gold[i]) {
			size_t nf = ner_features(s, i, domain, f);

			linear_update(m, f, nf, gold[i], 1);
			linear_update(m, f, nf, got[i], -1);
		}
		linear_update_trans(m, gp, gold[i], 1);
		linear_update_trans(m, pp, got[i], -1);
	}
	linear_tick(m);
	free(got);
	free(emit);
	return right;
}

void
ner_model_new(struct linear *m, unsigned bits, const char *domain)
{
	linear_init(m, "ner", NER_FEATURES_VERSION, bits, NER_NLABELS, labels);
	strncpy(m->domain, domain, sizeof m->domain - 1);
}

int
ner_model_default(struct linear *m, const char **err)
{
	return linear_load_kind(m, satr_ner_model, (size_t)satr_ner_model_size,
	    "ner", NER_FEATURES_VERSION, err);
}
