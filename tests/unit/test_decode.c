/* Unit tests for lib/decode.c: text in other encodings read as UTF-8. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "decode.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fds.h"
#include "mem.h"
#include "reader.h"
#include "utf8.h"

/* The decoders' byte source: the descriptor of the test at hand. */
static int source_fd;

static long
read_source_fd(void *ctx, char *buf, size_t cap)
{
	(void)ctx;
	return (long)read(source_fd, buf, cap);
}

static struct decoder *
open_ok(int fd, const char *from, int replace, const char **chosen)
{
	char err[256] = "";
	const char *ch = NULL;
	struct decoder *d;

	source_fd = fd;
	d = decoder_open(read_source_fd, NULL, from, replace, &ch, err,
	    sizeof err);

	if (d == NULL)
		fail_msg("decoder_open(%s): %s", from, err);
	assert_non_null(ch);
	if (chosen != NULL)
		*chosen = ch;
	return d;
}

/* Reads d to its end or an error, cap bytes at a time, into out; returns
 * the last decoder_read() result, 0 or -1. */
static long
read_all(struct decoder *d, size_t cap, struct buf *out)
{
	char *tmp = xmalloc(cap);
	long k;

	while ((k = decoder_read(d, tmp, cap)) > 0) {
		assert_true((size_t)k <= cap);
		buf_add(out, tmp, (size_t)k);
	}
	free(tmp);
	return k;
}

static void
assert_buf_is(const struct buf *b, const char *want, size_t n)
{
	assert_int_equal(b->n, n);
	if (n > 0)
		assert_memory_equal(b->p, want, n);
}

/* Decodes p[0..n) from a file in encoding from; checks it reads as
 * want. */
static void
check_decodes(const void *p, size_t n, const char *from, const char *want)
{
	struct buf out = { 0 };
	int fd = file_with(p, n);
	struct decoder *d = open_ok(fd, from, 0, NULL);

	assert_int_equal(read_all(d, 4096, &out), 0);
	assert_buf_is(&out, want, strlen(want));
	/* The end stays the end. */
	assert_int_equal(decoder_read(d, (char [8]){ 0 }, 8), 0);
	assert_int_equal(decoder_replaced(d), 0);
	buf_free(&out);
	decoder_close(d);
	close(fd);
}

/*
 * Windows-1256 by hand, for the letters the texts below use; checked
 * against the decoder by round trips.
 */
static const struct {
	int32_t cp;
	unsigned char b;
} cp1256[] = {
	{ 0x060C, 0xA1 }, { 0x061B, 0xBA }, { 0x061F, 0xBF },
	{ 0x00AB, 0xAB }, { 0x00BB, 0xBB },
	{ 0x0621, 0xC1 }, { 0x0622, 0xC2 }, { 0x0623, 0xC3 }, { 0x0624, 0xC4 },
	{ 0x0625, 0xC5 }, { 0x0626, 0xC6 }, { 0x0627, 0xC7 }, { 0x0628, 0xC8 },
	{ 0x0629, 0xC9 }, { 0x062A, 0xCA }, { 0x062B, 0xCB }, { 0x062C, 0xCC },
	{ 0x062D, 0xCD }, { 0x062E, 0xCE }, { 0x062F, 0xCF }, { 0x0630, 0xD0 },
	{ 0x0631, 0xD1 }, { 0x0632, 0xD2 }, { 0x0633, 0xD3 }, { 0x0634, 0xD4 },
	{ 0x0635, 0xD5 }, { 0x0636, 0xD6 }, { 0x0637, 0xD8 }, { 0x0638, 0xD9 },
	{ 0x0639, 0xDA }, { 0x063A, 0xDB }, { 0x0640, 0xDC }, { 0x0641, 0xDD },
	{ 0x0642, 0xDE }, { 0x0643, 0xDF }, { 0x0644, 0xE1 }, { 0x0645, 0xE3 },
	{ 0x0646, 0xE4 }, { 0x0647, 0xE5 }, { 0x0648, 0xE6 }, { 0x0649, 0xEC },
	{ 0x064A, 0xED },
};

