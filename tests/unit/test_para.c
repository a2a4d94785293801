/* Unit tests for lib/para.c: paragraphs from lines, joined when wrapped. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "para.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A paragraph as the callback saw it, copied. */
struct para_copy {
	char *text;
	size_t n;
	size_t *at;
	uint64_t *orig;
	size_t nlines;
};

struct collected {
	struct para_copy *v;
	size_t n, cap;
};

static void
collect(void *ctx, const struct paragraph *p)
{
	struct collected *c = ctx;
	struct para_copy *pc;

	assert_true(p->nlines > 0);
	assert_true(p->text.n > 0);
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 16;
		c->v = realloc(c->v, c->cap * sizeof *c->v);
		assert_non_null(c->v);
	}
	pc = &c->v[c->n++];
	pc->n = p->text.n;
	pc->text = malloc(p->text.n + 1);
	pc->at = malloc(p->nlines * sizeof *pc->at);
	pc->orig = malloc(p->nlines * sizeof *pc->orig);
	assert_non_null(pc->text);
	assert_non_null(pc->at);
	assert_non_null(pc->orig);
	memcpy(pc->text, p->text.p, p->text.n);
	pc->text[p->text.n] = '\0';
	memcpy(pc->at, p->at, p->nlines * sizeof *pc->at);
	memcpy(pc->orig, p->orig, p->nlines * sizeof *pc->orig);
	pc->nlines = p->nlines;
}

static void
collected_free(struct collected *c)
{
	size_t i;

	for (i = 0; i < c->n; i++) {
		free(c->v[i].text);
		free(c->v[i].at);
		free(c->v[i].orig);
	}
	free(c->v);
	memset(c, 0, sizeof *c);
}

/* The copy seen as a paragraph, for paragraph_source_offset(). */
static struct paragraph
as_paragraph(const struct para_copy *pc)
{
	struct paragraph p;

	memset(&p, 0, sizeof p);
	p.at = pc->at;
	p.orig = pc->orig;
	p.nlines = pc->nlines;
	p.cap = pc->nlines;
	return p;
}

/* Feeds lines as a file would hold them, each ended by LF, from *off. */
static void
feed(struct para_builder *b, const char *const *lines, size_t n,
    uint64_t *off)
{
	size_t i;

	for (i = 0; i < n; i++) {
		size_t len = strlen(lines[i]);

		para_line(b, lines[i], len, *off);
		*off += len + 1;
	}
}

/* Splits lines (a document), ends it, checks the paragraphs are want[];
 * frees before it asserts. */
static void
check_paras(enum para_unwrap mode, const char *const *lines, size_t nlines,
    const char *const *want)
{
	struct para_builder b;
	struct collected c = { 0 };
	uint64_t off = 0;
	size_t i, nwant = 0;
	int ok;

	while (want[nwant] != NULL)
		nwant++;
	para_init(&b, mode, collect, &c);
	feed(&b, lines, nlines, &off);
	para_end(&b);
	ok = c.n == nwant;
	for (i = 0; ok && i < nwant; i++)
		ok = strcmp(c.v[i].text, want[i]) == 0;
	if (!ok) {
		for (i = 0; i < c.n; i++)
			print_message("  got %zu: [%s]\n", i, c.v[i].text);
		for (i = 0; i < nwant; i++)
			print_message("  want %zu: [%s]\n", i, want[i]);
	}
	collected_free(&c);
	para_free(&b);
	assert_true(ok);
}

#define PARAS(mode, lines, ...) check_paras(mode, lines, \
	sizeof lines / sizeof lines[0], (const char *const []){ __VA_ARGS__, \
	NULL })

/* Generated Arabic text: lines of words, about as long as asked. */

static const char *const words[] = {
	"الشمس", "تشرق", "على", "القرية", "الصغيرة", "كل", "صباح", "ويخرج",
	"الفلاحون", "إلى", "الحقول", "الخضراء", "حاملين", "معاولهم",
	"وسلالهم", "بينما", "يلعب", "الأطفال", "قرب", "النهر", "الهادئ",
	"وتغني", "العصافير", "فوق", "أغصان", "الزيتون", "القديمة", "في",
};

