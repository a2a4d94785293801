#include "hash.h"

#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "msg.h"

static uint64_t
mix(uint64_t h)
{
	h ^= h >> 32;
	h *= 0xd6e8feb86659fd93ULL;
	h ^= h >> 32;
	h *= 0xd6e8feb86659fd93ULL;
	h ^= h >> 32;
	return h;
}

/*
 * Eight bytes a step, each word multiplied into the state, and one
 * avalanche at the end: cheap on the short keys that dominate counting,
 * and mixed well enough for open addressing.
 */
uint64_t
hash_bytes(const void *p, size_t n)
{
	return hash_bytes_seeded(p, n, 0);
}

uint64_t
hash_bytes_seeded(const void *p, size_t n, uint64_t seed)
{
	const unsigned char *s = p;
	uint64_t h = 0x9e3779b97f4a7c15ULL ^ ((uint64_t)n << 48) ^ mix(seed),
	    w;

	while (n >= 8) {
		memcpy(&w, s, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdULL;
		h = (h << 31) | (h >> 33);
		s += 8;
		n -= 8;
	}
	w = 0;
	if (n > 0)
		memcpy(&w, s, n);
	h = (h ^ w) * 0xc4ceb9fe1a85ec53ULL;
	return mix(h);
}

/* An entry in the arena: its counters, key length and hash, then key. */
struct rec {
	struct hmap_val val;
	uint32_t len;
	uint32_t hash;
};

/* A slot holds the arena offset / 8 + 1 in its low bits, and hash bits
 * above, so that most probes that miss need not read the entry. */
enum { OFF_BITS = 40 };
#define OFF_MASK ((UINT64_C(1) << OFF_BITS) - 1)
#define TAG(h) ((h) >> OFF_BITS << OFF_BITS)

static struct rec *
rec_of(const struct hmap *m, uint64_t slot)
{
	return (struct rec *)(m->arena + ((slot & OFF_MASK) - 1) * 8);
}

void
hmap_init(struct hmap *m)
{
	memset(m, 0, sizeof *m);
	m->mask = 63;
	m->slots = xmalloc((m->mask + 1) * sizeof *m->slots);
	memset(m->slots, 0, (m->mask + 1) * sizeof *m->slots);
}

/* The slot of key, or the empty slot where it would go. */
static size_t
probe(const struct hmap *m, uint64_t h, const void *key, size_t n)
{
	size_t i = (size_t)h & m->mask;
	uint64_t tag = TAG(h);

	for (;;) {
		uint64_t s = m->slots[i];

		if (s == 0)
			return i;
		if ((s & ~OFF_MASK) == tag) {
			const struct rec *r = rec_of(m, s);

			if (r->len == n && r->hash == (uint32_t)h &&
			    (n == 0 || memcmp(r + 1, key, n) == 0))
				return i;
		}
		i = (i + 1) & m->mask;
	}
}

static void
rehash(struct hmap *m)
{
	size_t nslots = (m->mask + 1) * 2, i;
	uint64_t *old = m->slots, oldn = m->mask + 1;

	m->mask = nslots - 1;
	m->slots = xmalloc(nslots * sizeof *m->slots);
	memset(m->slots, 0, nslots * sizeof *m->slots);
	for (i = 0; i < oldn; i++) {
		const struct rec *r;
		uint64_t h;
		size_t j;

		if (old[i] == 0)
			continue;
		r = rec_of(m, old[i]);
		h = hash_bytes(r + 1, r->len);
		j = (size_t)h & m->mask;
		while (m->slots[j] != 0)
			j = (j + 1) & m->mask;
		m->slots[j] = old[i];
	}
	free(old);
}

struct hmap_val *
hmap_find(const struct hmap *m, const void *key, size_t n)
{
	size_t s = m->slots[probe(m, hash_bytes(key, n), key, n)];

	return s == 0 ? NULL : &rec_of(m, s)->val;
}

struct hmap_val *
hmap_intern(struct hmap *m, const void *key, size_t n, int *added)
{
	uint64_t h = hash_bytes(key, n);
	size_t i = probe(m, h, key, n), size, off;
	struct rec *r;

	*added = 0;
	if (m->slots[i] != 0)
		return &rec_of(m, m->slots[i])->val;
	if (n > UINT32_MAX)
		msg_die(SATR_EXIT_DATA, "a key of %zu bytes is too long to "
		    "count", n);
	/* Keep the load under 3/4 so that probe runs stay short. */
	if ((m->n + 1) * 4 > (m->mask + 1) * 3) {
		rehash(m);
		i = probe(m, h, key, n);
	}
	size = (sizeof *r + n + 7) & ~(size_t)7;
	off = m->arena_len;
	if ((off / 8 + 1) > OFF_MASK)
		msg_die(SATR_EXIT_DATA, "too many distinct keys to count");
	m->arena = xgrow(m->arena, &m->arena_cap, off + size, 1);
	m->at = xgrow(m->at, &m->at_cap, m->n + 1, sizeof *m->at);
	r = (struct rec *)(m->arena + off);
	memset(r, 0, size);
	r->val.id = m->n;
	r->len = (uint32_t)n;
	r->hash = (uint32_t)h;
	if (n > 0)
		memcpy(r + 1, key, n);
	m->arena_len += size;
	m->at[m->n++] = off;
	m->slots[i] = TAG(h) | (off / 8 + 1);
	*added = 1;
	return &r->val;
}

struct hmap_val *
hmap_at(const struct hmap *m, size_t id)
{
	return &((struct rec *)(m->arena + m->at[id]))->val;
}

const char *
hmap_key(const struct hmap *m, size_t id, size_t *n)
{
	const struct rec *r = (const struct rec *)(m->arena + m->at[id]);

	*n = r->len;
	return (const char *)(r + 1);
}

void
hmap_free(struct hmap *m)
{
	free(m->slots);
	free(m->arena);
	free(m->at);
	memset(m, 0, sizeof *m);
}
