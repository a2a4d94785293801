/* Unit tests for lib/sentence.c: sentence spans in Arabic and other text. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "sentence.h"

#include <stdlib.h>
#include <string.h>

static struct sentencer *
make(int flags)
{
	char err[128] = "";
	struct sentencer *s = sentencer_new(flags, err, sizeof err);

	if (s == NULL)
		fail_msg("sentencer_new: %s", err);
	return s;
}

/*
 * Splits text and checks that its sentences are want[], NULL-ended. On a
 * mismatch it prints both lists; it frees before it asserts.
 */
static void
check_split(int flags, const char *text, const char *const *want)
{
	struct sentencer *s = make(flags);
	struct spans sp = { 0 };
	size_t i, nwant = 0, n = strlen(text);
	int ok;

	while (want[nwant] != NULL)
		nwant++;
	sentencer_split(s, text, n, &sp);
	ok = sp.n == nwant;
	for (i = 0; ok && i < sp.n; i++)
		ok = sp.v[i].start < sp.v[i].end && sp.v[i].end <= n &&
		    sp.v[i].end - sp.v[i].start == strlen(want[i]) &&
		    memcmp(text + sp.v[i].start, want[i],
		    strlen(want[i])) == 0;
	if (!ok) {
		print_message("text: [%s]\n", text);
		for (i = 0; i < sp.n; i++)
			print_message("  got %zu: [%.*s]\n", i,
			    (int)(sp.v[i].end - sp.v[i].start),
			    text + sp.v[i].start);
		for (i = 0; i < nwant; i++)
			print_message("  want %zu: [%s]\n", i, want[i]);
	}
	spans_free(&sp);
	sentencer_free(s);
	assert_true(ok);
}

#define SPLIT(text, ...) \
	check_split(0, text, (const char *const []){ __VA_ARGS__, NULL })
#define SPLIT_FLAGS(flags, text, ...) \
	check_split(flags, text, (const char *const []){ __VA_ARGS__, NULL })

static void
test_new_gives_sentencer(void **state)
{
	char err[128] = "untouched";
	struct sentencer *s = sentencer_new(0, err, sizeof err);

	(void)state;
	assert_non_null(s);
	assert_string_equal(err, "untouched");
	sentencer_free(s);
}

static void
test_full_stop(void **state)
{
	(void)state;
	SPLIT("خرج الصياد إلى البحر مبكرا. عاد في المساء بسمك كثير.",
	    "خرج الصياد إلى البحر مبكرا.",
	    "عاد في المساء بسمك كثير.");
}

static void
test_last_sentence_without_terminator(void **state)
{
	(void)state;
	SPLIT("نامت المدينة. ثم أشرقت الشمس على السطوح",
	    "نامت المدينة.",
	    "ثم أشرقت الشمس على السطوح");
}

static void
test_no_terminator_one_span(void **state)
{
	(void)state;
	SPLIT("كان الطريق طويلا والليل باردا",
	    "كان الطريق طويلا والليل باردا");
}

static void
test_exclamation_and_questions(void **state)
{
	(void)state;
	SPLIT("ما أجمل الحديقة! هل زرتها أمس؟ لم أزرها? سأزورها غدا.",
	    "ما أجمل الحديقة!",
	    "هل زرتها أمس؟",
	    "لم أزرها?",
	    "سأزورها غدا.");
}

static void
test_terminator_runs(void **state)
{
	(void)state;
	SPLIT("أحقا فعلت ذلك؟! لا أصدق... ربما أخطأت… سنرى?! حسنا.",
	    "أحقا فعلت ذلك؟!",
	    "لا أصدق...",
	    "ربما أخطأت…",
	    "سنرى?!",
	    "حسنا.");
}

static void
test_guillemet_stays(void **state)
{
	(void)state;
	SPLIT("قال المعلم «افتحوا الكتب.» ثم جلس.",
	    "قال المعلم «افتحوا الكتب.»",
	    "ثم جلس.");
}

static void
test_curly_quote_stays(void **state)
{
	(void)state;
	SPLIT("كتبت في دفترها “سأعود قريبا!” وخرجت.",
	    "كتبت في دفترها “سأعود قريبا!”",
	    "وخرجت.");
}

static void
test_bracket_stays(void **state)
{
	(void)state;
	SPLIT("أغلق المتجر أبوابه (كان الوقت متأخرا.) وعاد البائع.",
	    "أغلق المتجر أبوابه (كان الوقت متأخرا.)",
	    "وعاد البائع.");
}

