/* Unit tests for lib/tsv.c: splitting, escaping and canonical forms. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "tsv.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "writer.h"

/* Checks that field i of f is the n bytes at rec + off. */
static void
check_field(const struct tsv_fields *f, size_t i, const char *rec, size_t off,
    size_t n)
{
	assert_true(i < f->n);
	assert_ptr_equal(f->v[i].p, rec + off);
	assert_int_equal(f->v[i].n, n);
}

static void
split_empty_record(void **state)
{
	struct tsv_fields f = { 0 };
	char rec[1] = "";

	(void)state;
	tsv_split(rec, 0, &f);
	assert_int_equal(f.n, 1);
	check_field(&f, 0, rec, 0, 0);
	tsv_fields_free(&f);
}

static void
split_no_tab(void **state)
{
	struct tsv_fields f = { 0 };
	char rec[] = "\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85 x";

	(void)state;
	tsv_split(rec, sizeof rec - 1, &f);
	assert_int_equal(f.n, 1);
	check_field(&f, 0, rec, 0, sizeof rec - 1);
	tsv_fields_free(&f);
}

static void
split_points_into_record(void **state)
{
	struct tsv_fields f = { 0 };
	char rec[] = "word\t\xD9\x83\xD8\xAA\xD8\xA7\xD8\xA8\t17";

	(void)state;
	tsv_split(rec, sizeof rec - 1, &f);
	assert_int_equal(f.n, 3);
	check_field(&f, 0, rec, 0, 4);
	check_field(&f, 1, rec, 5, 8);
	check_field(&f, 2, rec, 14, 2);
	assert_memory_equal(f.v[1].p, "\xD9\x83\xD8\xAA\xD8\xA7\xD8\xA8", 8);
	tsv_fields_free(&f);
}

static void
split_leading_and_trailing_tabs(void **state)
{
	struct tsv_fields f = { 0 };
	char lead[] = "\tend", trail[] = "start\t";

	(void)state;
	tsv_split(lead, sizeof lead - 1, &f);
	assert_int_equal(f.n, 2);
	check_field(&f, 0, lead, 0, 0);
	check_field(&f, 1, lead, 1, 3);
	tsv_split(trail, sizeof trail - 1, &f);
	assert_int_equal(f.n, 2);
	check_field(&f, 0, trail, 0, 5);
	check_field(&f, 1, trail, 6, 0);
	tsv_fields_free(&f);
}

static void
split_adjacent_tabs(void **state)
{
	struct tsv_fields f = { 0 };
	char rec[] = "a\t\t\tb", tabs[] = "\t\t";

	(void)state;
	tsv_split(rec, sizeof rec - 1, &f);
	assert_int_equal(f.n, 4);
	check_field(&f, 0, rec, 0, 1);
	check_field(&f, 1, rec, 2, 0);
	check_field(&f, 2, rec, 3, 0);
	check_field(&f, 3, rec, 4, 1);
	tsv_split(tabs, sizeof tabs - 1, &f);
	assert_int_equal(f.n, 3);
	check_field(&f, 2, tabs, 2, 0);
	tsv_fields_free(&f);
}

static void
split_stops_at_length(void **state)
{
	struct tsv_fields f = { 0 };
	char rec[] = "ab\tcd\tef";

	(void)state;
	tsv_split(rec, 5, &f);
	assert_int_equal(f.n, 2);
	check_field(&f, 1, rec, 3, 2);
	tsv_split(rec, 3, &f);
	assert_int_equal(f.n, 2);
	check_field(&f, 1, rec, 3, 0);
	tsv_fields_free(&f);
}

static void
split_keeps_nul_bytes(void **state)
{
	struct tsv_fields f = { 0 };
	char rec[] = "a\0b\t\0";

	(void)state;
	tsv_split(rec, sizeof rec - 1, &f);
	assert_int_equal(f.n, 2);
	check_field(&f, 0, rec, 0, 3);
	check_field(&f, 1, rec, 4, 1);
	tsv_fields_free(&f);
}

