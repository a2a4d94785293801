#include "ent.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucurr.h>
#include <unicode/udat.h>
#include <unicode/ustring.h>

#include "clusters.h"
#include "gazetteer.h"
#include "hash.h"
#include "lexicon.h"
#include "linear.h"
#include "nertag.h"
#include "norm.h"
#include "phrase.h"
#include "seg.h"
#include "tablefile.h"
#include "tok.h"
#include "tsv.h"
#include "utf8.h"

const char *const ent_type_names[] = {
	"PER", "ORG", "LOC", "MISC", "MONEY", "DATE", "TIME", "PERCENT"
};

/* What a word of the rules' tables is. */
enum kind {
	K_NUMBER = 1,		/* num: its value */
	K_TEEN,			/* عشر, عشرة after a unit */
	K_SCALE,		/* num: the multiplier */
	K_CURRENCY,		/* value: ISO code */
	K_SUBUNIT,		/* value: ISO code; num: units to one */
	K_CURSYM,		/* value: ISO code */
	K_MONTH,		/* num: month */
	K_HMONTH,		/* num: month of the Hijri calendar */
	K_WEEKDAY,
	K_PERCENT,
	K_AMPM,			/* num: 0 before noon, 12 after */
	K_YEARCUE,		/* عام 2020 */
	K_ERA,			/* num: 1 Hijri, 0 Gregorian */
	K_PERCUE,		/* titles and verbs before a person's name */
	K_ORGHEAD,		/* num: 1 if the head is part of the name */
	K_STOP			/* words that no name goes through */
};

struct word_entry {
	const char *text;
	enum kind kind;
	int64_t num;
	const char *value;
};

