/* Unit tests for lib/writer.c: buffering, flushing and sticky errors. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "writer.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "mem.h"

static int
temp_fd(void)
{
	char path[] = "/tmp/satr-test-writer-XXXXXX";
	int fd = mkstemp(path);

	assert_true(fd >= 0);
	unlink(path);
	return fd;
}

static off_t
file_size(int fd)
{
	struct stat st;

	assert_int_equal(fstat(fd, &st), 0);
	return st.st_size;
}

/* Appends everything that fd holds from offset 0 (or reads to EOF). */
static void
slurp(int fd, struct buf *b, int seekable)
{
	char tmp[8192];
	ssize_t k;
	off_t off = 0;

	for (;;) {
		k = seekable ? pread(fd, tmp, sizeof tmp, off) :
		    read(fd, tmp, sizeof tmp);
		if (k <= 0)
			break;
		buf_add(b, tmp, (size_t)k);
		off += k;
	}
	assert_int_equal(k, 0);
}

/* The file on fd holds exactly want[0..n). */
static void
check_file(int fd, const void *want, size_t n)
{
	struct buf got = { 0 };

	slurp(fd, &got, 1);
	assert_int_equal(got.n, n);
	if (n > 0)
		assert_memory_equal(got.p, want, n);
	buf_free(&got);
}

/* A test pattern: byte i of a stream, with Arabic letters and newlines. */
static void
fill_pattern(char *p, size_t n, size_t start)
{
	static const char pat[] = "\xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A abc\t123\n";
	size_t i;

	for (i = 0; i < n; i++)
		p[i] = pat[(start + i) % (sizeof pat - 1)];
}

static void
small_writes_exact(void **state)
{
	struct writer w;
	int fd = temp_fd();

	(void)state;
	writer_init(&w, fd, 0);
	writer_puts(&w, "\xD9\x82\xD9\x85\xD8\xB1");
	writer_putc(&w, '\t');
	writer_put(&w, "a\0b", 3);
	writer_put(&w, "", 0);
	writer_end_record(&w);
	writer_puts(&w, "");
	assert_int_equal(writer_close(&w), 0);
	check_file(fd, "\xD9\x82\xD9\x85\xD8\xB1\ta\0b\n", 11);
	close(fd);
}

static void
nothing_written_before_flush(void **state)
{
	struct writer w;
	int fd = temp_fd();

	(void)state;
	writer_init(&w, fd, 0);
	writer_puts(&w, "held");
	writer_end_record(&w);
	assert_int_equal(file_size(fd), 0);
	assert_int_equal(writer_flush(&w), 0);
	assert_int_equal(file_size(fd), 5);
	assert_int_equal(w.n, 0);
	assert_int_equal(writer_close(&w), 0);
	assert_null(w.buf);
	check_file(fd, "held\n", 5);
	close(fd);
}

/* Writes n pattern bytes in pieces whose sizes come from sizes[]. */
static void
check_pieces(const size_t *sizes, size_t nsizes, size_t total)
{
	struct writer w;
	char *want = malloc(total), *piece;
	size_t done = 0, i = 0;
	int fd = temp_fd();

	assert_non_null(want);
	fill_pattern(want, total, 0);
	writer_init(&w, fd, 0);
	while (done < total) {
		size_t k = sizes[i++ % nsizes];

		if (k > total - done)
			k = total - done;
		piece = want + done;
		if (k == 1)
			writer_putc(&w, *piece);
		else
			writer_put(&w, piece, k);
		done += k;
	}
	assert_int_equal(writer_close(&w), 0);
	check_file(fd, want, total);
	close(fd);
	free(want);
}

static void
many_small_pieces(void **state)
{
	static const size_t sizes[] = { 1, 3, 17, 1, 97, 2, 64, 5 };

	(void)state;
	check_pieces(sizes, 8, 300000);
}

static void
big_pieces(void **state)
{
	static const size_t sizes[] = {
		100000, 65536, 1, 65535, 65536, 65537, 7, 200000, 65535, 1,
	};

	(void)state;
	check_pieces(sizes, 10, 1000000);
}

static void
exact_buffer_fill(void **state)
{
	static const size_t sizes[] = { 65536, 1, 65535, 1, 1 };

	(void)state;
	check_pieces(sizes, 5, 65536 * 3 + 5);
}

static void
many_putc(void **state)
{
	static const size_t sizes[] = { 1 };

	(void)state;
	check_pieces(sizes, 1, 150000);
}