/* Appends UTF-8 s in windows-1256 to out. */
static void
encode_1256(const char *s, struct buf *out)
{
	size_t i = 0, n = strlen(s), k;

	while (i < n) {
		int32_t cp;
		int len = utf8_decode(s + i, n - i, &cp);

		assert_true(len > 0);
		if (cp < 0x80) {
			buf_addc(out, (char)cp);
		} else {
			for (k = 0; k < sizeof cp1256 / sizeof cp1256[0]; k++)
				if (cp1256[k].cp == cp)
					break;
			if (k == sizeof cp1256 / sizeof cp1256[0])
				fail_msg("U+%04X is not in the table",
				    (unsigned)cp);
			buf_addc(out, (char)cp1256[k].b);
		}
		i += (size_t)len;
	}
}

/* Appends UTF-8 s in UTF-16LE to out. */
static void
encode_utf16le(const char *s, struct buf *out)
{
	size_t i = 0, n = strlen(s);

	while (i < n) {
		int32_t cp;
		int len = utf8_decode(s + i, n - i, &cp);
		uint32_t u[2];
		int k, nu = 1;

		assert_true(len > 0);
		if (cp >= 0x10000) {
			u[0] = 0xD800 + ((uint32_t)(cp - 0x10000) >> 10);
			u[1] = 0xDC00 + ((uint32_t)(cp - 0x10000) & 0x3FF);
			nu = 2;
		} else {
			u[0] = (uint32_t)cp;
		}
		for (k = 0; k < nu; k++) {
			buf_addc(out, (char)(u[k] & 0xFF));
			buf_addc(out, (char)(u[k] >> 8));
		}
		i += (size_t)len;
	}
}

/* Some paragraphs of Arabic prose, about 560 bytes in windows-1256. */
static const char prose[] =
    "خرج الصياد العجوز إلى البحر قبل طلوع الفجر، وكان الموج هادئا "
    "والريح خفيفة. ألقى شبكته في الماء وانتظر طويلا حتى اشتد حر "
    "الشمس؛ ثم سحبها فوجدها مليئة بالسمك الصغير.\n"
    "قال لابنه حين عاد إلى الشاطئ: «هذا رزق يومنا، فلنحمد الله عليه». "
    "فسأله الولد: لماذا لا نذهب أبعد من ذلك غدا؟ فأجابه الأب بأن "
    "البحر لا يؤتمن في هذا الفصل من السنة.\n"
    "وفي المساء جلست العائلة حول النار تستمع إلى حكايات الجد عن "
    "السفن التي كانت تبحر إلى الهند والصين، وعن التجار الذين عادوا "
    "محملين بالتوابل والحرير والذهب.\n";

static void
test_windows_1256_sentence(void **state)
{
	/* يا بيت العلم؟ */
	static const char in[] = "\xED\xC7\x20\xC8\xED\xCA\x20\xC7\xE1\xDA"
	    "\xE1\xE3\xBF\n";

	(void)state;
	check_decodes(in, sizeof in - 1, "windows-1256",
	    "\xD9\x8A\xD8\xA7 \xD8\xA8\xD9\x8A\xD8\xAA "
	    "\xD8\xA7\xD9\x84\xD8\xB9\xD9\x84\xD9\x85\xD8\x9F\n");
}

static void
test_windows_1256_punctuation(void **state)
{
	/* «تعال»، قال؛ */
	static const char in[] = "\xAB\xCA\xDA\xC7\xE1\xBB\xA1 \xDE\xC7\xE1"
	    "\xBA";

	(void)state;
	check_decodes(in, sizeof in - 1, "windows-1256",
	    "«تعال»، قال؛");
}

/* Every byte of the table decodes to its character, and the prose comes
 * back as it was. */
static void
test_windows_1256_round_trip_table(void **state)
{
	struct buf in = { 0 }, want = { 0 };
	char u[4];
	size_t k;

	(void)state;
	for (k = 0; k < sizeof cp1256 / sizeof cp1256[0]; k++) {
		buf_addc(&in, (char)cp1256[k].b);
		buf_add(&want, u, utf8_encode(cp1256[k].cp, u));
	}
	buf_addc(&want, '\0');
	check_decodes(in.p, in.n, "windows-1256", want.p);
	in.n = 0;
	encode_1256(prose, &in);
	check_decodes(in.p, in.n, "windows-1256", prose);
	buf_free(&in);
	buf_free(&want);
}