static size_t
chars(const char *s)
{
	size_t k = 0;

	for (; *s; s++)
		k += ((unsigned char)*s & 0xC0) != 0x80;
	return k;
}

static uint32_t
next_random(uint32_t *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 17;
	*x ^= *x << 5;
	return *x;
}

/* A line of words of at most max characters, and more than max - 10;
 * with stop, it ends with a full stop. */
static char *
make_line(size_t max, int stop, uint32_t *seed)
{
	char *s = malloc(4 * max + 8);
	size_t len = 0, nc = 0;

	assert_non_null(s);
	s[0] = '\0';
	for (;;) {
		const char *w = words[next_random(seed) % (sizeof words /
		    sizeof words[0])];
		size_t wc = chars(w) + (len > 0) + (stop != 0);

		if (nc + wc > max)
			break;
		if (len > 0)
			s[len++] = ' ';
		memcpy(s + len, w, strlen(w));
		len += strlen(w);
		s[len] = '\0';
		nc = chars(s);
	}
	if (stop)
		strcat(s, ".");
	assert_true(chars(s) + 10 > max);
	return s;
}

struct doc {
	char **line;
	size_t n, cap;
};

static void
doc_add(struct doc *d, char *line)
{
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 16;
		d->line = realloc(d->line, d->cap * sizeof *d->line);
		assert_non_null(d->line);
	}
	d->line[d->n++] = line;
}

static void
doc_add_copy(struct doc *d, const char *line)
{
	char *s = strdup(line);

	assert_non_null(s);
	doc_add(d, s);
}

/* A hard-wrapped block: nlines lines of 55 to 70 characters, the last
 * ending with a full stop. */
static void
doc_add_wrapped(struct doc *d, size_t nlines, uint32_t *seed)
{
	size_t i;

	for (i = 0; i < nlines; i++) {
		char *s = make_line(68, i + 1 == nlines, seed);

		assert_true(chars(s) >= 55 && chars(s) <= 70);
		doc_add(d, s);
	}
}

static void
doc_free(struct doc *d)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		free(d->line[i]);
	free(d->line);
	memset(d, 0, sizeof *d);
}

static void
doc_feed(struct para_builder *b, const struct doc *d, uint64_t *off)
{
	feed(b, (const char *const *)d->line, d->n, off);
}

/* The lines from..to-1 of d joined by single spaces. */
static char *
joined(const struct doc *d, size_t from, size_t to)
{
	size_t i, len = 0;
	char *s;

	for (i = from; i < to; i++)
		len += strlen(d->line[i]) + 1;
	s = malloc(len + 1);
	assert_non_null(s);
	s[0] = '\0';
	for (i = from; i < to; i++) {
		if (i > from)
			strcat(s, " ");
		strcat(s, d->line[i]);
	}
	return s;
}

static void
assert_para_is_lines(const struct para_copy *pc, const struct doc *d,
    size_t from, size_t to)
{
	char *want = joined(d, from, to);

	assert_int_equal(pc->nlines, to - from);
	assert_string_equal(pc->text, want);
	free(want);
}

/* Paragraph-a-line news: lines of very different lengths. */
static void
doc_add_news(struct doc *d, uint32_t *seed)
{
	static const size_t len[] = {
		45, 260, 120, 215, 80, 310, 38, 190, 100, 230,
	};
	size_t i;

	for (i = 0; i < sizeof len / sizeof len[0]; i++)
		doc_add(d, make_line(len[i], 1, seed));
}

static void
test_never_each_line_a_paragraph(void **state)
{
	static const char *const lines[] = {
		"هذا سطر أول لا ينتهي بنقطة",
		"وهذا سطر ثان يكمل الأول",
		"وثالث.",
	};

	(void)state;
	PARAS(PARA_UNWRAP_NEVER, lines,
	    "هذا سطر أول لا ينتهي بنقطة",
	    "وهذا سطر ثان يكمل الأول",
	    "وثالث.");
}

