#include "hash.h"

#include <stdlib.h>
#include <string.h>

#include "mem.h"

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
 * Eight bytes a step, each word multiplied into the state: much faster than
 * FNV on the short keys that dominate counting, and mixed well enough for
 * open addressing by the final avalanche.
 */
uint64_t
hash_bytes(const void *p, size_t n)
{
	const unsigned char *s = p;
	uint64_t h = 0x9e3779b97f4a7c15ULL ^ n, w;

	while (n >= 8) {
		memcpy(&w, s, 8);
		h = (h ^ mix(w)) * 0xff51afd7ed558ccdULL;
		h = (h << 29) | (h >> 35);
		s += 8;
		n -= 8;
	}
	w = 0;
	if (n > 0)
		memcpy(&w, s, n);
	h ^= mix(w ^ ((uint64_t)n << 56));
	return mix(h);
}

void
hmap_init(struct hmap *m)
{
	memset(m, 0, sizeof *m);
	m->mask = 63;
	m->slots = xmalloc((m->mask + 1) * sizeof *m->slots);
	memset(m->slots, 0, (m->mask + 1) * sizeof *m->slots);
}

static size_t
probe(const struct hmap *m, uint64_t h, const void *key, size_t n)
{
	size_t i = (size_t)h & m->mask;

	for (;;) {
		size_t s = m->slots[i];
		const struct hmap_entry *e;

		if (s == 0)
			return i;
		e = &m->ent[s - 1];
		if (e->hash == h && e->len == n &&
		    (n == 0 || memcmp(m->keys + e->off, key, n) == 0))
			return i;
		i = (i + 1) & m->mask;
	}
}

static void
rehash(struct hmap *m)
{
	size_t nslots = (m->mask + 1) * 2, i;

	free(m->slots);
	m->mask = nslots - 1;
	m->slots = xmalloc(nslots * sizeof *m->slots);
	memset(m->slots, 0, nslots * sizeof *m->slots);
	for (i = 0; i < m->n; i++) {
		size_t j = (size_t)m->ent[i].hash & m->mask;

		while (m->slots[j] != 0)
			j = (j + 1) & m->mask;
		m->slots[j] = i + 1;
	}
}

size_t
hmap_find(const struct hmap *m, const void *key, size_t n)
{
	size_t s = m->slots[probe(m, hash_bytes(key, n), key, n)];

	return s == 0 ? (size_t)-1 : s - 1;
}

size_t
hmap_intern(struct hmap *m, const void *key, size_t n, int *added)
{
	uint64_t h = hash_bytes(key, n);
	size_t i = probe(m, h, key, n);
	struct hmap_entry *e;

	*added = 0;
	if (m->slots[i] != 0)
		return m->slots[i] - 1;
	/* Keep the load under 3/4 so that probe runs stay short. */
	if ((m->n + 1) * 4 > (m->mask + 1) * 3) {
		rehash(m);
		i = probe(m, h, key, n);
	}
	m->ent = xgrow(m->ent, &m->cap, m->n + 1, sizeof *m->ent);
	if (n > 0) {
		m->keys = xgrow(m->keys, &m->keys_cap, m->keys_len + n, 1);
		memcpy(m->keys + m->keys_len, key, n);
	}
	e = &m->ent[m->n];
	e->hash = h;
	e->off = m->keys_len;
	e->len = n;
	e->count = 0;
	e->aux = 0;
	m->keys_len += n;
	m->slots[i] = ++m->n;
	*added = 1;
	return m->n - 1;
}

const char *
hmap_key(const struct hmap *m, size_t id, size_t *n)
{
	*n = m->ent[id].len;
	return m->keys ? m->keys + m->ent[id].off : "";
}

void
hmap_free(struct hmap *m)
{
	free(m->slots);
	free(m->ent);
	free(m->keys);
	memset(m, 0, sizeof *m);
}
