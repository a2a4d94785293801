/*
 * clusters: groups words by the company they keep, without labels, so that
 * the entity tagger can treat a name it never saw like the names it did
 * see in the same places.
 *
 *   clusters [-k K] [-c K2] [-m MIN] [-n CONTEXTS] [-d DIMS] [-i ITER]
 *            [-s SEED] <tokens >table
 *
 * Input: one sentence (or paragraph) a line, tokens separated by spaces.
 * Output: "word<TAB>fine<TAB>coarse" for every word seen at least MIN
 * times, most frequent first (ties in byte order); -c 0 leaves out the
 * coarse column.
 *
 * Method. Each word is described by how often each of the CONTEXTS most
 * frequent words (and the line boundary) stands just before it and just
 * after it, as separate dimensions; the counts become positive PMI (with
 * the context distribution raised to 0.75, which keeps rare contexts from
 * dominating) and are scaled to length 1. They stay sparse by default:
 * on the ANT corpus that is both faster (a word has a few dozen contexts)
 * and clearly better than a random projection, whose noise mixed months,
 * names and places into unrelated clusters; -d DIMS still projects them
 * by a fixed pseudo-random +1/-1 matrix for corpora too large for that. Spherical k-means (cosine similarity) then makes K
 * clusters, seeded by k-means++ among the 20 K most frequent words, whose
 * vectors are the most reliable; the K centroids are clustered again into
 * K2 coarse clusters the same way. Fine clusters are numbered in the order
 * of their most frequent word, coarse ones by their lowest fine number.
 *
 * Only libc and libm, one thread, every sum in a fixed order: the same
 * input gives the same bytes.
 */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BOUNDARY UINT32_MAX	/* a line break in the token stream */
#define NONE UINT32_MAX

struct options {
	long k, k2, min, contexts, dims, iters;
	uint64_t seed;
};

/* ---- small helpers ---- */

static void
die(const char *msg)
{
	fprintf(stderr, "clusters: %s\n", msg);
	exit(1);
}

static void *
grow(void *p, size_t *cap, size_t need, size_t elem)
{
	size_t n = *cap ? *cap : 16;

	if (need <= *cap)
		return p;
	while (n < need) {
		if (n > SIZE_MAX / 2 / elem)
			die("out of memory");
		n *= 2;
	}
	p = realloc(p, n * elem);
	if (p == NULL)
		die("out of memory");
	*cap = n;
	return p;
}

static void *
resize(void *p, size_t n, size_t elem)
{
	if (n > SIZE_MAX / elem || (p = realloc(p, n * elem)) == NULL)
		die("out of memory");
	return p;
}

static void *
alloc(size_t n, size_t elem)
{
	void *p = calloc(n ? n : 1, elem);

	if (p == NULL)
		die("out of memory");
	return p;
}

/* xorshift64*: a fixed, portable stream, so the same seed gives the same
 * projection and the same k-means++ seeds everywhere. */
static uint64_t
next_random(uint64_t *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 2685821657736338717ULL;
}

/* Uniform in [0, 1), from the top 53 bits. */
static double
next_unit(uint64_t *s)
{
	return (double)(next_random(s) >> 11) / 9007199254740992.0;
}

/* ---- the vocabulary: words interned to numbers, with counts ---- */

struct vocab {
	char *bytes;		/* every word, one after another */
	size_t nbytes, bytes_cap;
	size_t *off;		/* where word i starts in bytes */
	uint32_t *len;
	uint64_t *count;
	size_t n, cap;
	uint32_t *slot;		/* word + 1, or 0; open addressing */
	size_t mask;
};

static uint64_t
hash_word(const char *w, size_t n)
{
	uint64_t h = 14695981039346656037ULL;	/* FNV-1a */
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)w[i]) * 1099511628211ULL;
	return h ^ (h >> 29);
}

static const char *
word_at(const struct vocab *v, size_t i)
{
	return v->bytes + v->off[i];
}

static void
vocab_init(struct vocab *v)
{
	memset(v, 0, sizeof *v);
	v->cap = 1024;
	v->off = alloc(v->cap, sizeof *v->off);
	v->len = alloc(v->cap, sizeof *v->len);
	v->count = alloc(v->cap, sizeof *v->count);
	v->mask = 2 * v->cap - 1;
	v->slot = alloc(v->mask + 1, sizeof *v->slot);
}