static void
test_never_blank_lines_give_nothing(void **state)
{
	static const char *const lines[] = {
		"", "سطر", "", "   ", "\t", "سطر آخر", " \t ",
	};

	(void)state;
	PARAS(PARA_UNWRAP_NEVER, lines, "سطر", "سطر آخر");
}

static void
test_always_joins_until_blank(void **state)
{
	static const char *const lines[] = {
		"كان الجو", "باردا جدا", "في الصباح.", "", "ثم دفئ", "الهواء.",
	};

	(void)state;
	PARAS(PARA_UNWRAP_ALWAYS, lines,
	    "كان الجو باردا جدا في الصباح.",
	    "ثم دفئ الهواء.");
}

static void
test_always_blank_spaces_and_tabs_end(void **state)
{
	static const char *const lines[] = {
		"أ", "ب", "    ", "ج", "\t", "د", " \t \t", "هـ", "", "", "و",
	};

	(void)state;
	PARAS(PARA_UNWRAP_ALWAYS, lines, "أ ب", "ج", "د", "هـ", "و");
}

static void
test_always_blank_lines_at_edges(void **state)
{
	static const char *const lines[] = {
		"", "  ", "نص", "قصير", "", "\t",
	};

	(void)state;
	PARAS(PARA_UNWRAP_ALWAYS, lines, "نص قصير");
}

static void
test_always_list_items_start_paragraphs(void **state)
{
	static const char *const lines[] = {
		"نحتاج في الرحلة إلى",
		"- ماء",
		"1. خبز",
		"(2) خيمة",
		"• مصباح",
		"وبطانية",
		"12) حبل",
	};

	(void)state;
	PARAS(PARA_UNWRAP_ALWAYS, lines,
	    "نحتاج في الرحلة إلى",
	    "- ماء",
	    "1. خبز",
	    "(2) خيمة",
	    "• مصباح وبطانية",
	    "12) حبل");
}

static void
test_always_not_list_items_joined(void **state)
{
	static const char *const lines[] = {
		"بلغ العدد", "2024 شخصا", "-سالب", "123. رقم طويل", "1.5 كيلو",
	};

	(void)state;
	PARAS(PARA_UNWRAP_ALWAYS, lines,
	    "بلغ العدد 2024 شخصا -سالب 123. رقم طويل 1.5 كيلو");
}

static void
test_auto_wrapped_blocks_joined(void **state)
{
	struct para_builder b;
	struct collected c = { 0 };
	struct doc d = { 0 };
	uint32_t seed = 7;
	uint64_t off = 0;

	(void)state;
	doc_add_wrapped(&d, 7, &seed);
	doc_add_copy(&d, "");
	doc_add_wrapped(&d, 6, &seed);
	para_init(&b, PARA_UNWRAP_AUTO, collect, &c);
	doc_feed(&b, &d, &off);
	para_end(&b);
	assert_int_equal(c.n, 2);
	assert_para_is_lines(&c.v[0], &d, 0, 7);
	assert_para_is_lines(&c.v[1], &d, 8, 14);
	collected_free(&c);
	para_free(&b);
	doc_free(&d);
}

static void
test_auto_news_lines_not_joined(void **state)
{
	struct para_builder b;
	struct collected c = { 0 };
	struct doc d = { 0 };
	uint32_t seed = 11;
	uint64_t off = 0;
	size_t i;

	(void)state;
	doc_add_news(&d, &seed);
	para_init(&b, PARA_UNWRAP_AUTO, collect, &c);
	doc_feed(&b, &d, &off);
	para_end(&b);
	assert_int_equal(c.n, d.n);
	for (i = 0; i < d.n; i++)
		assert_para_is_lines(&c.v[i], &d, i, i + 1);
	collected_free(&c);
	para_free(&b);
	doc_free(&d);
}

static void
test_auto_tiny_list_not_joined(void **state)
{
	static const char *const lines[] = {
		"1.", "2.", "3.", "4.", "5.", "6.", "7.", "8.", "9.",
	};

	(void)state;
	PARAS(PARA_UNWRAP_AUTO, lines,
	    "1.", "2.", "3.", "4.", "5.", "6.", "7.", "8.", "9.");
}

