/* Unit tests for lib/utf8.c: decoding, validation, encoding and repair. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "utf8.h"

#include <stdlib.h>
#include <string.h>

#define FFFD "\xEF\xBF\xBD"

/* Decodes s[0..n) and checks the length and, for a character, the value. */
static void
check_decode(const char *s, size_t n, int want_len, int32_t want_cp)
{
	int32_t cp = -1;
	int len;

	len = utf8_decode(s, n, &cp);
	assert_int_equal(len, want_len);
	if (want_len > 0)
		assert_int_equal(cp, want_cp);
}

/* An ill-formed sequence: decode must return minus its maximal subpart. */
static void
check_bad(const char *s, size_t n, int subpart)
{
	int32_t cp;

	assert_int_equal(utf8_decode(s, n, &cp), -subpart);
}

static void
decode_ascii(void **state)
{
	(void)state;
	check_decode("A", 1, 1, 0x41);
	check_decode("z...", 4, 1, 0x7A);
	check_decode("\x7F", 1, 1, 0x7F);
	check_decode("\0x", 2, 1, 0);
}

static void
decode_two_byte_arabic(void **state)
{
	(void)state;
	check_decode("\xD8\xA7", 2, 2, 0x0627);	/* alef */
	check_decode("\xD9\x80", 2, 2, 0x0640);	/* tatweel */
	check_decode("\xD9\x8B", 2, 2, 0x064B);	/* fathatan */
	check_decode("\xC2\x80", 2, 2, 0x80);
	check_decode("\xDF\xBF", 2, 2, 0x7FF);
}

static void
decode_three_byte(void **state)
{
	(void)state;
	check_decode("\xEF\xBB\xBB", 3, 3, 0xFEFB);	/* lam-alef */
	check_decode("\xE0\xA0\x80", 3, 3, 0x800);
	check_decode("\xED\x9F\xBF", 3, 3, 0xD7FF);	/* below surr. */
	check_decode("\xEE\x80\x80", 3, 3, 0xE000);	/* above surr. */
	check_decode("\xEF\xBF\xBF", 3, 3, 0xFFFF);
	check_decode(FFFD, 3, 3, 0xFFFD);
}

static void
decode_four_byte(void **state)
{
	(void)state;
	check_decode("\xF0\x90\x80\x80", 4, 4, 0x10000);
	check_decode("\xF0\x9F\x98\x80", 4, 4, 0x1F600);
	check_decode("\xF3\xBF\xBF\xBF", 4, 4, 0xFFFFF);
	check_decode("\xF4\x8F\xBF\xBF", 4, 4, 0x10FFFF);
}

static void
decode_reads_one_character(void **state)
{
	(void)state;
	/* "سلام": only the first letter is decoded. */
	check_decode("\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85", 8, 2, 0x0633);
	check_decode("\xEF\xBB\xBB\xD8\xA7", 5, 3, 0xFEFB);
}

static void
decode_lone_continuation(void **state)
{
	(void)state;
	check_bad("\x80", 1, 1);
	check_bad("\xBF", 1, 1);
	check_bad("\xA7\xD8", 2, 1);
	check_bad("\x80\x80\x80\x80", 4, 1);
}

static void
decode_c0_c1_leads(void **state)
{
	(void)state;
	check_bad("\xC0\x80", 2, 1);
	check_bad("\xC0\xAF", 2, 1);
	check_bad("\xC1\xBF", 2, 1);
	check_bad("\xC1\x81", 2, 1);
}

static void
decode_f5_to_ff(void **state)
{
	char s[4] = { 0, (char)0x80, (char)0x80, (char)0x80 };
	int c;

	(void)state;
	for (c = 0xF5; c <= 0xFF; c++) {
		s[0] = (char)c;
		check_bad(s, sizeof s, 1);
		check_bad(s, 1, 1);
	}
}