static void
test_ascii_quotes_stay(void **state)
{
	(void)state;
	SPLIT("صاح الحارس \"قف!\" فتوقف الرجل. همس 'لماذا؟' وانتظر.",
	    "صاح الحارس \"قف!\"",
	    "فتوقف الرجل.",
	    "همس 'لماذا؟'",
	    "وانتظر.");
}

static void
test_closer_runs_stay(void **state)
{
	(void)state;
	SPLIT("قرأ الجملة («هذا بيتي.») بصوت عال.",
	    "قرأ الجملة («هذا بيتي.»)",
	    "بصوت عال.");
}

/* A full stop after the closing quote belongs to the same sentence. */
static void
test_stop_after_closer_stays(void **state)
{
	(void)state;
	SPLIT("وختم كلمته بقوله «سنواصل العمل.». ثم غادر القاعة.",
	    "وختم كلمته بقوله «سنواصل العمل.».",
	    "ثم غادر القاعة.");
}

static void
test_mismatched_opening_quote_stays(void **state)
{
	(void)state;
	SPLIT("انتهى العرض في الموعد.“ وصفق الجمهور طويلا.",
	    "انتهى العرض في الموعد.“",
	    "وصفق الجمهور طويلا.");
}

static void
test_mismatched_opening_quote_at_end(void **state)
{
	(void)state;
	SPLIT("انتهى العرض في الموعد.“",
	    "انتهى العرض في الموعد.“");
}

static void
test_opening_quote_starts_next(void **state)
{
	(void)state;
	SPLIT("سكت الجميع. “من هناك؟” سأل الحارس.",
	    "سكت الجميع.",
	    "“من هناك؟”",
	    "سأل الحارس.");
}

static void
test_decimals_do_not_split(void **state)
{
	(void)state;
	SPLIT("ارتفعت الأسعار 30.4 بالمئة وبلغ النمو ٣٠.٤ أيضا. ثم هدأت.",
	    "ارتفعت الأسعار 30.4 بالمئة وبلغ النمو ٣٠.٤ أيضا.",
	    "ثم هدأت.");
}

static void
test_times_do_not_split(void **state)
{
	(void)state;
	SPLIT("وصل القطار في 7:38 صباحا. وغادر في 9:05 مساء.",
	    "وصل القطار في 7:38 صباحا.",
	    "وغادر في 9:05 مساء.");
}

static void
test_arabic_title_abbrev(void **state)
{
	(void)state;
	SPLIT("استقبل الوزير د. أحمد في مكتبه. ثم عقدا اجتماعا.",
	    "استقبل الوزير د. أحمد في مكتبه.",
	    "ثم عقدا اجتماعا.");
}

static void
test_arabic_abbrev_at_start(void **state)
{
	(void)state;
	SPLIT("د. سلمى طبيبة ماهرة. تعمل في المستشفى.",
	    "د. سلمى طبيبة ماهرة.",
	    "تعمل في المستشفى.");
}

static void
test_latin_abbrevs_in_arabic(void **state)
{
	(void)state;
	SPLIT("التقى الصحفي Mr. Smith في مطار U.S. الكبير. ثم سافر.",
	    "التقى الصحفي Mr. Smith في مطار U.S. الكبير.",
	    "ثم سافر.");
}

static void
test_eg_in_arabic(void **state)
{
	(void)state;
	SPLIT("تباع الفواكه e.g. التفاح والموز في السوق. وهي رخيصة.",
	    "تباع الفواكه e.g. التفاح والموز في السوق.",
	    "وهي رخيصة.");
}

static void
test_latin_initials_in_arabic(void **state)
{
	(void)state;
	SPLIT("قرأت روايات J. K. Rowling كلها في الصيف. وأحببتها.",
	    "قرأت روايات J. K. Rowling كلها في الصيف.",
	    "وأحببتها.");
}

static void
test_one_letter_arabic_abbrevs(void **state)
{
	(void)state;
	SPLIT("ألقى المحاضرة أ. سعيد وحضرها م. خالد. وانتهت مبكرا.",
	    "ألقى المحاضرة أ. سعيد وحضرها م. خالد.",
	    "وانتهت مبكرا.");
}

static void
test_era_chain_splits_after_last(void **state)
{
	(void)state;
	SPLIT("ولد الفيلسوف عام 323 ق. م. ومات بعد ذلك بسنوات.",
	    "ولد الفيلسوف عام 323 ق. م.",
	    "ومات بعد ذلك بسنوات.");
}

