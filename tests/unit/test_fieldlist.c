/* Unit tests for lib/fieldlist.c: parsing, resolving and selecting. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fieldlist.h"

#include <stdlib.h>
#include <string.h>

#define OPEN FIELDLIST_OPEN

/* Parses spec, which must be valid. */
static void
parse_ok(struct fieldlist *fl, const char *spec)
{
	char err[200] = "";

	assert_int_equal(fieldlist_parse(fl, spec, err, sizeof err), 0);
}

/* Range i of fl is lo-hi, a number range. */
static void
check_range(const struct fieldlist *fl, size_t i, size_t lo, size_t hi)
{
	assert_true(i < fl->n);
	assert_null(fl->v[i].name);
	assert_int_equal(fl->v[i].lo, lo);
	assert_int_equal(fl->v[i].hi, hi);
}

static void
check_name(const struct fieldlist *fl, size_t i, const char *name)
{
	assert_true(i < fl->n);
	assert_non_null(fl->v[i].name);
	assert_string_equal(fl->v[i].name, name);
}

static void
parse_single(void **state)
{
	struct fieldlist fl;

	(void)state;
	parse_ok(&fl, "3");
	assert_int_equal(fl.n, 1);
	check_range(&fl, 0, 3, 3);
	fieldlist_free(&fl);
	parse_ok(&fl, "120");
	check_range(&fl, 0, 120, 120);
	fieldlist_free(&fl);
}

static void
parse_closed_range(void **state)
{
	struct fieldlist fl;

	(void)state;
	parse_ok(&fl, "2-4");
	assert_int_equal(fl.n, 1);
	check_range(&fl, 0, 2, 4);
	fieldlist_free(&fl);
	parse_ok(&fl, "7-7");
	check_range(&fl, 0, 7, 7);
	fieldlist_free(&fl);
}

static void
parse_open_end(void **state)
{
	struct fieldlist fl;

	(void)state;
	parse_ok(&fl, "5-");
	assert_int_equal(fl.n, 1);
	check_range(&fl, 0, 5, OPEN);
	fieldlist_free(&fl);
}

static void
parse_open_start(void **state)
{
	struct fieldlist fl;

	(void)state;
	parse_ok(&fl, "-2");
	assert_int_equal(fl.n, 1);
	check_range(&fl, 0, 1, 2);
	fieldlist_free(&fl);
}

static void
parse_keeps_order(void **state)
{
	struct fieldlist fl;

	(void)state;
	parse_ok(&fl, "3,1");
	assert_int_equal(fl.n, 2);
	check_range(&fl, 0, 3, 3);
	check_range(&fl, 1, 1, 1);
	fieldlist_free(&fl);
	parse_ok(&fl, "9-,-2,4-6,4");
	assert_int_equal(fl.n, 4);
	check_range(&fl, 0, 9, OPEN);
	check_range(&fl, 1, 1, 2);
	check_range(&fl, 2, 4, 6);
	check_range(&fl, 3, 4, 4);
	fieldlist_free(&fl);
}

static void
parse_names(void **state)
{
	struct fieldlist fl;

	(void)state;
	/* "word,3,جذر,first-name" */
	parse_ok(&fl, "word,3,\xD8\xAC\xD8\xB0\xD8\xB1,first-name");
	assert_int_equal(fl.n, 4);
	check_name(&fl, 0, "word");
	check_range(&fl, 1, 3, 3);
	check_name(&fl, 2, "\xD8\xAC\xD8\xB0\xD8\xB1");
	check_name(&fl, 3, "first-name");
	fieldlist_free(&fl);
	assert_null(fl.v);
	assert_int_equal(fl.n, 0);
}

/* spec is rejected with a message that mentions what. */
static void
check_bad(const char *spec, const char *what)
{
	struct fieldlist fl;
	char err[200] = "";

	assert_int_equal(fieldlist_parse(&fl, spec, err, sizeof err), -1);
	assert_true(err[0] != '\0');
	if (strstr(err, what) == NULL)
		fail_msg("message '%s' for '%s' lacks '%s'", err, spec, what);
	fieldlist_free(&fl);
}

static void
parse_empty_list(void **state)
{
	(void)state;
	check_bad("", "empty");
}

static void
parse_zero(void **state)
{
	(void)state;
	check_bad("0", "'0'");
	check_bad("0-3", "'0-3'");
	check_bad("2,00", "'00'");
}

static void
parse_reversed_range(void **state)
{
	(void)state;
	check_bad("4-2", "'4-2'");
	check_bad("1,3-0", "'3-0'");
}