/* The rules' own words (what ICU's locale data does not give). */
static const struct word_entry words[] = {
	{ "واحد", K_NUMBER, 1, NULL }, { "واحدة", K_NUMBER, 1, NULL },
	{ "اثنان", K_NUMBER, 2, NULL }, { "اثنين", K_NUMBER, 2, NULL },
	{ "اثنتان", K_NUMBER, 2, NULL }, { "اثنتين", K_NUMBER, 2, NULL },
	{ "ثلاثة", K_NUMBER, 3, NULL }, { "ثلاث", K_NUMBER, 3, NULL },
	{ "أربعة", K_NUMBER, 4, NULL }, { "أربع", K_NUMBER, 4, NULL },
	{ "خمسة", K_NUMBER, 5, NULL }, { "خمس", K_NUMBER, 5, NULL },
	{ "ستة", K_NUMBER, 6, NULL }, { "ست", K_NUMBER, 6, NULL },
	{ "سبعة", K_NUMBER, 7, NULL }, { "سبع", K_NUMBER, 7, NULL },
	{ "ثمانية", K_NUMBER, 8, NULL }, { "ثماني", K_NUMBER, 8, NULL },
	{ "ثمان", K_NUMBER, 8, NULL },
	{ "تسعة", K_NUMBER, 9, NULL }, { "تسع", K_NUMBER, 9, NULL },
	{ "عشرة", K_NUMBER, 10, NULL }, { "عشر", K_TEEN, 10, NULL },
	{ "أحد عشر", K_NUMBER, 11, NULL }, { "إحدى عشرة", K_NUMBER, 11, NULL },
	{ "اثنا عشر", K_NUMBER, 12, NULL }, { "اثني عشر", K_NUMBER, 12, NULL },
	{ "اثنتا عشرة", K_NUMBER, 12, NULL },
	{ "عشرون", K_NUMBER, 20, NULL }, { "عشرين", K_NUMBER, 20, NULL },
	{ "ثلاثون", K_NUMBER, 30, NULL }, { "ثلاثين", K_NUMBER, 30, NULL },
	{ "أربعون", K_NUMBER, 40, NULL }, { "أربعين", K_NUMBER, 40, NULL },
	{ "خمسون", K_NUMBER, 50, NULL }, { "خمسين", K_NUMBER, 50, NULL },
	{ "ستون", K_NUMBER, 60, NULL }, { "ستين", K_NUMBER, 60, NULL },
	{ "سبعون", K_NUMBER, 70, NULL }, { "سبعين", K_NUMBER, 70, NULL },
	{ "ثمانون", K_NUMBER, 80, NULL }, { "ثمانين", K_NUMBER, 80, NULL },
	{ "تسعون", K_NUMBER, 90, NULL }, { "تسعين", K_NUMBER, 90, NULL },
	{ "مائة", K_NUMBER, 100, NULL }, { "مئة", K_NUMBER, 100, NULL },
	{ "مائتان", K_NUMBER, 200, NULL }, { "مائتين", K_NUMBER, 200, NULL },
	{ "مئتان", K_NUMBER, 200, NULL }, { "مئتين", K_NUMBER, 200, NULL },
	{ "ثلاثمائة", K_NUMBER, 300, NULL }, { "ثلاثمئة", K_NUMBER, 300, NULL },
	{ "أربعمائة", K_NUMBER, 400, NULL }, { "أربعمئة", K_NUMBER, 400, NULL },
	{ "خمسمائة", K_NUMBER, 500, NULL }, { "خمسمئة", K_NUMBER, 500, NULL },
	{ "ستمائة", K_NUMBER, 600, NULL }, { "ستمئة", K_NUMBER, 600, NULL },
	{ "سبعمائة", K_NUMBER, 700, NULL }, { "سبعمئة", K_NUMBER, 700, NULL },
	{ "ثمانمائة", K_NUMBER, 800, NULL }, { "ثمانمئة", K_NUMBER, 800, NULL },
	{ "تسعمائة", K_NUMBER, 900, NULL }, { "تسعمئة", K_NUMBER, 900, NULL },
	{ "ألف", K_SCALE, 1000, NULL }, { "ألفا", K_SCALE, 1000, NULL },
	{ "آلاف", K_SCALE, 1000, NULL }, { "ألفين", K_SCALE, 2000, NULL },
	{ "ألفان", K_SCALE, 2000, NULL },
	{ "مليون", K_SCALE, 1000000, NULL }, { "مليونا", K_SCALE, 1000000, NULL },
	{ "ملايين", K_SCALE, 1000000, NULL },
	{ "مليونين", K_SCALE, 2000000, NULL }, { "مليونان", K_SCALE, 2000000, NULL },
	{ "مليار", K_SCALE, 1000000000, NULL },
	{ "مليارا", K_SCALE, 1000000000, NULL },
	{ "مليارات", K_SCALE, 1000000000, NULL },
	{ "ملياري", K_SCALE, 2000000000, NULL },
	{ "مليارين", K_SCALE, 2000000000, NULL },
	{ "بليون", K_SCALE, 1000000000, NULL },
	{ "تريليون", K_SCALE, 1000000000000, NULL },
	{ "تريليونات", K_SCALE, 1000000000000, NULL },
	/* Currencies beside ICU's names: the bare words of news. */
	{ "دولار", K_CURRENCY, 0, "USD" }, { "دولارا", K_CURRENCY, 0, "USD" },
	{ "دولارات", K_CURRENCY, 0, "USD" }, { "دولاراً", K_CURRENCY, 0, "USD" },
	{ "يورو", K_CURRENCY, 0, "EUR" },
	{ "جنيه إسترليني", K_CURRENCY, 0, "GBP" },
	{ "جنيه استرليني", K_CURRENCY, 0, "GBP" },
	{ "جنيها إسترلينيا", K_CURRENCY, 0, "GBP" },
	{ "جنيه", K_CURRENCY, 0, "EGP" }, { "جنيها", K_CURRENCY, 0, "EGP" },
	{ "جنيهات", K_CURRENCY, 0, "EGP" },
	{ "ريال", K_CURRENCY, 0, "SAR" }, { "ريالا", K_CURRENCY, 0, "SAR" },
	{ "ريالات", K_CURRENCY, 0, "SAR" },
	{ "درهم", K_CURRENCY, 0, "AED" }, { "دراهم", K_CURRENCY, 0, "AED" },
	{ "درهما", K_CURRENCY, 0, "AED" },
	{ "دينار", K_CURRENCY, 0, "DINAR" }, { "دينارا", K_CURRENCY, 0, "DINAR" },
	{ "دنانير", K_CURRENCY, 0, "DINAR" },
	{ "دينار تونسي", K_CURRENCY, 0, "TND" },
	{ "دينار أردني", K_CURRENCY, 0, "JOD" },
	{ "دينار بحريني", K_CURRENCY, 0, "BHD" },
	{ "ليرة", K_CURRENCY, 0, "LIRA" }, { "ليرة تركية", K_CURRENCY, 0, "TRY" },
	{ "ين", K_CURRENCY, 0, "JPY" }, { "يوان", K_CURRENCY, 0, "CNY" },
	{ "روبل", K_CURRENCY, 0, "RUB" },
	{ "سنت", K_SUBUNIT, 100, "USD" }, { "سنتا", K_SUBUNIT, 100, "USD" },
	{ "سنتات", K_SUBUNIT, 100, "USD" },
	{ "$", K_CURSYM, 0, "USD" }, { "€", K_CURSYM, 0, "EUR" },
	{ "£", K_CURSYM, 0, "GBP" }, { "¥", K_CURSYM, 0, "JPY" },
	{ "%", K_PERCENT, 0, NULL }, { "٪", K_PERCENT, 0, NULL },
	{ "في المئة", K_PERCENT, 0, NULL }, { "في المائة", K_PERCENT, 0, NULL },
	{ "بالمئة", K_PERCENT, 0, NULL }, { "بالمائة", K_PERCENT, 0, NULL },
	{ "صباحا", K_AMPM, 0, NULL }, { "صباحاً", K_AMPM, 0, NULL },
	{ "فجرا", K_AMPM, 0, NULL }, { "ص", K_AMPM, 0, NULL },
	{ "مساء", K_AMPM, 12, NULL }, { "مساءً", K_AMPM, 12, NULL },
	{ "مساءا", K_AMPM, 12, NULL }, { "ظهرا", K_AMPM, 12, NULL },
	{ "عصرا", K_AMPM, 12, NULL }, { "ليلا", K_AMPM, 12, NULL },
	{ "عام", K_YEARCUE, 0, NULL }, { "العام", K_YEARCUE, 0, NULL },
	{ "سنة", K_YEARCUE, 0, NULL }, { "السنة", K_YEARCUE, 0, NULL },
	{ "هـ", K_ERA, 1, NULL }, { "ه", K_ERA, 1, NULL },
	{ "هجري", K_ERA, 1, NULL }, { "هجرية", K_ERA, 1, NULL },
	{ "م", K_ERA, 0, NULL }, { "ميلادي", K_ERA, 0, NULL },
	{ "ميلادية", K_ERA, 0, NULL },
	/* Month spellings ICU's locales lack. */
	{ "يونيه", K_MONTH, 6, NULL }, { "يوليه", K_MONTH, 7, NULL },
	{ "إبريل", K_MONTH, 4, NULL }, { "أغسطس", K_MONTH, 8, NULL },
	{ "اغسطس", K_MONTH, 8, NULL }, { "ربيع الثاني", K_HMONTH, 4, NULL },
	{ "جمادى الثانية", K_HMONTH, 6, NULL },
	/* Before a person's name. */
	{ "الرئيس", K_PERCUE, 0, NULL }, { "رئيس", K_PERCUE, 0, NULL },
	{ "رئيس الوزراء", K_PERCUE, 0, NULL },
	{ "رئيس وزراء", K_PERCUE, 0, NULL }, { "الراحل", K_STOP, 0, NULL },
	{ "الملياردير", K_PERCUE, 0, NULL }, { "السيد", K_PERCUE, 0, NULL },
	{ "السيدة", K_PERCUE, 0, NULL }, { "الدكتور", K_PERCUE, 0, NULL },
	{ "الدكتورة", K_PERCUE, 0, NULL }, { "د.", K_PERCUE, 0, NULL },
	{ "الشيخ", K_PERCUE, 0, NULL }, { "الأمير", K_PERCUE, 0, NULL },
	{ "الأميرة", K_PERCUE, 0, NULL }, { "الملك", K_PERCUE, 0, NULL },
	{ "الملكة", K_PERCUE, 0, NULL }, { "الوزير", K_PERCUE, 0, NULL },
	{ "الوزيرة", K_PERCUE, 0, NULL }, { "وزير", K_PERCUE, 0, NULL },
	{ "النائب", K_PERCUE, 0, NULL }, { "المستشار", K_PERCUE, 0, NULL },
	{ "المدير التنفيذي", K_PERCUE, 0, NULL },
	{ "الرئيس التنفيذي", K_PERCUE, 0, NULL },
	{ "المتحدث باسم", K_PERCUE, 0, NULL }, { "اللاعب", K_PERCUE, 0, NULL },
	{ "المدرب", K_PERCUE, 0, NULL }, { "الفنان", K_PERCUE, 0, NULL },
	{ "الفنانة", K_PERCUE, 0, NULL }, { "الكاتب", K_PERCUE, 0, NULL },
	{ "الكاتبة", K_PERCUE, 0, NULL }, { "المؤسس", K_PERCUE, 0, NULL },
	{ "قال", K_PERCUE, 0, NULL }, { "قالت", K_PERCUE, 0, NULL },
	{ "أعلن", K_PERCUE, 0, NULL }, { "أعلنت", K_PERCUE, 0, NULL },
	{ "أكد", K_PERCUE, 0, NULL }, { "أكدت", K_PERCUE, 0, NULL },
	{ "أضاف", K_PERCUE, 0, NULL }, { "صرح", K_PERCUE, 0, NULL },
	/* Heads of organisation names; "شركة" is left out of the name. */
	{ "شركة", K_ORGHEAD, 0, NULL }, { "منظمة", K_ORGHEAD, 1, NULL },
	{ "مؤسسة", K_ORGHEAD, 1, NULL }, { "صحيفة", K_ORGHEAD, 1, NULL },
	{ "وكالة", K_ORGHEAD, 1, NULL }, { "حزب", K_ORGHEAD, 1, NULL },
	{ "جامعة", K_ORGHEAD, 1, NULL }, { "مركز", K_ORGHEAD, 1, NULL },
	{ "معهد", K_ORGHEAD, 1, NULL }, { "لجنة", K_ORGHEAD, 1, NULL },
	{ "بنك", K_ORGHEAD, 1, NULL }, { "مصرف", K_ORGHEAD, 1, NULL },
	{ "نادي", K_ORGHEAD, 1, NULL }, { "وزارة", K_ORGHEAD, 1, NULL },
	{ "هيئة", K_ORGHEAD, 1, NULL }, { "مجلس", K_ORGHEAD, 1, NULL },
	{ "جريدة", K_ORGHEAD, 1, NULL }, { "بلدية", K_ORGHEAD, 1, NULL },
	{ "منتخب", K_ORGHEAD, 1, NULL }, { "اتحاد", K_ORGHEAD, 1, NULL },
	/* Words that no name runs through. */
	{ "في", K_STOP, 0, NULL }, { "من", K_STOP, 0, NULL },
	{ "إلى", K_STOP, 0, NULL }, { "على", K_STOP, 0, NULL },
	{ "عن", K_STOP, 0, NULL }, { "مع", K_STOP, 0, NULL },
	{ "أن", K_STOP, 0, NULL }, { "إن", K_STOP, 0, NULL },
	{ "الذي", K_STOP, 0, NULL }, { "التي", K_STOP, 0, NULL },
	{ "هذا", K_STOP, 0, NULL }, { "هذه", K_STOP, 0, NULL },
	{ "كان", K_STOP, 0, NULL }, { "كانت", K_STOP, 0, NULL },
	{ "قد", K_STOP, 0, NULL }, { "لقد", K_STOP, 0, NULL },
	{ "يوم", K_STOP, 0, NULL }, { "أمس", K_STOP, 0, NULL },
	{ "اليوم", K_STOP, 0, NULL }, { "إنه", K_STOP, 0, NULL },
	{ "بعد", K_STOP, 0, NULL }, { "قبل", K_STOP, 0, NULL },
	{ "خلال", K_STOP, 0, NULL }, { "بين", K_STOP, 0, NULL },
	{ "عبر", K_STOP, 0, NULL }, { "بأن", K_STOP, 0, NULL },
	{ "نفسه", K_STOP, 0, NULL }, { "أيضا", K_STOP, 0, NULL },
	{ "لا", K_STOP, 0, NULL }, { "لم", K_STOP, 0, NULL },
	{ "لن", K_STOP, 0, NULL }, { "أنها", K_STOP, 0, NULL },
	{ "إنها", K_STOP, 0, NULL }, { "أنه", K_STOP, 0, NULL },
	{ "عليه", K_STOP, 0, NULL }, { "السلام", K_STOP, 0, NULL },
	{ "وزراء", K_STOP, 0, NULL }, { "الوزراء", K_STOP, 0, NULL },
};

