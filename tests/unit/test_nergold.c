/* Unit tests for lib/nergold.c: gold entity lines, tags and type renames. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "nergold.h"
#include "nertag.h"

#include <stdio.h>
#include <string.h>

enum { B_PER = 1, I_PER, B_ORG, I_ORG, B_LOC, I_LOC, B_MISC, I_MISC };

/* Reads line (copied: the token is cleaned in place) as line number 1 or
 * a later one; the token or corpus name, and the tag, go to text, tag. */
static enum ner_line
read_line(const char *line, int first, char *text, char *tag)
{
	char s[256];
	struct ner_gold g;
	enum ner_line k;

	snprintf(s, sizeof s, "%s", line);
	k = ner_gold_line(s, strlen(s), first, &g);
	snprintf(text, 256, "%.*s", (int)g.n, g.text != NULL ? g.text : "");
	snprintf(tag, 256, "%.*s", (int)g.tagn, g.tag != NULL ? g.tag : "");
	return k;
}

static void
token_and_tag(const char *line, const char *token, const char *tag)
{
	char t[256], g[256];

	assert_int_equal(read_line(line, 0, t, g), NER_LINE_TOKEN);
	assert_string_equal(t, token);
	assert_string_equal(g, tag);
}

static void
columns(void **state)
{
	(void)state;
	token_and_tag("زار\tO", "زار", "O");
	token_and_tag("سمير NNP B-PER", "سمير", "B-PER");
	token_and_tag("  سمير \t NNP  x\tI-PER \t", "سمير", "I-PER");
	token_and_tag("EU\tNNP\tB-ORG\r", "EU", "B-ORG");
}

static void
marks_taken_out(void **state)
{
	char t[256], g[256];

	(void)state;
	token_and_tag("\xe2\x80\x8eسمير\xe2\x80\x8f\tB-PER", "سمير", "B-PER");
	token_and_tag("a\xef\xbb\xbf" "b O", "ab", "O");
	assert_int_equal(read_line("\xe2\x80\x8f\tO", 0, t, g),
	    NER_LINE_TOKEN);
	assert_string_equal(t, "");
	/* a byte order mark starts only the file */
	assert_int_equal(read_line("\xef\xbb\xbf# corpus=x", 1, t, g),
	    NER_LINE_CORPUS);
	assert_string_equal(t, "x");
	assert_int_equal(read_line("\xef\xbb\xbf# corpus=x", 0, t, g),
	    NER_LINE_TOKEN);
}

static void
line_kinds(void **state)
{
	char t[256], g[256];

	(void)state;
	assert_int_equal(read_line("", 0, t, g), NER_LINE_BLANK);
	assert_int_equal(read_line(" \t\r", 0, t, g), NER_LINE_BLANK);
	assert_int_equal(read_line("# doc", 0, t, g), NER_LINE_DOC);
	assert_int_equal(read_line("-DOCSTART- -X- O O", 0, t, g),
	    NER_LINE_DOC);
	assert_int_equal(read_line("-DOCSTART-", 0, t, g), NER_LINE_DOC);
	assert_int_equal(read_line("# corpus=wiki", 0, t, g),
	    NER_LINE_CORPUS);
	assert_string_equal(t, "wiki");
	assert_int_equal(read_line("# corpus=", 0, t, g), NER_LINE_CORPUS);
	assert_string_equal(t, "");
	assert_int_equal(read_line("# source: x y", 0, t, g),
	    NER_LINE_COMMENT);
	assert_int_equal(read_line("زار", 0, t, g), NER_LINE_NO_TAG);
}

/* "#" is a token when every column after it is a tag. */
static void
hash_token(void **state)
{
	char t[256], g[256];

	(void)state;
	token_and_tag("#\tO", "#", "O");
	token_and_tag("# B-ORG", "#", "B-ORG");
	token_and_tag("# I-ORG B-LOC", "#", "B-LOC");
	assert_int_equal(read_line("# B-ORG note", 0, t, g),
	    NER_LINE_COMMENT);
}

static int
label(const struct ner_typemap *m, const char *tag)
{
	size_t type = 0;

	return ner_gold_label(m, tag, strlen(tag), &type);
}