static void
test_year_era_splits(void **state)
{
	(void)state;
	SPLIT("بنيت القنطرة عام 1990 م. وقال المهندس إنها متينة.",
	    "بنيت القنطرة عام 1990 م.",
	    "وقال المهندس إنها متينة.");
}

static void
test_year_era_at_end(void **state)
{
	(void)state;
	SPLIT("بنيت القنطرة عام 1990 م.",
	    "بنيت القنطرة عام 1990 م.");
}

static void
test_page_abbrev_no_split(void **state)
{
	(void)state;
	SPLIT("راجع الجدول في ص. 12 من التقرير. ثم أجب.",
	    "راجع الجدول في ص. 12 من التقرير.",
	    "ثم أجب.");
}

static void
test_list_marker_one_digit(void **state)
{
	(void)state;
	SPLIT("1. البند الأول في القائمة.",
	    "1. البند الأول في القائمة.");
}

static void
test_list_marker_two_digits(void **state)
{
	(void)state;
	SPLIT("12. البند الثاني عشر في القائمة.",
	    "12. البند الثاني عشر في القائمة.");
}

static void
test_list_markers_after_sentence(void **state)
{
	(void)state;
	SPLIT("هذه هي الشروط. 1. البند الأول. 12. البند الأخير.",
	    "هذه هي الشروط.",
	    "1. البند الأول.",
	    "12. البند الأخير.");
}

static void
test_url_and_email_do_not_split(void **state)
{
	(void)state;
	SPLIT("زوروا موقعنا www.example.com أو راسلونا على info@example.org "
	    "في أي وقت. شكرا لكم.",
	    "زوروا موقعنا www.example.com أو راسلونا على info@example.org "
	    "في أي وقت.",
	    "شكرا لكم.");
}

static void
test_missing_space_arabic_splits(void **state)
{
	(void)state;
	SPLIT("انتهى الاجتماع.وقال الرئيس إنه راض.",
	    "انتهى الاجتماع.",
	    "وقال الرئيس إنه راض.");
}

static void
test_missing_space_after_question(void **state)
{
	(void)state;
	SPLIT("هل وصلت؟قال نعم.",
	    "هل وصلت؟",
	    "قال نعم.");
}

static void
test_ellipsis_etc_glued_continues(void **state)
{
	(void)state;
	SPLIT("اشترى الخبز والجبن والزيتون...إلخ ثم عاد. وطبخ.",
	    "اشترى الخبز والجبن والزيتون...إلخ ثم عاد.",
	    "وطبخ.");
}

static void
test_ellipsis_etc_spaced_continues(void **state)
{
	(void)state;
	SPLIT("اشترى الخبز والجبن والزيتون... إلخ. ثم عاد.",
	    "اشترى الخبز والجبن والزيتون... إلخ.",
	    "ثم عاد.");
}

static void
test_ellipsis_char_etc_continues(void **state)
{
	(void)state;
	SPLIT("زرع القمح والشعير… الخ. وحصدهما.",
	    "زرع القمح والشعير… الخ.",
	    "وحصدهما.");
}

static void
test_semicolon_off_by_default(void **state)
{
	(void)state;
	SPLIT("جاء الربيع؛ فأزهرت الأشجار. وغنت الطيور.",
	    "جاء الربيع؛ فأزهرت الأشجار.",
	    "وغنت الطيور.");
}

static void
test_semicolon_with_flag(void **state)
{
	(void)state;
	SPLIT_FLAGS(SENT_SEMICOLON,
	    "جاء الربيع؛ فأزهرت الأشجار. وغنت الطيور.",
	    "جاء الربيع؛",
	    "فأزهرت الأشجار.",
	    "وغنت الطيور.");
}

static void
test_latin_semicolon_never_splits(void **state)
{
	(void)state;
	SPLIT_FLAGS(SENT_SEMICOLON,
	    "جاء الربيع; فأزهرت الأشجار.",
	    "جاء الربيع; فأزهرت الأشجار.");
}

static void
test_latin_paragraph_abbrevs(void **state)
{
	(void)state;
	SPLIT("Mr. Smith met Mrs. Jones in the U.S. last spring. They talked "
	    "for hours! Did they agree on anything? Not really.",
	    "Mr. Smith met Mrs. Jones in the U.S. last spring.",
	    "They talked for hours!",
	    "Did they agree on anything?",
	    "Not really.");
}

