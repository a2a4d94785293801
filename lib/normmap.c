/* Loading the user mappings of norm_add_mapping() from a TSV file. */
#include <stdio.h>

#include "norm.h"
#include "tablefile.h"
#include "tsv.h"

static int
add_line(void *ctx, struct tsv_fields *f, char *why, size_t whylen)
{
	size_t fromlen, tolen;

	if (f->n != 2) {
		snprintf(why, whylen, "%zu fields, not 2 (from, to)", f->n);
		return -1;
	}
	fromlen = tsv_unescape(f->v[0].p, f->v[0].n);
	tolen = tsv_unescape(f->v[1].p, f->v[1].n);
	if (fromlen == 0) {
		snprintf(why, whylen, "nothing to map from");
		return -1;
	}
	norm_add_mapping(ctx, f->v[0].p, fromlen, f->v[1].p, tolen);
	return 0;
}

int
norm_load_map(struct norm *nm, const char *path, char *err, size_t errlen)
{
	return table_file_read(path, add_line, nm, err, errlen);
}