static void
test_windows_1256_through_reader(void **state)
{
	struct buf in = { 0 };
	struct reader rd;
	struct decoder *d;
	char *rec;
	size_t n;
	int fd;

	(void)state;
	encode_1256("سطر أول\r\nسطر ثان\n\nوسطر أخير", &in);
	fd = file_with(in.p, in.n);
	d = open_ok(fd, "windows-1256", 0, NULL);
	reader_init_source(&rd, decoder_read, d);
	assert_int_equal(reader_next(&rd, &rec, &n), 1);
	assert_int_equal(n, strlen("سطر أول"));
	assert_memory_equal(rec, "سطر أول", n);
	assert_int_equal(reader_next(&rd, &rec, &n), 1);
	assert_int_equal(n, strlen("سطر ثان"));
	assert_memory_equal(rec, "سطر ثان", n);
	assert_int_equal(reader_next(&rd, &rec, &n), 1);
	assert_int_equal(n, 0);
	assert_int_equal(reader_next(&rd, &rec, &n), 1);
	assert_int_equal(n, strlen("وسطر أخير"));
	assert_memory_equal(rec, "وسطر أخير", n);
	assert_int_equal(reader_next(&rd, &rec, &n), 0);
	assert_int_equal(rd.err, 0);
	reader_free(&rd);
	decoder_close(d);
	close(fd);
	buf_free(&in);
}

static void
test_empty_input(void **state)
{
	struct buf out = { 0 };
	int fd = file_with("", 0);
	struct decoder *d = open_ok(fd, "windows-1256", 0, NULL);

	(void)state;
	assert_int_equal(read_all(d, 64, &out), 0);
	assert_int_equal(out.n, 0);
	buf_free(&out);
	decoder_close(d);
	close(fd);
}

static void
test_invalid_byte_fails(void **state)
{
	/* ISO-8859-6 has no character at 0xDE. */
	static const char in[] = "ab \xC7\xE1\xDE\xC7 cd\n";
	struct buf out = { 0 };
	int fd = file_with(in, sizeof in - 1);
	struct decoder *d = open_ok(fd, "ISO-8859-6", 0, NULL);
	const char *msg;
	uint64_t off = 99;

	(void)state;
	errno = 0;
	assert_int_equal(read_all(d, 4096, &out), -1);
	assert_int_equal(errno, EILSEQ);
	msg = decoder_error(d, &off);
	assert_non_null(msg);
	assert_int_equal(off, 5);
	assert_non_null(strstr(msg, "ISO-8859-6"));
	assert_non_null(strstr(msg, "0xde"));
	assert_int_equal(decoder_replaced(d), 0);
	buf_free(&out);
	decoder_close(d);
	close(fd);
}

static void
test_invalid_byte_offset_past_first_buffer(void **state)
{
	struct buf in = { 0 }, out = { 0 };
	struct decoder *d;
	uint64_t off = 0;
	size_t bad;
	int fd;

	(void)state;
	while (in.n < 150000)
		buf_add(&in, "abc \xC7\xE1\xC7\n", 8);
	bad = in.n;
	buf_add(&in, "\xC7\xDE xyz\n", 7);
	fd = file_with(in.p, in.n);
	d = open_ok(fd, "ISO-8859-6", 0, NULL);
	errno = 0;
	assert_int_equal(read_all(d, 1000, &out), -1);
	assert_int_equal(errno, EILSEQ);
	(void)decoder_error(d, &off);
	assert_int_equal(off, bad + 1);
	buf_free(&in);
	buf_free(&out);
	decoder_close(d);
	close(fd);
}

/*
 * What comes before an invalid byte is read before the error, as read(2)
 * gives the bytes before a failure. (Checked after freeing, so that a
 * failure does not leak.)
 */
static void
test_invalid_byte_text_before_delivered(void **state)
{
	static const char in[] = "ab \xC7\xE1\n\xDE\n";
	/* ISO-8859-6 0xC7 0xE1 is U+0627 U+0641. */
	static const char want[] = "ab \xD8\xA7\xD9\x81\n";
	struct buf out = { 0 };
	int fd = file_with(in, sizeof in - 1), err, same;
	struct decoder *d = open_ok(fd, "ISO-8859-6", 0, NULL);
	long k;
	size_t n;

	(void)state;
	k = read_all(d, 4096, &out);
	err = errno;
	n = out.n;
	same = out.n == sizeof want - 1 && memcmp(out.p, want, out.n) == 0;
	buf_free(&out);
	decoder_close(d);
	close(fd);
	assert_int_equal(k, -1);
	assert_int_equal(err, EILSEQ);
	assert_int_equal(n, sizeof want - 1);
	assert_true(same);
}

