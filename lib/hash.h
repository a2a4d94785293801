/*
 * A hash table from byte strings to entries carrying a count, for counting
 * distinct keys. Keys are copied into one arena; entries are numbered from
 * 0 in order of insertion and never removed.
 */
#ifndef SATR_HASH_H
#define SATR_HASH_H

#include <stddef.h>
#include <stdint.h>

struct hmap_entry {
	uint64_t hash;
	size_t off;		/* key's offset in the arena */
	size_t len;
	uint64_t count;
	uint64_t aux;		/* free for the caller; starts at 0 */
};

struct hmap {
	size_t *slots;		/* entry number + 1, or 0 for empty */
	size_t mask;		/* number of slots - 1 (a power of two) */
	struct hmap_entry *ent;
	size_t n;
	size_t cap;
	char *keys;
	size_t keys_len;
	size_t keys_cap;
};

uint64_t hash_bytes(const void *p, size_t n);

void hmap_init(struct hmap *m);
/* The entry for key, added with count 0 if new (then *added is 1). */
size_t hmap_intern(struct hmap *m, const void *key, size_t n, int *added);
/* The entry for key, or (size_t)-1 if there is none. */
size_t hmap_find(const struct hmap *m, const void *key, size_t n);
const char *hmap_key(const struct hmap *m, size_t id, size_t *n);
void hmap_free(struct hmap *m);

#endif