static void
test_auto_short_lines_not_joined(void **state)
{
	static const char *const lines[] = {
		"خبز", "حليب وبيض", "تفاح أحمر", "زيت زيتون", "ملح", "سكر",
		"أرز أبيض",
	};

	(void)state;
	PARAS(PARA_UNWRAP_AUTO, lines,
	    "خبز", "حليب وبيض", "تفاح أحمر", "زيت زيتون", "ملح", "سكر",
	    "أرز أبيض");
}

/* In wrapped text a short line that ends a sentence ends its paragraph;
 * a full one that ends a sentence does not. */
static void
test_auto_short_sentence_end_ends_paragraph(void **state)
{
	struct para_builder b;
	struct collected c = { 0 };
	struct doc d = { 0 };
	uint32_t seed = 23;
	uint64_t off = 0;

	(void)state;
	doc_add_wrapped(&d, 4, &seed);		/* 3: full, ends a sentence */
	doc_add_wrapped(&d, 3, &seed);
	doc_add_copy(&d, "وانتهى الفصل.");	/* 7: short, ends one */
	doc_add_wrapped(&d, 5, &seed);
	para_init(&b, PARA_UNWRAP_AUTO, collect, &c);
	doc_feed(&b, &d, &off);
	para_end(&b);
	assert_int_equal(c.n, 2);
	assert_para_is_lines(&c.v[0], &d, 0, 8);
	assert_para_is_lines(&c.v[1], &d, 8, 13);
	collected_free(&c);
	para_free(&b);
	doc_free(&d);
}

static void
test_auto_short_line_not_ending_sentence_joined(void **state)
{
	struct para_builder b;
	struct collected c = { 0 };
	struct doc d = { 0 };
	uint32_t seed = 29;
	uint64_t off = 0;

	(void)state;
	doc_add_wrapped(&d, 3, &seed);
	free(d.line[2]);
	d.line[2] = strdup("والسطر القصير يكمل");	/* no full stop */
	assert_non_null(d.line[2]);
	doc_add_wrapped(&d, 5, &seed);
	para_init(&b, PARA_UNWRAP_AUTO, collect, &c);
	doc_feed(&b, &d, &off);
	para_end(&b);
	assert_int_equal(c.n, 1);
	assert_para_is_lines(&c.v[0], &d, 0, 8);
	collected_free(&c);
	para_free(&b);
	doc_free(&d);
}

static void
test_auto_list_item_after_sentence_in_wrapped_text(void **state)
{
	struct para_builder b;
	struct collected c = { 0 };
	struct doc d = { 0 };
	uint32_t seed = 31;
	uint64_t off = 0;

	(void)state;
	doc_add_wrapped(&d, 6, &seed);			/* 0..5 */
	doc_add_copy(&d, "- البند الأول في القائمة");	/* 6 */
	doc_add_wrapped(&d, 5, &seed);			/* 7..11 */
	para_init(&b, PARA_UNWRAP_AUTO, collect, &c);
	doc_feed(&b, &d, &off);
	para_end(&b);
	assert_int_equal(c.n, 2);
	assert_para_is_lines(&c.v[0], &d, 0, 6);
	assert_para_is_lines(&c.v[1], &d, 6, 12);
	collected_free(&c);
	para_free(&b);
	doc_free(&d);
}

static void
test_at_and_orig_per_line(void **state)
{
	static const char *const lines[] = {
		"سطر", "ثان هنا", "ثالث",
	};
	struct para_builder b;
	struct collected c = { 0 };

	(void)state;
	para_init(&b, PARA_UNWRAP_ALWAYS, collect, &c);
	para_line(&b, lines[0], strlen(lines[0]), 100);
	para_line(&b, lines[1], strlen(lines[1]), 150);
	para_line(&b, lines[2], strlen(lines[2]), 4000);
	para_end(&b);
	assert_int_equal(c.n, 1);
	assert_int_equal(c.v[0].nlines, 3);
	assert_int_equal(c.v[0].at[0], 0);
	assert_int_equal(c.v[0].at[1], strlen(lines[0]) + 1);
	assert_int_equal(c.v[0].at[2], strlen(lines[0]) + strlen(lines[1]) +
	    2);
	assert_int_equal(c.v[0].orig[0], 100);
	assert_int_equal(c.v[0].orig[1], 150);
	assert_int_equal(c.v[0].orig[2], 4000);
	collected_free(&c);
	para_free(&b);
}

