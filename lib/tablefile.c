#include "tablefile.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "mem.h"
#include "reader.h"
#include "utf8.h"

int
table_file_read(const char *path, table_line line, void *ctx, char *err,
    size_t errlen)
{
	struct reader rd;
	struct tsv_fields f = { 0 };
	struct buf copy = { 0 };
	char *rec, why[200];
	size_t n;
	int fd = open(path, O_RDONLY), r, status = 0;

	if (fd < 0) {
		snprintf(err, errlen, "%s", strerror(errno));
		return -1;
	}
	reader_init(&rd, fd);
	while ((r = reader_next(&rd, &rec, &n)) > 0) {
		if (n == 0 || rec[0] == '#')
			continue;
		if (utf8_valid_prefix(rec, n) != n) {
			snprintf(why, sizeof why, "invalid UTF-8");
		} else {
			/* A copy with a byte after it, for a NUL. */
			copy.n = 0;
			buf_add(&copy, rec, n);
			buf_addc(&copy, '\0');
			tsv_split(copy.p, n, &f);
			if (line(ctx, &f, why, sizeof why) == 0)
				continue;
		}
		snprintf(err, errlen, "%" PRIu64 ": %s", rd.line, why);
		status = -1;
		break;
	}
	if (r < 0) {
		snprintf(err, errlen, "read error: %s", strerror(rd.err));
		status = -1;
	}
	reader_free(&rd);
	tsv_fields_free(&f);
	buf_free(&copy);
	close(fd);
	return status;
}
