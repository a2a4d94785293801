#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "norm.h"
#include "utf8.h"

static struct norm *
make(const char *profile)
{
	unsigned steps;
	char err[128];
	struct norm *nm;

	if (norm_find_profile(profile, &steps) < 0)
		assert_int_equal(norm_parse_steps(profile, &steps, err,
		    sizeof err), 0);
	nm = norm_new(steps, err, sizeof err);
	assert_non_null(nm);
	return nm;
}

/* Normalises s; checks the offsets' invariants; returns the output. */
static char *
run(struct norm *nm, const char *s, struct norm_offsets *off)
{
	struct buf out = { 0 };
	size_t n = strlen(s), i;
	char *r;

	norm_text(nm, s, n, &out, off);
	assert_int_equal(off->n, out.n);
	for (i = 0; i < off->n; i++) {
		assert_true(off->start[i] < off->end[i]);
		assert_true(off->end[i] <= n);
		if (i > 0)
			assert_true(off->start[i] >= off->start[i - 1]);
	}
	r = malloc(out.n + 1);
	memcpy(r, out.p ? out.p : "", out.n);
	r[out.n] = '\0';
	buf_free(&out);
	return r;
}

/* The input span of output bytes [a, b). */
static void
assert_span(const struct norm_offsets *off, size_t a, size_t b, size_t start,
    size_t end)
{
	assert_int_equal(off->start[a], start);
	assert_int_equal(off->end[b - 1], end);
}

static void
test_tatweel_offsets(void **state)
{
	struct norm *nm = make("tatweel");
	struct norm_offsets off = { 0 };
	char *r = run(nm, "قـد خـدمت", &off);

	(void)state;
	assert_string_equal(r, "قد خدمت");
	assert_span(&off, 0, 4, 0, 6);		/* قد is قـد */
	assert_span(&off, 5, 13, 7, 17);	/* خدمت is خـدمت */
	assert_span(&off, 4, 5, 6, 7);		/* the space */
	free(r);
	norm_offsets_free(&off);
	norm_free(nm);
}

static void
test_ligature_maps_to_whole_input(void **state)
{
	struct norm *nm = make("light");
	struct norm_offsets off = { 0 };
	char *r = run(nm, "x\xef\xbb\xbby", &off);	/* x U+FEFB y */

	(void)state;
	assert_string_equal(r, "xلاy");
	assert_span(&off, 1, 3, 1, 4);
	assert_span(&off, 3, 5, 1, 4);
	assert_span(&off, 5, 6, 4, 5);
	free(r);
	norm_offsets_free(&off);
	norm_free(nm);
}

static void
test_space_collapse_offsets(void **state)
{
	struct norm *nm = make("space");
	struct norm_offsets off = { 0 };
	char *r = run(nm, "  a \xc2\xa0 b  ", &off);

	(void)state;
	assert_string_equal(r, "a b");
	assert_span(&off, 0, 1, 2, 3);
	assert_span(&off, 1, 2, 3, 4);
	assert_span(&off, 2, 3, 7, 8);
	free(r);
	norm_offsets_free(&off);
	norm_free(nm);
}

static void
test_user_map_then_digits(void **state)
{
	struct norm *nm = make("digits");
	struct norm_offsets off = { 0 };
	char *r;

	(void)state;
	norm_add_mapping(nm, "\xee\x80\x80", 3, "٣", strlen("٣"));
	r = run(nm, "a\xee\x80\x80\xd9\xa1" "b", &off);	/* a U+E000 ١ b */
	assert_string_equal(r, "a31b");
	assert_span(&off, 1, 2, 1, 4);
	assert_span(&off, 2, 3, 4, 6);
	assert_span(&off, 3, 4, 6, 7);
	free(r);
	norm_offsets_free(&off);
	norm_free(nm);
}

static void
test_second_pass_composes_offsets(void **state)
{
	struct norm *nm = make("light");
	struct norm_offsets off = { 0 };
	/* alef, ZWJ, madda above, lam: the ZWJ blocks NFKC, then goes. */
	char *r = run(nm, "\xd8\xa7\xe2\x80\x8d\xd9\x93\xd9\x84", &off);

	(void)state;
	assert_string_equal(r, "\xd8\xa7\xd9\x84");
	assert_span(&off, 0, 2, 0, 7);
	assert_span(&off, 2, 4, 7, 9);
	free(r);
	norm_offsets_free(&off);
	norm_free(nm);
}

