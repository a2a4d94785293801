/* Loading the user mappings of norm_add_mapping() from a TSV file. */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "norm.h"
#include "reader.h"
#include "tsv.h"
#include "utf8.h"

static int
add_line(struct norm *nm, char *rec, size_t n, struct tsv_fields *f,
    char *err, size_t errlen)
{
	size_t fromlen, tolen;

	if (utf8_valid_prefix(rec, n) != n) {
		snprintf(err, errlen, "invalid UTF-8");
		return -1;
	}
	tsv_split(rec, n, f);
	if (f->n != 2) {
		snprintf(err, errlen, "%zu fields, not 2 (from, to)", f->n);
		return -1;
	}
	fromlen = tsv_unescape(f->v[0].p, f->v[0].n);
	tolen = tsv_unescape(f->v[1].p, f->v[1].n);
	if (fromlen == 0) {
		snprintf(err, errlen, "nothing to map from");
		return -1;
	}
	norm_add_mapping(nm, f->v[0].p, fromlen, f->v[1].p, tolen);
	return 0;
}

int
norm_load_map(struct norm *nm, const char *path, char *err, size_t errlen)
{
	struct reader rd;
	struct tsv_fields f = { 0 };
	char *rec, msg[200];
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
		if (add_line(nm, rec, n, &f, msg, sizeof msg) < 0) {
			snprintf(err, errlen, "%" PRIu64 ": %s", rd.line, msg);
			status = -1;
			break;
		}
	}
	if (r < 0) {
		snprintf(err, errlen, "read error: %s", strerror(rd.err));
		status = -1;
	}
	reader_free(&rd);
	tsv_fields_free(&f);
	close(fd);
	return status;
}