static void
test_invalid_byte_replaced(void **state)
{
	static const char in[] = "\xC7\xDE\xE1 \xDE\n";
	struct buf out = { 0 };
	int fd = file_with(in, sizeof in - 1);
	struct decoder *d = open_ok(fd, "ISO-8859-6", 1, NULL);

	(void)state;
	assert_int_equal(read_all(d, 4096, &out), 0);
	assert_buf_is(&out, "\xD8\xA7\xEF\xBF\xBD\xD9\x81 \xEF\xBF\xBD\n",
	    12);
	assert_int_equal(decoder_replaced(d), 2);
	buf_free(&out);
	decoder_close(d);
	close(fd);
}

/* A code unit cut short by the end of the input. */
static void
test_truncated_at_end_fails(void **state)
{
	static const char in[] = "a\0b\0c";
	struct buf out = { 0 };
	int fd = file_with(in, sizeof in - 1);
	struct decoder *d = open_ok(fd, "UTF-16LE", 0, NULL);
	uint64_t off = 0;

	(void)state;
	errno = 0;
	assert_int_equal(read_all(d, 4096, &out), -1);
	assert_int_equal(errno, EILSEQ);
	(void)decoder_error(d, &off);
	assert_int_equal(off, 4);
	assert_buf_is(&out, "ab", 2);
	buf_free(&out);
	decoder_close(d);
	close(fd);
}

static void
test_truncated_at_end_replaced(void **state)
{
	static const char in[] = "a\0b\0c";
	struct buf out = { 0 };
	int fd = file_with(in, sizeof in - 1);
	struct decoder *d = open_ok(fd, "UTF-16LE", 1, NULL);

	(void)state;
	assert_int_equal(read_all(d, 4096, &out), 0);
	assert_buf_is(&out, "ab\xEF\xBF\xBD", 5);
	assert_int_equal(decoder_replaced(d), 1);
	buf_free(&out);
	decoder_close(d);
	close(fd);
}

static void
test_lone_surrogate_replaced(void **state)
{
	static const char in[] = "a\0\0\xD8" "b\0";
	struct buf out = { 0 };
	int fd = file_with(in, sizeof in - 1);
	struct decoder *d = open_ok(fd, "UTF-16LE", 1, NULL);

	(void)state;
	assert_int_equal(read_all(d, 4096, &out), 0);
	assert_buf_is(&out, "a\xEF\xBF\xBD" "b", 5);
	assert_int_equal(decoder_replaced(d), 1);
	buf_free(&out);
	decoder_close(d);
	close(fd);
}

static void
test_replaced_counts_across_buffers(void **state)
{
	struct buf in = { 0 }, out = { 0 };
	struct decoder *d;
	size_t i, j, nbad = 0, fffd = 0;
	int fd;

	(void)state;
	/* ا ف and a space, 5 bytes in UTF-8; now and then a bad byte. */
	for (i = 0; in.n < 200000; i++) {
		buf_add(&in, "\xC7\xE1 ", 3);
		if (i % 97 == 0) {
			buf_addc(&in, '\xDE');
			nbad++;
		}
	}
	fd = file_with(in.p, in.n);
	d = open_ok(fd, "ISO-8859-6", 1, NULL);
	assert_int_equal(read_all(d, 5000, &out), 0);
	assert_int_equal(decoder_replaced(d), nbad);
	for (j = 0; j + 3 <= out.n; j++)
		fffd += memcmp(out.p + j, "\xEF\xBF\xBD", 3) == 0;
	assert_int_equal(fffd, nbad);
	assert_int_equal(out.n, 5 * i + 3 * nbad);
	buf_free(&in);
	buf_free(&out);
	decoder_close(d);
	close(fd);
}

