/* Fuzz target: entities, and gazetteer files. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ent.h"
#include "utf8.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	static struct ent_finder *f;
	static char path[64];
	struct entities e = { 0 };
	struct buf text = { 0 };
	char err[256];
	size_t i, last = 0;
	FILE *fp;

	if (f == NULL) {
		f = ent_new(err, sizeof err);
		snprintf(path, sizeof path, "/tmp/satr-fuzz-gaz.%d",
		    (int)getpid());
	}
	utf8_repair((const char *)data, n, &text);
	ent_find(f, text.p ? text.p : "", text.n, ~0u, &e);
	for (i = 0; i < e.n; i++) {
		if (e.v[i].start >= e.v[i].end || e.v[i].start < last ||
		    e.v[i].end > text.n || e.v[i].type >= ENT_NTYPES)
			abort();
		last = e.v[i].end;
	}
	/* The same bytes as a gazetteer file: an error or names, no crash. */
	if ((fp = fopen(path, "w")) != NULL) {
		fwrite(data, 1, n, fp);
		fclose(fp);
		(void)ent_load_gazetteer(f, path, err, sizeof err);
		unlink(path);
	}
	if (n > 0 && data[0] == '\n')
		ent_document(f);
	entities_free(&e);
	buf_free(&text);
	return 0;
}
