/*
 * Test inputs on file descriptors, for the unit tests of the modules that
 * read them: a temporary file, or a pipe a child process fills.
 */
#ifndef SATR_TEST_FDS_H
#define SATR_TEST_FDS_H

#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

/* An unlinked temporary file holding p[0..n), positioned at its start. */
static int
file_with(const void *p, size_t n)
{
	char path[] = "/tmp/satr-test-XXXXXX";
	int fd = mkstemp(path);
	const char *s = p;

	assert_true(fd >= 0);
	unlink(path);
	while (n > 0) {
		ssize_t k = write(fd, s, n);

		assert_true(k > 0);
		s += k;
		n -= (size_t)k;
	}
	assert_int_equal(lseek(fd, 0, SEEK_SET), 0);
	return fd;
}

/*
 * The read end of a pipe that a child process fills with p[0..n), in
 * writes of at most chunk bytes, then closes.
 */
static int
pipe_with(const void *p, size_t n, size_t chunk, pid_t *pid)
{
	int fds[2];

	assert_int_equal(pipe(fds), 0);
	*pid = fork();
	assert_true(*pid >= 0);
	if (*pid == 0) {
		const char *s = p;

		close(fds[0]);
		while (n > 0) {
			ssize_t k = write(fds[1], s, n < chunk ? n : chunk);

			if (k <= 0)
				_exit(1);
			s += k;
			n -= (size_t)k;
		}
		_exit(0);
	}
	close(fds[1]);
	return fds[0];
}

static void
wait_child(pid_t pid)
{
	int status;

	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
}

#endif
