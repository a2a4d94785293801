/* Unit tests for lib/source.c: files read as text, gzip inflated. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "source.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <zlib.h>

#include "fds.h"
#include "mem.h"

/* text[0..n) as one gzip member, appended to out. */
static void
gzip_into(const char *text, size_t n, struct buf *out)
{
	z_stream z;
	unsigned char chunk[4096];
	int r;

	memset(&z, 0, sizeof z);
	assert_int_equal(deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8,
	    Z_DEFAULT_STRATEGY), Z_OK);
	z.next_in = (unsigned char *)(uintptr_t)text;
	z.avail_in = (uInt)n;
	do {
		z.next_out = chunk;
		z.avail_out = sizeof chunk;
		r = deflate(&z, Z_FINISH);
		buf_add(out, chunk, sizeof chunk - z.avail_out);
	} while (r == Z_OK);
	assert_int_equal(r, Z_STREAM_END);
	deflateEnd(&z);
}

/* Reads s to its end, cap bytes a call, into out: the last result. */
static long
read_all(struct source *s, size_t cap, struct buf *out)
{
	char tmp[8192];
	long k;

	assert_true(cap <= sizeof tmp);
	while ((k = source_read(s, tmp, cap)) > 0)
		buf_add(out, tmp, (size_t)k);
	return k;
}

/* Opening fd must succeed; reading gives want, then the end. */
static void
check_reads(int fd, const char *from, const char *want, size_t n,
    size_t cap)
{
	struct source s;
	struct buf got = { 0 };
	char err[256] = "";

	if (source_open(&s, fd, from, 0, err, sizeof err) < 0)
		fail_msg("source_open: %s", err);
	assert_int_equal(read_all(&s, cap, &got), 0);
	assert_int_equal(got.n, n);
	assert_memory_equal(got.p, want, n);
	source_close(&s);
	buf_free(&got);
	close(fd);
}

static void
test_plain_bytes_pass(void **state)
{
	static const char text[] = "سطر أول\nsecond line\n";

	(void)state;
	check_reads(file_with(text, sizeof text - 1), NULL, text,
	    sizeof text - 1, 3);
	/* Shorter than the bytes looked at first, and empty. */
	check_reads(file_with("ab", 2), NULL, "ab", 2, 1);
	check_reads(file_with("", 0), NULL, "", 0, 16);
}

static void
test_gzip_inflated(void **state)
{
	struct buf gz = { 0 }, text = { 0 };
	size_t i;

	(void)state;
	for (i = 0; i < 20000; i++)
		buf_add(&text, "كلمة ", strlen("كلمة "));
	gzip_into(text.p, text.n, &gz);
	check_reads(file_with(gz.p, gz.n), NULL, text.p, text.n, 8192);
	check_reads(file_with(gz.p, gz.n), NULL, text.p, text.n, 7);
	buf_free(&gz);
	buf_free(&text);
}

/* gzip files may be members one after another (cat a.gz b.gz). */
static void
test_gzip_members(void **state)
{
	struct buf gz = { 0 };
	pid_t pid;

	(void)state;
	gzip_into("one\n", 4, &gz);
	gzip_into("", 0, &gz);
	gzip_into("two\n", 4, &gz);
	check_reads(file_with(gz.p, gz.n), NULL, "one\ntwo\n", 8, 100);
	/* From a pipe, a byte a write: the first bytes come in pieces. */
	check_reads(pipe_with(gz.p, gz.n, 1, &pid), NULL, "one\ntwo\n", 8,
	    100);
	wait_child(pid);
	buf_free(&gz);
}

/* Reads to the error: its message, and errno EILSEQ. */
static void
check_fails(const void *p, size_t n, const char *msg)
{
	struct source s;
	struct buf got = { 0 };
	char err[256] = "";
	int fd = file_with(p, n);

	assert_int_equal(source_open(&s, fd, NULL, 0, err, sizeof err), 0);
	errno = 0;
	assert_int_equal(read_all(&s, 4096, &got), -1);
	assert_int_equal(errno, EILSEQ);
	assert_string_equal(source_error(&s), msg);
	source_close(&s);
	buf_free(&got);
	close(fd);
}