static void
split_many_fields(void **state)
{
	struct tsv_fields f = { 0 };
	char rec[3000];
	size_t i;

	(void)state;
	/* "0\t1\t2\t..." with one-digit fields */
	for (i = 0; i < 1000; i++) {
		rec[2 * i] = (char)('0' + i % 10);
		rec[2 * i + 1] = '\t';
	}
	tsv_split(rec, 1999, &f);
	assert_int_equal(f.n, 1000);
	for (i = 0; i < 1000; i++) {
		check_field(&f, i, rec, 2 * i, 1);
		assert_int_equal(f.v[i].p[0], '0' + i % 10);
	}
	tsv_fields_free(&f);
	assert_null(f.v);
	assert_int_equal(f.n, 0);
}

/* Unescapes a copy of in and compares with want. */
static void
check_unescape(const char *in, size_t n, const char *want, size_t wantn)
{
	char *p = malloc(n + 1);

	assert_non_null(p);
	memcpy(p, in, n);
	assert_int_equal(tsv_unescape(p, n), wantn);
	assert_memory_equal(p, want, wantn);
	free(p);
}

#define UNESCAPE(in, out) \
	check_unescape(in, sizeof in - 1, out, sizeof out - 1)

static void
unescape_plain(void **state)
{
	(void)state;
	UNESCAPE("", "");
	UNESCAPE("\xD9\x82\xD9\x84\xD9\x85 pen",
	    "\xD9\x82\xD9\x84\xD9\x85 pen");
}

static void
unescape_four_escapes(void **state)
{
	(void)state;
	UNESCAPE("\\t", "\t");
	UNESCAPE("\\n", "\n");
	UNESCAPE("\\r", "\r");
	UNESCAPE("\\\\", "\\");
	UNESCAPE("x\\ty\\nz\\r\\\\w", "x\ty\nz\r\\w");
	/* "كتاب\tقلم" */
	UNESCAPE("\xD9\x83\xD8\xAA\xD8\xA7\xD8\xA8\\t\xD9\x82\xD9\x84\xD9\x85",
	    "\xD9\x83\xD8\xAA\xD8\xA7\xD8\xA8\t\xD9\x82\xD9\x84\xD9\x85");
}

static void
unescape_unknown_kept(void **state)
{
	(void)state;
	UNESCAPE("a\\qb", "a\\qb");
	UNESCAPE("\\x41", "\\x41");
	UNESCAPE("\\N\\0\\ ", "\\N\\0\\ ");
	UNESCAPE("\\q\\t", "\\q\t");
}

static void
unescape_trailing_backslash(void **state)
{
	(void)state;
	UNESCAPE("abc\\", "abc\\");
	UNESCAPE("\\", "\\");
	UNESCAPE("\\t\\", "\t\\");
}

static void
unescape_backslash_pairs(void **state)
{
	(void)state;
	UNESCAPE("\\\\t", "\\t");
	UNESCAPE("\\\\\\t", "\\\t");
	UNESCAPE("\\\\\\\\", "\\\\");
	UNESCAPE("\\\\n\\\\r", "\\n\\r");
}

static void
unescape_stops_at_length(void **state)
{
	char p[] = "a\\tb";

	(void)state;
	/* The backslash is last within n: kept, and p[2] not read as 't'. */
	assert_int_equal(tsv_unescape(p, 2), 2);
	assert_memory_equal(p, "a\\tb", 4);
}

static void
unescape_nul_bytes(void **state)
{
	(void)state;
	UNESCAPE("\0\\t\0", "\0\t\0");
	UNESCAPE("\\\0", "\\\0");
}

/* Escapes in and compares with want. */
static void
check_escape(const char *in, size_t n, const char *want, size_t wantn)
{
	struct buf b = { 0 };

	tsv_escape(in, n, &b);
	assert_int_equal(b.n, wantn);
	if (wantn > 0)
		assert_memory_equal(b.p, want, wantn);
	buf_free(&b);
}

#define ESCAPE(in, out) \
	check_escape(in, sizeof in - 1, out, sizeof out - 1)

static void
escape_plain(void **state)
{
	(void)state;
	ESCAPE("", "");
	ESCAPE("\xD8\xB4\xD9\x85\xD8\xB3 sun", "\xD8\xB4\xD9\x85\xD8\xB3 sun");
}

