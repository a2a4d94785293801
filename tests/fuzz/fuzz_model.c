/*
 * Fuzz target: model files. Whatever the bytes, loading either gives a
 * model whose every weight can be read or an error, never a crash; a
 * model that loads is written back byte for byte.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "linear.h"
#include "mem.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	struct linear m;
	struct buf out = { 0 };
	const char *err;
	uint32_t f = 0;
	float scores[LINEAR_MAX_LABELS];

	if (linear_load(&m, data, n, &err) < 0) {
		if (err == NULL || *err == '\0')
			abort();
		return 0;
	}
	linear_scores(&m, &f, 1, scores);
	linear_save(&m, &out);
	if (out.n != n || memcmp(out.p, data, n) != 0)
		abort();
	buf_free(&out);
	linear_free(&m);
	return 0;
}
