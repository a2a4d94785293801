#include "docs.h"

#include <stdio.h>
#include <string.h>

#include <unicode/uregex.h>
#include <unicode/utext.h>

#include "sentence.h"

/*
 * DOCS_AUTO takes a file for a stream of articles when its first blocks
 * (lines between blank lines) all hold several lines that are not
 * hard-wrapped: each line is then a paragraph, so a blank line can only
 * end an article. One article a file has a one-line block (its title) or
 * wrapped lines; so has text written a sentence a line with a blank line
 * between paragraphs, which is taken for a stream too.
 */
enum {
	AUTO_BLOCKS = 3,		/* blocks looked at */
	AUTO_HOLD = 1 << 20		/* bytes held at most while looking */
};

int
docs_init(struct doc_finder *d, enum docs_mode mode, const char *pattern,
    enum para_unwrap unwrap, const struct docs_sink *sink, void *ctx,
    char *err, size_t errlen)
{
	memset(d, 0, sizeof *d);
	d->mode = mode;
	d->unwrap = unwrap;
	d->sink = *sink;
	d->ctx = ctx;
	if (mode == DOCS_SEPARATOR) {
		UErrorCode e = U_ZERO_ERROR;
		UParseError pe;
		UText ut = UTEXT_INITIALIZER;

		utext_openUTF8(&ut, pattern, -1, &e);
		d->pattern = uregex_openUText(&ut, 0, &pe, &e);
		utext_close(&ut);
		if (U_FAILURE(e)) {
			snprintf(err, errlen, "bad pattern '%s' (%s at "
			    "character %d)", pattern, u_errorName(e),
			    (int)pe.offset + 1);
			return -1;
		}
	}
	docs_file(d);
	return 0;
}

void
docs_file(struct doc_finder *d)
{
	d->chosen = d->mode;
	d->number = 0;
	d->open = 0;
	d->after_blank = 1;
	d->block_lines = d->blocks = 0;
	d->one_line_block = 0;
	lines_clear(&d->held);
}

static void
start(struct doc_finder *d)
{
	if (d->chosen != DOCS_FILE)
		d->number++;
	d->sink.start(d->ctx, d->number);
	d->open = 1;
}

static void
end(struct doc_finder *d)
{
	if (d->open)
		d->sink.end(d->ctx);
	d->open = 0;
}

/* A line of a document; a non-blank one starts it if none is open. */
static void
text(struct doc_finder *d, const char *line, size_t n, uint64_t orig,
    int blank)
{
	if (!d->open && blank && d->chosen != DOCS_FILE)
		return;		/* between documents */
	if (!d->open)
		start(d);
	d->sink.line(d->ctx, line, n, orig);
}

static int
is_separator(struct doc_finder *d, const char *line, size_t n)
{
	UErrorCode e = U_ZERO_ERROR;
	UText ut = UTEXT_INITIALIZER;
	int found;

	utext_openUTF8(&ut, line, (int64_t)n, &e);
	uregex_setUText(d->pattern, &ut, &e);
	found = uregex_find(d->pattern, 0, &e);
	utext_close(&ut);
	return U_SUCCESS(e) && found;
}

/* DOCS_TITLE: the held line, if any, goes into the open document. */
static void
release_title(struct doc_finder *d, int is_title)
{
	size_t n;
	const char *s;

	if (d->held.n == 0)
		return;
	s = lines_get(&d->held, 0, &n);
	if (is_title)
		end(d);
	text(d, s, n, d->held.orig[0], 0);
	lines_clear(&d->held);
}

static void
place(struct doc_finder *d, const char *line, size_t n, uint64_t orig)
{
	int blank = line_is_blank(line, n);

	switch (d->chosen) {
	case DOCS_BLANK:
		if (blank)
			end(d);
		else
			text(d, line, n, orig, 0);
		break;
	case DOCS_TITLE:
		if (blank) {
			release_title(d, 1);
		} else if (d->held.n > 0) {
			release_title(d, 0);
		} else if (d->after_blank && !sentence_line_ends(line, n)) {
			lines_add(&d->held, line, n, orig);
			break;
		}
		text(d, line, n, orig, blank);
		break;
	case DOCS_SEPARATOR:
		if (is_separator(d, line, n))
			end(d);
		else
			text(d, line, n, orig, blank);
		break;
	default:
		text(d, line, n, orig, blank);
	}
	d->after_blank = blank;
}

/* DOCS_AUTO: the choice made, the held lines go on as chosen. */
static void
decide(struct doc_finder *d)
{
	size_t i, n, width;
	int wrapped = d->unwrap == PARA_UNWRAP_AUTO ?
	    para_is_wrapped(&d->held, &width) :
	    d->unwrap == PARA_UNWRAP_ALWAYS;

	d->chosen = d->blocks >= 2 && !d->one_line_block && !wrapped ?
	    DOCS_BLANK : DOCS_FILE;
	for (i = 0; i < d->held.n; i++) {
		const char *s = lines_get(&d->held, i, &n);

		place(d, s, n, d->held.orig[i]);
	}
	lines_clear(&d->held);
}

/* DOCS_AUTO, still looking: counts the blocks the line ends. */
static void
look(struct doc_finder *d, const char *line, size_t n, uint64_t orig)
{
	lines_add(&d->held, line, n, orig);
	if (!line_is_blank(line, n)) {
		d->block_lines++;
	} else if (d->block_lines > 0) {
		d->blocks++;
		d->one_line_block |= d->block_lines == 1;
		d->block_lines = 0;
	}
	if (d->one_line_block || d->blocks >= AUTO_BLOCKS ||
	    d->held.text.n >= AUTO_HOLD)
		decide(d);
}

void
docs_line(struct doc_finder *d, const char *line, size_t n, uint64_t orig)
{
	if (d->chosen == DOCS_AUTO)
		look(d, line, n, orig);
	else
		place(d, line, n, orig);
}

void
docs_end(struct doc_finder *d)
{
	if (d->chosen == DOCS_AUTO) {
		if (d->block_lines > 0) {	/* the last block */
			d->blocks++;
			d->one_line_block |= d->block_lines == 1;
		}
		decide(d);
	}
	if (d->chosen == DOCS_TITLE)
		release_title(d, 0);
	end(d);
}

void
docs_free(struct doc_finder *d)
{
	if (d->pattern != NULL)
		uregex_close(d->pattern);
	lines_free(&d->held);
}
