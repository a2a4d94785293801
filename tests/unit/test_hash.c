/* Unit tests for lib/hash.c: the byte hash and the interning table. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "hash.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NONE ((size_t)-1)

/* The number of the entry for key[0..n), or NONE. */
static size_t
find_id(const struct hmap *m, const void *key, size_t n)
{
	const struct hmap_val *v = hmap_find(m, key, n);

	return v == NULL ? NONE : v->id;
}

/* Interns key[0..n) and checks whether it was new. */
static size_t
intern(struct hmap *m, const void *key, size_t n, int want_added)
{
	int added = -1;
	size_t id;

	id = hmap_intern(m, key, n, &added)->id;
	assert_int_equal(added, want_added);
	assert_true(id < m->n);
	return id;
}

/* Entry id holds the key key[0..n). */
static void
check_key(const struct hmap *m, size_t id, const void *key, size_t n)
{
	size_t len = (size_t)-1;
	const char *p = hmap_key(m, id, &len);

	assert_int_equal(len, n);
	assert_non_null(p);
	if (n > 0)
		assert_memory_equal(p, key, n);
}

static void
new_keys_get_new_ids(void **state)
{
	struct hmap m;

	(void)state;
	hmap_init(&m);
	assert_int_equal(intern(&m, "\xD9\x85\xD9\x86", 4, 1), 0);
	assert_int_equal(intern(&m, "\xD8\xA5\xD9\x84\xD9\x89", 6, 1), 1);
	assert_int_equal(intern(&m, "to", 2, 1), 2);
	assert_int_equal(m.n, 3);
	check_key(&m, 0, "\xD9\x85\xD9\x86", 4);
	check_key(&m, 1, "\xD8\xA5\xD9\x84\xD9\x89", 6);
	check_key(&m, 2, "to", 2);
	hmap_free(&m);
}

static void
equal_keys_same_id(void **state)
{
	struct hmap m;
	char copy[8];

	(void)state;
	hmap_init(&m);
	assert_int_equal(intern(&m, "\xD9\x81\xD9\x8A", 4, 1), 0);
	assert_int_equal(intern(&m, "bank", 4, 1), 1);
	/* the same bytes from another address */
	memcpy(copy, "\xD9\x81\xD9\x8A", 4);
	assert_int_equal(intern(&m, copy, 4, 0), 0);
	assert_int_equal(intern(&m, "bank", 4, 0), 1);
	assert_int_equal(m.n, 2);
	hmap_free(&m);
}

static void
prefixes_are_distinct(void **state)
{
	struct hmap m;
	const char *k = "\xD9\x83\xD8\xAA\xD8\xA7\xD8\xA8";
	size_t n, id[9];

	(void)state;
	hmap_init(&m);
	for (n = 0; n <= 8; n++)
		id[n] = intern(&m, k, n, 1);
	for (n = 0; n <= 8; n++) {
		assert_int_equal(id[n], n);
		assert_int_equal(find_id(&m, k, n), n);
		check_key(&m, n, k, n);
	}
	hmap_free(&m);
}

static void
counts_are_kept(void **state)
{
	static const char *const words[] = { "\xD9\x81\xD9\x8A", "the", "x" };
	struct hmap m;
	char key[32];
	size_t i, id;
	int added;

	(void)state;
	hmap_init(&m);
	/* word i is seen i + 1 times per round */
	for (i = 0; i < 30; i++) {
		id = hmap_intern(&m, words[i % 3], strlen(words[i % 3]),
		    &added)->id;
		assert_int_equal(added, i < 3);
		hmap_at(&m, id)->count += i % 3 + 1;
	}
	/* force rehashes and check again */
	for (i = 0; i < 1000; i++) {
		snprintf(key, sizeof key, "filler %zu", i);
		intern(&m, key, strlen(key), 1);
	}
	for (i = 0; i < 3; i++) {
		id = find_id(&m, words[i], strlen(words[i]));
		assert_int_equal(id, i);
		assert_int_equal(hmap_at(&m, id)->count, 10 * (i + 1));
	}
	hmap_free(&m);
}