static void
test_latin_paragraph_eg_and_decimal(void **state)
{
	(void)state;
	SPLIT("Some fruit, e.g. apples, costs 3.5 dollars a kilo. Prices rose.",
	    "Some fruit, e.g. apples, costs 3.5 dollars a kilo.",
	    "Prices rose.");
}

static void
test_latin_paragraph_with_arabic_word(void **state)
{
	(void)state;
	/* Mostly Latin: the Arabic word does not take it off ICU. */
	SPLIT("The word سلام means peace. Mr. Brown said it twice.",
	    "The word سلام means peace.",
	    "Mr. Brown said it twice.");
}

static void
test_latin_paragraph_spaces_trimmed(void **state)
{
	(void)state;
	SPLIT("   The rain stopped.    The sun came out.   ",
	    "The rain stopped.",
	    "The sun came out.");
}

static void
test_surrounding_spaces_trimmed(void **state)
{
	(void)state;
	SPLIT("   هبت الريح.   سقط   المطر.   ",
	    "هبت الريح.",
	    "سقط   المطر.");
}

static void
test_tabs_and_nbsp_trimmed(void **state)
{
	(void)state;
	SPLIT("\t\u00a0هبت الريح.\t\u00a0سقط المطر.\u00a0\t",
	    "هبت الريح.",
	    "سقط المطر.");
}

/* U+000A..U+000D are white space like U+0020 and U+0009. */
static void
test_control_white_space_trimmed(void **state)
{
	(void)state;
	SPLIT("\vهبت الريح.\fسقط المطر.\r",
	    "هبت الريح.",
	    "سقط المطر.");
}

static void
test_empty_input(void **state)
{
	struct sentencer *s = make(0);
	struct spans sp = { 0 };

	(void)state;
	spans_add(&sp, 3, 7);	/* out is emptied first */
	sentencer_split(s, "", 0, &sp);
	assert_int_equal(sp.n, 0);
	spans_free(&sp);
	sentencer_free(s);
}

static void
test_only_spaces(void **state)
{
	static const char *const blanks[] = {
		" ", "     ", "\t \t", "\u00a0 \u00a0",
	};
	struct sentencer *s = make(0);
	struct spans sp = { 0 };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof blanks / sizeof blanks[0]; i++) {
		spans_add(&sp, 0, 1);
		sentencer_split(s, blanks[i], strlen(blanks[i]), &sp);
		assert_int_equal(sp.n, 0);
	}
	spans_free(&sp);
	sentencer_free(s);
}

static void
test_out_emptied_between_calls(void **state)
{
	struct sentencer *s = make(0);
	struct spans sp = { 0 };
	const char *a = "أ. ب. ج. وقف. جلس. نام.", *b = "استيقظ. خرج.";

	(void)state;
	sentencer_split(s, a, strlen(a), &sp);
	assert_true(sp.n >= 3);
	sentencer_split(s, b, strlen(b), &sp);
	assert_int_equal(sp.n, 2);
	assert_int_equal(sp.v[0].start, 0);
	assert_int_equal(sp.v[1].end, strlen(b));
	spans_free(&sp);
	sentencer_free(s);
}

static void
test_spans_add_grows(void **state)
{
	struct spans sp = { 0 };
	size_t i;

	(void)state;
	for (i = 0; i < 1000; i++)
		spans_add(&sp, i, i + 1);
	assert_int_equal(sp.n, 1000);
	assert_true(sp.cap >= 1000);
	for (i = 0; i < 1000; i++) {
		assert_int_equal(sp.v[i].start, i);
		assert_int_equal(sp.v[i].end, i + 1);
	}
	spans_free(&sp);
	assert_null(sp.v);
	assert_int_equal(sp.n, 0);
}

/*
 * Property: over many generated strings, spans are in order, do not
 * overlap, start and end on characters that are not white space, and
 * every character outside them is white space.
 */

/* The length of the white space character at s[0..n), or 0. */
static size_t
space_len(const char *s, size_t n)
{
	if (n >= 1 && (s[0] == ' ' || (s[0] >= '\t' && s[0] <= '\r')))
		return 1;
	if (n >= 2 && (unsigned char)s[0] == 0xC2 &&
	    (unsigned char)s[1] == 0xA0)
		return 2;
	return 0;
}

static int
is_continuation(char c)
{
	return ((unsigned char)c & 0xC0) == 0x80;
}

static uint32_t
next_random(uint32_t *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 17;
	*x ^= *x << 5;
	return *x;
}

