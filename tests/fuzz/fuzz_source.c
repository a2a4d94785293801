/*
 * Fuzz target: input files read as text, gzip or not, decoded or not:
 * nothing crashes, a file that fails says why, and plain bytes pass as
 * they are.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "mem.h"
#include "source.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	static const char *const from[] = { NULL, "windows-1256", "auto" };
	struct source s;
	struct buf got = { 0 };
	char err[256], chunk[333];
	int fd = memfd_create("fuzz", 0);
	long k;
	size_t which = n > 0 ? data[0] % 3 : 0;

	if (fd < 0 || write(fd, data, n) != (ssize_t)n ||
	    lseek(fd, 0, SEEK_SET) != 0)
		abort();
	if (source_open(&s, fd, from[which], which == 1 && n > 1 &&
	    data[1] & 1, err, sizeof err) == 0) {
		while ((k = source_read(&s, chunk, sizeof chunk)) > 0)
			buf_add(&got, chunk, (size_t)k);
		if (k < 0 && source_error(&s)[0] == '\0')
			abort();
		/* Bytes that are neither gzip nor decoded come as they are. */
		if (k == 0 && !s.gzip && which == 0 && (got.n != n ||
		    (n > 0 && memcmp(got.p, data, n) != 0)))
			abort();
		source_close(&s);
	} else if (err[0] == '\0') {
		abort();
	}
	buf_free(&got);
	close(fd);
	return 0;
}