static void
new_entry_fields_start_at_zero(void **state)
{
	struct hmap m;
	size_t id;

	(void)state;
	hmap_init(&m);
	id = intern(&m, "aux", 3, 1);
	assert_int_equal(hmap_at(&m, id)->count, 0);
	assert_int_equal(hmap_at(&m, id)->aux, 0);
	hmap_at(&m, id)->aux = 77;
	hmap_at(&m, id)->count = 5;
	assert_int_equal(intern(&m, "aux", 3, 0), id);
	assert_int_equal(hmap_at(&m, id)->aux, 77);
	assert_int_equal(hmap_at(&m, id)->count, 5);
	id = intern(&m, "aux2", 4, 1);
	assert_int_equal(hmap_at(&m, id)->aux, 0);
	hmap_free(&m);
}

static void
many_new_entries_start_at_zero(void **state)
{
	struct hmap m;
	char key[32];
	size_t i, id;

	(void)state;
	hmap_init(&m);
	for (i = 0; i < 5000; i++) {
		snprintf(key, sizeof key, "\xD8\xAE%zu", i);
		id = intern(&m, key, strlen(key), 1);
		assert_int_equal(hmap_at(&m, id)->count, 0);
		assert_int_equal(hmap_at(&m, id)->aux, 0);
		hmap_at(&m, id)->count = ~(uint64_t)0;
		hmap_at(&m, id)->aux = ~(uint64_t)0;
	}
	hmap_free(&m);
}

static void
find_present_and_absent(void **state)
{
	struct hmap m;

	(void)state;
	hmap_init(&m);
	assert_int_equal(find_id(&m, "x", 1), NONE);
	assert_int_equal(find_id(&m, "", 0), NONE);
	intern(&m, "alpha", 5, 1);
	intern(&m, "\xD8\xA3\xD9\x84\xD9\x81", 6, 1);
	assert_int_equal(find_id(&m, "alpha", 5), 0);
	assert_int_equal(find_id(&m, "\xD8\xA3\xD9\x84\xD9\x81", 6), 1);
	assert_int_equal(find_id(&m, "alph", 4), NONE);
	assert_int_equal(find_id(&m, "alphb", 5), NONE);
	assert_int_equal(find_id(&m, "\xD8\xA7\xD9\x84\xD9\x81", 6), NONE);
	assert_int_equal(m.n, 2);	/* find adds nothing */
	hmap_free(&m);
}

static void
keys_with_nul_bytes(void **state)
{
	struct hmap m;
	size_t a, b, c, d;

	(void)state;
	hmap_init(&m);
	a = intern(&m, "k\0a", 3, 1);
	b = intern(&m, "k\0b", 3, 1);
	c = intern(&m, "k", 1, 1);
	d = intern(&m, "k\0", 2, 1);
	assert_true(a != b && a != c && a != d && b != c && b != d && c != d);
	assert_int_equal(intern(&m, "k\0a", 3, 0), a);
	assert_int_equal(find_id(&m, "k\0b", 3), b);
	assert_int_equal(find_id(&m, "k\0c", 3), NONE);
	check_key(&m, a, "k\0a", 3);
	check_key(&m, d, "k\0", 2);
	hmap_free(&m);
}

static void
empty_key(void **state)
{
	struct hmap m;
	size_t e, z;

	(void)state;
	hmap_init(&m);
	e = intern(&m, "", 0, 1);
	assert_int_equal(e, 0);
	check_key(&m, e, "", 0);
	assert_int_equal(intern(&m, "", 0, 0), e);
	assert_int_equal(find_id(&m, "", 0), e);
	z = intern(&m, "\0", 1, 1);
	assert_true(z != e);
	intern(&m, "after", 5, 1);
	check_key(&m, e, "", 0);
	check_key(&m, z, "\0", 1);
	assert_int_equal(find_id(&m, "", 0), e);
	hmap_free(&m);
}

static void
empty_key_after_others(void **state)
{
	struct hmap m;
	size_t e;

	(void)state;
	hmap_init(&m);
	intern(&m, "abc", 3, 1);
	e = intern(&m, "", 0, 1);
	check_key(&m, e, "", 0);
	assert_int_equal(find_id(&m, "", 0), e);
	hmap_free(&m);
}

/* A distinct key for each i; mixes lengths, Arabic bytes and NULs. */
static size_t
make_key(char *key, size_t i)
{
	size_t n;

	n = (size_t)snprintf(key, 64, "%zu:\xD8\xB9%zx", i, i * 2654435761u);
	if (i % 3 == 0)
		key[n++] = '\0';
	if (i % 5 == 0) {
		memset(key + n, 'p', i % 17);
		n += i % 17;
	}
	return n;
}

