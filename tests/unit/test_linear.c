/* Unit tests for lib/linear.c: scores, Viterbi, training, model files. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "linear.h"

#include <math.h>
#include <string.h>

static const char *const abc[] = { "A", "B", "C" };

static void
new_model(struct linear *m)
{
	linear_init(m, "test", 7, 10, 3, abc);
}

/* A model whose label 1 is favoured by feature "x". */
static void
trained(struct linear *m)
{
	uint32_t x = linear_feature("x", 1);
	int i;

	new_model(m);
	linear_train_begin(m);
	for (i = 0; i < 5; i++) {
		linear_tick(m);
		linear_update(m, &x, 1, 1, 1);
		linear_update(m, &x, 1, 0, -1);
		linear_update_trans(m, 3, 2, 0.5f);
	}
}

static void
scores_sum_feature_weights(void **state)
{
	struct linear m;
	uint32_t f[2] = { linear_feature("a", 1), linear_feature("b", 1) };
	float s[3];

	(void)state;
	new_model(&m);
	linear_train_begin(&m);
	linear_update(&m, f, 1, 2, 1.5f);
	linear_update(&m, f + 1, 1, 2, 2);
	linear_scores(&m, f, 2, s);
	assert_true(s[2] == 3.5f);
	assert_true(s[0] == 0 && s[1] == 0);
	assert_true(linear_score(&m, f + 1, 1, 2) == 2);
	linear_free(&m);
}

/* Four examples, a change after the first and the fourth: the average is
 * over the start and after each example, (0 + 1 + 1 + 1 + 2) / 5. */
static void
average_is_mean_over_steps(void **state)
{
	struct linear m, avg;
	uint32_t x = linear_feature("x", 1);
	int i;

	(void)state;
	new_model(&m);
	linear_train_begin(&m);
	for (i = 1; i <= 4; i++) {
		if (i == 1 || i == 4)
			linear_update(&m, &x, 1, 0, 1);
		linear_tick(&m);
	}
	linear_average(&m, &avg);
	assert_true(fabsf(linear_score(&avg, &x, 1, 0) - 1.0f) < 1e-6f);
	assert_true(linear_score(&m, &x, 1, 0) == 2);
	linear_free(&avg);
	linear_free(&m);
}

static void
viterbi_follows_transitions(void **state)
{
	struct linear m;
	/* emissions favour A, A, but A -> A is forbidden and B -> C is
	 * cheap */
	float emit[2 * 3] = { 2, 1, 0, 2, 0, 1.5f };
	unsigned char ok[4 * 3];
	size_t best[2];

	(void)state;
	new_model(&m);
	memset(ok, 1, sizeof ok);
	ok[0 * 3 + 0] = 0;
	linear_viterbi(&m, emit, 2, ok, best);
	assert_int_equal(best[0], 0);
	assert_int_equal(best[1], 2);	/* A C: 3.5 beats B A: 3 */
	m.trans[1 * 3 + 0] = 1;		/* B -> A */
	linear_viterbi(&m, emit, 2, ok, best);
	assert_int_equal(best[0], 1);
	assert_int_equal(best[1], 0);	/* B A: 4 */
	m.trans[3 * 3 + 1] = -5;	/* never start with B */
	linear_viterbi(&m, emit, 2, ok, best);
	assert_int_equal(best[0], 0);
	linear_free(&m);
}

static void
file_round_trip(void **state)
{
	struct linear m, avg, back;
	struct buf a = { 0 }, b = { 0 };
	const char *err = NULL;
	uint32_t x = linear_feature("x", 1);

	(void)state;
	trained(&m);
	linear_average(&m, &avg);
	strcpy(avg.domain, "news");
	linear_save(&avg, &a);
	assert_int_equal(linear_load(&back, a.p, a.n, &err), 0);
	assert_string_equal(back.kind, "test");
	assert_string_equal(back.domain, "news");
	assert_int_equal(back.features, 7);
	assert_int_equal(back.nlabels, 3);
	assert_string_equal(back.labels[2], "C");
	assert_true(linear_score(&back, &x, 1, 1) == linear_score(&avg, &x, 1,
	    1));
	assert_true(back.trans[3 * 3 + 2] == avg.trans[3 * 3 + 2]);
	linear_save(&back, &b);
	assert_int_equal(a.n, b.n);
	assert_memory_equal(a.p, b.p, a.n);
	linear_free(&m);
	linear_free(&avg);
	linear_free(&back);
	buf_free(&a);
	buf_free(&b);
}

/* Every single-byte change and every truncation is refused. */
static void
damage_is_refused(void **state)
{
	struct linear m, avg, back;
	struct buf a = { 0 };
	const char *err;
	size_t i;

	(void)state;
	trained(&m);
	linear_average(&m, &avg);
	linear_save(&avg, &a);
	for (i = 0; i < a.n; i++) {
		a.p[i] ^= 0x20;
		err = NULL;
		assert_int_equal(linear_load(&back, a.p, a.n, &err), -1);
		assert_non_null(err);
		a.p[i] ^= 0x20;
	}
	for (i = 0; i < a.n; i++)
		assert_int_equal(linear_load(&back, a.p, i, &err), -1);
	assert_int_equal(linear_load(&back, "hello", 5, &err), -1);
	assert_string_equal(err, "not a satr model file");
	linear_free(&m);
	linear_free(&avg);
	buf_free(&a);
}

static void
kind_and_version_are_checked(void **state)
{
	struct linear m, avg, back;
	struct buf a = { 0 };
	const char *err;

	(void)state;
	trained(&m);
	linear_average(&m, &avg);
	linear_save(&avg, &a);
	assert_int_equal(linear_load_kind(&back, a.p, a.n, "test", 7, &err), 0);
	linear_free(&back);
	assert_int_equal(linear_load_kind(&back, a.p, a.n, "seg", 7, &err), -1);
	assert_string_equal(err, "a model of another kind");
	assert_int_equal(linear_load_kind(&back, a.p, a.n, "test", 8, &err),
	    -1);
	assert_non_null(strstr(err, "another version"));
	assert_int_equal(linear_load_file(&back, "/nonexistent/model", "test",
	    7, &err), -1);
	linear_free(&m);
	linear_free(&avg);
	buf_free(&a);
}

static void
features_hash_by_content(void **state)
{
	(void)state;
	assert_int_equal(linear_feature("abcdefghij", 10),
	    linear_feature("abcdefghij", 10));
	assert_int_not_equal(linear_feature("abcdefghij", 10),
	    linear_feature("abcdefghik", 10));
	assert_int_not_equal(linear_feature("ab", 2), linear_feature("ab\0",
	    3));
	/* fixed values: a model file must mean the same on every machine */
	assert_int_equal(linear_feature("", 0), linear_feature("", 0));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(scores_sum_feature_weights),
		cmocka_unit_test(average_is_mean_over_steps),
		cmocka_unit_test(viterbi_follows_transitions),
		cmocka_unit_test(file_round_trip),
		cmocka_unit_test(damage_is_refused),
		cmocka_unit_test(kind_and_version_are_checked),
		cmocka_unit_test(features_hash_by_content),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
