/* Fuzz target: tokens in every clitic mode, with the built-in model. */
#include <stdint.h>
#include <stdlib.h>

#include "seg.h"
#include "tok.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	static struct segmenter seg;
	const char *s = (const char *)data;
	struct tokens raw = { 0 }, out = { 0 };
	size_t i, last;
	const char *err;
	int mode;

	if (seg.memo == NULL) {
		if (seg_model_default(&seg.model, &err) < 0)
			abort();
		segmenter_init(&seg);
	}
	tok_split(s, n, &raw);
	for (mode = CLITIC_NONE; mode <= CLITIC_ATB; mode++) {
		tok_clitics(&seg, (enum clitic_mode)mode, s, n, &raw, &out);
		for (i = 0, last = 0; i < out.n; i++) {
			if (out.v[i].start >= out.v[i].end ||
			    out.v[i].start < last || out.v[i].end > n)
				abort();
			last = out.v[i].end;
		}
	}
	tokens_free(&raw);
	tokens_free(&out);
	return 0;
}