static void
test_gzip_damaged(void **state)
{
	struct buf gz = { 0 };
	char msg[64];

	(void)state;
	gzip_into("some text that is long enough\n", 30, &gz);
	snprintf(msg, sizeof msg, "gzip data cut short at byte %zu",
	    gz.n - 5);
	check_fails(gz.p, gz.n - 5, msg);
	gz.p[gz.n - 3] ^= 0x55;		/* the length in the trailer */
	snprintf(msg, sizeof msg, "not valid gzip data near byte %zu "
	    "(incorrect length check)", gz.n);
	check_fails(gz.p, gz.n, msg);
	gz.p[gz.n - 3] ^= 0x55;
	buf_add(&gz, "junk", 4);	/* not another member */
	snprintf(msg, sizeof msg, "not valid gzip data near byte %zu "
	    "(incorrect header check)", gz.n - 2);
	check_fails(gz.p, gz.n, msg);
	buf_free(&gz);
}

static void
test_other_formats_refused(void **state)
{
	static const struct {
		const char *bytes;
		size_t n;
		const char *says;
	} cases[] = {
		{ "\xFD" "7zXZ\0\0\0", 8, "xz-compressed" },
		{ "BZh91AY&SY\0\0", 12, "bzip2-compressed" },
		{ "\x28\xB5\x2F\xFD\0\0", 6, "zstd-compressed" },
		{ "PK\x03\x04\0\0", 6, "zip archive" },
		{ "%PDF-1.7\n", 9, "PDF file" },
	};
	struct source s;
	char err[256];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int fd = file_with(cases[i].bytes, cases[i].n);

		err[0] = '\0';
		assert_int_equal(source_open(&s, fd, NULL, 0, err, sizeof err),
		    -1);
		assert_non_null(strstr(err, cases[i].says));
		close(fd);
	}
	/* Text that starts like bzip2's magic is text. */
	check_reads(file_with("BZh is a word\n", 14), NULL, "BZh is a word\n",
	    14, 100);
}

/* Windows-1256 text, gzip-compressed, decoded after inflating. */
static void
test_gzip_then_decode(void **state)
{
	static const char cp1256[] = "\xd3\xd8\xd1\n";	/* سطر */
	struct buf gz = { 0 };

	(void)state;
	gzip_into(cp1256, 4, &gz);
	check_reads(file_with(gz.p, gz.n), "windows-1256", "سطر\n",
	    strlen("سطر\n"), 100);
	buf_free(&gz);
}

/* "auto" names what it found, except UTF-8, which it keeps quiet. */
static void
test_auto_names_other_encodings(void **state)
{
	static const char cp1256[] = "\xc7\xe1\xd3\xe1\xc7\xe3 \xda\xe1\xed"
	    "\xdf\xe3 \xe6\xd1\xcd\xe3\xc9 \xc7\xe1\xe1\xe5 \xe6\xc8\xd1\xdf"
	    "\xc7\xca\xe5 \xdd\xed \xc7\xe1\xe3\xcf\xed\xe4\xc9\n";
	static const char utf8[] = "السلام عليكم ورحمة الله وبركاته في "
	    "المدينة\n";
	struct source s;
	char err[256];
	int fd = file_with(cp1256, sizeof cp1256 - 1);

	(void)state;
	assert_int_equal(source_open(&s, fd, "auto", 0, err, sizeof err), 0);
	assert_non_null(source_encoding(&s));
	source_close(&s);
	close(fd);
	fd = file_with(utf8, sizeof utf8 - 1);
	assert_int_equal(source_open(&s, fd, "auto", 0, err, sizeof err), 0);
	assert_null(source_encoding(&s));
	source_close(&s);
	close(fd);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_bytes_pass),
		cmocka_unit_test(test_gzip_inflated),
		cmocka_unit_test(test_gzip_members),
		cmocka_unit_test(test_gzip_damaged),
		cmocka_unit_test(test_other_formats_refused),
		cmocka_unit_test(test_gzip_then_decode),
		cmocka_unit_test(test_auto_names_other_encodings),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
