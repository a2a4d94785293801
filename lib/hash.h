/*
 * A hash table from byte strings to counters, for counting distinct keys.
 * Each key is stored once, beside its counters, in one arena; entries are
 * numbered from 0 in order of insertion and never removed.
 */
#ifndef SATR_HASH_H
#define SATR_HASH_H

#include <stddef.h>
#include <stdint.h>

/* What the table keeps for a key; count and aux start at 0. */
struct hmap_val {
	uint64_t count;
	uint64_t aux;		/* free for the caller */
	uint64_t id;		/* the entry's number */
};

struct hmap {
	uint64_t *slots;	/* tag and arena place of an entry, 0 if none */
	size_t mask;		/* number of slots - 1 (a power of two) */
	char *arena;		/* the entries: header, then key */
	size_t arena_len;
	size_t arena_cap;
	size_t *at;		/* arena offset of each entry, by number */
	size_t n;
	size_t at_cap;
};

uint64_t hash_bytes(const void *p, size_t n);
/* The same, with a seed: different seeds give independent hashes. */
uint64_t hash_bytes_seeded(const void *p, size_t n, uint64_t seed);

void hmap_init(struct hmap *m);
/*
 * The entry for key, added with zero counters if new (then *added is 1).
 * The pointer is valid until the next hmap_intern on m.
 */
struct hmap_val *hmap_intern(struct hmap *m, const void *key, size_t n,
    int *added);
/* The entry for key, or NULL. */
struct hmap_val *hmap_find(const struct hmap *m, const void *key, size_t n);
/* Entry number id, and its key. */
struct hmap_val *hmap_at(const struct hmap *m, size_t id);
const char *hmap_key(const struct hmap *m, size_t id, size_t *n);
void hmap_free(struct hmap *m);

#endif