/* Currencies whose Arabic names ICU gives. */
static const char *const currency_codes[] = {
	"USD", "EUR", "GBP", "SAR", "AED", "EGP", "KWD", "QAR", "BHD", "OMR",
	"JOD", "LBP", "SYP", "IQD", "YER", "LYD", "TND", "DZD", "MAD", "SDG",
	"JPY", "CNY", "CHF", "TRY", "RUB", "INR", "CAD", "AUD",
};

/* Locales whose month names ICU gives: Egypt and the Gulf, the Levant
 * (كانون الثاني...), the Maghreb (جانفي...), and the Hijri calendar. */
static const char *const month_locales[] = {
	"ar", "ar_SY", "ar_TN", "ar_MA", "ar@calendar=islamic",
};

/*
 * Transliteration folding for the values of names: spellings that differ
 * only in how a foreign g, v or long vowel was written meet.
 */
static const struct {
	int32_t from, to;
} fold_letters[] = {
	{ 0x063A, 0x062C },	/* غ to ج */
	{ 0x0642, 0x062C },	/* ق */
	{ 0x0643, 0x062C },	/* ك */
	{ 0x06AF, 0x062C },	/* گ */
	{ 0x06A4, 0x0641 },	/* ڤ to ف */
};

enum { MAX_NAME_TOKENS = 4, COMMON_WORD = 200, RARE_WORD = 10 };

/* Marks the kind of a name from a gazetteer the user gave (-g). */
enum { USER_NAME = 0x100 };

/* Ranks of struct entity. */
enum { NUMERIC = 0, RULE = 1, EARLIER = 2, GAZETTEER = 3, USER_GAZETTEER = 4,
	TAGGED = 5 };

struct ent_finder {
	struct norm *nm;
	struct buf normed;
	struct norm_offsets off;
	struct tokens toks;
	const char **w;		/* each token's normalised form */
	size_t *wl, wcap;
	struct buf forms;	/* clitic-stripped and folded forms */
	struct phrase_table words;
	struct phrase_table names;	/* kind: type; value: canonical */
	struct phrase_table doc;	/* short mentions in this document */
	struct hmap nameparts;
	struct lexicon_index lexicon;	/* how common words are */
	struct cluster_index clusters;	/* and in which contexts */
	struct hmap canon;	/* folded name -> aux: offset in canon_text */
	struct buf canon_text;
	struct buf scratch, value;
	struct tokens tmp;
	const char **pw;
	size_t *pwl, pwcap;
	int loading_user;	/* gazetteer lines are the user's */
	/* The tagger, when there is one, and what it sees. */
	struct ner_tagger *ner;
	struct segmenter *seg;
	struct entities rules;
	size_t *rule_first, *rule_last, rcap;	/* their tokens */
	struct ner_sentence view;
	size_t *labels, vcap;
	/* per token: 1 + the rules' mention starting there, or 0; the tokens
	 * of the tagger's name starting there, or 0; whether taken */
	size_t *starts, *tagged;
	unsigned char *taken;
};

int
ent_type_of(const char *name, size_t n)
{
	int t;

	for (t = 0; t < ENT_NTYPES; t++)
		if (strlen(ent_type_names[t]) == n &&
		    memcmp(ent_type_names[t], name, n) == 0)
			return t;
	return -1;
}

void
entities_free(struct entities *e)
{
	free(e->v);
	buf_free(&e->values);
	memset(e, 0, sizeof *e);
}

/*
 * Adds a phrase as its normalised tokens: table entries are normalised
 * and tokenised as the text will be.
 */
static size_t
add_phrase(struct ent_finder *f, struct phrase_table *t, const char *text,
    size_t n, unsigned kind, int64_t num, const char *value)
{
	const char *w[16];
	size_t l[16], i;

	norm_text(f->nm, text, n, &f->scratch, NULL);
	tok_split(f->scratch.p, f->scratch.n, &f->tmp);
	if (f->tmp.n == 0 || f->tmp.n > 16)
		return (size_t)-1;
	for (i = 0; i < f->tmp.n; i++) {
		w[i] = f->scratch.p + f->tmp.v[i].start;
		l[i] = f->tmp.v[i].end - f->tmp.v[i].start;
	}
	return phrase_add(t, w, l, f->tmp.n, kind, num, value);
}

static void
add_icu_words(struct ent_finder *f)
{
	char out[256];
	size_t i;
	int k;

	for (i = 0; i < sizeof month_locales / sizeof month_locales[0]; i++) {
		UErrorCode e = U_ZERO_ERROR;
		UDateFormat *df = udat_open(UDAT_DEFAULT, UDAT_DEFAULT,
		    month_locales[i], NULL, 0, NULL, 0, &e);
		int hijri = strstr(month_locales[i], "islamic") != NULL;

		if (U_FAILURE(e))
			continue;
		for (k = 0; k < 12; k++) {
			UChar name[64];
			int32_t len;

			e = U_ZERO_ERROR;
			len = udat_getSymbols(df, UDAT_MONTHS, k, name, 64, &e);
			u_strToUTF8(out, sizeof out, &len, name, len, &e);
			if (U_SUCCESS(e))
				add_phrase(f, &f->words, out, (size_t)len,
				    hijri ? K_HMONTH : K_MONTH, k + 1, NULL);
		}
		for (k = 1; k <= 7 && !hijri; k++) {
			UChar name[64];
			int32_t len;

			e = U_ZERO_ERROR;
			len = udat_getSymbols(df, UDAT_WEEKDAYS, k, name, 64,
			    &e);
			u_strToUTF8(out, sizeof out, &len, name, len, &e);
			if (U_SUCCESS(e))
				add_phrase(f, &f->words, out, (size_t)len,
				    K_WEEKDAY, k, NULL);
		}
		udat_close(df);
	}
	for (i = 0; i < sizeof currency_codes / sizeof currency_codes[0];
	    i++) {
		UErrorCode e = U_ZERO_ERROR;
		UChar iso[4];
		UBool choice;
		int32_t len;
		const UChar *name;

		u_charsToUChars(currency_codes[i], iso, 4);
		name = ucurr_getName(iso, "ar", UCURR_LONG_NAME, &choice, &len,
		    &e);
		u_strToUTF8(out, sizeof out, &len, name, len, &e);
		if (U_SUCCESS(e))
			add_phrase(f, &f->words, out, (size_t)len, K_CURRENCY,
			    0, currency_codes[i]);
	}
}

/*
 * Adds one gazetteer line, split into fields: TYPE canonical variant...,
 * or NAME token. Returns 0, or -1 with what is wrong in why.
 */
static int
add_gazetteer_line(void *ctx, struct tsv_fields *fl, char *why,
    size_t whylen)
{
	struct ent_finder *f = ctx;
	size_t i;
	char *canon;
	int type;

	if (fl->n >= 2 && fl->v[0].n == 4 && memcmp(fl->v[0].p, "NAME", 4) ==
	    0) {
		int added;

		norm_text(f->nm, fl->v[1].p, fl->v[1].n, &f->scratch, NULL);
		hmap_intern(&f->nameparts, f->scratch.p, f->scratch.n, &added);
		return 0;
	}
	if (fl->n < 2 || (type = ent_type_of(fl->v[0].p, fl->v[0].n)) < 0 ||
	    type > ENT_MISC) {
		snprintf(why, whylen, "not TYPE<TAB>canonical<TAB>variant... "
		    "(TYPE: PER, ORG, LOC or MISC)");
		return -1;
	}
	canon = fl->v[1].p;
	canon[fl->v[1].n] = '\0';	/* over the TAB, or past the end */
	fl->v[1].n = tsv_unescape(canon, fl->v[1].n);
	canon[fl->v[1].n] = '\0';
	for (i = 1; i < fl->n; i++) {
		if (i > 1)
			fl->v[i].n = tsv_unescape(fl->v[i].p, fl->v[i].n);
		if (fl->v[i].n > 0)
			add_phrase(f, &f->names, fl->v[i].p, fl->v[i].n,
			    (unsigned)type | (f->loading_user ? USER_NAME : 0),
			    0, canon);
	}
	return 0;
}