static void
decode_overlong_three_and_four(void **state)
{
	(void)state;
	check_bad("\xE0\x80\x80", 3, 1);
	check_bad("\xE0\x9F\xBF", 3, 1);
	check_bad("\xF0\x80\x80\x80", 4, 1);
	check_bad("\xF0\x8F\xBF\xBF", 4, 1);
}

static void
decode_surrogates(void **state)
{
	(void)state;
	check_bad("\xED\xA0\x80", 3, 1);	/* U+D800 */
	check_bad("\xED\xAF\xBF", 3, 1);	/* U+DBFF */
	check_bad("\xED\xB0\x80", 3, 1);	/* U+DC00 */
	check_bad("\xED\xBF\xBF", 3, 1);	/* U+DFFF */
}

static void
decode_above_max(void **state)
{
	(void)state;
	check_bad("\xF4\x90\x80\x80", 4, 1);
	check_bad("\xF4\xBF\xBF\xBF", 4, 1);
}

static void
decode_truncated_at_end(void **state)
{
	(void)state;
	check_bad("\xD8", 1, 1);
	check_bad("\xE3", 1, 1);
	check_bad("\xEF\xBB", 2, 2);
	check_bad("\xE0\xA0", 2, 2);
	check_bad("\xED\x9F", 2, 2);
	check_bad("\xF0", 1, 1);
	check_bad("\xF0\x9F", 2, 2);
	check_bad("\xF0\x9F\x98", 3, 3);
	check_bad("\xF4\x8F\xBF", 3, 3);
}

static void
decode_respects_length(void **state)
{
	(void)state;
	/* Complete characters in memory, cut short by n. */
	check_bad("\xD8\xA7", 1, 1);
	check_bad("\xEF\xBB\xBB", 2, 2);
	check_bad("\xF4\x8F\xBF\xBF", 3, 3);
}

static void
decode_lead_then_ascii(void **state)
{
	(void)state;
	check_bad("\xD8" "A", 2, 1);
	check_bad("\xE3" "A", 2, 1);
	check_bad("\xE3\x81" "A", 3, 2);
	check_bad("\xF0" "A", 2, 1);
	check_bad("\xF0\x9F" "A", 3, 2);
	check_bad("\xF0\x9F\x98" "A", 4, 3);
	check_bad("\xD8\n", 2, 1);
}

static void
decode_lead_then_other_lead(void **state)
{
	(void)state;
	check_bad("\xD8\xD8\xA7", 3, 1);
	check_bad("\xEF\xBB\xD8\xA7", 4, 2);
	check_bad("\xF0\x9F\x98\xF0", 4, 3);
	check_bad("\xE0\xA0\xC0", 3, 2);
}

static void
valid_prefix_all_valid(void **state)
{
	/* "كتب الولد 12 درسا." */
	static const char s[] = "\xD9\x83\xD8\xAA\xD8\xA8 \xD8\xA7\xD9\x84"
	    "\xD9\x88\xD9\x84\xD8\xAF 12 \xD8\xAF\xD8\xB1\xD8\xB3\xD8\xA7. "
	    "\xEF\xBB\xBB \xF0\x9F\x98\x80 plain ascii tail";

	(void)state;
	assert_int_equal(utf8_valid_prefix(s, sizeof s - 1), sizeof s - 1);
	assert_int_equal(utf8_valid_prefix(s, 0), 0);
}

static void
valid_prefix_long_ascii(void **state)
{
	char s[200];

	(void)state;
	memset(s, 'q', sizeof s);
	assert_int_equal(utf8_valid_prefix(s, sizeof s), sizeof s);
	assert_int_equal(utf8_valid_prefix(s, 9), 9);
	assert_int_equal(utf8_valid_prefix(s, 7), 7);
}