static void
escape_specials(void **state)
{
	(void)state;
	ESCAPE("\t", "\\t");
	ESCAPE("\n", "\\n");
	ESCAPE("\r", "\\r");
	ESCAPE("\\", "\\\\");
	ESCAPE("a\tb\nc\rd\\e", "a\\tb\\nc\\rd\\\\e");
	ESCAPE("\\t", "\\\\t");
	ESCAPE("\t\t", "\\t\\t");
}

static void
escape_keeps_other_controls(void **state)
{
	(void)state;
	ESCAPE("\0\x01\x1B\x7F", "\0\x01\x1B\x7F");
	ESCAPE("\x0B\x0C", "\x0B\x0C");
}

static void
plain_len_agrees_with_bytes(void **state)
{
	/* Specials, the controls near them, bytes that differ from them in
	 * one bit, and plain text; at every position and length. */
	static const char bytes[] = "\t\n\r\\\0\x01\x08\x0B\x0C\x0E\x1F"
	    "\x5D\x89\x8A\xDC a";
	char s[40];
	uint32_t seed = 99;
	int round;

	(void)state;
	for (round = 0; round < 100000; round++) {
		size_t n, i, want;

		seed = seed * 1103515245u + 12345u;
		n = (seed >> 16) % sizeof s;
		for (i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			/* Mostly plain, so the special comes late too. */
			s[i] = (seed >> 20) % 8 ? 'a' :
			    bytes[(seed >> 8) % (sizeof bytes - 1)];
		}
		for (want = 0; want < n; want++)
			if (s[want] == '\t' || s[want] == '\n' ||
			    s[want] == '\r' || s[want] == '\\')
				break;
		assert_int_equal(tsv_plain_len(s, n), want);
	}
}

static void
escape_appends(void **state)
{
	struct buf b = { 0 };

	(void)state;
	buf_add(&b, "k=", 2);
	tsv_escape("v\t", 2, &b);
	assert_int_equal(b.n, 5);
	assert_memory_equal(b.p, "k=v\\t", 5);
	buf_free(&b);
}

/* escape then unescape gives back v[0..n); the escaped form is one field. */
static void
check_round_trip(const char *v, size_t n)
{
	struct buf b = { 0 };
	size_t len;

	tsv_escape(v, n, &b);
	assert_null(memchr(b.p ? b.p : "", '\t', b.n));
	assert_null(memchr(b.p ? b.p : "", '\n', b.n));
	assert_null(memchr(b.p ? b.p : "", '\r', b.n));
	buf_addc(&b, '\0');
	len = tsv_unescape(b.p, b.n - 1);
	assert_int_equal(len, n);
	if (n > 0)
		assert_memory_equal(b.p, v, n);
	buf_free(&b);
}

static void
round_trip_each_byte(void **state)
{
	char v[8];
	int c;

	(void)state;
	for (c = 1; c <= 255; c++) {
		v[0] = (char)c;
		check_round_trip(v, 1);
		memcpy(v, "x", 1);
		v[1] = (char)c;
		v[2] = (char)c;
		v[3] = '\\';
		v[4] = (char)c;
		check_round_trip(v, 5);
	}
}

static void
round_trip_all_bytes_with_nul(void **state)
{
	char v[512];
	int i;

	(void)state;
	for (i = 0; i < 512; i++)
		v[i] = (char)(i * 7 + i / 256);
	check_round_trip(v, sizeof v);
	check_round_trip("\0", 1);
	check_round_trip("a\0\\\0b", 5);
	check_round_trip("\\\0t", 3);
}

static void
round_trip_backslash_runs(void **state)
{
	char v[16];
	size_t k;

	(void)state;
	for (k = 1; k < sizeof v; k++) {
		memset(v, '\\', k);
		check_round_trip(v, k);
		v[k - 1] = 't';
		check_round_trip(v, k);
	}
}

/* Canonicalises in and compares with want. */
static void
check_canonical(const char *in, size_t n, const char *want, size_t wantn)
{
	struct buf b = { 0 };

	tsv_canonical(in, n, &b);
	assert_int_equal(b.n, wantn);
	if (wantn > 0)
		assert_memory_equal(b.p, want, wantn);
	buf_free(&b);
}

#define CANONICAL(in, out) \
	check_canonical(in, sizeof in - 1, out, sizeof out - 1)