static void
load_default_gazetteer(struct ent_finder *f)
{
	const char *p = gazetteer_default, *nl;
	struct tsv_fields fl = { 0 };
	struct buf line = { 0 };
	char why[200];

	while ((nl = strchr(p, '\n')) != NULL) {
		/* With the newline: a byte after the record, for a NUL. */
		line.n = 0;
		buf_add(&line, p, (size_t)(nl - p) + 1);
		tsv_split(line.p, (size_t)(nl - p), &fl);
		add_gazetteer_line(f, &fl, why, sizeof why);
		p = nl + 1;
	}
	buf_free(&line);
	tsv_fields_free(&fl);
}

struct ent_finder *
ent_new(char *err, size_t errlen)
{
	struct ent_finder *f = xmalloc(sizeof *f);
	unsigned steps;
	size_t i;

	memset(f, 0, sizeof *f);
	norm_find_profile("search", &steps);
	if ((f->nm = norm_new(steps, err, errlen)) == NULL) {
		free(f);
		return NULL;
	}
	phrase_init(&f->words);
	phrase_init(&f->names);
	phrase_init(&f->doc);
	hmap_init(&f->nameparts);
	hmap_init(&f->canon);
	lexicon_index_init(&f->lexicon);
	cluster_index_init(&f->clusters);
	for (i = 0; i < sizeof words / sizeof words[0]; i++)
		add_phrase(f, &f->words, words[i].text, strlen(words[i].text),
		    words[i].kind, words[i].num, words[i].value);
	add_icu_words(f);
	load_default_gazetteer(f);
	return f;
}

void
ent_free(struct ent_finder *f)
{
	if (f == NULL)
		return;
	norm_free(f->nm);
	buf_free(&f->normed);
	norm_offsets_free(&f->off);
	tokens_free(&f->toks);
	tokens_free(&f->tmp);
	free(f->w);
	free(f->wl);
	free(f->pw);
	free(f->pwl);
	buf_free(&f->forms);
	phrase_free(&f->words);
	phrase_free(&f->names);
	phrase_free(&f->doc);
	hmap_free(&f->nameparts);
	lexicon_index_free(&f->lexicon);
	cluster_index_free(&f->clusters);
	hmap_free(&f->canon);
	buf_free(&f->canon_text);
	buf_free(&f->scratch);
	buf_free(&f->value);
	entities_free(&f->rules);
	free(f->view.cls);
	free(f->view.hint);
	free(f->view.freq);
	free(f->view.namepart);
	free(f->view.cluster);
	free(f->view.start);
	free(f->view.end);
	free(f->labels);
	free(f->rule_first);
	free(f->rule_last);
	free(f->starts);
	free(f->tagged);
	free(f->taken);
	free(f);
}

int
ent_load_gazetteer(struct ent_finder *f, const char *path, char *err,
    size_t errlen)
{
	int r;

	f->loading_user = 1;
	r = table_file_read(path, add_gazetteer_line, f, err, errlen);
	f->loading_user = 0;
	return r;
}

void
ent_document(struct ent_finder *f)
{
	phrase_free(&f->doc);
	phrase_init(&f->doc);
}

/* The text is prepared: normalised, tokenised, each token's form known. */
static void
prepare(struct ent_finder *f, const char *text, size_t n)
{
	size_t i;

	norm_text(f->nm, text, n, &f->normed, &f->off);
	tok_split(f->normed.p, f->normed.n, &f->toks);
	if (f->toks.n > f->wcap) {
		f->wcap = f->toks.n;
		f->w = xrealloc(f->w, f->wcap * sizeof *f->w);
		f->wl = xrealloc(f->wl, f->wcap * sizeof *f->wl);
	}
	for (i = 0; i < f->toks.n; i++) {
		f->w[i] = f->normed.p + f->toks.v[i].start;
		f->wl[i] = f->toks.v[i].end - f->toks.v[i].start;
	}
}

/* The table entry at token i: tokens matched (0: none), entry in *id. */
static size_t
at(struct ent_finder *f, struct phrase_table *t, size_t i, size_t *id)
{
	if (i >= f->toks.n)
		return 0;
	return phrase_longest(t, f->w + i, f->wl + i, f->toks.n - i, id);
}

static unsigned
kind_at(struct ent_finder *f, size_t i, size_t *len, size_t *id)
{
	*len = at(f, &f->words, i, id);
	return *len ? f->words.v[*id].kind : 0;
}

static int
is_word(const struct ent_finder *f, size_t i, const char *w)
{
	return i < f->toks.n && f->wl[i] == strlen(w) &&
	    memcmp(f->w[i], w, f->wl[i]) == 0;
}

/* The digits of number token i as a value; 0 if it is not one. */
static int
plain_number(const struct ent_finder *f, size_t i, double *v)
{
	char num[64];
	size_t k, n = 0;
	int dots = 0;

	if (i >= f->toks.n || f->toks.v[i].cls != TOK_NUM ||
	    f->wl[i] >= sizeof num)
		return 0;
	for (k = 0; k < f->wl[i]; k++) {
		char c = f->w[i][k];

		if (c == ',')
			continue;	/* thousands */
		if (c == '.')
			dots++;
		else if ((c < '0' || c > '9') && !(k == 0 && (c == '-' ||
		    c == '+')))
			return 0;
		num[n++] = c;
	}
	num[n] = '\0';
	if (dots > 1)
		return 0;
	*v = strtod(num, NULL);
	return 1;
}

/*
 * A number from token i, in digits or words, with its scales: "400
 * مليون", "ثلاثمائة وخمسون ألفا", "تسعة مليارات". Returns the tokens used.
 */
static size_t
number_at(struct ent_finder *f, size_t i, double *value)
{
	double total = 0, group = 0, v;
	size_t j = i, len, id;
	unsigned k;
	int any = 0, digits = 0;

	if (plain_number(f, j, &v)) {
		group = v;
		any = digits = 1;
		j++;
	}
	for (;;) {
		/* و joins number words: خمسة وعشرون */
		k = kind_at(f, j, &len, &id);
		if (k == 0 && j > i && f->wl[j < f->toks.n ? j : 0] > 2 &&
		    j < f->toks.n && memcmp(f->w[j], "\u0648", 2) == 0) {
			const char *w0 = f->w[j];
			size_t l0 = f->wl[j];

			f->w[j] += 2;
			f->wl[j] -= 2;
			k = kind_at(f, j, &len, &id);
			f->w[j] = w0;
			f->wl[j] = l0;
			if (k != K_NUMBER)
				k = 0;
		}
		if (k == K_NUMBER && !digits) {
			size_t tlen, tid;

			v = (double)f->words.v[id].num;
			if (v < 10 && kind_at(f, j + len, &tlen, &tid) ==
			    K_TEEN) {
				v += 10;	/* خمسة عشر */
				j += tlen;
			}
			group += v;
		} else if (k == K_SCALE && any) {
			total += (group == 0 ? 1 : group) *
			    (double)f->words.v[id].num;
			group = 0;
		} else if (k == K_SCALE && !any) {
			total += (double)f->words.v[id].num;	/* ألف دولار */
		} else {
			break;
		}
		any = 1;
		j += len;
	}
	*value = total + group;
	return any ? j - i : 0;
}

static void
format_number(struct buf *b, double v)
{
	char num[64];

	if (v == floor(v) && fabs(v) < 1e18)
		snprintf(num, sizeof num, "%.0f", v);
	else
		snprintf(num, sizeof num, "%.10g", v);
	buf_add(b, num, strlen(num));
}

