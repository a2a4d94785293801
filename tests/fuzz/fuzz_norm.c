/* Fuzz target: every normalisation profile and step, with offsets. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "norm.h"
#include "utf8.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	static struct norm *nm[40];
	static size_t count;
	struct norm_offsets off = { 0 };
	struct buf out = { 0 }, again = { 0 };
	char err[128];
	size_t i, k;

	if (count == 0) {
		for (i = 0; norm_profiles[i].name; i++)
			nm[count++] = norm_new(norm_profiles[i].steps, err,
			    sizeof err);
		for (i = 0; norm_step_names[i].name; i++)
			nm[count++] = norm_new(norm_step_names[i].steps, err,
			    sizeof err);
		norm_add_mapping(nm[0], "\xee\x80\x80", 3, "x", 1);
	}
	for (k = 0; k < count; k++) {
		norm_text(nm[k], (const char *)data, n, &out, &off);
		if (off.n != out.n)
			abort();
		for (i = 0; i < off.n; i++)
			if (off.start[i] >= off.end[i] || off.end[i] > n ||
			    (i > 0 && off.start[i] < off.start[i - 1]))
				abort();
		/* Normalising valid text again changes nothing (bytes that
		 * are not UTF-8 pass through, and may meet others). */
		if (utf8_valid_prefix((const char *)data, n) != n)
			continue;
		norm_text(nm[k], out.p ? out.p : "", out.n, &again, NULL);
		if (again.n != out.n || (out.n && memcmp(again.p, out.p,
		    out.n) != 0))
			abort();
	}
	buf_free(&out);
	buf_free(&again);
	norm_offsets_free(&off);
	return 0;
}