static void
labels(void **state)
{
	struct ner_typemap m;
	size_t type = 0;

	(void)state;
	ner_typemap_init(&m);
	assert_int_equal(label(&m, "O"), 0);
	assert_int_equal(label(&m, "B-PER"), B_PER);
	assert_int_equal(label(&m, "I-MISC"), I_MISC);
	assert_int_equal(label(&m, "B-PERS"), B_PER);
	assert_int_equal(label(&m, "I-PERSON"), I_PER);
	assert_int_equal(label(&m, "B-MIS"), B_MISC);
	assert_int_equal(label(&m, "I-GPE"), I_LOC);
	assert_int_equal(label(&m, "X"), NER_BAD_TAG);
	assert_int_equal(label(&m, "B-"), NER_BAD_TAG);
	assert_int_equal(label(&m, "E-PER"), NER_BAD_TAG);
	assert_int_equal(label(&m, "OO"), NER_BAD_TAG);
	assert_int_equal(label(&m, "B-O"), NER_BAD_TYPE);
	assert_int_equal(ner_gold_label(&m, "I-DATE", 6, &type),
	    NER_BAD_TYPE);
	assert_int_equal(type, 2);
	ner_typemap_free(&m);
}

static void
renames(void **state)
{
	struct ner_typemap m;
	char err[200] = "";

	(void)state;
	ner_typemap_init(&m);
	assert_int_equal(ner_typemap_add(&m, "ORGANIZATION=ORG,DATE=O", err,
	    sizeof err), 0);
	assert_int_equal(label(&m, "B-ORGANIZATION"), B_ORG);
	assert_int_equal(label(&m, "I-DATE"), 0);
	/* later renames win, even over the built-in ones and known types */
	assert_int_equal(ner_typemap_add(&m, "PERS=ORG,MISC=O", err,
	    sizeof err), 0);
	assert_int_equal(label(&m, "B-PERS"), B_ORG);
	assert_int_equal(label(&m, "B-MISC"), 0);
	assert_int_equal(label(&m, "B-PERSON"), B_PER);
	ner_typemap_free(&m);
}

static void
bad_renames(void **state)
{
	struct ner_typemap m;
	char err[200] = "";
	size_t n;

	(void)state;
	ner_typemap_init(&m);
	n = m.n;
	assert_int_equal(ner_typemap_add(&m, "DATE=O,X=FOO", err, sizeof err),
	    -1);
	assert_string_equal(err, "'X=FOO': TO is PER, ORG, LOC, MISC or O");
	assert_int_equal(m.n, n);	/* nothing added */
	assert_int_equal(label(&m, "B-DATE"), NER_BAD_TYPE);
	assert_int_equal(ner_typemap_add(&m, "DATE", err, sizeof err), -1);
	assert_string_equal(err, "expected FROM=TO, not 'DATE'");
	assert_int_equal(ner_typemap_add(&m, "A=O,", err, sizeof err), -1);
	assert_int_equal(ner_typemap_add(&m, "=O", err, sizeof err), -1);
	assert_int_equal(ner_typemap_add(&m, "A=", err, sizeof err), -1);
	assert_int_equal(ner_typemap_add(&m, "", err, sizeof err), -1);
	assert_int_equal(m.n, n);
	ner_typemap_free(&m);
}

static void
iob(void **state)
{
	(void)state;
	/* B- after O or another type: IOB2's; after its type: both write it */
	assert_true(ner_iob2_only(B_PER, 0));
	assert_true(ner_iob2_only(B_PER, I_LOC));
	assert_false(ner_iob2_only(B_PER, I_PER));
	assert_false(ner_iob2_only(B_PER, B_PER));
	assert_false(ner_iob2_only(I_PER, 0));
	assert_false(ner_iob2_only(0, I_PER));
	/* an I- that continues nothing of its type begins a name */
	assert_int_equal(ner_iob2(I_PER, 0), B_PER);
	assert_int_equal(ner_iob2(I_PER, B_ORG), B_PER);
	assert_int_equal(ner_iob2(I_PER, B_PER), I_PER);
	assert_int_equal(ner_iob2(I_PER, I_PER), I_PER);
	assert_int_equal(ner_iob2(B_PER, I_PER), B_PER);
	assert_int_equal(ner_iob2(0, I_PER), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(columns),
		cmocka_unit_test(marks_taken_out),
		cmocka_unit_test(line_kinds),
		cmocka_unit_test(hash_token),
		cmocka_unit_test(labels),
		cmocka_unit_test(renames),
		cmocka_unit_test(bad_renames),
		cmocka_unit_test(iob),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
