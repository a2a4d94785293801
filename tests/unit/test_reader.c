/* Unit tests for lib/reader.c: records from files and pipes. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "reader.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fds.h"
#include "mem.h"

/* Expects the next record to be want[0..n). */
static void
expect(struct reader *r, const char *want, size_t n)
{
	char *rec = NULL;
	size_t len = (size_t)-1;

	assert_int_equal(reader_next(r, &rec, &len), 1);
	assert_int_equal(len, n);
	if (n > 0)
		assert_memory_equal(rec, want, n);
}

#define EXPECT(r, s) expect(r, s, sizeof s - 1)

static void
expect_end(struct reader *r)
{
	char *rec;
	size_t len;

	assert_int_equal(reader_next(r, &rec, &len), 0);
	assert_int_equal(reader_next(r, &rec, &len), 0);
}

#define INPUT(s) file_with(s, sizeof s - 1)

static void
empty_input(void **state)
{
	struct reader r;
	int fd = INPUT("");

	(void)state;
	reader_init(&r, fd);
	expect_end(&r);
	assert_int_equal(r.line, 0);
	assert_int_equal(r.err, 0);
	reader_free(&r);
	close(fd);
}

static void
lf_lines(void **state)
{
	struct reader r;
	/* "واحد\nاثنان\nثلاثة\n" */
	int fd = INPUT("\xD9\x88\xD8\xA7\xD8\xAD\xD8\xAF\n"
	    "\xD8\xA7\xD8\xAB\xD9\x86\xD8\xA7\xD9\x86\n"
	    "\xD8\xAB\xD9\x84\xD8\xA7\xD8\xAB\xD8\xA9\n");

	(void)state;
	reader_init(&r, fd);
	EXPECT(&r, "\xD9\x88\xD8\xA7\xD8\xAD\xD8\xAF");
	EXPECT(&r, "\xD8\xA7\xD8\xAB\xD9\x86\xD8\xA7\xD9\x86");
	EXPECT(&r, "\xD8\xAB\xD9\x84\xD8\xA7\xD8\xAB\xD8\xA9");
	expect_end(&r);
	assert_int_equal(r.line, 3);
	reader_free(&r);
	close(fd);
}

static void
crlf_stripped(void **state)
{
	struct reader r;
	int fd = INPUT("one\r\ntwo\r\n\r\nfour\r\n");

	(void)state;
	reader_init(&r, fd);
	EXPECT(&r, "one");
	EXPECT(&r, "two");
	EXPECT(&r, "");
	EXPECT(&r, "four");
	expect_end(&r);
	reader_free(&r);
	close(fd);
}

static void
lone_cr_kept(void **state)
{
	struct reader r;
	int fd = INPUT("a\rb\n\r\r\n\rx\n");

	(void)state;
	reader_init(&r, fd);
	EXPECT(&r, "a\rb");
	EXPECT(&r, "\r");	/* only the CR before LF goes */
	EXPECT(&r, "\rx");
	expect_end(&r);
	reader_free(&r);
	close(fd);
}

static void
final_cr_without_lf_kept(void **state)
{
	struct reader r;
	int fd = INPUT("x\r\nlast\r");

	(void)state;
	reader_init(&r, fd);
	EXPECT(&r, "x");
	EXPECT(&r, "last\r");
	expect_end(&r);
	reader_free(&r);
	close(fd);
}

static void
missing_final_newline(void **state)
{
	struct reader r;
	int fd = INPUT("first\nsecond");

	(void)state;
	reader_init(&r, fd);
	EXPECT(&r, "first");
	EXPECT(&r, "second");
	expect_end(&r);
	assert_int_equal(r.line, 2);
	reader_free(&r);
	close(fd);
}

static void
only_newline(void **state)
{
	struct reader r;
	int fd = INPUT("\n");

	(void)state;
	reader_init(&r, fd);
	EXPECT(&r, "");
	expect_end(&r);
	assert_int_equal(r.line, 1);
	reader_free(&r);
	close(fd);
}

static void
empty_lines(void **state)
{
	struct reader r;
	int fd = INPUT("\n\n\nmid\n\n");

	(void)state;
	reader_init(&r, fd);
	EXPECT(&r, "");
	EXPECT(&r, "");
	EXPECT(&r, "");
	EXPECT(&r, "mid");
	EXPECT(&r, "");
	expect_end(&r);
	assert_int_equal(r.line, 5);
	reader_free(&r);
	close(fd);
}