static void
check_spans_property(const char *text, size_t n, const struct spans *sp)
{
	size_t i, at = 0, k;

	for (i = 0; i < sp->n; i++) {
		size_t start = sp->v[i].start, end = sp->v[i].end;

		if (start < at || start >= end || end > n)
			fail_msg("span %zu [%zu, %zu) after %zu in [%s]", i,
			    start, end, at, text);
		/* Only white space between the spans. */
		while (at < start) {
			k = space_len(text + at, start - at);
			if (k == 0)
				fail_msg("byte %zu outside spans in [%s]", at,
				    text);
			at += k;
		}
		assert_int_equal(at, start);
		assert_false(is_continuation(text[start]));
		assert_true(end == n || !is_continuation(text[end]));
		if (space_len(text + start, end - start) != 0)
			fail_msg("span %zu starts with space in [%s]", i, text);
		k = end - 1;
		while (is_continuation(text[k]))
			k--;
		if (space_len(text + k, end - k) != 0)
			fail_msg("span %zu ends with space in [%s]", i, text);
		at = end;
	}
	while (at < n) {
		k = space_len(text + at, n - at);
		if (k == 0)
			fail_msg("byte %zu after the last span in [%s]", at,
			    text);
		at += k;
	}
}

static void
check_property(const char *const *alphabet, size_t nalpha, uint32_t seed)
{
	struct sentencer *plain = make(0), *semi = make(SENT_SEMICOLON);
	struct spans sp = { 0 };
	char text[512];
	uint32_t x = seed;
	size_t round, covered = 0;

	for (round = 0; round < 3000; round++) {
		size_t n = 0, ntok = next_random(&x) % 24, t;

		for (t = 0; t < ntok; t++) {
			const char *w = alphabet[next_random(&x) % nalpha];
			size_t len = strlen(w);

			assert_true(n + len < sizeof text);
			memcpy(text + n, w, len);
			n += len;
		}
		text[n] = '\0';
		sentencer_split(round % 2 ? semi : plain, text, n, &sp);
		check_spans_property(text, n, &sp);
		covered += sp.n;
	}
	assert_true(covered > 3000);	/* the strings held sentences */
	spans_free(&sp);
	sentencer_free(plain);
	sentencer_free(semi);
}

static void
test_property_arabic(void **state)
{
	static const char *const alphabet[] = {
		"قال", "الولد", "بيت", "م", "د", "ص", "إلخ", "7", "٣٠", "1990",
		" ", " ", " ", "  ", "\t", "\u00a0", "\f", "\r", ".", ".",
		"!", "?", "؟", "…", "...", "؛", ":", "»", "«", "“", "”", "(",
		")", "\"", "'", "Mr", "U.S", "x",
	};

	(void)state;
	check_property(alphabet, sizeof alphabet / sizeof alphabet[0],
	    2463534242u);
}

static void
test_property_latin(void **state)
{
	static const char *const alphabet[] = {
		"the", "cat", "Smith", "Mr", "J", "e.g", "sat", "3", "12",
		" ", " ", " ", "  ", "\t", "\u00a0", "\v", "\r", ".", ".",
		"!", "?", "…", "...", ";", "»", "«", "“", "”", "(", ")", "\"",
		"'", "بيت",
	};

	(void)state;
	check_property(alphabet, sizeof alphabet / sizeof alphabet[0],
	    88172645u);
}

static void
check_line_ends(const char *line, int want)
{
	if (sentence_line_ends(line, strlen(line)) != want)
		fail_msg("sentence_line_ends(\"%s\") is not %d", line, want);
}

static void
test_line_ends_full_stop(void **state)
{
	(void)state;
	check_line_ends("ذهب الولد إلى السوق.", 1);
}

static void
test_line_ends_arabic_question(void **state)
{
	(void)state;
	check_line_ends("هل ذهب الولد إلى السوق؟", 1);
}

static void
test_line_ends_other_terminators(void **state)
{
	(void)state;
	check_line_ends("يا له من يوم!", 1);
	check_line_ends("وماذا بعد…", 1);
	check_line_ends("ربما...", 1);
}

static void
test_line_ends_stop_then_closer(void **state)
{
	(void)state;
	check_line_ends("قال: «هذا يكفي.»", 1);
	check_line_ends("(كما قيل؟)", 1);
	check_line_ends("قالت “لا.”  ", 1);
}

static void
test_line_ends_plain_text(void **state)
{
	(void)state;
	check_line_ends("وكان الطريق طويلا", 0);
	check_line_ends("وكان الطريق طويلا»", 0);
	check_line_ends("وكان الطريق طويلا،", 0);
	check_line_ends("جاء الربيع؛", 0);
}