static void
valid_prefix_bad_byte_positions(void **state)
{
	char s[40];
	size_t pos, n;

	(void)state;
	for (pos = 0; pos <= 20; pos++) {
		for (n = pos + 1; n <= sizeof s; n += 3) {
			memset(s, 'k', sizeof s);
			s[pos] = (char)0xFF;
			assert_int_equal(utf8_valid_prefix(s, n), pos);
			s[pos] = (char)0x80;
			assert_int_equal(utf8_valid_prefix(s, n), pos);
		}
	}
}

static void
valid_prefix_truncated_positions(void **state)
{
	char s[40];
	size_t pos;

	(void)state;
	/* A lead byte that the end of the buffer cuts off. */
	for (pos = 0; pos <= 20; pos++) {
		memset(s, 'k', sizeof s);
		s[pos] = (char)0xD8;
		assert_int_equal(utf8_valid_prefix(s, pos + 1), pos);
		s[pos] = (char)0xE3;
		s[pos + 1] = (char)0x81;
		assert_int_equal(utf8_valid_prefix(s, pos + 2), pos);
	}
}

static void
valid_prefix_multibyte_in_ascii_run(void **state)
{
	char s[40];
	size_t pos;

	(void)state;
	/* A valid two-byte letter anywhere in a run: all valid. */
	for (pos = 0; pos <= 20; pos++) {
		memset(s, 'k', sizeof s);
		s[pos] = (char)0xD8;
		s[pos + 1] = (char)0xA7;
		assert_int_equal(utf8_valid_prefix(s, sizeof s), sizeof s);
		/* and a surrogate there stops it */
		s[pos] = (char)0xED;
		s[pos + 1] = (char)0xA0;
		s[pos + 2] = (char)0x80;
		assert_int_equal(utf8_valid_prefix(s, sizeof s), pos);
	}
}

static void
valid_prefix_after_arabic(void **state)
{
	char s[64];
	size_t i;

	(void)state;
	/* Ten letters ba (D8 A8), then a C1 byte, then ASCII. */
	for (i = 0; i < 10; i++)
		memcpy(s + 2 * i, "\xD8\xA8", 2);
	s[20] = (char)0xC1;
	memset(s + 21, 'z', sizeof s - 21);
	assert_int_equal(utf8_valid_prefix(s, sizeof s), 20);
	assert_int_equal(utf8_valid_prefix(s, 20), 20);
	assert_int_equal(utf8_valid_prefix(s, 19), 18);
}

/* Where decoding character by character first fails, or n. */
static size_t
first_bad_decode(const char *s, size_t n)
{
	size_t i = 0;
	int32_t cp;

	while (i < n) {
		int len = utf8_decode(s + i, n - i, &cp);

		if (len < 0)
			return i;
		i += (size_t)len;
	}
	return n;
}

static void
valid_prefix_agrees_with_decode(void **state)
{
	/* Pieces that word-at-a-time checking must tell apart. */
	static const char *const pieces[] = {
		"a", " ", "\xD8\xA8", "\xD9\x84", "\xC2\x80", "\xDF\xBF",
		"\xE2\x80\x99", "\xEF\xBB\xBF", "\xF0\x9F\x98\x80",
		"\xC0\x80", "\xC1\xBF", "\x80", "\xBF", "\xD8", "\xD8\xD8",
		"\xED\xA0\x80", "\xF5", "\xFF", "\xE3\x81",
	};
	char s[64];
	uint32_t seed = 12345;
	int round;

	(void)state;
	for (round = 0; round < 200000; round++) {
		size_t n = 0, cut;

		while (n < 40) {
			const char *p;

			seed = seed * 1103515245u + 12345u;
			/* Mostly good pieces, so errors come late too. */
			p = pieces[(seed >> 16) % ((seed >> 8) % 4 ? 9 :
			    sizeof pieces / sizeof pieces[0])];
			memcpy(s + n, p, strlen(p));
			n += strlen(p);
		}
		cut = (seed >> 4) % n + 1;
		assert_int_equal(utf8_valid_prefix(s, cut),
		    first_bad_decode(s, cut));
	}
}