static void
vocab_rehash(struct vocab *v)
{
	size_t size = (v->mask + 1) * 2, i;

	free(v->slot);
	v->slot = alloc(size, sizeof *v->slot);
	v->mask = size - 1;
	for (i = 0; i < v->n; i++) {
		size_t at = hash_word(word_at(v, i), v->len[i]) & v->mask;

		while (v->slot[at] != 0)
			at = (at + 1) & v->mask;
		v->slot[at] = (uint32_t)i + 1;
	}
}

/* The number of word w[0..n), added (with count 0) if new. */
static uint32_t
vocab_intern(struct vocab *v, const char *w, size_t n)
{
	size_t at = hash_word(w, n) & v->mask;

	for (; v->slot[at] != 0; at = (at + 1) & v->mask) {
		uint32_t i = v->slot[at] - 1;

		if (v->len[i] == n && memcmp(word_at(v, i), w, n) == 0)
			return i;
	}
	if (v->n >= UINT32_MAX - 1 || n > UINT32_MAX)
		die("too many words");
	v->bytes = grow(v->bytes, &v->bytes_cap, v->nbytes + n, 1);
	memcpy(v->bytes + v->nbytes, w, n);
	if (v->n == v->cap) {
		v->cap *= 2;
		v->off = resize(v->off, v->cap, sizeof *v->off);
		v->len = resize(v->len, v->cap, sizeof *v->len);
		v->count = resize(v->count, v->cap, sizeof *v->count);
	}
	v->off[v->n] = v->nbytes;
	v->len[v->n] = (uint32_t)n;
	v->count[v->n] = 0;
	v->nbytes += n;
	v->slot[at] = (uint32_t)v->n + 1;
	v->n++;
	if (v->n * 2 > v->mask)
		vocab_rehash(v);
	return (uint32_t)v->n - 1;
}

/* ---- reading: the whole input as a stream of word numbers ---- */

struct stream {
	uint32_t *id;		/* word numbers, BOUNDARY at each line end */
	size_t n, cap;
};

static char *
read_all(FILE *f, size_t *n)
{
	char *p = NULL;
	size_t cap = 0, got;

	*n = 0;
	for (;;) {
		p = grow(p, &cap, *n + 65536, 1);
		got = fread(p + *n, 1, cap - *n, f);
		*n += got;
		if (got == 0)
			break;
	}
	if (ferror(f))
		die("cannot read the input");
	return p;
}

