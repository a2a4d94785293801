/* Fuzz target: documents, paragraphs and sentences. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "docs.h"
#include "para.h"
#include "sentence.h"
#include "utf8.h"

static struct sentencer *sn[2];
static size_t paragraphs;

/* Every non-space byte of a paragraph is in exactly one sentence. */
static void
check(void *ctx, const struct paragraph *p)
{
	struct spans s = { 0 };
	size_t i, k, last = 0;

	(void)ctx;
	paragraphs++;
	for (k = 0; k < 2; k++) {
		sentencer_split(sn[k], p->text.p, p->text.n, &s);
		last = 0;
		for (i = 0; i < s.n; i++) {
			if (s.v[i].start >= s.v[i].end || s.v[i].start < last ||
			    s.v[i].end > p->text.n)
				abort();
			last = s.v[i].end;
		}
		for (i = 0; i < p->text.n; i++) {
			size_t j;
			int in = 0;

			if (strchr(" \t\n\r\v\f", p->text.p[i]) ||
			    (unsigned char)p->text.p[i] >= 0x80)
				continue;
			for (j = 0; j < s.n; j++)
				in += i >= s.v[j].start && i < s.v[j].end;
			if (in != 1)
				abort();
		}
	}
	(void)paragraph_source_offset(p, p->text.n ? p->text.n - 1 : 0);
	spans_free(&s);
}

/* The documents found go on to the paragraph builder. */
static void
doc_start(void *ctx, uint64_t number)
{
	(void)ctx;
	(void)number;
}

static void
doc_line(void *ctx, const char *line, size_t n, uint64_t orig)
{
	para_line(ctx, line, n, orig);
}

static void
doc_end(void *ctx)
{
	para_end(ctx);
}

static const struct docs_sink sink = { doc_start, doc_line, doc_end };

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	struct para_builder b;
	struct doc_finder d;
	struct buf fixed = { 0 };
	char err[128];
	size_t i, from = 0;
	int mode;

	if (sn[0] == NULL) {
		sn[0] = sentencer_new(0, err, sizeof err);
		sn[1] = sentencer_new(SENT_SEMICOLON, err, sizeof err);
	}
	utf8_repair((const char *)data, n, &fixed);
	buf_addc(&fixed, '\0');
	fixed.n--;
	for (mode = 0; mode < 3; mode++) {
		/* Every layout but separator lines, which take text away. */
		enum docs_mode layout = (enum docs_mode)((mode + (n > 0 ?
		    data[n - 1] : 0)) % DOCS_SEPARATOR);

		para_init(&b, (enum para_unwrap)mode, check, NULL);
		if (docs_init(&d, layout, NULL, (enum para_unwrap)mode, &sink,
		    &b, err, sizeof err) < 0)
			abort();
		for (i = 0, from = 0; i <= fixed.n; i++)
			if (i == fixed.n || fixed.p[i] == '\n') {
				docs_line(&d, fixed.p + from, i - from, from);
				from = i + 1;
			}
		docs_end(&d);
		docs_free(&d);
		para_free(&b);
	}
	buf_free(&fixed);
	return 0;
}
