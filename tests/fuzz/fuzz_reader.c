/* Fuzz target: reading records from a pipe, in chunks of any size. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "reader.h"

struct chunks {
	const uint8_t *p;
	size_t n, step;
};

static long
source(void *ctx, char *buf, size_t cap)
{
	struct chunks *c = ctx;
	size_t k = c->n < c->step ? c->n : c->step;

	if (k > cap)
		k = cap;
	memcpy(buf, c->p, k);
	c->p += k;
	c->n -= k;
	return (long)k;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	struct chunks c = { data, n, n > 0 ? (size_t)data[0] % 17 + 1 : 1 };
	struct reader rd;
	size_t total = 0, len;
	char *rec;

	reader_init_source(&rd, source, &c);
	while (reader_next(&rd, &rec, &len) > 0) {
		if (rd.offset > n || len > n)
			abort();
		total += len;
	}
	if (total > n)
		abort();
	reader_free(&rd);
	return 0;
}
