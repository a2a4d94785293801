/* Unit tests for lib/progress.c: the progress line and when it is due. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "progress.h"

#include <string.h>

static void
check_bytes(uint64_t n, const char *want)
{
	char buf[32];

	progress_bytes(n, buf, sizeof buf);
	assert_string_equal(buf, want);
}

static void
bytes_in_decimal_units(void **state)
{
	(void)state;
	check_bytes(0, "0 B");
	check_bytes(999, "999 B");
	check_bytes(1000, "1.0 kB");
	check_bytes(12345, "12.3 kB");
	check_bytes(4000000, "4.0 MB");
	check_bytes(2500000000ULL, "2.5 GB");
}

static void
bytes_never_show_a_thousand_of_a_unit(void **state)
{
	(void)state;
	check_bytes(999949, "999.9 kB");
	check_bytes(999950, "1.0 MB");
	check_bytes(999999999, "1.0 GB");
	check_bytes(UINT64_MAX, "18446.7 PB");
}

static void
check_duration(double s, const char *want)
{
	char buf[32];

	progress_duration(s, buf, sizeof buf);
	assert_string_equal(buf, want);
}

static void
durations(void **state)
{
	(void)state;
	check_duration(-3, "0s");
	check_duration(0.4, "0s");
	check_duration(42.6, "43s");
	check_duration(59.4, "59s");
	check_duration(185, "3m05s");
	check_duration(3599, "59m59s");
	check_duration(7620, "2h07m");
}

/*
 * The line for files files of total bytes (total_known or not), started at
 * start, at now with files_done files and done bytes done.
 */
static void
check_line(unsigned files, uint64_t total, int total_known, double start,
    unsigned files_done, uint64_t done, double now, const char *want)
{
	struct progress p;
	char buf[128];
	size_t n;

	progress_init(&p, files, total, total_known, start);
	p.files_done = files_done;
	p.done = done;
	n = progress_format(&p, now, buf, sizeof buf);
	assert_string_equal(buf, want);
	assert_int_equal(n, strlen(want));
}

static void
line_with_known_total(void **state)
{
	(void)state;
	/* 10 MB in 2 s: 5 MB/s, 30 MB left: 6 s. */
	check_line(5, 40000000, 1, 100.0, 2, 10000000, 102.0,
	    "2/5 files, 10.0 MB of 40.0 MB, 5.0 MB/s, 6s left");
}

static void
line_without_total_has_no_time_left(void **state)
{
	(void)state;
	check_line(1, 0, 0, 0.0, 0, 3000, 2.0, "0/1 files, 3.0 kB, 1.5 kB/s");
}

static void
line_at_the_start_has_no_rate(void **state)
{
	(void)state;
	check_line(3, 2048, 1, 5.0, 0, 0, 5.0, "0/3 files, 0 B of 2.0 kB");
	/* Time passes, nothing is read yet: still no rate. */
	check_line(3, 2048, 1, 5.0, 0, 0, 9.0, "0/3 files, 0 B of 2.0 kB");
}

static void
file_grown_past_its_size_has_no_time_left(void **state)
{
	(void)state;
	check_line(1, 1000, 1, 0.0, 0, 2000, 1.0,
	    "0/1 files, 2.0 kB of 1.0 kB, 2.0 kB/s");
}

static void
line_is_cut_to_the_buffer(void **state)
{
	struct progress p;
	char buf[8];
	size_t n;

	(void)state;
	progress_init(&p, 12, 0, 0, 0.0);
	n = progress_format(&p, 0.0, buf, sizeof buf);
	assert_int_equal(n, 7);
	assert_string_equal(buf, "0/12 fi");
	assert_int_equal(progress_format(&p, 0.0, buf, 0), 0);
}

static void
due_at_once_then_at_intervals(void **state)
{
	struct progress p;

	(void)state;
	progress_init(&p, 1, 0, 0, 10.0);
	assert_true(progress_due(&p, 10.0));
	assert_false(progress_due(&p, 10.0 + PROGRESS_INTERVAL / 2));
	assert_true(progress_due(&p, 10.0 + PROGRESS_INTERVAL * 1.01));
	assert_false(progress_due(&p, 10.0 + PROGRESS_INTERVAL * 1.5));
	assert_true(progress_due(&p, 10.0 + PROGRESS_INTERVAL * 3));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(bytes_in_decimal_units),
		cmocka_unit_test(bytes_never_show_a_thousand_of_a_unit),
		cmocka_unit_test(durations),
		cmocka_unit_test(line_with_known_total),
		cmocka_unit_test(line_without_total_has_no_time_left),
		cmocka_unit_test(line_at_the_start_has_no_rate),
		cmocka_unit_test(file_grown_past_its_size_has_no_time_left),
		cmocka_unit_test(line_is_cut_to_the_buffer),
		cmocka_unit_test(due_at_once_then_at_intervals),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