/* MONEY at token i: "$5", "400 مليون دولار", "55 سنتا". */
static size_t
money_at(struct ent_finder *f, size_t i, struct buf *value)
{
	const char *code = NULL;
	double v;
	size_t j = i, len, id, k;
	unsigned kind;

	if (kind_at(f, j, &len, &id) == K_CURSYM) {
		code = phrase_value(&f->words, id);
		j += len;
	}
	if ((k = number_at(f, j, &v)) == 0)
		return 0;
	j += k;
	if (code == NULL) {
		kind = kind_at(f, j, &len, &id);
		if (kind != K_CURRENCY && kind != K_SUBUNIT &&
		    kind != K_CURSYM)
			return 0;
		code = phrase_value(&f->words, id);
		if (kind == K_SUBUNIT)
			v /= (double)f->words.v[id].num;
		j += len;
	}
	value->n = 0;
	format_number(value, v);
	buf_addc(value, ' ');
	buf_add(value, code, strlen(code));
	return j - i;
}

/* PERCENT at token i: "9%", "30.4 في المئة". */
static size_t
percent_at(struct ent_finder *f, size_t i, struct buf *value)
{
	double v;
	size_t k, len, id;

	if ((k = number_at(f, i, &v)) == 0 || kind_at(f, i + k, &len, &id) !=
	    K_PERCENT)
		return 0;
	value->n = 0;
	format_number(value, v);
	return k + len;
}

/* TIME at token i: "7:38", "7:38 مساء". */
static size_t
time_at(struct ent_finder *f, size_t i, struct buf *value)
{
	unsigned h, m;
	char tok[8], out[16];
	size_t len, id, k = 1;

	if (i >= f->toks.n || f->toks.v[i].cls != TOK_NUM || f->wl[i] < 4 ||
	    f->wl[i] > 5 || f->w[i][f->wl[i] - 3] != ':')
		return 0;
	memcpy(tok, f->w[i], f->wl[i]);
	tok[f->wl[i]] = '\0';
	if (sscanf(tok, "%2u:%2u", &h, &m) != 2 || h > 24 || m > 59)
		return 0;
	if (kind_at(f, i + 1, &len, &id) == K_AMPM) {
		if (f->words.v[id].num == 12 && h < 12)
			h += 12;
		k += len;
	}
	snprintf(out, sizeof out, "%02u:%02u", h, m);
	value->n = 0;
	buf_add(value, out, strlen(out));
	return k;
}

static int
number_in(const struct ent_finder *f, size_t i, double lo, double hi,
    unsigned *v)
{
	double d;

	if (!plain_number(f, i, &d) || d != floor(d) || d < lo || d > hi ||
	    memchr(f->w[i], '.', f->wl[i]) || memchr(f->w[i], ',', f->wl[i]))
		return 0;
	*v = (unsigned)d;
	return 1;
}

/*
 * DATE at token i: "الاثنين 18 مارس 2024", "3 سبتمبر/أيلول", "مارس
 * 2024", "15 رمضان 1445 هـ", "عام 2020".
 */
static size_t
date_at(struct ent_finder *f, size_t i, struct buf *value)
{
	unsigned day = 0, year = 0, month;
	size_t j = i, len, id;
	unsigned kind;
	int hijri;
	char out[48];

	if (kind_at(f, j, &len, &id) == K_YEARCUE &&
	    number_in(f, j + len, 1000, 2200, &year)) {
		snprintf(out, sizeof out, "%u", year);
		value->n = 0;
		buf_add(value, out, strlen(out));
		return len + 1;
	}
	if (kind_at(f, j, &len, &id) == K_WEEKDAY) {
		j += len;
		if (is_word(f, j, ","))
			j++;
	}
	if (number_in(f, j, 1, 31, &day))
		j++;
	kind = kind_at(f, j, &len, &id);
	if (kind != K_MONTH && kind != K_HMONTH)
		return 0;
	month = (unsigned)f->words.v[id].num;
	hijri = kind == K_HMONTH;
	j += len;
	if (is_word(f, j, "/") && ((kind = kind_at(f, j + 1, &len, &id)) ==
	    K_MONTH || kind == K_HMONTH))
		j += 1 + len;	/* سبتمبر/أيلول */
	if (number_in(f, j, 1000, 2200, &year)) {
		j++;
		if (kind_at(f, j, &len, &id) == K_ERA) {
			hijri = f->words.v[id].num == 1;
			j += len;
		}
	}
	if (day == 0 && year == 0)
		return 0;	/* a month alone: "مارس" is also a verb */
	if (year && day)
		snprintf(out, sizeof out, "%04u-%02u-%02u", year, month, day);
	else if (year)
		snprintf(out, sizeof out, "%04u-%02u", year, month);
	else
		snprintf(out, sizeof out, "--%02u-%02u", month, day);
	value->n = 0;
	buf_add(value, out, strlen(out));
	if (hijri)
		buf_add(value, "@islamic", 8);
	return j - i;
}

/* The folded form of a letter, transliteration variants made one. */
static int32_t
fold_letter(int32_t cp)
{
	size_t k;

	for (k = 0; k < sizeof fold_letters / sizeof fold_letters[0]; k++)
		if (cp == fold_letters[k].from)
			return fold_letters[k].to;
	return cp;
}

static int
is_long_vowel(int32_t cp)
{
	return cp == 0x0627 || cp == 0x0648 || cp == 0x064A;
}

/*
 * Whether the long vowels inside word w[0..n) may go: not when that makes
 * it another word met in news (محمود is not محمد, سعيد not سعد), but when
 * it only spells a name another way (ترامب, ترمب).
 */
static int
vowels_may_go(const struct ent_finder *f, const char *w, size_t n)
{
	char shorter[256];
	size_t i = 0, k = 0;
	int first = 1;

	while (i < n && k + 4 < sizeof shorter) {
		int32_t cp;
		int len = utf8_decode(w + i, n - i, &cp);

		if (len < 0)
			len = -len;
		if (first || !is_long_vowel(cp)) {
			memcpy(shorter + k, w + i, (size_t)len);
			k += (size_t)len;
		}
		first = 0;
		i += (size_t)len;
	}
	return k == n || lexicon_index_count(&f->lexicon, shorter, k) <
	    RARE_WORD;
}

/*
 * The normalised form of a name: transliteration folded, and long vowels
 * inside its words dropped where vowels_may_go: زوكربيرغ and زوكربيرج
 * give one form.
 */
static void
fold(const struct ent_finder *f, const char *s, size_t n, struct buf *out)
{
	size_t i = 0, word = 0;
	int drop = 0;

	out->n = 0;
	buf_reserve(out, n);
	while (i < n) {
		int32_t cp;
		int len = utf8_decode(s + i, n - i, &cp);

		if (len < 0)
			len = -len;
		if (cp == ' ') {
			word = i + 1;
		} else if (i == word) {
			const char *sp = memchr(s + i, ' ', n - i);

			drop = vowels_may_go(f, s + i, sp != NULL ?
			    (size_t)(sp - s) - i : n - i);
		} else if (drop && is_long_vowel(cp)) {
			i += (size_t)len;
			continue;
		}
		out->n += utf8_encode(fold_letter(cp), out->p + out->n);
		i += (size_t)len;
	}
}

/*
 * The forms of token i without proclitics, fewest stripped first: the
 * bytes stripped, and whether the rest is an article that lost its alef
 * (للرياض: ل, then لرياض looked up as الرياض).
 */
struct strip {
	size_t bytes;
	int alef;
};

static int
starts(const char *w, size_t n, const char *letter)
{
	return n > 2 && memcmp(w, letter, 2) == 0;
}

static size_t
strips(const struct ent_finder *f, size_t i, struct strip *s)
{
	const char *w = f->w[i];
	size_t n = f->wl[i], k = 0, c = 0;

	s[k].bytes = 0;
	s[k++].alef = 0;
	if (starts(w, n, "\u0648") || starts(w, n, "\u0641")) {
		c = 2;
		s[k].bytes = 2;
		s[k++].alef = 0;
	}
	if (n - c > 4 && (starts(w + c, n - c, "\u0628") || starts(w + c,
	    n - c, "\u0644") || starts(w + c, n - c, "\u0643"))) {
		s[k].bytes = c + 2;
		s[k++].alef = starts(w + c, n - c, "\u0644") &&
		    starts(w + c + 2, n - c - 2, "\u0644");
	}
	return k;
}

