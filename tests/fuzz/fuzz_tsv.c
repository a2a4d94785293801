/* Fuzz target: TSV fields and their escapes. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tsv.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	struct tsv_fields f = { 0 };
	struct buf esc = { 0 }, canon = { 0 }, canon2 = { 0 };
	char *rec = malloc(n + 1), *copy;
	size_t i, len;

	memcpy(rec, data, n);
	/* A record holds no LF. */
	for (i = 0; i < n; i++)
		if (rec[i] == '\n')
			rec[i] = ' ';
	tsv_split(rec, n, &f);
	for (i = 0; i < f.n; i++) {
		/* escape, then unescape, gives the value back */
		esc.n = 0;
		tsv_escape(f.v[i].p, f.v[i].n, &esc);
		copy = malloc(esc.n + 1);
		memcpy(copy, esc.p ? esc.p : "", esc.n);
		len = tsv_unescape(copy, esc.n);
		if (len != f.v[i].n || memcmp(copy, f.v[i].p, len) != 0)
			abort();
		free(copy);
		/* the canonical form is a fixed point */
		canon.n = canon2.n = 0;
		tsv_canonical(f.v[i].p, f.v[i].n, &canon);
		tsv_canonical(canon.p ? canon.p : "", canon.n, &canon2);
		if (canon.n != canon2.n || (canon.n && memcmp(canon.p, canon2.p,
		    canon.n) != 0))
			abort();
		/* satr-count --merge's counts: digits only, and the value
		 * of the digits read back */
		{
			uint64_t v, back = 0;
			size_t j;

			if (tsv_parse_count(f.v[i].p, f.v[i].n, &v)) {
				if (f.v[i].n == 0)
					abort();
				for (j = 0; j < f.v[i].n; j++) {
					if (f.v[i].p[j] < '0' ||
					    f.v[i].p[j] > '9')
						abort();
					back = back * 10 + (uint64_t)
					    (f.v[i].p[j] - '0');
				}
				if (back != v)
					abort();
			}
		}
		len = tsv_unescape(f.v[i].p, f.v[i].n);
		if (len > f.v[i].n)
			abort();
	}
	tsv_fields_free(&f);
	buf_free(&esc);
	buf_free(&canon);
	buf_free(&canon2);
	free(rec);
	return 0;
}
