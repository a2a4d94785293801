#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "linear.h"

/*
 * The file: magic and version, kind, domain, feature version, bits,
 * labels, transitions, then the non-zero weights as (gap to the previous
 * slot as a varint, float) pairs, and an FNV-1a checksum of all before it.
 * Numbers are little-endian whatever the machine.
 */
static const char linear_magic[8] = "SATRLM\0\1";

enum {
	MIN_BITS = 8,
	MAX_BITS = 24,
	HEADER_LEN = 8 + LINEAR_KIND_LEN + LINEAR_DOMAIN_LEN + 3 * 4
};

void
linear_init(struct linear *m, const char *kind, uint32_t features,
    unsigned bits, size_t nlabels, const char *const *labels)
{
	size_t i, room = nlabels > 0 ? nlabels : 1;	/* never 0 bytes */

	memset(m, 0, sizeof *m);
	strncpy(m->kind, kind, LINEAR_KIND_LEN - 1);
	m->features = features;
	m->bits = bits;
	m->nlabels = nlabels;
	for (i = 0; i < nlabels; i++)
		strncpy(m->labels[i], labels[i], LINEAR_MAX_LABEL_LEN - 1);
	m->w = calloc(((size_t)1 << bits) * room, sizeof *m->w);
	m->trans = calloc((room + 1) * room, sizeof *m->trans);
	if (m->w == NULL || m->trans == NULL)
		m->w = xrealloc(m->w, 0);	/* reports and exits */
}

void
linear_free(struct linear *m)
{
	free(m->w);
	free(m->trans);
	free(m->acc_w);
	free(m->acc_trans);
	memset(m, 0, sizeof *m);
}

/* Eight bytes as a little-endian number, whatever the machine, so that
 * a model file means the same everywhere. */
static uint64_t
le64(const unsigned char *s, size_t n)
{
	uint64_t v = 0;
	size_t i;

	for (i = 0; i < n; i++)
		v |= (uint64_t)s[i] << (8 * i);
	return v;
}

/* Features are short strings, hashed many times a token: a simple
 * multiply-and-shift mix is enough and much faster than hash_bytes. */
uint32_t
linear_feature(const void *p, size_t n)
{
	const unsigned char *s = p;
	uint64_t h = 0x9E3779B97F4A7C15u ^ n;

	for (; n >= 8; s += 8, n -= 8) {
		h = (h ^ le64(s, 8)) * 0xFF51AFD7ED558CCDu;
		h ^= h >> 32;
	}
	h = (h ^ le64(s, n)) * 0xC4CEB9FE1A85EC53u;
	h ^= h >> 29;
	return (uint32_t)h;
}

/* Where feature f's weights (one per label) start. */
static size_t
row(const struct linear *m, uint32_t f)
{
	uint32_t h = f * 0x85EBCA6Bu;

	h ^= h >> 15;
	h *= 0xC2B2AE35u;
	h ^= h >> 13;
	return (size_t)(h & (((uint32_t)1 << m->bits) - 1)) * m->nlabels;
}

float
linear_score(const struct linear *m, const uint32_t *f, size_t nf,
    size_t label)
{
	float s = 0;
	size_t i;

	for (i = 0; i < nf; i++)
		s += m->w[row(m, f[i]) + label];
	return s;
}

void
linear_scores(const struct linear *m, const uint32_t *f, size_t nf,
    float *out)
{
	size_t y, i;

	for (y = 0; y < m->nlabels; y++)
		out[y] = 0;
	for (i = 0; i < nf; i++) {
		const float *w = m->w + row(m, f[i]);

		for (y = 0; y < m->nlabels; y++)
			out[y] += w[y];
	}
}

