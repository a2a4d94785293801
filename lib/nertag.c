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

/*
 * A feature is a hash combined from a tag and hashes of what it looks at,
 * not a string: each token's form and stem are hashed once a sentence.
 * The mixing is fixed, so a model means the same on every machine.
 */
static uint32_t
combine(uint32_t a, uint32_t b)
{
	uint32_t h = (a ^ (b + 0x9E3779B9u + (a << 6) + (a >> 2))) *
	    0x85EBCA6Bu;

	return h ^ (h >> 16);
}

enum feature_tag {
	F_BIAS = 1, F_W, F_S, F_PREFIX, F_SUFFIX, F_PROCLITICS, F_SHAPE,
	F_FREQ, F_W_PREV, F_W_NEXT, F_W_PREV2, F_W_NEXT2, F_S_PREV, F_S_NEXT,
	F_SHAPES, F_BIGRAM, F_BIGRAM_NEXT, F_FREQS, F_FREQ_HINTS, F_NAMEPARTS,
	F_HINT, F_HINT_PREV, F_HINT_NEXT, F_HINT_SHAPE, F_CLUSTER, F_COARSE,
	F_CLUSTER_PREV, F_CLUSTER_NEXT, F_COARSE_PREV, F_COARSE_NEXT,
	F_CLUSTERS
};

/* Fine and coarse clusters of token i + d (0 unknown); 0xFFFF outside the
 * sentence. */
static unsigned
fine_at(const struct ner_sentence *s, size_t i, int d)
{
	if ((d < 0 && i < (size_t)-d) || i + (size_t)(d > 0 ? d : 0) >= s->n)
		return 0xFFFF;
	return s->cluster[(long)i + d] & 0x1FF;
}

static unsigned
coarse_at(const struct ner_sentence *s, size_t i, int d)
{
	if ((d < 0 && i < (size_t)-d) || i + (size_t)(d > 0 ? d : 0) >= s->n)
		return 0xFFFF;
	return s->cluster[(long)i + d] >> 9;
}

/* Two places before and after the sentence have this hash. */
#define BOUNDARY 0x5A17B0DEu

/* Each token's form and stem hashes, at i + 2, and its shape. */
struct sentence_hashes {
	uint32_t *w, *s;
	unsigned *shape;
};

static void
hash_sentence(const struct ner_sentence *s, struct sentence_hashes *h)
{
	size_t i;

	h->w = xmalloc((s->n + 4) * sizeof *h->w);
	h->s = xmalloc((s->n + 4) * sizeof *h->s);
	h->shape = xmalloc((s->n + 1) * sizeof *h->shape);
	h->w[0] = h->w[1] = h->w[s->n + 2] = h->w[s->n + 3] = BOUNDARY;
	h->s[0] = h->s[1] = h->s[s->n + 2] = h->s[s->n + 3] = BOUNDARY;
	for (i = 0; i < s->n; i++) {
		size_t st = stem_start(s->w[i], s->wl[i]);

		h->shape[i] = shape(s, i);
		h->w[i + 2] = linear_feature(s->w[i], s->wl[i]);
		h->s[i + 2] = st == 0 ? h->w[i + 2] :
		    linear_feature(s->w[i] + st, s->wl[i] - st);
	}
}

static void
free_hashes(struct sentence_hashes *h)
{
	free(h->w);
	free(h->s);
	free(h->shape);
}

/* Features being written, each with its copy for the domain (if any). */
struct fset {
	uint32_t *f;
	size_t nf;
	uint32_t domain;
};

static void
put(struct fset *c, enum feature_tag tag, uint32_t h)
{
	uint32_t f = combine((uint32_t)tag, h);

	c->f[c->nf++] = f;
	if (c->domain != 0)
		c->f[c->nf++] = combine(f, c->domain);
}

static uint32_t
domain_hash(const char *domain)
{
	return *domain == '\0' ? 0 : linear_feature(domain, strlen(domain)) | 1;
}

/* The features of token i alone: its form, stem, affixes, shape, how
 * common it is. */