static void
test_auto_detects_windows_1256(void **state)
{
	struct buf in = { 0 }, out = { 0 };
	const char *chosen = NULL;
	struct decoder *d;
	int fd;

	(void)state;
	encode_1256(prose, &in);
	assert_true(in.n > 300);
	fd = file_with(in.p, in.n);
	d = open_ok(fd, "auto", 0, &chosen);
	print_message("auto chose %s for %zu bytes\n", chosen, in.n);
	assert_string_equal(chosen, "windows-1256");
	assert_int_equal(read_all(d, 4096, &out), 0);
	assert_buf_is(&out, prose, sizeof prose - 1);
	buf_free(&in);
	buf_free(&out);
	decoder_close(d);
	close(fd);
}

static void
test_auto_detects_utf16le_bom(void **state)
{
	struct buf in = { 0 }, out = { 0 };
	const char *chosen = NULL;
	struct decoder *d;
	int fd;

	(void)state;
	buf_add(&in, "\xFF\xFE", 2);
	encode_utf16le(prose, &in);
	fd = file_with(in.p, in.n);
	d = open_ok(fd, "auto", 0, &chosen);
	assert_string_equal(chosen, "UTF-16LE");
	assert_int_equal(read_all(d, 4096, &out), 0);
	/* The UTF-16LE converter keeps the BOM, as U+FEFF (which
	 * satr-split drops from a first line). */
	assert_true(out.n >= 3);
	assert_memory_equal(out.p, "\xEF\xBB\xBF", 3);
	assert_int_equal(out.n - 3, sizeof prose - 1);
	assert_memory_equal(out.p + 3, prose, sizeof prose - 1);
	buf_free(&in);
	buf_free(&out);
	decoder_close(d);
	close(fd);
}

static void
test_utf16_bom_consumed(void **state)
{
	struct buf in = { 0 };
	const char *text = "مرحبا 👋 بالجميع\n";

	(void)state;
	buf_add(&in, "\xFF\xFE", 2);
	encode_utf16le(text, &in);
	check_decodes(in.p, in.n, "UTF-16", text);
	buf_free(&in);
}

static void
test_unknown_encoding(void **state)
{
	char err[256] = "";
	const char *chosen = NULL;
	int fd = file_with("abc", 3);
	struct decoder *d;

	(void)state;
	source_fd = fd;
	d = decoder_open(read_source_fd, NULL, "no-such-charset-x9", 0,
	    &chosen, err, sizeof err);
	assert_null(d);
	assert_non_null(strstr(err, "no-such-charset-x9"));
	close(fd);
}

static void
test_is_utf8(void **state)
{
	(void)state;
	assert_true(decoder_is_utf8("UTF-8"));
	assert_true(decoder_is_utf8("utf8"));
	assert_true(decoder_is_utf8("utf-8"));
	assert_true(decoder_is_utf8("UTF8"));
	assert_false(decoder_is_utf8("latin1"));
	assert_false(decoder_is_utf8("UTF-16"));
	assert_false(decoder_is_utf8("utf-8x"));
	assert_false(decoder_is_utf8(""));
}

/* About 300 KB of windows-1256, and the UTF-8 it stands for. */
static void
make_large(struct buf *in, struct buf *want)
{
	char num[32];
	size_t i;

	for (i = 0; in->n < 300 * 1024; i++) {
		int k = snprintf(num, sizeof num, "%zu ", i);

		buf_add(in, num, (size_t)k);
		buf_add(want, num, (size_t)k);
		encode_1256(prose, in);
		buf_add(want, prose, sizeof prose - 1);
	}
}

static void
test_large_file_complete(void **state)
{
	static const size_t caps[] = { 1 << 16, 100000, 4093, 7, 1 };
	struct buf in = { 0 }, want = { 0 };
	size_t i;

	(void)state;
	make_large(&in, &want);
	assert_true(in.n > 3 * (1 << 16));
	for (i = 0; i < sizeof caps / sizeof caps[0]; i++) {
		struct buf out = { 0 };
		int fd = file_with(in.p, in.n);
		struct decoder *d = open_ok(fd, "windows-1256", 0, NULL);

		assert_int_equal(read_all(d, caps[i], &out), 0);
		assert_int_equal(out.n, want.n);
		assert_memory_equal(out.p, want.p, want.n);
		buf_free(&out);
		decoder_close(d);
		close(fd);
	}
	buf_free(&in);
	buf_free(&want);
}