static void
test_source_offset_at_join_points(void **state)
{
	static const char *const lines[] = {
		"بدأ المطر", "يهطل بغزارة", "على المدينة.",
	};
	struct para_builder b;
	struct collected c = { 0 };
	struct paragraph p;
	size_t l0 = strlen(lines[0]), l1 = strlen(lines[1]);

	(void)state;
	para_init(&b, PARA_UNWRAP_ALWAYS, collect, &c);
	para_line(&b, lines[0], l0, 1000);
	para_line(&b, lines[1], l1, 2000);
	para_line(&b, lines[2], strlen(lines[2]), 3000);
	para_end(&b);
	assert_int_equal(c.n, 1);
	p = as_paragraph(&c.v[0]);
	/* The first byte after each join is the next line's start. */
	assert_int_equal(paragraph_source_offset(&p, l0 + 1), 2000);
	assert_int_equal(paragraph_source_offset(&p, l0 + l1 + 2), 3000);
	/* The joining space stands where the line ended. */
	assert_int_equal(paragraph_source_offset(&p, l0), 1000 + l0);
	assert_int_equal(paragraph_source_offset(&p, l0 + l1 + 1),
	    2000 + l1);
	collected_free(&c);
	para_free(&b);
}

static void
test_source_offset_every_byte(void **state)
{
	static const char *const lines[] = {
		"قال الراوي", "إن الحكاية", "طويلة", "جدا.",
	};
	struct para_builder b;
	struct collected c = { 0 };
	struct paragraph p;
	uint64_t off = 57, start[4];
	size_t i, j, at;

	(void)state;
	para_init(&b, PARA_UNWRAP_ALWAYS, collect, &c);
	for (i = 0; i < 4; i++) {
		start[i] = off;
		para_line(&b, lines[i], strlen(lines[i]), off);
		off += strlen(lines[i]) + 2;	/* CR LF */
	}
	para_end(&b);
	assert_int_equal(c.n, 1);
	p = as_paragraph(&c.v[0]);
	for (i = 0, at = 0; i < 4; i++) {
		for (j = 0; j < strlen(lines[i]); j++)
			assert_int_equal(paragraph_source_offset(&p, at + j),
			    start[i] + j);
		at += strlen(lines[i]) + 1;
	}
	collected_free(&c);
	para_free(&b);
}

static void
test_source_offset_single_line(void **state)
{
	struct para_builder b;
	struct collected c = { 0 };
	struct paragraph p;

	(void)state;
	para_init(&b, PARA_UNWRAP_NEVER, collect, &c);
	para_line(&b, "نعم", 6, 42);
	para_end(&b);
	assert_int_equal(c.n, 1);
	p = as_paragraph(&c.v[0]);
	assert_int_equal(paragraph_source_offset(&p, 0), 42);
	assert_int_equal(paragraph_source_offset(&p, 5), 47);
	collected_free(&c);
	para_free(&b);
}

static void
test_auto_holds_lines_until_end(void **state)
{
	static const char *const lines[] = {
		"سطر أول", "سطر ثان", "", "سطر ثالث",
	};
	struct para_builder b;
	struct collected c = { 0 };
	uint64_t off = 0;

	(void)state;
	para_init(&b, PARA_UNWRAP_AUTO, collect, &c);
	feed(&b, lines, 4, &off);
	assert_int_equal(c.n, 0);
	para_end(&b);
	assert_int_equal(c.n, 3);
	collected_free(&c);
	para_free(&b);
}

static void
test_end_of_empty_document(void **state)
{
	struct para_builder b;
	struct collected c = { 0 };

	(void)state;
	para_init(&b, PARA_UNWRAP_AUTO, collect, &c);
	para_end(&b);
	para_line(&b, "", 0, 0);
	para_line(&b, "  ", 2, 1);
	para_end(&b);
	assert_int_equal(c.n, 0);
	collected_free(&c);
	para_free(&b);
}