static void
output_through_pipe(void **state)
{
	size_t total = 500000, done = 0, k = 1;
	char *want = malloc(total);
	struct buf got = { 0 };
	int fds[2];
	pid_t pid;
	int status;

	(void)state;
	assert_non_null(want);
	fill_pattern(want, total, 3);
	assert_int_equal(pipe(fds), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct writer w;

		close(fds[0]);
		writer_init(&w, fds[1], 0);
		while (done < total) {
			if (k > total - done)
				k = total - done;
			writer_put(&w, want + done, k);
			done += k;
			k = k * 3 % 70001 + 1;
		}
		_exit(writer_close(&w) == 0 ? 0 : 1);
	}
	close(fds[1]);
	slurp(fds[0], &got, 0);
	close(fds[0]);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	assert_int_equal(got.n, total);
	assert_memory_equal(got.p, want, total);
	buf_free(&got);
	free(want);
}

static int
open_dev_full(void)
{
	int fd = open("/dev/full", O_WRONLY);

	if (fd < 0)
		skip();
	return fd;
}

static void
dev_full_flush_reports_enospc(void **state)
{
	struct writer w;
	int fd = open_dev_full();

	(void)state;
	writer_init(&w, fd, 0);
	writer_puts(&w, "\xD9\x84\xD8\xA7 space\n");
	assert_int_equal(w.err, 0);
	assert_int_equal(writer_flush(&w), ENOSPC);
	assert_int_equal(w.err, ENOSPC);
	assert_int_equal(writer_close(&w), ENOSPC);
	close(fd);
}

static void
dev_full_later_puts_dropped(void **state)
{
	char big[100000];
	struct writer w;
	int fd = open_dev_full();
	int i;

	(void)state;
	memset(big, 'b', sizeof big);
	writer_init(&w, fd, 1);
	writer_puts(&w, "first");
	writer_end_record(&w);	/* line-buffered: fails here */
	assert_int_equal(w.err, ENOSPC);
	for (i = 0; i < 1000; i++) {
		writer_put(&w, big, (size_t)(i * 97 % 70000));
		writer_putc(&w, 'c');
		writer_puts(&w, "more");
		writer_end_record(&w);
	}
	assert_int_equal(w.n, 0);
	assert_int_equal(writer_flush(&w), ENOSPC);
	assert_int_equal(writer_close(&w), ENOSPC);
	close(fd);
}

static void
dev_full_big_put_fails_at_once(void **state)
{
	char big[70000];
	struct writer w;
	int fd = open_dev_full();

	(void)state;
	memset(big, 'x', sizeof big);
	writer_init(&w, fd, 0);
	writer_put(&w, big, sizeof big);	/* larger than the buffer */
	assert_int_equal(w.err, ENOSPC);
	assert_int_equal(writer_close(&w), ENOSPC);
	close(fd);
}

static void
bad_fd_reports_ebadf(void **state)
{
	struct writer w;

	(void)state;
	writer_init(&w, -1, 0);
	writer_puts(&w, "x");
	assert_int_equal(writer_flush(&w), EBADF);
	/* the first error sticks */
	assert_int_equal(writer_close(&w), EBADF);
}

static void
line_buffered_flushes_each_record(void **state)
{
	struct writer w;
	int fd = temp_fd();

	(void)state;
	writer_init(&w, fd, 1);
	writer_puts(&w, "\xD8\xB3\xD8\xB7\xD8\xB1");	/* "سطر" */
	assert_int_equal(file_size(fd), 0);
	writer_end_record(&w);
	assert_int_equal(file_size(fd), 7);
	writer_putc(&w, 'b');
	writer_putc(&w, '\t');
	assert_int_equal(file_size(fd), 7);
	writer_end_record(&w);
	assert_int_equal(file_size(fd), 10);
	writer_end_record(&w);
	assert_int_equal(file_size(fd), 11);
	assert_int_equal(writer_close(&w), 0);
	check_file(fd, "\xD8\xB3\xD8\xB7\xD8\xB1\nb\t\n\n", 11);
	close(fd);
}

static void
not_line_buffered_holds_records(void **state)
{
	struct writer w;
	int fd = temp_fd();
	int i;

	(void)state;
	writer_init(&w, fd, 0);
	for (i = 0; i < 100; i++) {
		writer_puts(&w, "rec");
		writer_end_record(&w);
	}
	assert_int_equal(file_size(fd), 0);
	assert_int_equal(writer_close(&w), 0);
	assert_int_equal(file_size(fd), 400);
	close(fd);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(small_writes_exact),
		cmocka_unit_test(nothing_written_before_flush),
		cmocka_unit_test(many_small_pieces),
		cmocka_unit_test(big_pieces),
		cmocka_unit_test(exact_buffer_fill),
		cmocka_unit_test(many_putc),
		cmocka_unit_test(output_through_pipe),
		cmocka_unit_test(dev_full_flush_reports_enospc),
		cmocka_unit_test(dev_full_later_puts_dropped),
		cmocka_unit_test(dev_full_big_put_fails_at_once),
		cmocka_unit_test(bad_fd_reports_ebadf),
		cmocka_unit_test(line_buffered_flushes_each_record),
		cmocka_unit_test(not_line_buffered_holds_records),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