static void
test_decimal_separator_needs_digits(void **state)
{
	struct norm *nm = make("digits");
	struct norm_offsets off = { 0 };
	char *r = run(nm, "٣٫٤ ٫٤ ٣٫", &off);

	(void)state;
	assert_string_equal(r, "3.4 ٫4 3٫");
	free(r);
	norm_offsets_free(&off);
	norm_free(nm);
}

static void
test_invalid_bytes_pass_through(void **state)
{
	struct norm *nm = make("search");
	struct norm_offsets off = { 0 };
	char *r = run(nm, "A\xff\xd8", &off);

	(void)state;
	assert_string_equal(r, "a\xff\xd8");
	assert_span(&off, 1, 2, 1, 2);
	assert_span(&off, 2, 3, 2, 3);
	free(r);
	norm_offsets_free(&off);
	norm_free(nm);
}

static void
test_parse_steps(void **state)
{
	unsigned steps = 0;
	char err[64];

	(void)state;
	assert_int_equal(norm_parse_steps("tatweel,nfkc", &steps, err,
	    sizeof err), 0);
	assert_int_equal(steps, NORM_TATWEEL | NORM_NFKC);
	assert_int_equal(norm_parse_steps("tatweel,", &steps, err,
	    sizeof err), -1);
	assert_int_equal(norm_parse_steps("kashida", &steps, err,
	    sizeof err), -1);
	assert_non_null(strstr(err, "kashida"));
	assert_int_equal(norm_find_profile("heavy", &steps), -1);
}

/*
 * Random text from characters that interact: letters that compose with
 * hamza and madda, marks in both orders, controls between them, spaces,
 * digits and their separators, ligatures, cased letters.
 */
static const char *const alphabet[] = {
	"\u0627", "\u0648", "\u064a", "\u0649", "\u0644", "\u0629", "\u0653",
	"\u0654", "\u0655", "\u064e", "\u0651", "\u064b", "\u0670", "\u0640",
	"\u200d", "\u200c", "\u200f", "\ufeff", " ", "\u00a0", "\u2009", "\t",
	"\u0663", "\u066b", "\u066c", "\u06f5", "1", "\ufefb", "\ufdfc",
	"\ufdfa", "\u0130", "\u00df", "E", "\u0301", "\u1e9e", "\u201c", "\u060c",
	"\u061f", "\xf0\x9f\x98\x80", "\u0623", "\u0625", "\u0671", "\u0626",
	"\u1100", "\u1161", "\u11a8",
};

static void
random_text(char *buf, size_t cap, unsigned *seed)
{
	size_t n = 0, k = (size_t)(rand_r(seed) % 12) + 1, i;
	const size_t na = sizeof alphabet / sizeof alphabet[0];

	for (i = 0; i < k; i++) {
		const char *a = alphabet[(size_t)rand_r(seed) % na];
		size_t len = strlen(a);

		if (n + len + 1 > cap)
			break;
		memcpy(buf + n, a, len);
		n += len;
	}
	buf[n] = '\0';
}

static void
test_idempotent_random(void **state)
{
	static const char *const profiles[] = { "nfc", "light", "search",
	    "camel" };
	unsigned seed = 20261125;
	size_t p;
	int i;

	(void)state;
	for (p = 0; p < sizeof profiles / sizeof profiles[0]; p++) {
		struct norm *nm = make(profiles[p]);
		struct norm_offsets off = { 0 };

		for (i = 0; i < 20000; i++) {
			char text[256], *once, *twice;

			random_text(text, sizeof text, &seed);
			once = run(nm, text, &off);
			twice = run(nm, once, &off);
			if (strcmp(once, twice) != 0)
				fail_msg("%s: not idempotent on '%s': '%s' "
				    "then '%s'", profiles[p], text, once,
				    twice);
			assert_true(utf8_valid_prefix(once, strlen(once)) ==
			    strlen(once));
			free(once);
			free(twice);
		}
		norm_offsets_free(&off);
		norm_free(nm);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tatweel_offsets),
		cmocka_unit_test(test_ligature_maps_to_whole_input),
		cmocka_unit_test(test_space_collapse_offsets),
		cmocka_unit_test(test_user_map_then_digits),
		cmocka_unit_test(test_second_pass_composes_offsets),
		cmocka_unit_test(test_decimal_separator_needs_digits),
		cmocka_unit_test(test_invalid_bytes_pass_through),
		cmocka_unit_test(test_parse_steps),
		cmocka_unit_test(test_idempotent_random),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