static size_t
word_features(const struct ner_sentence *s, const struct sentence_hashes *h,
    size_t i, uint32_t domain, uint32_t *f)
{
	struct fset c = { f, 0, domain };
	const char *w = s->w[i];
	size_t n = s->wl[i], st = stem_start(w, n), k, len;

	put(&c, F_BIAS, 0);
	put(&c, F_W, h->w[i + 2]);
	put(&c, F_S, h->s[i + 2]);
	for (k = 1; k <= 4; k++) {
		len = head_chars(w + st, n - st, k);
		put(&c, F_PREFIX, combine((uint32_t)k, linear_feature(w + st,
		    len)));
		len = tail_chars(w, n, k);
		put(&c, F_SUFFIX, combine((uint32_t)k, linear_feature(w + n -
		    len, len)));
	}
	put(&c, F_PROCLITICS, linear_feature(w, st));
	put(&c, F_SHAPE, h->shape[i]);
	put(&c, F_FREQ, s->freq[i]);
	put(&c, F_CLUSTER, fine_at(s, i, 0));
	put(&c, F_COARSE, coarse_at(s, i, 0));
	return c.nf;
}

/* What is at token i + d: a byte, or 255 outside the sentence. */
static unsigned
at_or_edge(const unsigned char *v, size_t n, size_t i, int d)
{
	return (d < 0 && i < (size_t)-d) || i + (size_t)(d > 0 ? d : 0) >= n ?
	    255 : v[(long)i + d];
}

/* The features of token i in its sentence: neighbours, and what the
 * rules found. */
static size_t
context_features(const struct ner_sentence *s,
    const struct sentence_hashes *h, size_t i, uint32_t domain, uint32_t *f)
{
	struct fset c = { f, 0, domain };
	const uint32_t *hw = h->w + 2, *hs = h->s + 2;
	unsigned sh = h->shape[i], np;

	put(&c, F_W_PREV, hw[(long)i - 1]);
	put(&c, F_W_NEXT, hw[i + 1]);
	put(&c, F_W_PREV2, hw[(long)i - 2]);
	put(&c, F_W_NEXT2, hw[i + 2]);
	put(&c, F_S_PREV, hs[(long)i - 1]);
	put(&c, F_S_NEXT, hs[i + 1]);
	put(&c, F_SHAPES, (i > 0 ? h->shape[i - 1] : 0xFFFF) << 16 | sh);
	put(&c, F_BIGRAM, combine(hw[(long)i - 1], hw[i]));
	put(&c, F_BIGRAM_NEXT, combine(hw[i], hw[i + 1]));
	put(&c, F_FREQS, at_or_edge(s->freq, s->n, i, -1) << 16 |
	    (unsigned)s->freq[i] << 8 | at_or_edge(s->freq, s->n, i, 1));
	put(&c, F_FREQ_HINTS, (unsigned)s->freq[i] << 16 |
	    (unsigned)s->hint[i] << 8 | at_or_edge(s->hint, s->n, i, -1));
	np = at_or_edge(s->namepart, s->n, i, -1) << 16 |
	    (unsigned)s->namepart[i] << 8 | at_or_edge(s->namepart, s->n, i, 1);
	put(&c, F_NAMEPARTS, np);
	put(&c, F_HINT, s->hint[i]);
	put(&c, F_HINT_PREV, at_or_edge(s->hint, s->n, i, -1));
	put(&c, F_HINT_NEXT, at_or_edge(s->hint, s->n, i, 1));
	put(&c, F_HINT_SHAPE, (unsigned)s->hint[i] << 16 | sh);
	put(&c, F_CLUSTER_PREV, fine_at(s, i, -1));
	put(&c, F_CLUSTER_NEXT, fine_at(s, i, 1));
	put(&c, F_COARSE_PREV, coarse_at(s, i, -1));
	put(&c, F_COARSE_NEXT, coarse_at(s, i, 1));
	put(&c, F_CLUSTERS, fine_at(s, i, -1) << 16 | fine_at(s, i, 0));
	return c.nf;
}

static size_t
all_features(const struct ner_sentence *s, const struct sentence_hashes *h,
    size_t i, uint32_t domain, uint32_t *f)
{
	size_t nf = word_features(s, h, i, domain, f);

	return nf + context_features(s, h, i, domain, f + nf);
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
    const struct sentence_hashes *h, uint32_t domain)
{
	float *emit = xmalloc((s->n ? s->n : 1) * m->nlabels * sizeof *emit);
	uint32_t f[NER_MAX_FEATURES];
	size_t i;

	for (i = 0; i < s->n; i++)
		linear_scores(m, f, all_features(s, h, i, domain, f),
		    emit + i * m->nlabels);
	return emit;
}