static void
nul_bytes_kept(void **state)
{
	struct reader r;
	int fd = INPUT("a\0b\n\0\0\n\0");

	(void)state;
	reader_init(&r, fd);
	EXPECT(&r, "a\0b");
	EXPECT(&r, "\0\0");
	EXPECT(&r, "\0");
	expect_end(&r);
	reader_free(&r);
	close(fd);
}

/* Expects a record and its line number and byte offset. */
static void
expect_at(struct reader *r, const char *want, uint64_t line, uint64_t off)
{
	expect(r, want, strlen(want));
	assert_int_equal(r->line, line);
	assert_int_equal(r->offset, off);
}

static void
line_numbers_and_offsets(void **state)
{
	struct reader r;
	/* offsets: 0, 4, 5, 15, 20 */
	int fd = INPUT("ab\r\n\n\xD9\x86\xD8\xB5 cde\r\nfg\rh\nij");

	(void)state;
	reader_init(&r, fd);
	expect_at(&r, "ab", 1, 0);
	expect_at(&r, "", 2, 4);
	expect_at(&r, "\xD9\x86\xD8\xB5 cde", 3, 5);
	expect_at(&r, "fg\rh", 4, 15);
	expect_at(&r, "ij", 5, 20);
	expect_end(&r);
	assert_int_equal(r.line, 5);
	reader_free(&r);
	close(fd);
}

static void
records_are_writable(void **state)
{
	struct reader r;
	char *rec;
	size_t n;
	int fd = INPUT("abc\ndef\n");

	(void)state;
	reader_init(&r, fd);
	assert_int_equal(reader_next(&r, &rec, &n), 1);
	assert_int_equal(n, 3);
	assert_memory_equal(rec, "abc", 3);
	/* scribbling over a record (and its LF) spoils nothing after it */
	memset(rec, 'X', n + 1);
	EXPECT(&r, "def");
	expect_end(&r);
	reader_free(&r);
	close(fd);
}

static void
one_mib_line(void **state)
{
	size_t n = 1 << 20, i;
	char *s = malloc(n + 8);
	struct reader r;
	int fd;

	(void)state;
	assert_non_null(s);
	for (i = 0; i < n; i++)
		s[i] = (char)('A' + i % 23);
	memcpy(s + n, "\nzz\n", 4);
	fd = file_with(s, n + 4);
	reader_init(&r, fd);
	expect(&r, s, n);
	assert_int_equal(r.line, 1);
	expect_at(&r, "zz", 2, (uint64_t)n + 1);
	expect_end(&r);
	reader_free(&r);
	close(fd);
	free(s);
}

static void
one_mib_line_from_pipe(void **state)
{
	size_t n = (1 << 20) + 3, i;
	char *s = malloc(n);
	struct reader r;
	pid_t pid;
	int fd;

	(void)state;
	assert_non_null(s);
	for (i = 0; i < n; i++)
		s[i] = (char)('a' + i % 19);
	s[n - 3] = '\r';
	s[n - 2] = '\n';
	s[n - 1] = 'q';
	fd = pipe_with(s, n, 10007, &pid);
	reader_init(&r, fd);
	expect(&r, s, n - 3);
	expect_at(&r, "q", 2, (uint64_t)n - 1);
	expect_end(&r);
	reader_free(&r);
	close(fd);
	wait_child(pid);
	free(s);
}

static void
crlf_across_buffer_boundary(void **state)
{
	/* The first read takes 64 KiB and ends between the CR and LF. */
	size_t n = 65535;
	char *s = malloc(n + 8);
	struct reader r;
	int fd;

	(void)state;
	assert_non_null(s);
	memset(s, 'w', n);
	memcpy(s + n, "\r\nok\r\n", 6);
	fd = file_with(s, n + 6);
	reader_init(&r, fd);
	expect(&r, s, n);
	expect_at(&r, "ok", 2, (uint64_t)n + 2);
	expect_end(&r);
	reader_free(&r);
	close(fd);
	free(s);
}

static void
long_line_after_short_lines(void **state)
{
	size_t nshort = 5000, nlong = 300000, i, off;
	size_t total = nshort * 4 + nlong + 4;
	char *s = malloc(total);
	struct reader r;
	int fd;

	(void)state;
	assert_non_null(s);
	/* "ab\r\n" times nshort, then one long line, then "end" */
	for (i = 0; i < nshort; i++)
		memcpy(s + 4 * i, "ab\r\n", 4);
	off = 4 * nshort;
	for (i = 0; i < nlong; i++)
		s[off + i] = (char)('0' + i % 10);
	memcpy(s + off + nlong, "\nend", 4);
	fd = file_with(s, total);
	reader_init(&r, fd);
	for (i = 0; i < nshort; i++)
		expect_at(&r, "ab", i + 1, 4 * i);
	expect(&r, s + off, nlong);
	assert_int_equal(r.offset, off);
	expect_at(&r, "end", nshort + 2, off + nlong + 1);
	expect_end(&r);
	reader_free(&r);
	close(fd);
	free(s);
}