static void
canonical_plain_unchanged(void **state)
{
	(void)state;
	CANONICAL("", "");
	CANONICAL("\xD8\xAC\xD9\x85\xD9\x8A\xD9\x84",
	    "\xD8\xAC\xD9\x85\xD9\x8A\xD9\x84");
	CANONICAL("\\t\\n\\r\\\\", "\\t\\n\\r\\\\");
}

static void
canonical_unknown_escape(void **state)
{
	(void)state;
	CANONICAL("a\\qb", "a\\\\qb");
	CANONICAL("a\\\\qb", "a\\\\qb");
	CANONICAL("\\x", "\\\\x");
	CANONICAL("end\\", "end\\\\");
}

static void
canonical_raw_cr(void **state)
{
	(void)state;
	CANONICAL("a\rb", "a\\rb");
	CANONICAL("\r", "\\r");
	CANONICAL("\r\\q", "\\r\\\\q");
}

/* Two spellings of one value have the same canonical form. */
static void
check_same_canonical(const char *a, size_t an, const char *b, size_t bn)
{
	struct buf x = { 0 }, y = { 0 };

	tsv_canonical(a, an, &x);
	tsv_canonical(b, bn, &y);
	assert_int_equal(x.n, y.n);
	assert_memory_equal(x.p, y.p, x.n);
	buf_free(&x);
	buf_free(&y);
}

#define SAME(a, b) check_same_canonical(a, sizeof a - 1, b, sizeof b - 1)

static void
canonical_equal_values(void **state)
{
	(void)state;
	SAME("a\\qb", "a\\\\qb");
	SAME("x\ry", "x\\ry");
	SAME("\\", "\\\\");
	SAME("\\z\\", "\\\\z\\\\");
	SAME("\xD9\x86\\\xD9\x88", "\xD9\x86\\\\\xD9\x88");
}

static void
canonical_idempotent(void **state)
{
	static const char *const in[] = {
		"a\\qb", "\\", "\r\r", "\\\\\\", "x\\ty\\", "\\\\r",
	};
	struct buf once = { 0 }, twice = { 0 };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof in / sizeof in[0]; i++) {
		once.n = twice.n = 0;
		tsv_canonical(in[i], strlen(in[i]), &once);
		tsv_canonical(once.p, once.n, &twice);
		assert_int_equal(once.n, twice.n);
		assert_memory_equal(once.p, twice.p, once.n);
	}
	buf_free(&once);
	buf_free(&twice);
}

static void
canonical_is_escape_of_unescape(void **state)
{
	/* Bytes a field can hold (no TAB or LF), escapes likely. */
	static const char alpha[] = "\\\\\\tnrqx\r\0\xD8\xA7 ";
	struct buf got = { 0 }, want = { 0 };
	char field[12], copy[12];
	size_t i, j, n, len;
	uint32_t x = 12345;

	(void)state;
	for (i = 0; i < 20000; i++) {
		n = i % 12;
		for (j = 0; j < n; j++) {
			x = x * 1103515245 + 12345;
			field[j] = alpha[(x >> 16) % (sizeof alpha - 1)];
		}
		got.n = want.n = 0;
		tsv_canonical(field, n, &got);
		memcpy(copy, field, n);
		len = tsv_unescape(copy, n);
		tsv_escape(copy, len, &want);
		assert_int_equal(got.n, want.n);
		if (got.n > 0)
			assert_memory_equal(got.p, want.p, got.n);
	}
	buf_free(&got);
	buf_free(&want);
}

static void
canonical_appends(void **state)
{
	struct buf b = { 0 };

	(void)state;
	tsv_canonical("k\\q", 3, &b);
	buf_addc(&b, '\t');
	tsv_canonical("\\\\v\r", 4, &b);
	assert_int_equal(b.n, 10);
	assert_memory_equal(b.p, "k\\\\q\t\\\\v\\r", 10);
	buf_free(&b);
}

/* Reads the whole file open on fd (from its start) into b. */
static void
slurp(int fd, struct buf *b)
{
	char tmp[8192];
	ssize_t k;
	off_t off = 0;

	while ((k = pread(fd, tmp, sizeof tmp, off)) > 0) {
		buf_add(b, tmp, (size_t)k);
		off += k;
	}
	assert_int_equal(k, 0);
}