static void
test_line_ends_trailing_spaces(void **state)
{
	(void)state;
	check_line_ends("ذهب الولد.   ", 1);
	check_line_ends("ذهب الولد.\t \t", 1);
	check_line_ends("ذهب الولد   ", 0);
}

static void
test_line_ends_empty_and_blank(void **state)
{
	(void)state;
	check_line_ends("", 0);
	check_line_ends("    ", 0);
	check_line_ends("»", 0);
}

static void
test_line_ends_respects_length(void **state)
{
	(void)state;
	/* Only the first n bytes count. */
	assert_int_equal(sentence_line_ends("نعم. لا", 7), 1);
	assert_int_equal(sentence_line_ends("نعم. لا", 12), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_new_gives_sentencer),
		cmocka_unit_test(test_full_stop),
		cmocka_unit_test(test_last_sentence_without_terminator),
		cmocka_unit_test(test_no_terminator_one_span),
		cmocka_unit_test(test_exclamation_and_questions),
		cmocka_unit_test(test_terminator_runs),
		cmocka_unit_test(test_guillemet_stays),
		cmocka_unit_test(test_curly_quote_stays),
		cmocka_unit_test(test_bracket_stays),
		cmocka_unit_test(test_ascii_quotes_stay),
		cmocka_unit_test(test_closer_runs_stay),
		cmocka_unit_test(test_stop_after_closer_stays),
		cmocka_unit_test(test_mismatched_opening_quote_stays),
		cmocka_unit_test(test_mismatched_opening_quote_at_end),
		cmocka_unit_test(test_opening_quote_starts_next),
		cmocka_unit_test(test_decimals_do_not_split),
		cmocka_unit_test(test_times_do_not_split),
		cmocka_unit_test(test_arabic_title_abbrev),
		cmocka_unit_test(test_arabic_abbrev_at_start),
		cmocka_unit_test(test_latin_abbrevs_in_arabic),
		cmocka_unit_test(test_eg_in_arabic),
		cmocka_unit_test(test_latin_initials_in_arabic),
		cmocka_unit_test(test_one_letter_arabic_abbrevs),
		cmocka_unit_test(test_era_chain_splits_after_last),
		cmocka_unit_test(test_year_era_splits),
		cmocka_unit_test(test_year_era_at_end),
		cmocka_unit_test(test_page_abbrev_no_split),
		cmocka_unit_test(test_list_marker_one_digit),
		cmocka_unit_test(test_list_marker_two_digits),
		cmocka_unit_test(test_list_markers_after_sentence),
		cmocka_unit_test(test_url_and_email_do_not_split),
		cmocka_unit_test(test_missing_space_arabic_splits),
		cmocka_unit_test(test_missing_space_after_question),
		cmocka_unit_test(test_ellipsis_etc_glued_continues),
		cmocka_unit_test(test_ellipsis_etc_spaced_continues),
		cmocka_unit_test(test_ellipsis_char_etc_continues),
		cmocka_unit_test(test_semicolon_off_by_default),
		cmocka_unit_test(test_semicolon_with_flag),
		cmocka_unit_test(test_latin_semicolon_never_splits),
		cmocka_unit_test(test_latin_paragraph_abbrevs),
		cmocka_unit_test(test_latin_paragraph_eg_and_decimal),
		cmocka_unit_test(test_latin_paragraph_with_arabic_word),
		cmocka_unit_test(test_latin_paragraph_spaces_trimmed),
		cmocka_unit_test(test_surrounding_spaces_trimmed),
		cmocka_unit_test(test_tabs_and_nbsp_trimmed),
		cmocka_unit_test(test_control_white_space_trimmed),
		cmocka_unit_test(test_empty_input),
		cmocka_unit_test(test_only_spaces),
		cmocka_unit_test(test_out_emptied_between_calls),
		cmocka_unit_test(test_spans_add_grows),
		cmocka_unit_test(test_property_arabic),
		cmocka_unit_test(test_property_latin),
		cmocka_unit_test(test_line_ends_full_stop),
		cmocka_unit_test(test_line_ends_arabic_question),
		cmocka_unit_test(test_line_ends_other_terminators),
		cmocka_unit_test(test_line_ends_stop_then_closer),
		cmocka_unit_test(test_line_ends_plain_text),
		cmocka_unit_test(test_line_ends_trailing_spaces),
		cmocka_unit_test(test_line_ends_empty_and_blank),
		cmocka_unit_test(test_line_ends_respects_length),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