static void
stream_add(struct stream *s, uint32_t id)
{
	s->id = grow(s->id, &s->cap, s->n + 1, sizeof *s->id);
	s->id[s->n++] = id;
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static void
read_tokens(const char *text, size_t n, struct vocab *v, struct stream *s)
{
	size_t i = 0, start;

	while (i < n) {
		if (text[i] == '\n') {
			stream_add(s, BOUNDARY);
			i++;
			continue;
		}
		if (is_space(text[i])) {
			i++;
			continue;
		}
		for (start = i; i < n && !is_space(text[i]); i++)
			;
		uint32_t id = vocab_intern(v, text + start, i - start);

		v->count[id]++;
		stream_add(s, id);
	}
	stream_add(s, BOUNDARY);
}

/* ---- ranking: most frequent first, ties in byte order ---- */

static const struct vocab *sort_vocab;	/* qsort has no context argument */

static int
by_frequency(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	const struct vocab *v = sort_vocab;
	size_t lx = v->len[x], ly = v->len[y];
	int c;

	if (v->count[x] != v->count[y])
		return v->count[x] > v->count[y] ? -1 : 1;
	c = memcmp(word_at(v, x), word_at(v, y), lx < ly ? lx : ly);
	if (c != 0)
		return c;
	return lx < ly ? -1 : lx > ly;
}

/* Word numbers in rank order; rank[word] its place there. */
static uint32_t *
rank_words(const struct vocab *v, uint32_t **rank)
{
	uint32_t *order = alloc(v->n, sizeof *order);
	size_t i;

	for (i = 0; i < v->n; i++)
		order[i] = (uint32_t)i;
	sort_vocab = v;
	qsort(order, v->n, sizeof *order, by_frequency);
	sort_vocab = NULL;
	*rank = alloc(v->n, sizeof **rank);
	for (i = 0; i < v->n; i++)
		(*rank)[order[i]] = (uint32_t)i;
	return order;
}

/* ---- context counts and positive PMI ---- */

/* Rows: one per kept word, as (dimension, value) pairs. */
struct rows {
	size_t n, dim;
	size_t *start;		/* row r is entries start[r]..start[r+1] */
	uint32_t *idx;
	double *val;
};

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/*
 * The context dimension of word id as a neighbour: its rank if among the
 * first ctx words, ctx for the line boundary, else NONE.
 */
static uint32_t
context_of(uint32_t id, const uint32_t *rank, size_t ctx)
{
	if (id == BOUNDARY)
		return (uint32_t)ctx;
	return rank[id] < ctx ? rank[id] : NONE;
}

/*
 * Every (row, dimension) event, as row * dim + dimension, sorted: equal
 * events then sit together, and their runs are the counts.
 */
static uint64_t *
context_events(const struct stream *s, const uint32_t *rank, size_t kept,
    size_t ctx, size_t *nev)
{
	uint64_t *ev = alloc(2 * s->n, sizeof *ev);
	uint64_t dim = 2 * (ctx + 1);
	size_t t;

	*nev = 0;
	for (t = 0; t < s->n; t++) {
		uint32_t w = s->id[t], l, r;

		if (w == BOUNDARY || rank[w] >= kept)
			continue;
		l = context_of(t > 0 ? s->id[t - 1] : BOUNDARY, rank, ctx);
		r = context_of(t + 1 < s->n ? s->id[t + 1] : BOUNDARY, rank,
		    ctx);
		if (l != NONE)
			ev[(*nev)++] = rank[w] * dim + l;
		if (r != NONE)
			ev[(*nev)++] = rank[w] * dim + ctx + 1 + r;
	}
	qsort(ev, *nev, sizeof *ev, cmp_u64);
	return ev;
}

/* The sorted events as sparse rows of counts. */
static void
count_rows(const uint64_t *ev, size_t nev, size_t kept, size_t dim,
    struct rows *m)
{
	size_t i = 0, r;

	m->n = kept;
	m->dim = dim;
	m->start = alloc(kept + 1, sizeof *m->start);
	m->idx = alloc(nev, sizeof *m->idx);
	m->val = alloc(nev, sizeof *m->val);
	for (r = 0; r < kept; r++) {
		size_t e = m->start[r];

		while (i < nev && ev[i] / dim == r) {
			size_t j = i;

			while (j < nev && ev[j] == ev[i])
				j++;
			m->idx[e] = (uint32_t)(ev[i] % dim);
			m->val[e++] = (double)(j - i);
			i = j;
		}
		m->start[r + 1] = e;
	}
}

/* Counts to positive PMI in place; entries at or below 0 are dropped. */
static void
to_ppmi(struct rows *m)
{
	double *col = alloc(m->dim, sizeof *col), colsum = 0;
	size_t r, e, out = 0, d;

	for (e = 0; e < m->start[m->n]; e++)
		col[m->idx[e]] += m->val[e];
	for (d = 0; d < m->dim; d++) {
		col[d] = pow(col[d], 0.75);	/* smoothed context counts */
		colsum += col[d];
	}
	for (r = 0; r < m->n; r++) {
		double rowsum = 0;
		size_t from = m->start[r];

		for (e = from; e < m->start[r + 1]; e++)
			rowsum += m->val[e];
		m->start[r] = out;
		for (e = from; e < m->start[r + 1]; e++) {
			double pmi = log(m->val[e] / rowsum *
			    colsum / col[m->idx[e]]);

			if (pmi > 0) {
				m->idx[out] = m->idx[e];
				m->val[out++] = pmi;
			}
		}
	}
	m->start[m->n] = out;
	free(col);
}

/* Sparse rows times a random +1/-1 matrix: dense rows of dims values. */
static void
project(struct rows *m, size_t dims, uint64_t seed)
{
	signed char *sign = alloc(m->dim * dims, 1);
	uint32_t *idx = alloc(m->n * dims, sizeof *idx);
	double *val = alloc(m->n * dims, sizeof *val);
	uint64_t s = seed;
	size_t i, r, e, d;

	for (i = 0; i < m->dim * dims; i++)
		sign[i] = (next_random(&s) >> 63) ? 1 : -1;
	for (r = 0; r < m->n; r++) {
		double *out = val + r * dims;

		for (d = 0; d < dims; d++)
			idx[r * dims + d] = (uint32_t)d;
		for (e = m->start[r]; e < m->start[r + 1]; e++) {
			const signed char *sg = sign + m->idx[e] * dims;

			for (d = 0; d < dims; d++)
				out[d] += sg[d] * m->val[e];
		}
	}
	for (r = 0; r <= m->n; r++)
		m->start[r] = r * dims;
	free(m->idx);
	free(m->val);
	free(sign);
	m->idx = idx;
	m->val = val;
	m->dim = dims;
}

static void
normalise_rows(struct rows *m)
{
	size_t r, e;

	for (r = 0; r < m->n; r++) {
		double sq = 0;

		for (e = m->start[r]; e < m->start[r + 1]; e++)
			sq += m->val[e] * m->val[e];
		if (sq > 0)
			for (e = m->start[r]; e < m->start[r + 1]; e++)
				m->val[e] /= sqrt(sq);
	}
}

static void
rows_free(struct rows *m)
{
	free(m->start);
	free(m->idx);
	free(m->val);
}

/* ---- spherical k-means ---- */

/* Centroids are kept by dimension, cent[d * k + c], so that scoring a row
 * against every centroid reads memory in order. */
struct kmeans {
	size_t k;
	double *cent;
	uint32_t *of;		/* each row's cluster */
};

/* Cosine of row r with every centroid, into score[0..k). */
static void
score_row(const struct rows *m, size_t r, const struct kmeans *km,
    double *score)
{
	size_t e, c;

	for (c = 0; c < km->k; c++)
		score[c] = 0;
	for (e = m->start[r]; e < m->start[r + 1]; e++) {
		const double *col = km->cent + (size_t)m->idx[e] * km->k;
		double v = m->val[e];

		for (c = 0; c < km->k; c++)
			score[c] += v * col[c];
	}
}

/* Row r as centroid c (used to seed). */
static void
set_centroid(const struct rows *m, size_t r, struct kmeans *km, size_t c)
{
	size_t e, d;

	for (d = 0; d < m->dim; d++)
		km->cent[d * km->k + c] = 0;
	for (e = m->start[r]; e < m->start[r + 1]; e++)
		km->cent[(size_t)m->idx[e] * km->k + c] = m->val[e];
}

/* The dot product of rows a and b, through a dense copy of b. */
static double
dot_dense(const struct rows *m, size_t a, const double *b)
{
	double s = 0;
	size_t e;

	for (e = m->start[a]; e < m->start[a + 1]; e++)
		s += m->val[e] * b[m->idx[e]];
	return s;
}

/*
 * k-means++ among the first ncand rows: each next seed drawn with
 * probability proportional to its distance (1 - cosine) from the nearest
 * seed so far, so that the seeds spread over the space.
 */
static void
seed_kmeans(const struct rows *m, size_t ncand, struct kmeans *km,
    uint64_t *rng)
{
	double *best = alloc(ncand, sizeof *best);
	double *dense = alloc(m->dim, sizeof *dense);
	size_t c, i, e, pick = (size_t)(next_random(rng) % ncand);

	for (i = 0; i < ncand; i++)
		best[i] = -2;
	for (c = 0; c < km->k; c++) {
		double total = 0, at;

		set_centroid(m, pick, km, c);
		for (e = m->start[pick]; e < m->start[pick + 1]; e++)
			dense[m->idx[e]] = m->val[e];
		for (i = 0; i < ncand; i++) {
			double cs = dot_dense(m, i, dense);

			if (cs > best[i])
				best[i] = cs;
			total += 1 - best[i];
		}
		for (e = m->start[pick]; e < m->start[pick + 1]; e++)
			dense[m->idx[e]] = 0;
		at = next_unit(rng) * total;
		for (pick = 0; pick + 1 < ncand; pick++) {
			at -= 1 - best[pick];
			if (at < 0)
				break;
		}
	}
	free(best);
	free(dense);
}

/* Each row to its most similar centroid (the lowest number on ties);
 * returns how many rows changed cluster. */
static size_t
assign(const struct rows *m, struct kmeans *km)
{
	double *score = alloc(km->k, sizeof *score);
	size_t r, c, changed = 0;

	for (r = 0; r < m->n; r++) {
		uint32_t b = 0;

		score_row(m, r, km, score);
		for (c = 1; c < km->k; c++)
			if (score[c] > score[b])
				b = (uint32_t)c;
		if (km->of[r] != b)
			changed++;
		km->of[r] = b;
	}
	free(score);
	return changed;
}

/* Each centroid to the normalised sum of its rows; a cluster left empty
 * keeps its centroid. */
static void
update(const struct rows *m, struct kmeans *km)
{
	double *sum = alloc(m->dim * km->k, sizeof *sum);
	double *norm = alloc(km->k, sizeof *norm);
	size_t r, e, d, c;

	for (r = 0; r < m->n; r++)
		for (e = m->start[r]; e < m->start[r + 1]; e++)
			sum[(size_t)m->idx[e] * km->k + km->of[r]] +=
			    m->val[e];
	for (d = 0; d < m->dim; d++)
		for (c = 0; c < km->k; c++)
			norm[c] += sum[d * km->k + c] * sum[d * km->k + c];
	for (c = 0; c < km->k; c++) {
		if (norm[c] == 0)
			continue;
		for (d = 0; d < m->dim; d++)
			km->cent[d * km->k + c] = sum[d * km->k + c] /
			    sqrt(norm[c]);
	}
	free(sum);
	free(norm);
}

static void
run_kmeans(const struct rows *m, size_t k, long iters, uint64_t seed,
    struct kmeans *km)
{
	uint64_t rng = seed;
	size_t ncand = 20 * k < m->n ? 20 * k : m->n;
	size_t r;
	long it;

	km->k = k;
	km->cent = alloc(m->dim * k, sizeof *km->cent);
	km->of = alloc(m->n, sizeof *km->of);
	for (r = 0; r < m->n; r++)
		km->of[r] = NONE;
	seed_kmeans(m, ncand, km, &rng);
	for (it = 0; it < iters; it++) {
		size_t changed = assign(m, km);

		if (changed == 0)
			break;
		update(m, km);
	}
}

static void
kmeans_free(struct kmeans *km)
{
	free(km->cent);
	free(km->of);
}

/*
 * New numbers for the clusters, in the order of the first row in each
 * (rows are in rank order); clusters with no row come last.
 */
static uint32_t *
renumber(const uint32_t *of, size_t n, size_t k)
{
	uint32_t *number = alloc(k, sizeof *number);
	size_t r, c, next = 0;

	for (c = 0; c < k; c++)
		number[c] = NONE;
	for (r = 0; r < n; r++)
		if (number[of[r]] == NONE)
			number[of[r]] = (uint32_t)next++;
	for (c = 0; c < k; c++)
		if (number[c] == NONE)
			number[c] = (uint32_t)next++;
	return number;
}

/* The fine centroids as dense rows, in their new order. */
static void
centroid_rows(const struct kmeans *km, size_t dim, const uint32_t *number,
    struct rows *out)
{
	size_t c, d;

	out->n = km->k;
	out->dim = dim;
	out->start = alloc(km->k + 1, sizeof *out->start);
	out->idx = alloc(km->k * dim, sizeof *out->idx);
	out->val = alloc(km->k * dim, sizeof *out->val);
	for (c = 0; c <= km->k; c++)
		out->start[c] = c * dim;
	for (c = 0; c < km->k; c++)
		for (d = 0; d < dim; d++) {
			out->idx[number[c] * dim + d] = (uint32_t)d;
			out->val[number[c] * dim + d] =
			    km->cent[d * km->k + c];
		}
}

/* ---- options and main ---- */

static void
usage(void)
{
	fputs("usage: clusters [-k K] [-c K2] [-m MIN] [-n CONTEXTS] "
	    "[-d DIMS] [-i ITER] [-s SEED]\n"
	    "  -k K         fine clusters (default 256)\n"
	    "  -c K2        coarse clusters of the fine ones, at most K "
	    "(default 32; 0: none)\n"
	    "  -m MIN       words seen fewer times are left out (default 3)\n"
	    "  -n CONTEXTS  the most frequent words used as contexts "
	    "(default 2000)\n"
	    "  -d DIMS      random projection to DIMS dimensions "
	    "(default 0: none)\n"
	    "  -i ITER      k-means iterations at most (default 15)\n"
	    "  -s SEED      seed of the projection and of k-means++\n"
	    "Reads space-separated tokens, a sentence a line, from standard "
	    "input;\nwrites word<TAB>fine<TAB>coarse, most frequent first.\n",
	    stderr);
	exit(2);
}

static long
number_arg(const char *opt, const char *s, long lo, long hi)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < lo || v > hi) {
		fprintf(stderr, "clusters: %s wants a number from %ld to %ld, "
		    "not '%s'\n", opt, lo, hi, s);
		exit(2);
	}
	return v;
}