void
linear_viterbi(const struct linear *m, const float *emit, size_t n,
    const unsigned char *allowed, size_t *best)
{
	size_t L = m->nlabels, t, y, x, nt = (L + 1) * L;
	float *score, *prev, *trans;
	unsigned char *back;	/* labels are fewer than 256 */

	if (n == 0)
		return;
	score = xmalloc((2 * L + nt) * sizeof *score);
	prev = score + L;
	/* A forbidden move costs everything: no test in the inner loop. */
	trans = prev + L;
	for (x = 0; x < nt; x++)
		trans[x] = allowed != NULL && !allowed[x] ? -INFINITY :
		    m->trans[x];
	back = xmalloc(n * L);
	for (y = 0; y < L; y++)
		score[y] = emit[y] + trans[L * L + y];
	for (t = 1; t < n; t++) {
		memcpy(prev, score, L * sizeof *score);
		for (y = 0; y < L; y++) {
			float top = -INFINITY;
			size_t arg = 0;

			for (x = 0; x < L; x++) {
				float s = prev[x] + trans[x * L + y];

				if (s > top) {
					top = s;
					arg = x;
				}
			}
			score[y] = top + emit[t * L + y];
			back[t * L + y] = (unsigned char)arg;
		}
	}
	best[n - 1] = 0;
	for (y = 1; y < L; y++)
		if (score[y] > score[best[n - 1]])
			best[n - 1] = y;
	for (t = n - 1; t > 0; t--)
		best[t - 1] = back[t * L + best[t]];
	free(score);
	free(back);
}

void
linear_train_begin(struct linear *m)
{
	size_t nw = ((size_t)1 << m->bits) * m->nlabels;
	size_t nt = (m->nlabels + 1) * m->nlabels;

	m->acc_w = calloc(nw, sizeof *m->acc_w);
	m->acc_trans = calloc(nt, sizeof *m->acc_trans);
	if (m->acc_w == NULL || m->acc_trans == NULL)
		m->acc_w = xrealloc(m->acc_w, 0);	/* reports and exits */
	m->step = 1;
}

void
linear_tick(struct linear *m)
{
	m->step++;
}

/*
 * The averaged weight is w - acc / step when acc collects step * change
 * at each change: the average over all steps without touching every
 * weight at every step.
 */
void
linear_update(struct linear *m, const uint32_t *f, size_t nf, size_t label,
    float delta)
{
	size_t i;

	for (i = 0; i < nf; i++) {
		size_t s = row(m, f[i]) + label;

		m->w[s] += delta;
		m->acc_w[s] += (double)m->step * delta;
	}
}

void
linear_update_trans(struct linear *m, size_t from, size_t to, float delta)
{
	size_t s = from * m->nlabels + to;

	m->trans[s] += delta;
	m->acc_trans[s] += (double)m->step * delta;
}

void
linear_average(const struct linear *src, struct linear *dst)
{
	size_t nw = ((size_t)1 << src->bits) * src->nlabels, i;
	size_t nt = (src->nlabels + 1) * src->nlabels;
	const char *labels[LINEAR_MAX_LABELS] = { NULL };

	for (i = 0; i < src->nlabels; i++)
		labels[i] = src->labels[i];
	linear_init(dst, src->kind, src->features, src->bits, src->nlabels,
	    labels);
	memcpy(dst->domain, src->domain, sizeof dst->domain);
	for (i = 0; i < nw; i++)
		dst->w[i] = (float)(src->w[i] - src->acc_w[i] /
		    (double)src->step);
	for (i = 0; i < nt; i++)
		dst->trans[i] = (float)(src->trans[i] - src->acc_trans[i] /
		    (double)src->step);
}

static uint64_t
fnv1a(const unsigned char *p, size_t n)
{
	uint64_t h = 0xcbf29ce484222325u;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= p[i];
		h *= 0x100000001b3u;
	}
	return h;
}

static void
put_u32(struct buf *b, uint32_t v)
{
	unsigned char c[4] = { v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff,
	    v >> 24 };

	buf_add(b, c, 4);
}

static void
put_float(struct buf *b, float f)
{
	uint32_t v;

	memcpy(&v, &f, 4);
	put_u32(b, v);
}

