/*
 * Fuzz target: entities, and gazetteer files. Each input starts afresh:
 * the document memory is cleared; an input starting with "G\n" is also
 * loaded as a gazetteer, into a finder of its own. Inputs starting with
 * "M\n" go to a finder with the built-in tagger.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ent.h"
#include "linear.h"
#include "nertag.h"
#include "seg.h"
#include "utf8.h"

static void
find(struct ent_finder *f, const uint8_t *data, size_t n)
{
	struct entities e = { 0 };
	struct buf text = { 0 };
	size_t i, last = 0;

	utf8_repair((const char *)data, n, &text);
	ent_document(f);
	/* Twice: the second time short mentions refer to the first. */
	for (int round = 0; round < 2; round++) {
		ent_find(f, text.p ? text.p : "", text.n, ~0u, &e);
		for (i = 0, last = 0; i < e.n; i++) {
			if (e.v[i].start >= e.v[i].end || e.v[i].start < last ||
			    e.v[i].end > text.n || e.v[i].type >= ENT_NTYPES)
				abort();
			last = e.v[i].end;
		}
	}
	entities_free(&e);
	buf_free(&text);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	static struct ent_finder *base, *tagged;
	static struct linear ner;
	static struct ner_tagger tagger;
	static struct segmenter seg;
	char err[256], path[64];
	const char *why;
	FILE *fp;

	if (base == NULL) {
		base = ent_new(err, sizeof err);
		tagged = ent_new(err, sizeof err);
		if (ner_model_default(&ner, &why) < 0 ||
		    seg_model_default(&seg.model, &why) < 0)
			abort();
		segmenter_init(&seg);
		ner_tagger_init(&tagger, &ner);
		ent_use_models(tagged, &tagger, &seg);
	}
	if (n >= 2 && data[0] == 'M' && data[1] == '\n') {
		find(tagged, data + 2, n - 2);
		return 0;
	}
	if (n >= 2 && data[0] == 'G' && data[1] == '\n') {
		struct ent_finder *f = ent_new(err, sizeof err);

		snprintf(path, sizeof path, "/tmp/satr-fuzz-gaz.%d",
		    (int)getpid());
		if ((fp = fopen(path, "w")) != NULL) {
			fwrite(data + 2, 1, n - 2, fp);
			fclose(fp);
			(void)ent_load_gazetteer(f, path, err, sizeof err);
			unlink(path);
		}
		find(f, data + 2, n - 2);
		ent_free(f);
		return 0;
	}
	find(base, data, n);
	return 0;
}