static void
parse_options(int argc, char **argv, struct options *o)
{
	int i;

	o->k = 256;
	o->k2 = 32;
	o->min = 3;
	o->contexts = 2000;
	o->dims = 0;
	o->iters = 15;
	o->seed = 0x5a7c1a57e25eedULL;
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0)
			usage();
		if (a[0] != '-' || strlen(a) != 2) {
			fprintf(stderr, "clusters: bad argument '%s'\n", a);
			usage();
		}
		if (i + 1 >= argc) {
			fprintf(stderr, "clusters: %s needs a value\n", a);
			usage();
		}
		switch (a[1]) {
		case 'k': o->k = number_arg(a, argv[++i], 1, 65535); break;
		case 'c': o->k2 = number_arg(a, argv[++i], 0, 65535); break;
		case 'm': o->min = number_arg(a, argv[++i], 1, LONG_MAX); break;
		case 'n': o->contexts = number_arg(a, argv[++i], 1, 1000000);
			break;
		case 'd': o->dims = number_arg(a, argv[++i], 0, 4096); break;
		case 'i': o->iters = number_arg(a, argv[++i], 1, 1000); break;
		case 's': o->seed = (uint64_t)number_arg(a, argv[++i], 1,
		    LONG_MAX);
			break;
		default:
			fprintf(stderr, "clusters: unknown option '%s'\n", a);
			usage();
		}
	}
	if (o->k2 > o->k) {
		fputs("clusters: -c must not exceed -k\n", stderr);
		exit(2);
	}
}