static void
encode_known(void **state)
{
	char out[4];

	(void)state;
	assert_int_equal(utf8_encode(0x41, out), 1);
	assert_memory_equal(out, "A", 1);
	assert_int_equal(utf8_encode(0x0627, out), 2);
	assert_memory_equal(out, "\xD8\xA7", 2);
	assert_int_equal(utf8_encode(0x0640, out), 2);
	assert_memory_equal(out, "\xD9\x80", 2);
	assert_int_equal(utf8_encode(0xFEFB, out), 3);
	assert_memory_equal(out, "\xEF\xBB\xBB", 3);
	assert_int_equal(utf8_encode(UTF8_REPLACEMENT, out), 3);
	assert_memory_equal(out, FFFD, 3);
	assert_int_equal(utf8_encode(0x10FFFF, out), 4);
	assert_memory_equal(out, "\xF4\x8F\xBF\xBF", 4);
}

static void
encode_boundaries(void **state)
{
	static const struct {
		int32_t cp;
		size_t len;
	} t[] = {
		{ 0, 1 }, { 0x7F, 1 }, { 0x80, 2 }, { 0x7FF, 2 },
		{ 0x800, 3 }, { 0xD7FF, 3 }, { 0xE000, 3 }, { 0xFFFF, 3 },
		{ 0x10000, 4 }, { 0x10FFFF, 4 },
	};
	char out[4];
	int32_t cp;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		assert_int_equal(utf8_encode(t[i].cp, out), t[i].len);
		assert_int_equal(utf8_decode(out, t[i].len, &cp),
		    (int)t[i].len);
		assert_int_equal(cp, t[i].cp);
	}
}

static void
encode_round_trip_all_scalars(void **state)
{
	char out[4];
	int32_t c, cp;
	size_t len;

	(void)state;
	for (c = 0; c <= 0x10FFFF; c++) {
		if (c == 0xD800)
			c = 0xE000;
		len = utf8_encode(c, out);
		assert_int_equal(utf8_decode(out, len, &cp), (int)len);
		assert_int_equal(cp, c);
		assert_int_equal(utf8_valid_prefix(out, len), len);
		/* one byte short is never well formed */
		if (len > 1)
			assert_int_equal(utf8_decode(out, len - 1, &cp),
			    -(int)(len - 1));
	}
}

/* Repairs s[0..n) and checks the count and the exact bytes. */
static void
check_repair(const char *s, size_t n, const char *want, size_t wantn,
    size_t replaced)
{
	struct buf b = { 0 };

	assert_int_equal(utf8_repair(s, n, &b), replaced);
	assert_int_equal(b.n, wantn);
	if (wantn > 0)
		assert_memory_equal(b.p, want, wantn);
	assert_int_equal(utf8_valid_prefix(b.p, b.n), b.n);
	buf_free(&b);
}

#define REPAIR(in, out, k) \
	check_repair(in, sizeof in - 1, out, sizeof out - 1, k)

static void
repair_valid_unchanged(void **state)
{
	(void)state;
	REPAIR("", "", 0);
	REPAIR("\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 hello",
	    "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 hello", 0);
	REPAIR("\xF4\x8F\xBF\xBF\xEF\xBB\xBB", "\xF4\x8F\xBF\xBF\xEF\xBB\xBB",
	    0);
}

static void
repair_each_class(void **state)
{
	(void)state;
	REPAIR("a\x80z", "a" FFFD "z", 1);
	REPAIR("\xC0\xAF", FFFD FFFD, 2);
	REPAIR("\xC1\x81q", FFFD FFFD "q", 2);
	REPAIR("\xE0\x80\x80", FFFD FFFD FFFD, 3);
	REPAIR("\xED\xA0\x80", FFFD FFFD FFFD, 3);
	REPAIR("\xF4\x90\x80\x80", FFFD FFFD FFFD FFFD, 4);
	REPAIR("\xF5\xFF", FFFD FFFD, 2);
	REPAIR("x\xF0\x9F\x98", "x" FFFD, 1);
	REPAIR("\xEF\xBB", FFFD, 1);
	REPAIR("\xF0\x9F\x98" "A", FFFD "A", 1);
	REPAIR("\xE3\x81" "A\xD8", FFFD "A" FFFD, 2);
}