static void
parse_empty_item(void **state)
{
	(void)state;
	check_bad("1,,2", "1,,2");
	check_bad("1,", "1,");
	check_bad(",1", ",1");
	check_bad("name,,x", "name,,x");
}

static void
parse_lone_dash(void **state)
{
	(void)state;
	check_bad("-", "'-'");
	check_bad("2,-", "'-'");
	check_bad("--", "'--'");
	check_bad("--3", "'--3'");
}

static void
parse_trailing_junk(void **state)
{
	(void)state;
	check_bad("2x", "'2x'");
	check_bad("1-x", "'1-x'");
	check_bad("1-2-3", "'1-2-3'");
	check_bad("3 ", "'3 '");
	check_bad("-2x", "'-2x'");
}

static void
parse_too_big(void **state)
{
	(void)state;
	check_bad("99999999999999999999999", "99999999999999999999999");
	check_bad("1-99999999999999999999999", "1-9999");
	/* fits in 64 bits but is beyond SIZE_MAX / 2 */
	check_bad("9223372036854775808", "9223372036854775808");
	check_bad("2-18446744073709551615", "2-18446744073709551615");
}

static void
max_field(void **state)
{
	struct fieldlist fl;

	(void)state;
	parse_ok(&fl, "3,1");
	assert_int_equal(fieldlist_max(&fl), 3);
	fieldlist_free(&fl);
	parse_ok(&fl, "2-8,5");
	assert_int_equal(fieldlist_max(&fl), 8);
	fieldlist_free(&fl);
	parse_ok(&fl, "1,4-");
	assert_int_equal(fieldlist_max(&fl), 0);
	fieldlist_free(&fl);
}

/* Selecting spec in a record of nfields gives want[0..n) (0-based). */
static void
check_select(const char *spec, size_t nfields, const size_t *want, size_t n)
{
	struct fieldlist fl;
	size_t *idx = NULL, cap = 0, missing = 12345, i;

	parse_ok(&fl, spec);
	assert_int_equal(fieldlist_select(&fl, nfields, &idx, &cap, &missing),
	    (long)n);
	assert_true(cap >= n);
	for (i = 0; i < n; i++)
		assert_int_equal(idx[i], want[i]);
	free(idx);
	fieldlist_free(&fl);
}

#define SELECT(spec, nf, ...) do { \
	static const size_t want_[] = { __VA_ARGS__ }; \
	check_select(spec, nf, want_, sizeof want_ / sizeof want_[0]); \
} while (0)

static void
select_numbers(void **state)
{
	(void)state;
	SELECT("3,1", 3, 2, 0);
	SELECT("2", 5, 1);
	SELECT("1,1", 2, 0, 0);
}

static void
select_ranges(void **state)
{
	(void)state;
	SELECT("2-4", 5, 1, 2, 3);
	SELECT("-2", 5, 0, 1);
	SELECT("5-", 7, 4, 5, 6);
	SELECT("5-", 5, 4);
	SELECT("3-,1", 4, 2, 3, 0);
	SELECT("-3,2-", 3, 0, 1, 2, 1, 2);
}

static void
select_open_range_grows_indices(void **state)
{
	struct fieldlist fl;
	size_t *idx = NULL, cap = 0, missing = 0, i;

	(void)state;
	parse_ok(&fl, "1-");
	assert_int_equal(fieldlist_select(&fl, 1000, &idx, &cap, &missing),
	    1000);
	assert_true(cap >= 1000);
	for (i = 0; i < 1000; i++)
		assert_int_equal(idx[i], i);
	/* the same array again, for a shorter record */
	assert_int_equal(fieldlist_select(&fl, 2, &idx, &cap, &missing), 2);
	assert_int_equal(idx[1], 1);
	free(idx);
	fieldlist_free(&fl);
}

/* Selecting spec in a record of nfields fails, naming field missing. */
static void
check_missing(const char *spec, size_t nfields, size_t want)
{
	struct fieldlist fl;
	size_t *idx = NULL, cap = 0, missing = 0;

	parse_ok(&fl, spec);
	assert_int_equal(fieldlist_select(&fl, nfields, &idx, &cap, &missing),
	    -1);
	assert_int_equal(missing, want);
	free(idx);
	fieldlist_free(&fl);
}

static void
select_missing_field(void **state)
{
	(void)state;
	check_missing("2,6", 4, 6);
	check_missing("6,2", 4, 6);
	check_missing("2-6", 4, 6);
	check_missing("5-", 3, 5);
	check_missing("1,-4", 3, 4);
	check_missing("1", 0, 1);
}

/* A header record split into fields; rec must outlive h. */
static void
header(struct tsv_fields *h, char *rec)
{
	memset(h, 0, sizeof *h);
	tsv_split(rec, strlen(rec), h);
}