/* The kept words, their counts and their vectors, ready to cluster. */
static void
build_rows(const struct options *o, struct vocab *v, uint32_t **order,
    size_t *kept, struct rows *m)
{
	struct stream s = { NULL, 0, 0 };
	uint32_t *rank;
	uint64_t *ev;
	size_t n, nev, ctx;
	char *text = read_all(stdin, &n);

	vocab_init(v);
	read_tokens(text, n, v, &s);
	free(text);
	if (v->n == 0)
		die("no words in the input");
	*order = rank_words(v, &rank);
	for (*kept = 0; *kept < v->n; ++*kept)
		if (v->count[(*order)[*kept]] < (uint64_t)o->min)
			break;
	if (*kept < (size_t)o->k)
		die("fewer words seen -m times than clusters asked for (-k)");
	ctx = (size_t)o->contexts < *kept ? (size_t)o->contexts : *kept;
	ev = context_events(&s, rank, *kept, ctx, &nev);
	count_rows(ev, nev, *kept, 2 * (ctx + 1), m);
	free(ev);
	free(s.id);
	free(rank);
	to_ppmi(m);
	if (o->dims > 0)
		project(m, (size_t)o->dims, o->seed);
	normalise_rows(m);
}

static void
write_table(const struct vocab *v, const uint32_t *order, size_t kept,
    const uint32_t *fine, const uint32_t *coarse)
{
	size_t r;

	for (r = 0; r < kept; r++) {
		uint32_t w = order[r];

		fwrite(word_at(v, w), 1, v->len[w], stdout);
		if (coarse != NULL)
			printf("\t%u\t%u\n", (unsigned)fine[r],
			    (unsigned)coarse[fine[r]]);
		else
			printf("\t%u\n", (unsigned)fine[r]);
	}
	if (fflush(stdout) != 0 || ferror(stdout))
		die("cannot write the output");
}

