/*
 * Unit tests for lib/ent*.c: names resolved across a document, with the
 * rules and gazetteers alone (no tagger), so that what is tested is the
 * resolution, not a model's guesses.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "ent.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static struct ent_finder *finder;

static int
setup(void **state)
{
	char err[256];

	(void)state;
	finder = ent_new(err, sizeof err);
	return finder == NULL;
}

static int
teardown(void **state)
{
	(void)state;
	ent_free(finder);
	return 0;
}

/*
 * The names (PER, ORG, LOC) of a document of the texts, as
 * "TYPE surface=value" joined by "; ", each text's after a "|".
 */
static const char *
names_of(const char *const *texts, size_t n)
{
	static char out[4096];
	struct entities e = { 0 };
	size_t k, i;

	out[0] = '\0';
	ent_document(finder);
	for (k = 0; k < n; k++)
		ent_add(finder, texts[k], strlen(texts[k]));
	ent_resolve(finder);
	for (k = 0; k < n; k++) {
		if (k > 0)
			strcat(out, "|");
		ent_mentions(finder, k, 1u << ENT_PER | 1u << ENT_ORG |
		    1u << ENT_LOC, &e);
		for (i = 0; i < e.n; i++)
			snprintf(out + strlen(out), sizeof out - strlen(out),
			    "%s%s %.*s=%s", i > 0 ? "; " : "",
			    ent_type_names[e.v[i].type],
			    (int)(e.v[i].end - e.v[i].start),
			    texts[k] + e.v[i].start, e.values.p + e.v[i].value);
	}
	entities_free(&e);
	return out;
}

#define NAMES(...) names_of((const char *[]){ __VA_ARGS__ }, \
	sizeof (const char *[]){ __VA_ARGS__ } / sizeof (const char *))

/* A surname before the full name, after it, and glued to a proclitic. */
static void
test_surname_both_ways(void **state)
{
	(void)state;
	assert_string_equal(NAMES("وصل ماكرون أمس.",
	    "وقال الرئيس إيمانويل ماكرون إن الاتفاق قريب.",
	    "والتقى بماكرون وزراء، ورد لماكرون الجميع."),
	    "PER ماكرون=ايمانويل ماكرون|"
	    "PER إيمانويل ماكرون=ايمانويل ماكرون|"
	    "PER ماكرون=ايمانويل ماكرون; PER ماكرون=ايمانويل ماكرون");
}

/* Nothing is carried from one document to the next. */
static void
test_documents_apart(void **state)
{
	(void)state;
	assert_string_equal(NAMES("قال الرئيس سالم بوقرطة إن الاتفاق قريب.",
	    "وصل بوقرطة أمس."), "PER سالم بوقرطة=سالم بوقرطة|"
	    "PER بوقرطة=سالم بوقرطة");
	assert_string_equal(NAMES("وصل بوقرطة أمس."), "");
}

/* A function word is no short mention of the name before it. */
static void
test_function_word_not_a_name(void **state)
{
	(void)state;
	assert_string_equal(NAMES("حضرت الفنانة ليلى علوي الحفل.",
	    "وأكد الوزير على أهمية الثقافة."),
	    "PER ليلى علوي=ليلى علوي|");
}

/* A surname that is a common word is a name after the full name. */
static void
test_common_word_surname(void **state)
{
	(void)state;
	assert_string_equal(NAMES("ورأى أن العمل صالح للجميع.",
	    "قال الشيخ محمد صالح إن صالح سيحضر."),
	    "|PER محمد صالح=محمد صالح; PER صالح=محمد صالح");
}

/* Names that differ by a letter are two people; a foreign g written two
 * ways is one. */
static void
test_folding(void **state)
{
	(void)state;
	assert_string_equal(NAMES("قال الأمير نايف إن نواف غائب."),
	    "PER نايف=نايف");
	assert_string_equal(NAMES("قال الملياردير مارك زوكربيرغ إن "
	    "زوكربيرج يحب الرياضة."), "PER مارك زوكربيرغ=مارك زوكربيرغ; "
	    "PER زوكربيرج=مارك زوكربيرغ");
}

/* An organisation's name without its head, and the article's alef back
 * in a value. */
static void
test_organisations(void **state)
{
	(void)state;
	assert_string_equal(NAMES("وأعلنت حركة النهضة أن النهضة ستشارك."),
	    "ORG حركة النهضة=حركة النهضة; ORG النهضة=حركة النهضة");
	assert_string_equal(NAMES("وأكد الأمين العام للاتحاد العام "
	    "التونسي للشغل ذلك."), "ORG لاتحاد العام التونسي للشغل="
	    "الاتحاد العام التونسي للشغل");
	assert_string_equal(NAMES("جلسة بين وزارة الصحة والاتحاد العام "
	    "التونسي للشغل."), "ORG وزارة الصحة=وزارة الصحة; ORG الاتحاد "
	    "العام التونسي للشغل=الاتحاد العام التونسي للشغل");
}

/* A place's value is the spelling news uses; a name's word is not cut
 * as if its first letter were a proclitic. */
static void
test_places(void **state)
{
	(void)state;
	assert_string_equal(NAMES("زار المملكة العربية السعودية وبغداد."),
	    "LOC المملكة العربية السعودية=السعودية; LOC بغداد=بغداد");
	assert_string_equal(NAMES("ورد بايدن على السؤال."),
	    "PER بايدن=جو بايدن");
}

/* A surname alone is found again near its full name, not an article's
 * length away in a document that holds many. */
static void
test_far_from_full_name(void **state)
{
	static char filler[40000];
	const char *near[] = { "قال الرئيس سالم بوقرطة إن الاتفاق قريب.",
	    "والأمر مهم جدا.", "وصل بوقرطة أمس." };
	size_t i;

	(void)state;
	for (i = 0; i < 1000; i++)	/* 5000 tokens */
		strcat(filler, "والأمر مهم جدا هنا. ");
	assert_string_equal(names_of(near, 3), "PER سالم بوقرطة=سالم بوقرطة||"
	    "PER بوقرطة=سالم بوقرطة");
	near[1] = filler;
	assert_string_equal(names_of(near, 3), "PER سالم بوقرطة=سالم بوقرطة||");
}

/* Words of a stop list are never names on their own. */
static void
test_stop_list(void **state)
{
	char path[] = "/tmp/satr-test-ent-XXXXXX", err[256];
	int fd = mkstemp(path);

	(void)state;
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "بغداد\n", strlen("بغداد\n")),
	    (ssize_t)strlen("بغداد\n"));
	close(fd);
	assert_int_equal(ent_load_stoplist(finder, path, err, sizeof err), 0);
	unlink(path);
	assert_string_equal(NAMES("زار بغداد والقاهرة."),
	    "LOC القاهرة=القاهرة");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_surname_both_ways),
		cmocka_unit_test(test_documents_apart),
		cmocka_unit_test(test_function_word_not_a_name),
		cmocka_unit_test(test_common_word_surname),
		cmocka_unit_test(test_folding),
		cmocka_unit_test(test_organisations),
		cmocka_unit_test(test_places),
		cmocka_unit_test(test_stop_list),
		cmocka_unit_test(test_far_from_full_name),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