static void
resolve_names(void **state)
{
	char rec[] = "word\tcount\t\xD9\x83\xD9\x84\xD9\x85\xD8\xA9\tpos";
	char err[200] = "";
	struct tsv_fields h;
	struct fieldlist fl;

	(void)state;
	header(&h, rec);
	parse_ok(&fl, "\xD9\x83\xD9\x84\xD9\x85\xD8\xA9,word,2,pos");
	assert_int_equal(fieldlist_resolve(&fl, &h, err, sizeof err), 0);
	check_range(&fl, 0, 3, 3);
	check_range(&fl, 1, 1, 1);
	check_range(&fl, 2, 2, 2);
	check_range(&fl, 3, 4, 4);
	assert_int_equal(fieldlist_max(&fl), 4);
	fieldlist_free(&fl);
	tsv_fields_free(&h);
}

static void
resolve_then_select(void **state)
{
	char rec[] = "a\tb\tc";
	char err[200] = "";
	struct tsv_fields h;
	struct fieldlist fl;
	size_t *idx = NULL, cap = 0, missing = 0;

	(void)state;
	header(&h, rec);
	parse_ok(&fl, "c,a,2-");
	assert_int_equal(fieldlist_resolve(&fl, &h, err, sizeof err), 0);
	assert_int_equal(fieldlist_select(&fl, 3, &idx, &cap, &missing), 4);
	assert_int_equal(idx[0], 2);
	assert_int_equal(idx[1], 0);
	assert_int_equal(idx[2], 1);
	assert_int_equal(idx[3], 2);
	free(idx);
	fieldlist_free(&fl);
	tsv_fields_free(&h);
}

static void
resolve_name_is_whole_field(void **state)
{
	char rec[] = "words\tword2\tword";
	char err[200] = "";
	struct tsv_fields h;
	struct fieldlist fl;

	(void)state;
	header(&h, rec);
	parse_ok(&fl, "word");
	assert_int_equal(fieldlist_resolve(&fl, &h, err, sizeof err), 0);
	check_range(&fl, 0, 3, 3);
	fieldlist_free(&fl);
	tsv_fields_free(&h);
}

static void
resolve_unknown_name(void **state)
{
	char rec[] = "word\tcount";
	char err[200] = "";
	struct tsv_fields h;
	struct fieldlist fl;

	(void)state;
	header(&h, rec);
	parse_ok(&fl, "word,lemma");
	assert_int_equal(fieldlist_resolve(&fl, &h, err, sizeof err), -1);
	assert_non_null(strstr(err, "lemma"));
	fieldlist_free(&fl);
	tsv_fields_free(&h);
}

static void
resolve_without_header(void **state)
{
	char err[200] = "";
	struct fieldlist fl;

	(void)state;
	parse_ok(&fl, "1,root");
	assert_int_equal(fieldlist_resolve(&fl, NULL, err, sizeof err), -1);
	assert_non_null(strstr(err, "root"));
	fieldlist_free(&fl);
}

static void
resolve_numbers_need_no_header(void **state)
{
	char err[200] = "";
	struct fieldlist fl;

	(void)state;
	parse_ok(&fl, "2,1-3");
	assert_int_equal(fieldlist_resolve(&fl, NULL, err, sizeof err), 0);
	check_range(&fl, 0, 2, 2);
	check_range(&fl, 1, 1, 3);
	assert_string_equal(err, "");
	fieldlist_free(&fl);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parse_single),
		cmocka_unit_test(parse_closed_range),
		cmocka_unit_test(parse_open_end),
		cmocka_unit_test(parse_open_start),
		cmocka_unit_test(parse_keeps_order),
		cmocka_unit_test(parse_names),
		cmocka_unit_test(parse_empty_list),
		cmocka_unit_test(parse_zero),
		cmocka_unit_test(parse_reversed_range),
		cmocka_unit_test(parse_empty_item),
		cmocka_unit_test(parse_lone_dash),
		cmocka_unit_test(parse_trailing_junk),
		cmocka_unit_test(parse_too_big),
		cmocka_unit_test(max_field),
		cmocka_unit_test(select_numbers),
		cmocka_unit_test(select_ranges),
		cmocka_unit_test(select_open_range_grows_indices),
		cmocka_unit_test(select_missing_field),
		cmocka_unit_test(resolve_names),
		cmocka_unit_test(resolve_then_select),
		cmocka_unit_test(resolve_name_is_whole_field),
		cmocka_unit_test(resolve_unknown_name),
		cmocka_unit_test(resolve_without_header),
		cmocka_unit_test(resolve_numbers_need_no_header),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
