/* Unit tests for lib/clusters.c and lib/wordtable.c: the word clusters
 * table and its look-up through the hash index. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "clusters.h"

#include <string.h>

#define NONE ((size_t)-1)

/* Entry i of the table and its length. */
static const char *
entry(size_t i, size_t *n)
{
	*n = clusters_starts[i + 1] - clusters_starts[i] - 1;
	return clusters_words + clusters_starts[i];
}

/* The entry holding w[0..n), by reading the whole table, or NONE: the
 * answer the fast look-ups must agree with. */
static size_t
linear_find(const char *w, size_t n)
{
	size_t i, len;

	for (i = 0; i < clusters_size; i++) {
		const char *e = entry(i, &len);

		if (len == n && memcmp(e, w, n) == 0)
			return i;
	}
	return NONE;
}

/* The look-up gives for w[0..n) what the linear scan finds. */
static void
check_agrees(const struct cluster_index *x, const char *w, size_t n)
{
	size_t i = linear_find(w, n);
	unsigned f = 999, c = 999;

	assert_int_equal(cluster_index_lookup(x, w, n, &f, &c), i != NONE);
	if (i == NONE)
		return;
	assert_int_equal(f, clusters_fine[i]);
	assert_int_equal(c, clusters_coarse[i]);
}

static void
table_is_sorted_and_well_formed(void **state)
{
	size_t i, a, b;

	(void)state;
	assert_true(clusters_size > 1000);
	assert_int_equal(clusters_starts[0], 0);
	for (i = 0; i < clusters_size; i++) {
		const char *w = entry(i, &a);

		assert_true(a > 0);
		assert_int_equal(w[a], '\0');
		assert_null(memchr(w, '\0', a));
		if (i > 0) {
			const char *p = entry(i - 1, &b);
			int c = memcmp(p, w, a < b ? a : b);

			/* strictly increasing: byte order, a prefix first */
			assert_true(c < 0 || (c == 0 && b < a));
		}
	}
}

static void
clusters_are_in_range(void **state)
{
	size_t i;

	(void)state;
	assert_true(clusters_fine_k >= 2 && clusters_fine_k <= 256);
	assert_true(clusters_coarse_k >= 1 && clusters_coarse_k <= 32);
	assert_true(clusters_coarse_k <= clusters_fine_k);
	for (i = 0; i < clusters_size; i++) {
		assert_true(clusters_fine[i] < clusters_fine_k);
		assert_true(clusters_coarse[i] < clusters_coarse_k);
	}
}

static void
every_word_is_found(void **state)
{
	struct cluster_index x;
	size_t i, n;
	unsigned f, c;

	(void)state;
	cluster_index_init(&x);
	for (i = 0; i < clusters_size; i++) {
		const char *w = entry(i, &n);

		assert_int_equal(cluster_index_lookup(&x, w, n, &f, &c), 1);
		assert_int_equal(f, clusters_fine[i]);
		assert_int_equal(c, clusters_coarse[i]);
	}
	cluster_index_free(&x);
}

/* Near misses of every 61st word (shortened, lengthened, changed) are
 * found exactly when the table holds them. */
static void
lookups_agree_with_a_scan(void **state)
{
	static const char tails[] = { 'x', '\0', '\xd8' };
	struct cluster_index x;
	char buf[256];
	size_t i, n, t;

	(void)state;
	cluster_index_init(&x);
	for (i = 0; i < clusters_size; i += 61) {
		const char *w = entry(i, &n);

		if (n + 1 > sizeof buf)
			continue;
		memcpy(buf, w, n);
		check_agrees(&x, buf, n);
		check_agrees(&x, buf, n - 1);
		check_agrees(&x, buf + 1, n - 1);
		for (t = 0; t < sizeof tails; t++) {
			buf[n] = tails[t];
			check_agrees(&x, buf, n + 1);
		}
		buf[n - 1] ^= 0x01;
		check_agrees(&x, buf, n);
	}
	cluster_index_free(&x);
}

static void
known_and_unknown_words(void **state)
{
	/* in, tunis, on (ya folded from alef maksura), Mohammed, 2017 */
	static const char *const known[] = {
		"\xd9\x81\xd9\x8a", "\xd8\xaa\xd9\x88\xd9\x86\xd8\xb3",
		"\xd8\xb9\xd9\x84\xd9\x8a", "\xd9\x85\xd8\xad\xd9\x85\xd8\xaf",
		"2017", ",",
	};
	/* on with alef maksura: the search profile never leaves it; ta
	 * marbuta likewise; a made-up word; the empty word */
	static const char *const unknown[] = {
		"\xd8\xb9\xd9\x84\xd9\x89",
		"\xd8\xa7\xd9\x84\xd8\xad\xd9\x83\xd9\x88\xd9\x85\xd8\xa9",
		"qqzzqqzz", "",
	};
	struct cluster_index x;
	unsigned f = 999, c = 999;
	size_t i;

	(void)state;
	cluster_index_init(&x);
	for (i = 0; i < sizeof known / sizeof known[0]; i++) {
		size_t n = strlen(known[i]);

		assert_int_equal(cluster_index_lookup(&x, known[i], n, NULL,
		    NULL), 1);
		check_agrees(&x, known[i], n);
	}
	for (i = 0; i < sizeof unknown / sizeof unknown[0]; i++) {
		size_t n = strlen(unknown[i]);

		f = c = 999;
		assert_int_equal(cluster_index_lookup(&x, unknown[i], n, &f,
		    &c), 0);
		assert_int_equal(f, 999);	/* untouched when unknown */
		assert_int_equal(c, 999);
	}
	cluster_index_free(&x);
	assert_null(x.words.slot);
}

/* The weekdays all come in the same contexts ("on Monday the ..."): a
 * loose check that the clusters mean something. */
static void
weekdays_share_a_cluster(void **state)
{
	static const char *const days[] = {
		"\xd8\xa7\xd9\x84\xd8\xa7\xd8\xab\xd9\x86\xd9\x8a\xd9\x86",
		"\xd8\xa7\xd9\x84\xd8\xa7\xd8\xb1\xd8\xa8\xd8\xb9\xd8\xa7\xd8\xa1",
		"\xd8\xa7\xd9\x84\xd8\xae\xd9\x85\xd9\x8a\xd8\xb3",
		"\xd8\xa7\xd9\x84\xd8\xac\xd9\x85\xd8\xb9\xd9\x87",
	};
	struct cluster_index x;
	unsigned f0 = 0, f;
	size_t i;

	(void)state;
	cluster_index_init(&x);
	for (i = 0; i < sizeof days / sizeof days[0]; i++) {
		assert_int_equal(cluster_index_lookup(&x, days[i],
		    strlen(days[i]), &f, NULL), 1);
		if (i == 0)
			f0 = f;
		assert_int_equal(f, f0);
	}
	cluster_index_free(&x);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(table_is_sorted_and_well_formed),
		cmocka_unit_test(clusters_are_in_range),
		cmocka_unit_test(every_word_is_found),
		cmocka_unit_test(lookups_agree_with_a_scan),
		cmocka_unit_test(known_and_unknown_words),
		cmocka_unit_test(weekdays_share_a_cluster),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