static void
test_large_pipe_through_reader(void **state)
{
	struct buf in = { 0 }, want = { 0 }, got = { 0 };
	struct reader rd;
	struct decoder *d;
	char *rec;
	size_t n;
	pid_t pid;
	int fd, r;

	(void)state;
	make_large(&in, &want);
	fd = pipe_with(in.p, in.n, 999, &pid);
	d = open_ok(fd, "windows-1256", 0, NULL);
	reader_init_source(&rd, decoder_read, d);
	while ((r = reader_next(&rd, &rec, &n)) == 1) {
		buf_add(&got, rec, n);
		buf_addc(&got, '\n');
	}
	assert_int_equal(r, 0);
	assert_int_equal(rd.err, 0);
	assert_int_equal(got.n, want.n);
	assert_memory_equal(got.p, want.p, want.n);
	wait_child(pid);
	reader_free(&rd);
	decoder_close(d);
	close(fd);
	buf_free(&in);
	buf_free(&want);
	buf_free(&got);
}

static void
test_large_auto_from_pipe(void **state)
{
	struct buf in = { 0 }, want = { 0 }, out = { 0 };
	const char *chosen = NULL;
	struct decoder *d;
	pid_t pid;
	int fd;

	(void)state;
	make_large(&in, &want);
	fd = pipe_with(in.p, in.n, 4000, &pid);
	d = open_ok(fd, "auto", 0, &chosen);
	assert_string_equal(chosen, "windows-1256");
	assert_int_equal(read_all(d, 8192, &out), 0);
	assert_int_equal(out.n, want.n);
	assert_memory_equal(out.p, want.p, want.n);
	wait_child(pid);
	decoder_close(d);
	close(fd);
	buf_free(&in);
	buf_free(&want);
	buf_free(&out);
}

/* Code units and surrogate pairs split between reads of the pipe. */
static void
test_large_utf16_odd_pipe_chunks(void **state)
{
	struct buf in = { 0 }, want = { 0 }, out = { 0 };
	struct decoder *d;
	pid_t pid;
	int fd;

	(void)state;
	while (want.n < 300 * 1024)
		buf_add(&want, "بحر 🌊 وسماء\n", strlen("بحر 🌊 وسماء\n"));
	buf_addc(&want, '\0');
	encode_utf16le(want.p, &in);
	want.n--;
	fd = pipe_with(in.p, in.n, 999, &pid);
	d = open_ok(fd, "UTF-16LE", 0, NULL);
	assert_int_equal(read_all(d, 3001, &out), 0);
	assert_int_equal(out.n, want.n);
	assert_memory_equal(out.p, want.p, want.n);
	wait_child(pid);
	decoder_close(d);
	close(fd);
	buf_free(&in);
	buf_free(&want);
	buf_free(&out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_windows_1256_sentence),
		cmocka_unit_test(test_windows_1256_punctuation),
		cmocka_unit_test(test_windows_1256_round_trip_table),
		cmocka_unit_test(test_windows_1256_through_reader),
		cmocka_unit_test(test_empty_input),
		cmocka_unit_test(test_invalid_byte_fails),
		cmocka_unit_test(test_invalid_byte_offset_past_first_buffer),
		cmocka_unit_test(test_invalid_byte_text_before_delivered),
		cmocka_unit_test(test_invalid_byte_replaced),
		cmocka_unit_test(test_truncated_at_end_fails),
		cmocka_unit_test(test_truncated_at_end_replaced),
		cmocka_unit_test(test_lone_surrogate_replaced),
		cmocka_unit_test(test_replaced_counts_across_buffers),
		cmocka_unit_test(test_auto_detects_windows_1256),
		cmocka_unit_test(test_auto_detects_utf16le_bom),
		cmocka_unit_test(test_utf16_bom_consumed),
		cmocka_unit_test(test_unknown_encoding),
		cmocka_unit_test(test_is_utf8),
		cmocka_unit_test(test_large_file_complete),
		cmocka_unit_test(test_large_pipe_through_reader),
		cmocka_unit_test(test_large_auto_from_pipe),
		cmocka_unit_test(test_large_utf16_odd_pipe_chunks),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