static int
temp_fd(void)
{
	char path[] = "/tmp/satr-test-tsv-XXXXXX";
	int fd = mkstemp(path);

	assert_true(fd >= 0);
	unlink(path);
	return fd;
}

/* tsv_write_escaped(v) writes exactly what tsv_escape(v) appends. */
static void
check_write_escaped(const char *v, size_t n)
{
	struct writer w;
	struct buf want = { 0 }, got = { 0 };
	int fd = temp_fd();

	writer_init(&w, fd, 0);
	writer_puts(&w, "<");
	tsv_write_escaped(&w, v, n);
	writer_puts(&w, ">");
	assert_int_equal(writer_close(&w), 0);
	buf_addc(&want, '<');
	tsv_escape(v, n, &want);
	buf_addc(&want, '>');
	slurp(fd, &got);
	assert_int_equal(got.n, want.n);
	assert_memory_equal(got.p, want.p, want.n);
	close(fd);
	buf_free(&want);
	buf_free(&got);
}

static void
write_escaped_small(void **state)
{
	(void)state;
	check_write_escaped("", 0);
	check_write_escaped("plain", 5);
	check_write_escaped("\t", 1);
	check_write_escaped("\xD9\x84\\\t\n\r\0z", 8);
}

static void
write_escaped_exact_bytes(void **state)
{
	struct writer w;
	struct buf got = { 0 };
	int fd = temp_fd();

	(void)state;
	writer_init(&w, fd, 0);
	tsv_write_escaped(&w, "a\tb\\c\n", 6);
	assert_int_equal(writer_close(&w), 0);
	slurp(fd, &got);
	assert_int_equal(got.n, 9);
	assert_memory_equal(got.p, "a\\tb\\\\c\\n", 9);
	close(fd);
	buf_free(&got);
}

static void
write_escaped_large(void **state)
{
	size_t n = 300000, i;
	char *v = malloc(n);

	(void)state;
	assert_non_null(v);
	/* Long plain runs, then bursts of bytes needing escapes. */
	for (i = 0; i < n; i++)
		v[i] = (i / 1000) % 3 == 0 ? "\t\\\n\r"[i % 4] :
		    (char)('a' + i % 26);
	check_write_escaped(v, n);
	free(v);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(split_empty_record),
		cmocka_unit_test(split_no_tab),
		cmocka_unit_test(split_points_into_record),
		cmocka_unit_test(split_leading_and_trailing_tabs),
		cmocka_unit_test(split_adjacent_tabs),
		cmocka_unit_test(split_stops_at_length),
		cmocka_unit_test(split_keeps_nul_bytes),
		cmocka_unit_test(split_many_fields),
		cmocka_unit_test(unescape_plain),
		cmocka_unit_test(unescape_four_escapes),
		cmocka_unit_test(unescape_unknown_kept),
		cmocka_unit_test(unescape_trailing_backslash),
		cmocka_unit_test(unescape_backslash_pairs),
		cmocka_unit_test(unescape_stops_at_length),
		cmocka_unit_test(unescape_nul_bytes),
		cmocka_unit_test(escape_plain),
		cmocka_unit_test(plain_len_agrees_with_bytes),
		cmocka_unit_test(escape_specials),
		cmocka_unit_test(escape_keeps_other_controls),
		cmocka_unit_test(escape_appends),
		cmocka_unit_test(round_trip_each_byte),
		cmocka_unit_test(round_trip_all_bytes_with_nul),
		cmocka_unit_test(round_trip_backslash_runs),
		cmocka_unit_test(canonical_plain_unchanged),
		cmocka_unit_test(canonical_unknown_escape),
		cmocka_unit_test(canonical_raw_cr),
		cmocka_unit_test(canonical_equal_values),
		cmocka_unit_test(canonical_idempotent),
		cmocka_unit_test(canonical_is_escape_of_unescape),
		cmocka_unit_test(canonical_appends),
		cmocka_unit_test(write_escaped_small),
		cmocka_unit_test(write_escaped_exact_bytes),
		cmocka_unit_test(write_escaped_large),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
