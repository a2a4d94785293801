/* Unit tests for lib/mem.c: xgrow and the growable byte buffer. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "mem.h"

#include <stdlib.h>
#include <string.h>

static void
buf_starts_empty_and_appends(void **state)
{
	struct buf b = { 0 };

	(void)state;
	buf_add(&b, "\xD8\xAD\xD8\xA8\xD8\xB1", 6);	/* "حبر" */
	assert_int_equal(b.n, 6);
	assert_true(b.cap >= 6);
	buf_addc(&b, ' ');
	buf_add(&b, "ink", 3);
	assert_int_equal(b.n, 10);
	assert_memory_equal(b.p, "\xD8\xAD\xD8\xA8\xD8\xB1 ink", 10);
	buf_free(&b);
}

static void
buf_add_nothing(void **state)
{
	struct buf b = { 0 };

	(void)state;
	buf_add(&b, "", 0);
	assert_int_equal(b.n, 0);
	buf_add(&b, "ab", 2);
	buf_add(&b, "zz", 0);
	assert_int_equal(b.n, 2);
	assert_memory_equal(b.p, "ab", 2);
	buf_free(&b);
}

static void
buf_keeps_nul_bytes(void **state)
{
	struct buf b = { 0 };

	(void)state;
	buf_add(&b, "a\0b", 3);
	buf_addc(&b, '\0');
	assert_int_equal(b.n, 4);
	assert_memory_equal(b.p, "a\0b\0", 4);
	buf_free(&b);
}

static void
buf_grows_keeping_content(void **state)
{
	struct buf b = { 0 };
	size_t i;

	(void)state;
	for (i = 0; i < 100000; i++)
		buf_addc(&b, (char)(i % 251));
	for (i = 0; i < 1000; i++)
		buf_add(&b, "0123456789", 10);
	assert_int_equal(b.n, 110000);
	assert_true(b.cap >= b.n);
	for (i = 0; i < 100000; i++)
		assert_int_equal((unsigned char)b.p[i], i % 251);
	for (i = 0; i < 1000; i++)
		assert_memory_equal(b.p + 100000 + 10 * i, "0123456789", 10);
	buf_free(&b);
}

static void
buf_reserve_keeps_length(void **state)
{
	struct buf b = { 0 };
	char more[5000], *p;

	(void)state;
	memset(more, 'r', sizeof more);
	buf_add(&b, "xyz", 3);
	buf_reserve(&b, 5000);
	assert_int_equal(b.n, 3);
	assert_true(b.cap >= 5003);
	assert_memory_equal(b.p, "xyz", 3);
	/* no reallocation while the reserve lasts */
	p = b.p;
	buf_add(&b, more, sizeof more);
	assert_ptr_equal(b.p, p);
	assert_int_equal(b.n, 5003);
	assert_memory_equal(b.p + 3, more, sizeof more);
	buf_free(&b);
}

static void
buf_free_resets(void **state)
{
	struct buf b = { 0 };

	(void)state;
	buf_add(&b, "data", 4);
	buf_free(&b);
	assert_null(b.p);
	assert_int_equal(b.n, 0);
	assert_int_equal(b.cap, 0);
	buf_add(&b, "again", 5);
	assert_int_equal(b.n, 5);
	assert_memory_equal(b.p, "again", 5);
	buf_free(&b);
}

static void
xgrow_leaves_enough_alone(void **state)
{
	size_t cap = 0;
	int *p = NULL, *q;

	(void)state;
	p = xgrow(p, &cap, 10, sizeof *p);
	assert_non_null(p);
	assert_true(cap >= 10);
	p[9] = 99;
	q = xgrow(p, &cap, cap, sizeof *p);
	assert_ptr_equal(q, p);
	assert_int_equal(q[9], 99);
	free(q);
}

static void
xgrow_covers_need(void **state)
{
	size_t cap = 0, need;
	uint64_t *p = NULL;

	(void)state;
	for (need = 1; need < 70000; need = need * 3 + 1) {
		p = xgrow(p, &cap, need, sizeof *p);
		assert_true(cap >= need);
		p[need - 1] = need;
		p[0] = 7;
	}
	assert_int_equal(p[0], 7);
	free(p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(buf_starts_empty_and_appends),
		cmocka_unit_test(buf_add_nothing),
		cmocka_unit_test(buf_keeps_nul_bytes),
		cmocka_unit_test(buf_grows_keeping_content),
		cmocka_unit_test(buf_reserve_keeps_length),
		cmocka_unit_test(buf_free_resets),
		cmocka_unit_test(xgrow_leaves_enough_alone),
		cmocka_unit_test(xgrow_covers_need),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