static void
repair_mixed_arabic(void **state)
{
	(void)state;
	/* "نور" with a stray continuation, a cut letter and a C0 byte. */
	REPAIR("\xD9\x86\xBF\xD9\x88\xD8\xD8\xB1\xC0",
	    "\xD9\x86" FFFD "\xD9\x88" FFFD "\xD8\xB1" FFFD, 3);
	REPAIR("\xF1\x80\x80\xE1\x80\xD8\xA7\x80\x80\xD9\x80",
	    FFFD FFFD "\xD8\xA7" FFFD FFFD "\xD9\x80", 4);
}

static void
repair_appends(void **state)
{
	struct buf b = { 0 };

	(void)state;
	buf_add(&b, "old:", 4);
	assert_int_equal(utf8_repair("\xFE\xD8\xA7", 3, &b), 1);
	assert_int_equal(b.n, 4 + 3 + 2);
	assert_memory_equal(b.p, "old:" FFFD "\xD8\xA7", b.n);
	buf_free(&b);
}

static void
repair_long_input(void **state)
{
	struct buf b = { 0 };
	char *s;
	size_t i, n = 30000;

	(void)state;
	/* Every tenth byte of an ASCII run is a stray 0x80. */
	s = malloc(n);
	assert_non_null(s);
	for (i = 0; i < n; i++)
		s[i] = i % 10 == 9 ? (char)0x80 : (char)('a' + i % 10);
	assert_int_equal(utf8_repair(s, n, &b), n / 10);
	assert_int_equal(b.n, n + 2 * (n / 10));
	for (i = 0; i < n / 10; i++) {
		assert_memory_equal(b.p + i * 12, s + i * 10, 9);
		assert_memory_equal(b.p + i * 12 + 9, FFFD, 3);
	}
	free(s);
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(decode_ascii),
		cmocka_unit_test(decode_two_byte_arabic),
		cmocka_unit_test(decode_three_byte),
		cmocka_unit_test(decode_four_byte),
		cmocka_unit_test(decode_reads_one_character),
		cmocka_unit_test(decode_lone_continuation),
		cmocka_unit_test(decode_c0_c1_leads),
		cmocka_unit_test(decode_f5_to_ff),
		cmocka_unit_test(decode_overlong_three_and_four),
		cmocka_unit_test(decode_surrogates),
		cmocka_unit_test(decode_above_max),
		cmocka_unit_test(decode_truncated_at_end),
		cmocka_unit_test(decode_respects_length),
		cmocka_unit_test(decode_lead_then_ascii),
		cmocka_unit_test(decode_lead_then_other_lead),
		cmocka_unit_test(valid_prefix_all_valid),
		cmocka_unit_test(valid_prefix_long_ascii),
		cmocka_unit_test(valid_prefix_bad_byte_positions),
		cmocka_unit_test(valid_prefix_truncated_positions),
		cmocka_unit_test(valid_prefix_multibyte_in_ascii_run),
		cmocka_unit_test(valid_prefix_after_arabic),
		cmocka_unit_test(valid_prefix_agrees_with_decode),
		cmocka_unit_test(encode_known),
		cmocka_unit_test(encode_boundaries),
		cmocka_unit_test(encode_round_trip_all_scalars),
		cmocka_unit_test(repair_valid_unchanged),
		cmocka_unit_test(repair_each_class),
		cmocka_unit_test(repair_mixed_arabic),
		cmocka_unit_test(repair_appends),
		cmocka_unit_test(repair_long_input),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