/* Replaces token i's form by the stripped one for a look-up. */
static void
use_strip(struct ent_finder *f, size_t i, const struct strip *s,
    const char **w0, size_t *l0)
{
	*w0 = f->w[i];
	*l0 = f->wl[i];
	f->forms.n = 0;
	if (s->alef) {
		buf_add(&f->forms, "\u0627", 2);
		buf_add(&f->forms, *w0 + s->bytes, *l0 - s->bytes);
		f->w[i] = f->forms.p;
		f->wl[i] = f->forms.n;
	} else {
		f->w[i] += s->bytes;
		f->wl[i] -= s->bytes;
	}
}

/* A name found at a token: where, what and its value. */
struct found {
	size_t first, last;	/* tokens */
	size_t skip;		/* bytes of proclitics before it */
	enum ent_type type;
	int rank;	/* user's gazetteer 4, ours 3, earlier mention 2, rule 1 */
	size_t tokens;
};

static int
better(const struct found *a, const struct found *b)
{
	if (a->tokens != b->tokens)
		return a->tokens > b->tokens;
	return a->rank > b->rank;
}

/* The gazetteer's longest name at token i, and an earlier mention. */
static void
known_names(struct ent_finder *f, size_t i, struct found *best,
    struct buf *value)
{
	struct strip s[3];
	size_t k, n = strips(f, i, s), len, id;
	const char *w0;
	size_t l0;

	for (k = 0; k < n; k++) {
		struct found c = { 0 };

		use_strip(f, i, &s[k], &w0, &l0);
		len = at(f, &f->names, i, &id);
		if (len > 0) {
			c.first = i;
			c.last = i + len - 1;
			c.skip = s[k].bytes;
			c.type = (enum ent_type)(f->names.v[id].kind &
			    ~USER_NAME);
			c.rank = f->names.v[id].kind & USER_NAME ? 4 : 3;
			c.tokens = len;
			if (better(&c, best)) {
				*best = c;
				value->n = 0;
				buf_add(value, phrase_value(&f->names, id),
				    strlen(phrase_value(&f->names, id)));
			}
		}
		if (f->doc.n == 0) {
			f->w[i] = w0;
			f->wl[i] = l0;
			continue;
		}
		fold(f, f->w[i], f->wl[i], &f->scratch);
		f->w[i] = w0;
		f->wl[i] = l0;
		{
			const char *fw = f->scratch.p;
			size_t fl = f->scratch.n;

			if (phrase_longest(&f->doc, &fw, &fl, 1, &id) == 1) {
				c.first = c.last = i;
				c.skip = s[k].bytes;
				c.type = (enum ent_type)f->doc.v[id].kind;
				c.rank = 2;
				c.tokens = 1;
				if (better(&c, best)) {
					*best = c;
					value->n = 0;
					buf_add(value, phrase_value(&f->doc, id),
					    strlen(phrase_value(&f->doc, id)));
				}
			}
		}
	}
}

/* The original text of token i. */
static const char *
original(const struct ent_finder *f, const char *text, size_t i, size_t *n)
{
	size_t a = f->off.start[f->toks.v[i].start];

	*n = f->off.end[f->toks.v[i].end - 1] - a;
	return text + a;
}

static int
is_latin_name(const struct ent_finder *f, const char *text, size_t i)
{
	const char *o;
	size_t n, k;

	if (i >= f->toks.n || f->toks.v[i].cls != TOK_WORD ||
	    (unsigned char)f->w[i][0] >= 0x80)
		return 0;
	o = original(f, text, i, &n);
	for (k = 0; k < n; k++)
		if (o[k] >= 'A' && o[k] <= 'Z')
			return 1;
	return 0;
}

/* How common token i is as a word of news (0: unknown). */
static uint32_t
commonness(const struct ent_finder *f, const char *text, size_t i)
{
	const char *o;
	size_t n, k, m = 0;
	char w[256];

	o = original(f, text, i, &n);
	for (k = 0; k < n && m + 2 < sizeof w; k++) {
		unsigned char c = (unsigned char)o[k];

		/* Diacritics (U+064B..U+0652, U+0670) and tatweel go. */
		if (c == 0xD9 && k + 1 < n && (((unsigned char)o[k + 1] >=
		    0x8B && (unsigned char)o[k + 1] <= 0x92) ||
		    (unsigned char)o[k + 1] == 0xB0 || (unsigned char)o[k + 1] ==
		    0x80)) {
			k++;
			continue;
		}
		w[m++] = o[k];
	}
	return lexicon_index_count(&f->lexicon, w, m);
}

static int is_name_part(const struct ent_finder *f, size_t i);
static int definite(const struct ent_finder *f, size_t i);
static int table_word(struct ent_finder *f, size_t i);

/*
 * Whether token i can be part of a person's or an organisation's name: a
 * Latin name, a known name token, a word after a known name token (after
 * دونالد, ترامب), or a word rare in news (rarer still when it would go on
 * a name already begun). Words of the rules' tables are no names, even
 * with a clitic (لشركة), nor are words with the article.
 */
static int
name_like(struct ent_finder *f, const char *text, size_t i, int first,
    int after_name)
{
	if (i >= f->toks.n || f->toks.v[i].cls != TOK_WORD)
		return 0;
	if (is_latin_name(f, text, i))
		return 1;
	if ((unsigned char)f->w[i][0] < 0x80 || f->wl[i] < 4 ||
	    table_word(f, i))
		return 0;	/* one letter: و, ه */
	if (is_name_part(f, i))
		return 1;
	if (definite(f, i))
		return 0;	/* adjectives, not names: الأمريكي */
	return after_name || commonness(f, text, i) < (first ? COMMON_WORD :
	    RARE_WORD);
}

/* Whether token i, with or without its proclitics, is in the tables. */
static int
table_word(struct ent_finder *f, size_t i)
{
	struct strip s[3];
	size_t k, n = strips(f, i, s), len, id;
	const char *w0;
	size_t l0;
	unsigned kind = 0;

	for (k = 0; k < n && kind == 0; k++) {
		use_strip(f, i, &s[k], &w0, &l0);
		kind = kind_at(f, i, &len, &id);
		f->w[i] = w0;
		f->wl[i] = l0;
	}
	return kind != 0;
}

static int
is_name_part(const struct ent_finder *f, size_t i)
{
	return i < f->toks.n &&
	    hmap_find(&f->nameparts, f->w[i], f->wl[i]) != NULL;
}

static int
definite(const struct ent_finder *f, size_t i)
{
	return i < f->toks.n && starts(f->w[i], f->wl[i], "\u0627") &&
	    f->wl[i] > 4 && memcmp(f->w[i] + 2, "\u0644", 2) == 0;
}

/* Names the rules find at token i: after a title or verb, after the head
 * of an organisation's name, and Latin names in Arabic text. */
static void
rule_names(struct ent_finder *f, const char *text, size_t i, int arabic,
    struct found *best)
{
	struct strip s[3];
	size_t k, n = strips(f, i, s), len, id, j, m;
	const char *w0;
	size_t l0;
	unsigned kind = 0;
	int64_t num = 0;
	size_t used = 0;
	struct found c = { 0 };

	for (k = 0; k < n && kind == 0; k++) {
		use_strip(f, i, &s[k], &w0, &l0);
		kind = kind_at(f, i, &len, &id);
		if (kind == K_PERCUE || kind == K_ORGHEAD) {
			num = f->words.v[id].num;
			used = s[k].bytes;
		} else {
			kind = 0;
		}
		f->w[i] = w0;
		f->wl[i] = l0;
	}
	c.rank = 1;
	c.skip = 0;
	if (kind == K_PERCUE) {
		j = i + len;
		/* Adjectives between: الرئيس الأمريكي دونالد ترامب */
		for (m = 0; m < 2 && definite(f, j) && commonness(f, text, j) >=
		    COMMON_WORD; m++)
			j++;
		for (m = 0; m < MAX_NAME_TOKENS && name_like(f, text, j + m,
		    m == 0, m > 0 && is_name_part(f, j + m - 1)); m++)
			;
		if (m > 0) {
			c.first = j;
			c.last = j + m - 1;
			c.type = ENT_PER;
			c.tokens = m;
			if (better(&c, best))
				*best = c;
		}
		return;
	}
	if (kind == K_ORGHEAD) {
		j = i + len;
		for (m = 0; m < 3 && is_latin_name(f, text, j + m); m++)
			;
		if (m > 0) {
			c.first = j;
		} else {
			for (m = 0; m < 3 && (definite(f, j + m) ||
			    is_name_part(f, j + m) || at(f, &f->names, j + m,
			    &id) == 1) && kind_at(f, j + m, &len, &id) != K_STOP;
			    m++)
				;	/* بنك مصر, جريدة فلسطين */
			if (m == 0)
				return;
			c.first = num ? i : j;
			c.skip = num ? used : 0;
		}
		c.last = j + m - 1;
		c.type = ENT_ORG;
		c.tokens = c.last - c.first + 1;
		if (better(&c, best))
			*best = c;
		return;
	}
	if (arabic && is_latin_name(f, text, i)) {
		for (m = 1; m < MAX_NAME_TOKENS && is_latin_name(f, text, i + m);
		    m++)
			;
		c.first = i;
		c.last = i + m - 1;
		c.type = ENT_ORG;
		c.tokens = m;
		if (better(&c, best))
			*best = c;
	}
}

