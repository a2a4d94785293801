/* Unit tests for lib/docs.c: documents found in a stream of lines. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "docs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * What the sink saw, as text: "<N>" when document N starts, each line
 * and its source offset as "line@orig", "</>" when a document ends.
 */
struct seen {
	char s[8192];
};

static void
put(struct seen *w, const char *fmt, ...)
{
	size_t n = strlen(w->s);
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(w->s + n, sizeof w->s - n, fmt, ap);
	va_end(ap);
}

static void
on_start(void *ctx, uint64_t number)
{
	put(ctx, "<%u>", (unsigned)number);
}

static void
on_line(void *ctx, const char *line, size_t n, uint64_t orig)
{
	put(ctx, "%.*s@%u|", (int)n, line, (unsigned)orig);
}

static void
on_end(void *ctx)
{
	put(ctx, "</>");
}

static const struct docs_sink sink = { on_start, on_line, on_end };

/* Feeds text (lines split at \n) as one file, in mode; returns what was seen. */
static const char *
run(enum docs_mode mode, const char *pattern, enum para_unwrap unwrap,
    const char *text, struct seen *w)
{
	struct doc_finder d;
	char err[256];
	const char *p = text;
	uint64_t off = 0;

	memset(w, 0, sizeof *w);
	assert_int_equal(docs_init(&d, mode, pattern, unwrap, &sink, w, err,
	    sizeof err), 0);
	while (*p != '\0') {
		size_t n = strcspn(p, "\n");

		docs_line(&d, p, n, off);
		off += n + 1;
		p += n + (p[n] == '\n');
	}
	docs_end(&d);
	docs_free(&d);
	return w->s;
}

/* A news dump: title line, paragraphs a line each, a blank line between. */
static const char stream[] =
    "Title one\nFirst paragraph of one.\nSecond of one.\n\n"
    "Title two\nOnly paragraph of two.\n\n"
    "Title three\nParagraph of three.\n";

static void
test_blank_ends_documents(void **state)
{
	struct seen w;

	(void)state;
	assert_string_equal(run(DOCS_BLANK, NULL, PARA_UNWRAP_AUTO,
	    "\n\na\nb\n\n\n\nc\n\n", &w), "<1>a@2|b@4|</><2>c@9|</>");
}

static void
test_file_is_one_document(void **state)
{
	struct seen w;

	(void)state;
	assert_string_equal(run(DOCS_FILE, NULL, PARA_UNWRAP_AUTO,
	    "a\n\nb\n", &w), "<0>a@0|@2|b@3|</>");
}

static void
test_auto_finds_a_stream(void **state)
{
	struct seen w;

	(void)state;
	assert_string_equal(run(DOCS_AUTO, NULL, PARA_UNWRAP_AUTO, stream,
	    &w), "<1>Title one@0|First paragraph of one.@10|"
	    "Second of one.@34|</><2>Title two@50|"
	    "Only paragraph of two.@60|</><3>Title three@84|"
	    "Paragraph of three.@96|</>");
}

/* An article with its title apart: a one-line block. */
static void
test_auto_single_article(void **state)
{
	struct seen w;

	(void)state;
	assert_string_equal(run(DOCS_AUTO, NULL, PARA_UNWRAP_AUTO,
	    "Title\n\nOne.\nTwo.\n\nThree.\nFour.\n", &w),
	    "<0>Title@0|@6|One.@7|Two.@12|@17|Three.@18|Four.@25|</>");
}

/* Hard-wrapped paragraphs between blank lines are one document. */
static void
test_auto_wrapped_text_is_one_document(void **state)
{
	static const char line[] = "word word word word word word word word "
	    "word word\n";
	char text[4096] = "";
	struct seen w;
	int i, k;

	(void)state;
	for (k = 0; k < 3; k++) {
		for (i = 0; i < 5; i++)
			strcat(text, line);
		strcat(text, "\n");
	}
	assert_non_null(strstr(run(DOCS_AUTO, NULL, PARA_UNWRAP_AUTO, text,
	    &w), "<0>"));
	assert_null(strstr(w.s, "<1>"));
	/* Said to be wrapped, a stream layout is one document too. */
	run(DOCS_AUTO, NULL, PARA_UNWRAP_ALWAYS, stream, &w);
	assert_int_equal(strncmp(w.s, "<0>", 3), 0);
	assert_null(strstr(w.s, "<1>"));
}

static void
test_auto_one_block(void **state)
{
	struct seen w;

	(void)state;
	assert_string_equal(run(DOCS_AUTO, NULL, PARA_UNWRAP_AUTO,
	    "a\nb\nc\n", &w), "<0>a@0|b@2|c@4|</>");
	assert_string_equal(run(DOCS_AUTO, NULL, PARA_UNWRAP_AUTO, "", &w),
	    "");
}