static void
test_end_resets_wrapped_then_unwrapped(void **state)
{
	struct para_builder b;
	struct collected c = { 0 };
	struct doc wrapped = { 0 }, news = { 0 };
	uint32_t seed = 41;
	uint64_t off = 0;
	size_t i;

	(void)state;
	doc_add_wrapped(&wrapped, 8, &seed);
	doc_add_news(&news, &seed);
	para_init(&b, PARA_UNWRAP_AUTO, collect, &c);
	doc_feed(&b, &wrapped, &off);
	para_end(&b);
	assert_int_equal(c.n, 1);
	assert_para_is_lines(&c.v[0], &wrapped, 0, 8);
	off = 0;
	doc_feed(&b, &news, &off);
	para_end(&b);
	assert_int_equal(c.n, 1 + news.n);
	for (i = 0; i < news.n; i++)
		assert_para_is_lines(&c.v[1 + i], &news, i, i + 1);
	collected_free(&c);
	para_free(&b);
	doc_free(&wrapped);
	doc_free(&news);
}

static void
test_end_resets_unwrapped_then_wrapped(void **state)
{
	struct para_builder b;
	struct collected c = { 0 };
	struct doc wrapped = { 0 }, news = { 0 };
	uint32_t seed = 43;
	uint64_t off = 0;
	size_t i;

	(void)state;
	doc_add_news(&news, &seed);
	doc_add_wrapped(&wrapped, 8, &seed);
	para_init(&b, PARA_UNWRAP_AUTO, collect, &c);
	doc_feed(&b, &news, &off);
	para_end(&b);
	assert_int_equal(c.n, news.n);
	for (i = 0; i < news.n; i++)
		assert_para_is_lines(&c.v[i], &news, i, i + 1);
	off = 0;
	doc_feed(&b, &wrapped, &off);
	para_end(&b);
	assert_int_equal(c.n, news.n + 1);
	assert_para_is_lines(&c.v[news.n], &wrapped, 0, 8);
	assert_int_equal(c.v[news.n].orig[0], 0);
	collected_free(&c);
	para_free(&b);
	doc_free(&wrapped);
	doc_free(&news);
}

/*
 * Checks that the paragraphs hold the non-blank lines of d, in order,
 * each at its offset in the source; returns how many lines were joined
 * to the one before.
 */
static size_t
check_lines_in_order(const struct collected *c, const struct doc *d,
    const uint64_t *orig)
{
	size_t i, k, line = 0, joins = 0;

	for (i = 0; i < c->n; i++) {
		const struct para_copy *pc = &c->v[i];

		for (k = 0; k < pc->nlines; k++) {
			size_t end = k + 1 < pc->nlines ? pc->at[k + 1] - 1 :
			    pc->n;

			while (line < d->n && d->line[line][0] == '\0')
				line++;
			assert_true(line < d->n);
			assert_int_equal(end - pc->at[k],
			    strlen(d->line[line]));
			assert_memory_equal(pc->text + pc->at[k],
			    d->line[line], end - pc->at[k]);
			assert_int_equal(pc->orig[k], orig[line]);
			if (k > 0) {
				assert_int_equal(pc->text[pc->at[k] - 1], ' ');
				joins++;
			}
			line++;
		}
	}
	while (line < d->n && d->line[line][0] == '\0')
		line++;
	assert_int_equal(line, d->n);
	return joins;
}

static void
test_auto_long_wrapped_document(void **state)
{
	struct para_builder b;
	struct collected c = { 0 };
	struct doc d = { 0 };
	uint32_t seed = 53;
	uint64_t *orig, off = 0;
	size_t i, blocks = 0, emitted;

	(void)state;
	while (d.n < 600) {
		doc_add_wrapped(&d, 6 + blocks % 4, &seed);
		doc_add_copy(&d, "");
		blocks++;
	}
	orig = malloc(d.n * sizeof *orig);
	assert_non_null(orig);
	para_init(&b, PARA_UNWRAP_AUTO, collect, &c);
	for (i = 0; i < d.n; i++) {
		orig[i] = off;
		para_line(&b, d.line[i], strlen(d.line[i]), off);
		off += strlen(d.line[i]) + 1;
	}
	emitted = c.n;
	para_end(&b);
	assert_true(emitted > 0);	/* streamed before the end */
	assert_int_equal(c.n, blocks);
	assert_int_equal(check_lines_in_order(&c, &d, orig), d.n - 2 *
	    blocks);
	free(orig);
	collected_free(&c);
	para_free(&b);
	doc_free(&d);
}