/* The end of a mention, past the marks and tatweel that normalising
 * removed from its last letter: "هـ" whole. */
static size_t
mention_end(const char *text, size_t n, size_t end)
{
	/* Only what the search profile removes: tatweel, U+064B..U+0652
	 * and U+0670; other marks start tokens of their own. */
	while (end + 1 < n && (unsigned char)text[end] == 0xD9 &&
	    ((unsigned char)text[end + 1] == 0x80 || ((unsigned char)
	    text[end + 1] >= 0x8B && (unsigned char)text[end + 1] <= 0x92) ||
	    (unsigned char)text[end + 1] == 0xB0))
		end += 2;
	return end;
}

static void
emit(struct entities *out, size_t start, size_t end, enum ent_type type,
    int rank, const char *value, size_t vlen)
{
	struct entity *e;

	/* Tokens in one normalisation segment ("5" and a mark after it)
	 * share their source bytes: mentions must still not overlap. */
	if (out->n > 0 && start < out->v[out->n - 1].end)
		start = out->v[out->n - 1].end;
	if (start >= end)
		return;

	out->v = xgrow(out->v, &out->cap, out->n + 1, sizeof *out->v);
	e = &out->v[out->n++];
	e->start = start;
	e->end = end;
	e->type = type;
	e->rank = rank;
	e->value = out->values.n;
	buf_add(&out->values, value, vlen);
	buf_addc(&out->values, '\0');
}

/* The value of a name the rules found: the first spelling met of its
 * folded form, in this run. */
static void
canonical(struct ent_finder *f, const char *text, size_t start, size_t end,
    struct buf *value)
{
	struct hmap_val *v;
	int added;

	norm_text(f->nm, text + start, end - start, &f->scratch, NULL);
	fold(f, f->scratch.p, f->scratch.n, &f->value);
	v = hmap_intern(&f->canon, f->value.p, f->value.n, &added);
	if (added) {
		/* The spelling as written, without diacritics or tatweel. */
		size_t k;

		v->aux = f->canon_text.n;
		for (k = start; k < end; k++) {
			unsigned char c = (unsigned char)text[k];

			if (c == 0xD9 && k + 1 < end && (((unsigned char)
			    text[k + 1] >= 0x8B && (unsigned char)text[k + 1] <=
			    0x92) || (unsigned char)text[k + 1] == 0x80 ||
			    (unsigned char)text[k + 1] == 0xB0)) {
				k++;
				continue;
			}
			buf_addc(&f->canon_text, (char)c);
		}
		buf_addc(&f->canon_text, '\0');
	}
	value->n = 0;
	buf_add(value, f->canon_text.p + v->aux, strlen(f->canon_text.p +
	    v->aux));
}

/* Remembers a person's last name, for short mentions later on. */
static void
remember(struct ent_finder *f, const struct found *c, const char *value)
{
	const char *fw;
	size_t fl;

	if (c->type != ENT_PER || c->last == c->first || f->wl[c->last] < 6)
		return;	/* a surname of two letters or fewer */
	fold(f, f->w[c->last], f->wl[c->last], &f->scratch);
	fw = f->scratch.p;
	fl = f->scratch.n;
	phrase_add(&f->doc, &fw, &fl, 1, ENT_PER, 0, value);
}

static int
mostly_arabic(const struct ent_finder *f)
{
	size_t i, arabic = 0, latin = 0;

	for (i = 0; i < f->toks.n; i++)
		if (f->toks.v[i].cls == TOK_WORD) {
			if ((unsigned char)f->w[i][0] >= 0x80)
				arabic++;
			else
				latin++;
		}
	return arabic > latin;
}

typedef size_t (*matcher)(struct ent_finder *, size_t, struct buf *);

/*
 * The numeric entity at token i, its first token taken with or without
 * a conjunction or preposition ("وخمسة" is و and خمسة): tokens used,
 * the matcher's number in *which, the bytes stripped in *skip.
 */
static size_t
numeric_at(struct ent_finder *f, size_t i, const matcher *m, size_t *which,
    size_t *skip, struct buf *value)
{
	struct strip s[3];
	size_t k, n = strips(f, i, s), len = 0, mi;
	const char *w0;
	size_t l0;

	for (k = 0; k < n && len == 0; k++) {
		size_t klen, kid;
		unsigned kind;

		use_strip(f, i, &s[k], &w0, &l0);
		/* Most words start no number, date or sum: one look-up. */
		kind = kind_at(f, i, &klen, &kid);
		if (f->toks.v[i].cls != TOK_NUM && kind != K_NUMBER &&
		    kind != K_SCALE && kind != K_CURSYM && kind != K_WEEKDAY &&
		    kind != K_YEARCUE && kind != K_MONTH && kind != K_HMONTH) {
			f->w[i] = w0;
			f->wl[i] = l0;
			continue;
		}
		for (mi = 0; mi < 4 && len == 0; mi++)
			if ((len = m[mi](f, i, value)) > 0) {
				*which = mi;
				*skip = s[k].bytes;
			}
		f->w[i] = w0;
		f->wl[i] = l0;
	}
	return len;
}

/* A one-word name the rules found that names someone met earlier in the
 * document: its value is theirs. */
static int
earlier(struct ent_finder *f, const struct found *c, struct buf *value)
{
	const char *fw;
	size_t fl, id;

	if (c->type != ENT_PER || c->first != c->last)
		return 0;
	fold(f, f->w[c->first], f->wl[c->first], &f->scratch);
	fw = f->scratch.p;
	fl = f->scratch.n;
	if (phrase_longest(&f->doc, &fw, &fl, 1, &id) != 1)
		return 0;
	value->n = 0;
	buf_add(value, phrase_value(&f->doc, id), strlen(phrase_value(&f->doc,
	    id)));
	return 1;
}

/* What the rules and gazetteers find. */
static void
find_by_rules(struct ent_finder *f, const char *text, size_t n, unsigned types,
    struct entities *out)
{
	static const matcher numeric[] = { money_at, percent_at, time_at,
	    date_at };
	static const enum ent_type numeric_type[] = { ENT_MONEY, ENT_PERCENT,
	    ENT_TIME, ENT_DATE };
	struct buf value = { 0 };
	size_t i = 0, k, len, skip;
	int arabic;

	out->n = 0;
	out->values.n = 0;
	prepare(f, text, n);
	arabic = mostly_arabic(f);
	while (i < f->toks.n) {
		struct found best = { 0 };

		if ((len = numeric_at(f, i, numeric, &k, &skip, &value)) > 0) {
			if (types & 1u << numeric_type[k])
				emit(out, f->off.start[f->toks.v[i].start +
				    skip], mention_end(text, n,
				    f->off.end[f->toks.v[i + len - 1].end - 1]),
				    numeric_type[k], 0, value.p, value.n);
			i += len;
			continue;
		}
		known_names(f, i, &best, &value);
		rule_names(f, text, i, arabic, &best);
		if (best.tokens == 0) {
			i++;
			continue;
		}
		{
			size_t start = f->off.start[f->toks.v[best.first].start +
			    best.skip];
			size_t end = mention_end(text, n,
			    f->off.end[f->toks.v[best.last].end - 1]);

			if (best.rank == 1 && !earlier(f, &best, &value))
				canonical(f, text, start, end, &value);
			buf_addc(&value, '\0');
			value.n--;
			remember(f, &best, value.p);
			if (types & 1u << best.type)
				emit(out, start, end, best.type, best.rank,
				    value.p, value.n);
		}
		i = best.last + 1;
	}
	buf_free(&value);
}