static void
many_keys_survive_rehash(void **state)
{
	enum { N = 200000 };
	struct hmap m;
	char key[64];
	size_t i, n, id;

	(void)state;
	hmap_init(&m);
	for (i = 0; i < N; i++) {
		n = make_key(key, i);
		id = intern(&m, key, n, 1);
		assert_int_equal(id, i);
		hmap_at(&m, id)->count = i * 3;
	}
	assert_int_equal(m.n, N);
	assert_true(m.mask + 1 >= N);
	for (i = 0; i < N; i++) {
		n = make_key(key, i);
		assert_int_equal(find_id(&m, key, n), i);
		check_key(&m, i, key, n);
		assert_int_equal(hmap_at(&m, i)->count, i * 3);
		assert_int_equal(hmap_at(&m, i)->id, i);
	}
	for (i = 0; i < N; i += 97) {
		n = make_key(key, i);
		assert_int_equal(intern(&m, key, n, 0), i);
	}
	assert_int_equal(m.n, N);
	hmap_free(&m);
	assert_null(m.slots);
	assert_int_equal(m.n, 0);
}

static void
hash_is_deterministic(void **state)
{
	static const char text[] = "\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85 "
	    "alaikum, peace be upon you all, friends";
	char a[48], b[56];
	size_t n;

	(void)state;
	assert_true(sizeof text > 40);
	for (n = 0; n <= 40; n++) {
		memset(a, 0, sizeof a);
		memset(b, 0, sizeof b);
		memcpy(a, text, 40);
		memcpy(b + 3, a, 40);	/* unaligned copy */
		assert_int_equal(hash_bytes(a, n), hash_bytes(b + 3, n));
	}
}

static void
hash_ignores_bytes_beyond_length(void **state)
{
	char a[48], b[48];
	size_t n;

	(void)state;
	for (n = 0; n <= 40; n++) {
		memset(a, 'a', sizeof a);
		memset(b, 'a', sizeof b);
		b[n] = 'Z';
		assert_int_equal(hash_bytes(a, n), hash_bytes(b, n));
	}
}

static void
hash_differs_in_one_byte(void **state)
{
	static const unsigned char flips[] = { 0x01, 0x80, 0xFF, 0x20 };
	char base[40], other[40];
	uint64_t h;
	size_t n, pos, f;

	(void)state;
	for (n = 1; n <= 40; n++) {
		for (pos = 0; pos < n; pos++)
			base[pos] = (char)('a' + (pos * 7) % 26);
		h = hash_bytes(base, n);
		for (pos = 0; pos < n; pos++) {
			for (f = 0; f < sizeof flips; f++) {
				memcpy(other, base, n);
				other[pos] ^= (char)flips[f];
				if (hash_bytes(other, n) == h)
					fail_msg("length %zu: flip %#x at %zu "
					    "collides", n, flips[f], pos);
			}
		}
	}
}

static void
hash_differs_by_length(void **state)
{
	char zeros[41];
	uint64_t h[41];
	size_t i, j;

	(void)state;
	memset(zeros, 0, sizeof zeros);
	/* n zero bytes for n = 0..40: all different */
	for (i = 0; i <= 40; i++)
		h[i] = hash_bytes(zeros, i);
	for (i = 0; i <= 40; i++)
		for (j = i + 1; j <= 40; j++)
			if (h[i] == h[j])
				fail_msg("%zu and %zu zero bytes collide", i,
				    j);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(new_keys_get_new_ids),
		cmocka_unit_test(equal_keys_same_id),
		cmocka_unit_test(prefixes_are_distinct),
		cmocka_unit_test(counts_are_kept),
		cmocka_unit_test(new_entry_fields_start_at_zero),
		cmocka_unit_test(many_new_entries_start_at_zero),
		cmocka_unit_test(find_present_and_absent),
		cmocka_unit_test(keys_with_nul_bytes),
		cmocka_unit_test(empty_key),
		cmocka_unit_test(empty_key_after_others),
		cmocka_unit_test(many_keys_survive_rehash),
		cmocka_unit_test(hash_is_deterministic),
		cmocka_unit_test(hash_ignores_bytes_beyond_length),
		cmocka_unit_test(hash_differs_in_one_byte),
		cmocka_unit_test(hash_differs_by_length),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
