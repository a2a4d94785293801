/* Fuzz target: UTF-8 validation, decoding and repair. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	const char *s = (const char *)data;
	struct buf out = { 0 };
	size_t ok = utf8_valid_prefix(s, n), i = 0, fixes, first_bad = n;
	int32_t cp;

	if (ok > n)
		abort();
	while (i < n) {
		int len = utf8_decode(s + i, n - i, &cp);

		if (len == 0 || (len < 0 && (size_t)-len > n - i) ||
		    (len > 0 && i + (size_t)len > n))
			abort();
		if (len < 0 && first_bad == n)
			first_bad = i;
		i += (size_t)(len < 0 ? -len : len);
	}
	/* The valid prefix ends exactly where decoding first fails. */
	if (ok != first_bad)
		abort();
	fixes = utf8_repair(s, n, &out);
	if (utf8_valid_prefix(out.p ? out.p : "", out.n) != out.n)
		abort();
	if ((fixes == 0) != (ok == n))
		abort();
	buf_free(&out);
	return 0;
}