/* Input of many short lines, some Arabic, some CRLF, some empty. */
static void
make_short_lines(struct buf *in, size_t total)
{
	static const char *const words[] = {
		"", "a", "\xD9\x81\xD9\x8A", "line",
		"\xD8\xAD\xD8\xB1\xD9\x81 x",
		"0123456789abcdef", "\t\t", "\xEF\xBB\xBB",
	};
	size_t i = 0;

	while (in->n < total) {
		const char *w = words[i % 8];

		buf_add(in, w, strlen(w));
		if (i % 5 == 0)
			buf_add(in, "-", 1);
		buf_add(in, i % 7 == 3 ? "\r\n" : "\n", i % 7 == 3 ? 2 : 1);
		i++;
	}
}

/* Reads all of fd and checks it against in: records, lines, offsets. */
static void
check_short_lines(int fd, const struct buf *in)
{
	struct reader r;
	char *rec;
	size_t n, pos = 0;
	uint64_t line = 0;
	int k;

	reader_init(&r, fd);
	while ((k = reader_next(&r, &rec, &n)) == 1) {
		const char *nl = memchr(in->p + pos, '\n', in->n - pos);
		size_t want;

		assert_non_null(nl);
		want = (size_t)(nl - (in->p + pos));
		if (want > 0 && in->p[pos + want - 1] == '\r')
			want--;
		assert_int_equal(n, want);
		assert_memory_equal(rec, in->p + pos, n);
		assert_int_equal(r.line, ++line);
		assert_int_equal(r.offset, pos);
		pos = (size_t)(nl - in->p) + 1;
	}
	assert_int_equal(k, 0);
	assert_int_equal(pos, in->n);
	assert_true(line > 10000);
	reader_free(&r);
}

static void
many_lines_across_buffers(void **state)
{
	struct buf in = { 0 };
	int fd;

	(void)state;
	make_short_lines(&in, 300000);
	fd = file_with(in.p, in.n);
	check_short_lines(fd, &in);
	close(fd);
	buf_free(&in);
}

static void
many_lines_from_pipe(void **state)
{
	struct buf in = { 0 };
	pid_t pid;
	int fd;

	(void)state;
	make_short_lines(&in, 300000);
	fd = pipe_with(in.p, in.n, 777, &pid);
	check_short_lines(fd, &in);
	close(fd);
	wait_child(pid);
	buf_free(&in);
}

static void
read_error_on_directory(void **state)
{
	struct reader r;
	char *rec;
	size_t n;
	int fd = open("/tmp", O_RDONLY | O_DIRECTORY);

	(void)state;
	assert_true(fd >= 0);
	reader_init(&r, fd);
	assert_int_equal(reader_next(&r, &rec, &n), -1);
	assert_int_equal(r.err, EISDIR);
	assert_int_equal(r.line, 0);
	reader_free(&r);
	close(fd);
}

static void
read_error_on_bad_fd(void **state)
{
	struct reader r;
	char *rec;
	size_t n;

	(void)state;
	reader_init(&r, -1);
	assert_int_equal(reader_next(&r, &rec, &n), -1);
	assert_int_equal(r.err, EBADF);
	reader_free(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(empty_input),
		cmocka_unit_test(lf_lines),
		cmocka_unit_test(crlf_stripped),
		cmocka_unit_test(lone_cr_kept),
		cmocka_unit_test(final_cr_without_lf_kept),
		cmocka_unit_test(missing_final_newline),
		cmocka_unit_test(only_newline),
		cmocka_unit_test(empty_lines),
		cmocka_unit_test(nul_bytes_kept),
		cmocka_unit_test(line_numbers_and_offsets),
		cmocka_unit_test(records_are_writable),
		cmocka_unit_test(one_mib_line),
		cmocka_unit_test(one_mib_line_from_pipe),
		cmocka_unit_test(crlf_across_buffer_boundary),
		cmocka_unit_test(long_line_after_short_lines),
		cmocka_unit_test(many_lines_across_buffers),
		cmocka_unit_test(many_lines_from_pipe),
		cmocka_unit_test(read_error_on_directory),
		cmocka_unit_test(read_error_on_bad_fd),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