static void
put_varint(struct buf *b, uint32_t v)
{
	while (v >= 0x80) {
		buf_addc(b, (char)((v & 0x7f) | 0x80));
		v >>= 7;
	}
	buf_addc(b, (char)v);
}

void
linear_save(const struct linear *m, struct buf *out)
{
	size_t start = out->n, nw = ((size_t)1 << m->bits) * m->nlabels, i, nt;
	size_t nnz = 0, last = 0;
	uint64_t sum;
	char pad[LINEAR_MAX_LABEL_LEN];

	buf_add(out, linear_magic, sizeof linear_magic);
	memset(pad, 0, sizeof pad);
	memcpy(pad, m->kind, LINEAR_KIND_LEN);
	buf_add(out, pad, LINEAR_KIND_LEN);
	memcpy(pad, m->domain, LINEAR_DOMAIN_LEN);
	buf_add(out, pad, LINEAR_DOMAIN_LEN);
	put_u32(out, m->features);
	put_u32(out, m->bits);
	put_u32(out, (uint32_t)m->nlabels);
	for (i = 0; i < m->nlabels; i++) {
		memset(pad, 0, sizeof pad);
		strncpy(pad, m->labels[i], sizeof pad - 1);
		buf_add(out, pad, sizeof pad);
	}
	nt = (m->nlabels + 1) * m->nlabels;
	for (i = 0; i < nt; i++)
		put_float(out, m->trans[i]);
	for (i = 0; i < nw; i++)
		nnz += m->w[i] != 0;
	put_u32(out, (uint32_t)nnz);
	for (i = 0; i < nw; i++) {
		if (m->w[i] == 0)
			continue;
		put_varint(out, (uint32_t)(i - last));
		put_float(out, m->w[i]);
		last = i;
	}
	sum = fnv1a((const unsigned char *)out->p + start, out->n - start);
	put_u32(out, (uint32_t)sum);
	put_u32(out, (uint32_t)(sum >> 32));
}

struct cursor {
	const unsigned char *p;
	size_t n, at;
};

static int
get_u32(struct cursor *c, uint32_t *v)
{
	const unsigned char *q = c->p + c->at;

	if (c->n - c->at < 4)
		return -1;
	*v = q[0] | (uint32_t)q[1] << 8 | (uint32_t)q[2] << 16 |
	    (uint32_t)q[3] << 24;
	c->at += 4;
	return 0;
}

static int
get_float(struct cursor *c, float *f)
{
	uint32_t v;

	if (get_u32(c, &v) < 0)
		return -1;
	memcpy(f, &v, 4);
	return isfinite(*f) ? 0 : -1;
}

static int
get_varint(struct cursor *c, uint32_t *v)
{
	unsigned shift;

	*v = 0;
	for (shift = 0; shift < 32; shift += 7) {
		if (c->at == c->n)
			return -1;
		*v |= (uint32_t)(c->p[c->at] & 0x7f) << shift;
		if (!(c->p[c->at++] & 0x80))
			return 0;
	}
	return -1;
}

/* A name of len bytes padded with NULs (at least one). */
static int
get_name(struct cursor *c, char *out, size_t len)
{
	const unsigned char *nul;
	size_t i;

	if (c->n - c->at < len ||
	    (nul = memchr(c->p + c->at, 0, len)) == NULL)
		return -1;
	for (i = (size_t)(nul - c->p - c->at); i < len; i++)
		if (c->p[c->at + i] != 0)
			return -1;
	memcpy(out, c->p + c->at, len);
	c->at += len;
	return 0;
}