/* A later one-line block does not change a decision taken. */
static void
test_auto_decides_on_first_blocks(void **state)
{
	struct seen w;

	(void)state;
	run(DOCS_AUTO, NULL, PARA_UNWRAP_AUTO, "a\nb\n\nc\nd\n\ne\nf\n\n"
	    "lone\n\ng\nh\n", &w);
	assert_non_null(strstr(w.s, "<4>lone@"));
	assert_non_null(strstr(w.s, "<5>g@"));
}

/* A held block past the size limit decides with what it has seen. */
static void
test_auto_long_block(void **state)
{
	struct doc_finder d;
	struct seen w;
	char err[64], line[1000];
	uint64_t off = 0;
	int i;

	(void)state;
	memset(&w, 0, sizeof w);
	memset(line, 'x', sizeof line);
	assert_int_equal(docs_init(&d, DOCS_AUTO, NULL, PARA_UNWRAP_AUTO,
	    &sink, &w, err, sizeof err), 0);
	for (i = 0; i < 2000; i++) {
		docs_line(&d, line, i == 0 ? 3 : sizeof line, off);
		off += sizeof line + 1;
		if (i == 1100)	/* over 1 MiB held: decided, and sent on */
			assert_int_equal(strncmp(w.s, "<0>xxx@0|", 9), 0);
	}
	docs_end(&d);
	docs_free(&d);
}

static void
test_title_starts_documents(void **state)
{
	struct seen w;

	(void)state;
	/* Text before the first title is a document; a paragraph of one
	 * line that ends no sentence after a blank line is a title; one of
	 * several lines, or ending a sentence, is not. */
	assert_string_equal(run(DOCS_TITLE, NULL, PARA_UNWRAP_AUTO,
	    "Intro.\n\nHeadline\n\nBody one.\n\nBody two\ngoes on.\n\n"
	    "Another headline\n\nEnd.\n", &w),
	    "<1>Intro.@0|@7|</><2>Headline@8|@17|Body one.@18|@28|"
	    "Body two@29|goes on.@38|@47|</><3>Another headline@48|@65|"
	    "End.@66|</>");
}

static void
test_title_at_end(void **state)
{
	struct seen w;

	(void)state;
	assert_string_equal(run(DOCS_TITLE, NULL, PARA_UNWRAP_AUTO,
	    "Title\n\nText.\n\nByline", &w),
	    "<1>Title@0|@6|Text.@7|@13|Byline@14|</>");
}

static void
test_separator_lines(void **state)
{
	struct seen w;

	(void)state;
	assert_string_equal(run(DOCS_SEPARATOR, "^=+$", PARA_UNWRAP_AUTO,
	    "====\na\n\nb\n====\n=====\nc\n====\n", &w),
	    "<1>a@5|@7|b@8|</><2>c@21|</>");
	/* Patterns are Unicode: an Arabic word anywhere in the line. */
	assert_string_equal(run(DOCS_SEPARATOR, "مقال", PARA_UNWRAP_AUTO,
	    "a\n-- مقال 2 --\nb\n", &w), "<1>a@0|</><2>b@19|</>");
}

static void
test_bad_pattern(void **state)
{
	struct doc_finder d;
	char err[256];

	(void)state;
	assert_int_equal(docs_init(&d, DOCS_SEPARATOR, "(unclosed",
	    PARA_UNWRAP_AUTO, &sink, NULL, err, sizeof err), -1);
	assert_non_null(strstr(err, "(unclosed"));
}

/* A new file counts its documents afresh, and decides afresh. */
static void
test_next_file(void **state)
{
	struct doc_finder d;
	struct seen w;
	char err[64];

	(void)state;
	memset(&w, 0, sizeof w);
	assert_int_equal(docs_init(&d, DOCS_AUTO, NULL, PARA_UNWRAP_AUTO,
	    &sink, &w, err, sizeof err), 0);
	docs_line(&d, "a", 1, 0);
	docs_line(&d, "b", 1, 2);
	docs_line(&d, "", 0, 4);
	docs_line(&d, "c", 1, 5);
	docs_line(&d, "d", 1, 7);
	docs_end(&d);
	docs_file(&d);
	docs_line(&d, "t", 1, 0);
	docs_line(&d, "", 0, 2);
	docs_line(&d, "e", 1, 3);
	docs_end(&d);
	docs_free(&d);
	assert_string_equal(w.s, "<1>a@0|b@2|</><2>c@5|d@7|</>"
	    "<0>t@0|@2|e@3|</>");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_blank_ends_documents),
		cmocka_unit_test(test_file_is_one_document),
		cmocka_unit_test(test_auto_finds_a_stream),
		cmocka_unit_test(test_auto_single_article),
		cmocka_unit_test(test_auto_wrapped_text_is_one_document),
		cmocka_unit_test(test_auto_one_block),
		cmocka_unit_test(test_auto_decides_on_first_blocks),
		cmocka_unit_test(test_auto_long_block),
		cmocka_unit_test(test_title_starts_documents),
		cmocka_unit_test(test_title_at_end),
		cmocka_unit_test(test_separator_lines),
		cmocka_unit_test(test_bad_pattern),
		cmocka_unit_test(test_next_file),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