enum { MEMO_SIZE = 1 << 14, MEMO_FORM = 46 };

/* The scores of a token's own features, by its form, class and
 * frequency: most tokens of news are words met before. */
struct ner_memo {
	float score[NER_NLABELS];
	unsigned char len, cls, freq;	/* len 0: empty */
	char form[MEMO_FORM];
};

void
ner_tagger_init(struct ner_tagger *t, const struct linear *m)
{
	t->model = m;
	t->memo = calloc(MEMO_SIZE, sizeof *t->memo);
	if (t->memo == NULL)
		t->memo = xmalloc(MEMO_SIZE * sizeof *t->memo);	/* exits */
	memset(t->memo, 0, MEMO_SIZE * sizeof *t->memo);
}

void
ner_tagger_free(struct ner_tagger *t)
{
	free(t->memo);
	t->memo = NULL;
}

/* Adds the scores of token i's own features to out. */
static void
word_scores(struct ner_tagger *t, const struct ner_sentence *s,
    const struct sentence_hashes *h, size_t i, uint32_t domain, float *out)
{
	const struct linear *m = t->model;
	uint32_t f[NER_MAX_FEATURES];
	float fresh[NER_NLABELS];
	const float *score = fresh;
	struct ner_memo *e = NULL;
	size_t y, len = s->wl[i];

	if (len > 0 && len <= MEMO_FORM) {
		e = &t->memo[linear_feature(s->w[i], len) & (MEMO_SIZE - 1)];
		if (e->len == len && e->cls == s->cls[i] &&
		    e->freq == s->freq[i] && memcmp(e->form, s->w[i], len) == 0)
			score = e->score;
	}
	if (score == fresh) {
		linear_scores(m, f, word_features(s, h, i, domain, f), fresh);
		if (e != NULL) {
			memcpy(e->score, fresh, sizeof fresh);
			e->len = (unsigned char)len;
			e->cls = s->cls[i];
			e->freq = s->freq[i];
			memcpy(e->form, s->w[i], len);
		}
	}
	for (y = 0; y < NER_NLABELS; y++)
		out[y] += score[y];
}

void
ner_tag(struct ner_tagger *t, const struct ner_sentence *s,
    size_t *labels_out)
{
	const struct linear *m = t->model;
	unsigned char ok[(NER_NLABELS + 1) * NER_NLABELS];
	uint32_t f[NER_MAX_FEATURES], domain = domain_hash(m->domain);
	struct sentence_hashes h;
	float *emit;
	size_t i;

	if (s->n == 0)
		return;
	allowed_moves(ok);
	hash_sentence(s, &h);
	emit = xmalloc(s->n * NER_NLABELS * sizeof *emit);
	for (i = 0; i < s->n; i++) {
		linear_scores(m, f, context_features(s, &h, i, domain, f),
		    emit + i * NER_NLABELS);
		word_scores(t, s, &h, i, domain, emit + i * NER_NLABELS);
	}
	linear_viterbi(m, emit, s->n, ok, labels_out);
	free(emit);
	free_hashes(&h);
}

size_t
ner_train(struct linear *m, const struct ner_sentence *s, const size_t *gold,
    const char *domain)
{
	unsigned char ok[(NER_NLABELS + 1) * NER_NLABELS];
	uint32_t f[NER_MAX_FEATURES], dom = domain_hash(domain);
	struct sentence_hashes h;
	size_t *got, i, right = 0;
	float *emit;

	if (s->n == 0)
		return 0;
	allowed_moves(ok);
	hash_sentence(s, &h);
	got = xmalloc(s->n * sizeof *got);
	emit = emissions(m, s, &h, dom);
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
			size_t nf = all_features(s, &h, i, dom, f);

			linear_update(m, f, nf, gold[i], 1);
			linear_update(m, f, nf, got[i], -1);
		}
		linear_update_trans(m, gp, gold[i], 1);
		linear_update_trans(m, pp, got[i], -1);
	}
	linear_tick(m);
	free_hashes(&h);
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