int
main(int argc, char **argv)
{
	struct options o;
	struct vocab v;
	struct rows m, cm;
	struct kmeans fine, coarse;
	uint32_t *order, *fnum, *fine_of, *cnum = NULL, *coarse_of = NULL;
	size_t kept, r, c;

	parse_options(argc, argv, &o);
	build_rows(&o, &v, &order, &kept, &m);
	run_kmeans(&m, (size_t)o.k, o.iters, o.seed, &fine);
	fnum = renumber(fine.of, m.n, fine.k);
	fine_of = alloc(kept, sizeof *fine_of);
	for (r = 0; r < kept; r++)
		fine_of[r] = fnum[fine.of[r]];
	if (o.k2 > 0) {
		centroid_rows(&fine, m.dim, fnum, &cm);
		run_kmeans(&cm, (size_t)o.k2, o.iters, o.seed + 1, &coarse);
		cnum = renumber(coarse.of, cm.n, coarse.k);
		coarse_of = alloc(fine.k, sizeof *coarse_of);
		for (c = 0; c < fine.k; c++)
			coarse_of[c] = cnum[coarse.of[c]];
		rows_free(&cm);
		kmeans_free(&coarse);
	}
	write_table(&v, order, kept, fine_of, coarse_of);
	rows_free(&m);
	kmeans_free(&fine);
	free(fnum);
	free(cnum);
	free(fine_of);
	free(coarse_of);
	free(order);
	free(v.bytes);
	free(v.off);
	free(v.len);
	free(v.count);
	free(v.slot);
	return 0;
}