static const char *
read_header(struct cursor *c, struct linear *m)
{
	uint32_t features, bits, nlabels, i;
	char kind[LINEAR_KIND_LEN], domain[LINEAR_DOMAIN_LEN];
	char labels[LINEAR_MAX_LABELS][LINEAR_MAX_LABEL_LEN];
	const char *names[LINEAR_MAX_LABELS];

	if (c->n < HEADER_LEN || memcmp(c->p, linear_magic, 7) != 0)
		return "not a satr model file";
	if (c->p[7] != (unsigned char)linear_magic[7])
		return "a model file of another version";
	c->at = 8;
	if (get_name(c, kind, sizeof kind) < 0 ||
	    get_name(c, domain, sizeof domain) < 0 ||
	    get_u32(c, &features) < 0 || get_u32(c, &bits) < 0 ||
	    get_u32(c, &nlabels) < 0)
		return "corrupt model header";
	if (bits < MIN_BITS || bits > MAX_BITS || nlabels == 0 ||
	    nlabels > LINEAR_MAX_LABELS)
		return "corrupt model header";
	for (i = 0; i < nlabels; i++) {
		if (get_name(c, labels[i], LINEAR_MAX_LABEL_LEN) < 0)
			return "corrupt model labels";
		names[i] = labels[i];
	}
	linear_init(m, kind, features, bits, nlabels, names);
	memcpy(m->domain, domain, sizeof m->domain);
	return NULL;
}

static const char *
read_weights(struct cursor *c, struct linear *m)
{
	size_t nt = (m->nlabels + 1) * m->nlabels;
	size_t nw = ((size_t)1 << m->bits) * m->nlabels;
	size_t i, at = 0;
	uint32_t nnz, gap;

	for (i = 0; i < nt; i++)
		if (get_float(c, &m->trans[i]) < 0)
			return "corrupt model transitions";
	if (get_u32(c, &nnz) < 0 || nnz > nw)
		return "corrupt model weights";
	for (i = 0; i < nnz; i++) {
		if (get_varint(c, &gap) < 0 || (i > 0 && gap == 0) ||
		    gap >= nw - at)
			return "corrupt model weights";
		at += gap;
		/* only weights that are not zero are written */
		if (get_float(c, &m->w[at]) < 0 || m->w[at] == 0)
			return "corrupt model weights";
	}
	return c->at == c->n ? NULL : "trailing bytes in model file";
}

int
linear_load(struct linear *m, const void *p, size_t n, const char **err)
{
	struct cursor c = { p, n, 0 }, tail;
	uint32_t lo = 0, hi = 0;

	memset(m, 0, sizeof *m);
	if (n < 7 || memcmp(p, linear_magic, 7) != 0) {
		*err = "not a satr model file";
		return -1;
	}
	if (n < HEADER_LEN + 8) {
		*err = "truncated model file";
		return -1;
	}
	c.n = n - 8;
	tail = (struct cursor){ p, n, n - 8 };
	get_u32(&tail, &lo);
	get_u32(&tail, &hi);
	if (((uint64_t)hi << 32 | lo) != fnv1a(p, c.n)) {
		*err = "model file checksum mismatch (corrupt or truncated)";
		return -1;
	}
	if ((*err = read_header(&c, m)) == NULL &&
	    (*err = read_weights(&c, m)) == NULL)
		return 0;
	linear_free(m);
	return -1;
}

int
linear_load_kind(struct linear *m, const void *p, size_t n, const char *kind,
    uint32_t features, const char **err)
{
	if (linear_load(m, p, n, err) < 0)
		return -1;
	if (strcmp(m->kind, kind) != 0)
		*err = "a model of another kind";
	else if (m->features != features)
		*err = "a model made for another version of the features "
		    "(retrain it with this satr-train)";
	else
		return 0;
	linear_free(m);
	return -1;
}

int
linear_load_file(struct linear *m, const char *path, const char *kind,
    uint32_t features, const char **err)
{
	struct buf b = { 0 };
	char chunk[65536];
	size_t got;
	FILE *f = fopen(path, "rb");
	int r;

	memset(m, 0, sizeof *m);
	if (f == NULL) {
		*err = strerror(errno);
		return -1;
	}
	while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, got);
	if (ferror(f)) {
		*err = strerror(errno);
		fclose(f);
		buf_free(&b);
		return -1;
	}
	fclose(f);
	r = linear_load_kind(m, b.p, b.n, kind, features, err);
	buf_free(&b);
	return r;
}