void
ent_use_models(struct ent_finder *f, struct ner_tagger *ner,
    struct segmenter *seg)
{
	f->ner = ner;
	f->seg = seg;
}

/* Marks the tokens each mention of the rules covers. */
static void
hint_rules(struct ent_finder *f)
{
	struct ner_sentence *v = &f->view;
	size_t i = 0, e;

	memset(v->hint, 0, v->n);
	f->rule_first = xgrow(f->rule_first, &f->rcap, f->rules.n + 1,
	    sizeof *f->rule_first);
	f->rule_last = xrealloc(f->rule_last, f->rcap * sizeof *f->rule_last);
	for (e = 0; e < f->rules.n; e++) {
		const struct entity *m = &f->rules.v[e];
		int inside = 0;

		while (i < v->n && v->end[i] <= m->start)
			i++;
		f->rule_first[e] = i;
		for (; i < v->n && v->start[i] < m->end; i++) {
			v->hint[i] = (unsigned char)(1 + 2 * m->type + inside);
			inside = 1;
		}
		f->rule_last[e] = i;	/* one past */
	}
}

/* Token i's word clusters, as the tagger takes them. */
static uint16_t
cluster_code(const struct ent_finder *f, size_t i)
{
	unsigned fine, coarse;

	if (!cluster_index_lookup(&f->clusters, f->w[i], f->wl[i], &fine,
	    &coarse))
		return 0;
	return (uint16_t)((coarse + 1) << 9 | (fine + 1));
}

const struct ner_sentence *
ent_view(struct ent_finder *f, const char *text, size_t n)
{
	struct ner_sentence *v = &f->view;
	size_t i;

	find_by_rules(f, text, n, (1u << ENT_NTYPES) - 1, &f->rules);
	if (f->toks.n >= f->vcap) {	/* never NULL, even for no tokens */
		f->vcap = f->toks.n + 1;
		v->cls = xrealloc(v->cls, f->vcap);
		v->hint = xrealloc(v->hint, f->vcap);
		v->freq = xrealloc(v->freq, f->vcap);
		v->namepart = xrealloc(v->namepart, f->vcap);
		v->cluster = xrealloc(v->cluster, f->vcap * sizeof *v->cluster);
		v->start = xrealloc(v->start, f->vcap * sizeof *v->start);
		v->end = xrealloc(v->end, f->vcap * sizeof *v->end);
		f->labels = xrealloc(f->labels, f->vcap * sizeof *f->labels);
		f->starts = xrealloc(f->starts, f->vcap * sizeof *f->starts);
		f->tagged = xrealloc(f->tagged, f->vcap * sizeof *f->tagged);
		f->taken = xrealloc(f->taken, f->vcap);
	}
	v->n = f->toks.n;
	v->w = f->w;
	v->wl = f->wl;
	for (i = 0; i < v->n; i++) {
		uint32_t c = commonness(f, text, i);
		unsigned char b = 0;

		while (c > 0) {
			b++;
			c >>= 1;
		}
		v->cls[i] = (unsigned char)f->toks.v[i].cls;
		v->freq[i] = b;
		v->namepart[i] = (unsigned char)is_name_part(f, i);
		v->cluster[i] = cluster_code(f, i);
		v->start[i] = f->off.start[f->toks.v[i].start];
		v->end[i] = mention_end(text, n,
		    f->off.end[f->toks.v[i].end - 1]);
	}
	hint_rules(f);
	return v;
}

/* Where a tagged name starts: after the proclitics of its first word. */
static size_t
name_start(struct ent_finder *f, const char *text, size_t tok)
{
	struct seg_word w;
	size_t at[SEG_MAX_LETTERS + 1], a = f->view.start[tok];
	struct seg_cut c;

	if (f->seg == NULL || !seg_word_read(text + a, f->view.end[tok] - a,
	    &w, at))
		return a;
	c = segmenter_cut(f->seg, &w);
	return a + (c.pro > 0 && c.pro < w.n ? at[c.pro] : 0);
}

/* The rules' mention ending where a tagged name ends and starting in its
 * first token, if any. */
static const struct entity *
rule_mention(const struct ent_finder *f, size_t tok, size_t end)
{
	size_t e;

	for (e = 0; e < f->rules.n; e++)
		if (f->rules.v[e].end == end && f->rules.v[e].start >=
		    f->view.start[tok] && f->rules.v[e].start <
		    f->view.end[tok] && f->rules.v[e].rank > NUMERIC)
			return &f->rules.v[e];
	return NULL;
}

/* Emits the tagged name over tokens [first, last]. */
static void
emit_tagged(struct ent_finder *f, const char *text, size_t first,
    size_t last, enum ent_type type, struct entities *out)
{
	size_t end = f->view.end[last], start;
	const struct entity *r = rule_mention(f, first, end);

	if (r != NULL) {
		start = r->start;
		f->value.n = 0;
		buf_add(&f->value, f->rules.values.p + r->value,
		    strlen(f->rules.values.p + r->value));
	} else {
		start = name_start(f, text, first);
		canonical(f, text, start, end, &f->value);
	}
	emit(out, start, end, type, TAGGED, f->value.p, f->value.n);
}

/* Takes tokens [first, last) for a mention if none is taken yet. */
static int
take(struct ent_finder *f, size_t first, size_t last)
{
	size_t i;

	if (first >= last)
		return 0;
	for (i = first; i < last; i++)
		if (f->taken[i])
			return 0;
	memset(f->taken + first, 1, last - first);
	return 1;
}

/* Takes the rules' mentions of ranks lo..hi where tokens are free. */
static void
take_rules(struct ent_finder *f, int lo, int hi)
{
	size_t e;

	for (e = 0; e < f->rules.n; e++)
		if (f->rules.v[e].rank >= lo && f->rules.v[e].rank <= hi &&
		    take(f, f->rule_first[e], f->rule_last[e]))
			f->starts[f->rule_first[e]] = e + 1;
}

/*
 * The tagger decides the names, with the rules' mentions among its
 * features; before it come the numbers, dates and sums and the names of
 * the user's gazetteer; after it, where it found nothing, the rules' own
 * names (an earlier mention's value folds variants together).
 */
static void
find_by_model(struct ent_finder *f, const char *text, size_t n,
    unsigned types, struct entities *out)
{
	const struct ner_sentence *v = ent_view(f, text, n);
	size_t i, last;

	out->n = 0;
	out->values.n = 0;
	ner_tag(f->ner, v, f->labels);
	memset(f->taken, 0, v->n);
	memset(f->starts, 0, v->n * sizeof *f->starts);
	memset(f->tagged, 0, v->n * sizeof *f->tagged);
	take_rules(f, NUMERIC, NUMERIC);
	take_rules(f, USER_GAZETTEER, USER_GAZETTEER);
	for (i = 0; i < v->n; i = last) {
		size_t type = NER_TYPE(f->labels[i]);

		last = i + 1;
		if (f->labels[i] == 0)
			continue;
		while (last < v->n && f->labels[last] == NER_INSIDE(type))
			last++;
		if (take(f, i, last))
			f->tagged[i] = last - i;
	}
	take_rules(f, RULE, GAZETTEER);
	for (i = 0; i < v->n; i++) {
		const struct entity *e;

		if (f->tagged[i] > 0 && f->labels[i] > 0) {
			enum ent_type type = (enum ent_type)NER_TYPE(
			    f->labels[i]);

			if (types & 1u << type)
				emit_tagged(f, text, i, i + f->tagged[i] - 1,
				    type, out);
			continue;
		}
		if (f->starts[i] == 0)
			continue;
		e = &f->rules.v[f->starts[i] - 1];
		if (types & 1u << e->type)
			emit(out, e->start, e->end, e->type, e->rank,
			    f->rules.values.p + e->value,
			    strlen(f->rules.values.p + e->value));
	}
}

void
ent_find(struct ent_finder *f, const char *text, size_t n, unsigned types,
    struct entities *out)
{
	if (f->ner != NULL)
		find_by_model(f, text, n, types, out);
	else
		find_by_rules(f, text, n, types, out);
}