static void
test_auto_long_unwrapped_document(void **state)
{
	struct para_builder b;
	struct collected c = { 0 };
	struct doc d = { 0 };
	uint32_t seed = 59;
	uint64_t *orig, off = 0;
	size_t i;

	(void)state;
	while (d.n < 450)
		doc_add_news(&d, &seed);
	orig = malloc(d.n * sizeof *orig);
	assert_non_null(orig);
	para_init(&b, PARA_UNWRAP_AUTO, collect, &c);
	for (i = 0; i < d.n; i++) {
		orig[i] = off;
		para_line(&b, d.line[i], strlen(d.line[i]), off);
		off += strlen(d.line[i]) + 1;
	}
	assert_true(c.n > 0);		/* streamed before the end */
	para_end(&b);
	assert_int_equal(c.n, d.n);
	assert_int_equal(check_lines_in_order(&c, &d, orig), 0);
	free(orig);
	collected_free(&c);
	para_free(&b);
	doc_free(&d);
}

static void
test_always_long_document(void **state)
{
	struct para_builder b;
	struct collected c = { 0 };
	struct doc d = { 0 };
	uint32_t seed = 61;
	uint64_t *orig, off = 0;
	size_t i;

	(void)state;
	while (d.n < 300)
		doc_add_news(&d, &seed);
	orig = malloc(d.n * sizeof *orig);
	assert_non_null(orig);
	para_init(&b, PARA_UNWRAP_ALWAYS, collect, &c);
	for (i = 0; i < d.n; i++) {
		orig[i] = off;
		para_line(&b, d.line[i], strlen(d.line[i]), off);
		off += strlen(d.line[i]) + 1;
	}
	para_end(&b);
	assert_int_equal(c.n, 1);
	assert_int_equal(check_lines_in_order(&c, &d, orig), d.n - 1);
	free(orig);
	collected_free(&c);
	para_free(&b);
	doc_free(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_never_each_line_a_paragraph),
		cmocka_unit_test(test_never_blank_lines_give_nothing),
		cmocka_unit_test(test_always_joins_until_blank),
		cmocka_unit_test(test_always_blank_spaces_and_tabs_end),
		cmocka_unit_test(test_always_blank_lines_at_edges),
		cmocka_unit_test(test_always_list_items_start_paragraphs),
		cmocka_unit_test(test_always_not_list_items_joined),
		cmocka_unit_test(test_auto_wrapped_blocks_joined),
		cmocka_unit_test(test_auto_news_lines_not_joined),
		cmocka_unit_test(test_auto_tiny_list_not_joined),
		cmocka_unit_test(test_auto_short_lines_not_joined),
		cmocka_unit_test(test_auto_short_sentence_end_ends_paragraph),
		cmocka_unit_test(
		    test_auto_short_line_not_ending_sentence_joined),
		cmocka_unit_test(
		    test_auto_list_item_after_sentence_in_wrapped_text),
		cmocka_unit_test(test_at_and_orig_per_line),
		cmocka_unit_test(test_source_offset_at_join_points),
		cmocka_unit_test(test_source_offset_every_byte),
		cmocka_unit_test(test_source_offset_single_line),
		cmocka_unit_test(test_auto_holds_lines_until_end),
		cmocka_unit_test(test_end_of_empty_document),
		cmocka_unit_test(test_end_resets_wrapped_then_unwrapped),
		cmocka_unit_test(test_end_resets_unwrapped_then_wrapped),
		cmocka_unit_test(test_auto_long_wrapped_document),
		cmocka_unit_test(test_auto_long_unwrapped_document),
		cmocka_unit_test(test_always_long_document),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
