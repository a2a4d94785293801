#include "entp.h"

#include <string.h>

#include <unicode/ucurr.h>
#include <unicode/udat.h>
#include <unicode/ustring.h>

#include "utf8.h"

/* The rules' own words for names (ent_numwords.c has those of numbers,
 * dates and sums). */
static const struct entp_word words[] = {
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
	{ "قال", K_PERCUE, PERCUE_VERB, NULL },
	{ "قالت", K_PERCUE, PERCUE_VERB, NULL },
	{ "أعلن", K_PERCUE, PERCUE_VERB, NULL },
	{ "أعلنت", K_PERCUE, PERCUE_VERB, NULL },
	{ "أكد", K_PERCUE, PERCUE_VERB, NULL },
	{ "أكدت", K_PERCUE, PERCUE_VERB, NULL },
	{ "أضاف", K_PERCUE, PERCUE_VERB, NULL },
	{ "صرح", K_PERCUE, PERCUE_VERB, NULL },
	{ "أوضح", K_PERCUE, PERCUE_VERB, NULL },
	{ "أوضحت", K_PERCUE, PERCUE_VERB, NULL },
	{ "أشار", K_PERCUE, PERCUE_VERB, NULL },
	{ "أشارت", K_PERCUE, PERCUE_VERB, NULL },
	{ "كشف", K_PERCUE, PERCUE_VERB, NULL },
	{ "كشفت", K_PERCUE, PERCUE_VERB, NULL },
	{ "أفاد", K_PERCUE, PERCUE_VERB, NULL },
	{ "أفادت", K_PERCUE, PERCUE_VERB, NULL },
	{ "صرحت", K_PERCUE, PERCUE_VERB, NULL },
	{ "أضافت", K_PERCUE, PERCUE_VERB, NULL },
	{ "التقى", K_PERCUE, PERCUE_VERB, NULL },
	{ "استقبل", K_PERCUE, PERCUE_VERB, NULL },
	{ "المخرج", K_PERCUE, 0, NULL }, { "المخرجة", K_PERCUE, 0, NULL },
	{ "للمخرج", K_PERCUE, 0, NULL }, { "للمخرجة", K_PERCUE, 0, NULL },
	{ "الممثل", K_PERCUE, 0, NULL }, { "الممثلة", K_PERCUE, 0, NULL },
	{ "المغني", K_PERCUE, 0, NULL }, { "المغنية", K_PERCUE, 0, NULL },
	{ "الشاعر", K_PERCUE, 0, NULL }, { "الروائي", K_PERCUE, 0, NULL },
	{ "الصحفي", K_PERCUE, 0, NULL }, { "الصحفية", K_PERCUE, 0, NULL },
	{ "الإعلامي", K_PERCUE, 0, NULL }, { "الإعلامية", K_PERCUE, 0, NULL },
	{ "الناشط", K_PERCUE, 0, NULL }, { "الناشطة", K_PERCUE, 0, NULL },
	{ "المحامي", K_PERCUE, 0, NULL }, { "المحامية", K_PERCUE, 0, NULL },
	{ "القاضي", K_PERCUE, 0, NULL }, { "الباحث", K_PERCUE, 0, NULL },
	{ "الخبير", K_PERCUE, 0, NULL }, { "الأستاذ", K_PERCUE, 0, NULL },
	{ "الأستاذة", K_PERCUE, 0, NULL }, { "المهندس", K_PERCUE, 0, NULL },
	{ "الحاج", K_PERCUE, 0, NULL }, { "الإمام", K_PERCUE, 0, NULL },
	{ "البابا", K_PERCUE, 0, NULL }, { "السفير", K_PERCUE, 0, NULL },
	{ "السفيرة", K_PERCUE, 0, NULL }, { "الجنرال", K_PERCUE, 0, NULL },
	{ "المشير", K_PERCUE, 0, NULL }, { "العقيد", K_PERCUE, 0, NULL },
	{ "اللواء", K_PERCUE, 0, NULL }, { "العميد", K_PERCUE, 0, NULL },
	{ "السيناتور", K_PERCUE, 0, NULL }, { "النائبة", K_PERCUE, 0, NULL },
	{ "الرئيسة", K_PERCUE, 0, NULL }, { "رئيسة", K_PERCUE, 0, NULL },
	{ "وزيرة", K_PERCUE, 0, NULL }, { "المستشارة", K_PERCUE, 0, NULL },
	{ "المرشح", K_PERCUE, 0, NULL }, { "المرشحة", K_PERCUE, 0, NULL },
	{ "النجم", K_PERCUE, 0, NULL }, { "النجمة", K_PERCUE, 0, NULL },
	{ "لاعب", K_PERCUE, 0, NULL }, { "مدرب", K_PERCUE, 0, NULL },
	{ "الحكم", K_PERCUE, 0, NULL }, { "المهاجم", K_PERCUE, 0, NULL },
	{ "الحارس", K_PERCUE, 0, NULL }, { "الوالي", K_PERCUE, 0, NULL },
	{ "والي", K_PERCUE, 0, NULL }, { "المحافظ", K_PERCUE, 0, NULL },
	{ "محافظ", K_PERCUE, 0, NULL }, { "الحاكم", K_PERCUE, 0, NULL },
	{ "عمدة", K_PERCUE, 0, NULL }, { "ولي العهد", K_PERCUE, 0, NULL },
	{ "الأمين العام", K_PERCUE, 0, NULL },
	{ "أمين عام", K_PERCUE, 0, NULL },
	{ "المدير العام", K_PERCUE, 0, NULL }, { "المدير", K_PERCUE, 0, NULL },
	{ "المديرة", K_PERCUE, 0, NULL }, { "مدير", K_PERCUE, 0, NULL },
	{ "الناطق الرسمي", K_PERCUE, 0, NULL },
	{ "الناطق باسم", K_PERCUE, 0, NULL },
	{ "المتحدث الرسمي", K_PERCUE, 0, NULL },
	{ "نائب رئيس", K_PERCUE, 0, NULL }, { "الأب", K_PERCUE, 0, NULL },
	/* Heads of organisation names, with ORG_HEAD_ flags: part of the
	 * name (1) or left out of it (شركة, صحيفة, قناة); the name alone
	 * names it too (2: حركة النهضة, النهضة). */
	{ "شركة", K_ORGHEAD, 2, NULL }, { "صحيفة", K_ORGHEAD, 0, NULL },
	{ "جريدة", K_ORGHEAD, 0, NULL }, { "مجلة", K_ORGHEAD, 0, NULL },
	{ "قناة", K_ORGHEAD, 0, NULL }, { "إذاعة", K_ORGHEAD, 0, NULL },
	{ "راديو", K_ORGHEAD, 0, NULL }, { "موقع", K_ORGHEAD, 0, NULL },
	{ "منظمة", K_ORGHEAD, 1, NULL }, { "المنظمة", K_ORGHEAD, 1, NULL },
	{ "مؤسسة", K_ORGHEAD, 1, NULL }, { "المؤسسة", K_ORGHEAD, 1, NULL },
	{ "وكالة", K_ORGHEAD, 1, NULL }, { "الوكالة", K_ORGHEAD, 1, NULL },
	{ "حزب", K_ORGHEAD, 3, NULL }, { "الحزب", K_ORGHEAD, 3, NULL },
	{ "حركة", K_ORGHEAD, 3, NULL }, { "تيار", K_ORGHEAD, 3, NULL },
	{ "جبهة", K_ORGHEAD, 3, NULL }, { "الجبهة", K_ORGHEAD, 3, NULL },
	{ "كتلة", K_ORGHEAD, 1, NULL }, { "تحالف", K_ORGHEAD, 3, NULL },
	{ "ائتلاف", K_ORGHEAD, 3, NULL }, { "نقابة", K_ORGHEAD, 1, NULL },
	{ "النقابة", K_ORGHEAD, 1, NULL }, { "رابطة", K_ORGHEAD, 1, NULL },
	{ "الرابطة", K_ORGHEAD, 1, NULL }, { "جمعية", K_ORGHEAD, 1, NULL },
	{ "الجمعية", K_ORGHEAD, 1, NULL }, { "جامعة", K_ORGHEAD, 1, NULL },
	{ "الجامعة", K_ORGHEAD, 1, NULL }, { "كلية", K_ORGHEAD, 1, NULL },
	{ "أكاديمية", K_ORGHEAD, 1, NULL }, { "مركز", K_ORGHEAD, 1, NULL },
	{ "المركز", K_ORGHEAD, 1, NULL }, { "معهد", K_ORGHEAD, 1, NULL },
	{ "المعهد", K_ORGHEAD, 1, NULL }, { "مرصد", K_ORGHEAD, 1, NULL },
	{ "المرصد", K_ORGHEAD, 1, NULL }, { "لجنة", K_ORGHEAD, 1, NULL },
	{ "اللجنة", K_ORGHEAD, 1, NULL }, { "مفوضية", K_ORGHEAD, 1, NULL },
	{ "المفوضية", K_ORGHEAD, 1, NULL }, { "بنك", K_ORGHEAD, 1, NULL },
	{ "البنك", K_ORGHEAD, 1, NULL }, { "مصرف", K_ORGHEAD, 1, NULL },
	{ "المصرف", K_ORGHEAD, 1, NULL }, { "صندوق", K_ORGHEAD, 1, NULL },
	{ "الصندوق", K_ORGHEAD, 1, NULL }, { "بورصة", K_ORGHEAD, 1, NULL },
	{ "نادي", K_ORGHEAD, 3, NULL }, { "النادي", K_ORGHEAD, 3, NULL },
	{ "وزارة", K_ORGHEAD, 1, NULL }, { "هيئة", K_ORGHEAD, 1, NULL },
	{ "الهيئة", K_ORGHEAD, 1, NULL }, { "مجلس", K_ORGHEAD, 1, NULL },
	{ "المجلس", K_ORGHEAD, 1, NULL }, { "ديوان", K_ORGHEAD, 1, NULL },
	{ "الديوان", K_ORGHEAD, 1, NULL }, { "دائرة", K_ORGHEAD, 1, NULL },
	{ "إدارة", K_ORGHEAD, 1, NULL }, { "الإدارة", K_ORGHEAD, 1, NULL },
	{ "محكمة", K_ORGHEAD, 1, NULL }, { "المحكمة", K_ORGHEAD, 1, NULL },
	{ "مستشفى", K_ORGHEAD, 1, NULL }, { "المستشفى", K_ORGHEAD, 1, NULL },
	{ "غرفة", K_ORGHEAD, 1, NULL }, { "الغرفة", K_ORGHEAD, 1, NULL },
	{ "شرطة", K_ORGHEAD, 1, NULL }, { "أمانة", K_ORGHEAD, 1, NULL },
	{ "بلدية", K_ORGHEAD, 1, NULL }, { "منتخب", K_ORGHEAD, 1, NULL },
	{ "اتحاد", K_ORGHEAD, 1, NULL }, { "الاتحاد", K_ORGHEAD, 1, NULL },
	{ "مكتب", K_ORGHEAD, 1, NULL }, { "مجموعة", K_ORGHEAD, 3, NULL },
	{ "المجموعة", K_ORGHEAD, 3, NULL },
	/* Heads of places' names: part of the name (1: مخيم الشوشة), or a
	 * descriptor left out (0: مدينة تطاوين). */
	{ "مخيم", K_LOCHEAD, 1, NULL }, { "مطار", K_LOCHEAD, 1, NULL },
	{ "ميناء", K_LOCHEAD, 1, NULL }, { "ملعب", K_LOCHEAD, 1, NULL },
	{ "شارع", K_LOCHEAD, 1, NULL }, { "ساحة", K_LOCHEAD, 1, NULL },
	{ "جسر", K_LOCHEAD, 1, NULL }, { "سد", K_LOCHEAD, 1, NULL },
	{ "نهر", K_LOCHEAD, 1, NULL }, { "جبل", K_LOCHEAD, 1, NULL },
	{ "قصر", K_LOCHEAD, 1, NULL }, { "معبر", K_LOCHEAD, 1, NULL },
	{ "حي", K_LOCHEAD, 1, NULL }, { "قاعة", K_LOCHEAD, 1, NULL },
	{ "مدينة", K_LOCHEAD, 0, NULL }, { "ولاية", K_LOCHEAD, 0, NULL },
	{ "معتمدية", K_LOCHEAD, 0, NULL }, { "محافظة", K_LOCHEAD, 0, NULL },
	{ "منطقة", K_LOCHEAD, 0, NULL }, { "جهة", K_LOCHEAD, 0, NULL },
	{ "بلدة", K_LOCHEAD, 0, NULL }, { "قرية", K_LOCHEAD, 0, NULL },
	{ "جزيرة", K_LOCHEAD, 0, NULL }, { "العاصمة", K_LOCHEAD, 0, NULL },
	/* Words of sports news, where a city names its club. */
	{ "فاز", K_SPORT, 0, NULL }, { "فوز", K_SPORT, 0, NULL },
	{ "الدوري", K_SPORT, 0, NULL }, { "دوري", K_SPORT, 0, NULL },
	{ "المباراة", K_SPORT, 0, NULL }, { "مباراة", K_SPORT, 0, NULL },
	{ "هزم", K_SPORT, 0, NULL }, { "تعادل", K_SPORT, 0, NULL },
	{ "البطولة", K_SPORT, 0, NULL }, { "الكأس", K_SPORT, 0, NULL },
	{ "الملعب", K_SPORT, 0, NULL }, { "هدف", K_SPORT, 0, NULL },
	{ "هدفين", K_SPORT, 0, NULL }, { "أهداف", K_SPORT, 0, NULL },
	{ "تغلب", K_SPORT, 0, NULL }, { "خسر", K_SPORT, 0, NULL },
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

/*
 * Words and phrases of news that are never a name on their own, though
 * the tagger or a place's name in another spelling takes them for one.
 */
static const char *const not_names[] = {
	"أمن", "الأمن", "إطار", "قوله", "الأشهر", "أرى", "عضو", "العضو",
	"مسؤول", "المسؤول", "تعالى", "سموه", "سمو", "صلى الله", "الله",
	"الكتلة", "كتلة", "قائد", "القائد", "نائب", "مصدر", "المصدر",
	"مصادر", "المتحدث", "متحدث", "متحدث باسم", "المواطن", "المواطنين",
	"الحكومة", "الدولة", "البلاد", "الوزارة", "الرئاسة", "الجمهورية",
	"الشعب", "الجيش", "الشرطة", "شرطة", "الأمير", "الملك", "السلطات",
	"المملكة", "العاصمة", "المدينة", "الولاية", "المنطقة", "الإدارة",
	"الشركة", "الحزب", "الحركة", "المجلس", "اللجنة", "الهيئة",
	"المنظمة", "الجمعية", "المحكمة", "النيابة", "البرلمان", "المنتخب",
	"الفريق", "النادي", "الاتحاد", "الجامعة", "الصحيفة", "القناة",
	"الوكالة", "المؤسسة", "البنك", "المصرف", "الغرب", "الشرق",
	"الجنوب", "الشمال", "العالم", "البيان", "باسم", "ممثل", "علماء",
	"المحتجون", "المعتصمون", "المواطنون", "السلط", "الإسلام", "جائزة",
	"الجائزة",
};

/*
 * Words that head the name of an event, a prize or a competition: the
 * names in it are the event's, not mentions of their own (كأس الكاف,
 * دوري أبطال إفريقيا, مهرجان قرطاج); with 1, a person's too (جائزة نوبل,
 * كأس الأمير فيصل), not after بطولة (من بطولة هند صبري: starring).
 */
static const struct {
	const char *word;
	int people;
} event_heads[] = {
	{ "كأس", 1 }, { "الكأس", 1 }, { "دوري", 1 }, { "الدوري", 1 },
	{ "مهرجان", 1 }, { "المهرجان", 1 }, { "جائزة", 1 },
	{ "الجائزة", 1 }, { "بطولة", 0 }, { "البطولة", 0 }, { "أبطال", 0 },
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

size_t
entp_add_phrase(struct ent_finder *f, struct phrase_table *t,
    const char *text, size_t n, unsigned kind, int64_t num,
    const char *value)
{
	const char *w[16];
	size_t l[16], i;

	norm_text(f->nm, text, n, &f->entry, NULL);
	tok_split(f->entry.p, f->entry.n, &f->entry_toks);
	if (f->entry_toks.n == 0 || f->entry_toks.n > 16)
		return (size_t)-1;
	for (i = 0; i < f->entry_toks.n; i++) {
		w[i] = f->entry.p + f->entry_toks.v[i].start;
		l[i] = f->entry_toks.v[i].end - f->entry_toks.v[i].start;
	}
	return phrase_add(t, w, l, f->entry_toks.n, kind, num, value);
}

/* Adds symbol k of df's symbols of type as a word of the tables. */
static void
add_symbol(struct ent_finder *f, UDateFormat *df,
    UDateFormatSymbolType type, int k, unsigned kind, int64_t num)
{
	char out[256];
	UChar name[64];
	UErrorCode e = U_ZERO_ERROR;
	int32_t len;

	len = udat_getSymbols(df, type, k, name, 64, &e);
	u_strToUTF8(out, sizeof out, &len, name, len, &e);
	if (U_SUCCESS(e))
		entp_add_phrase(f, &f->words, out, (size_t)len, kind, num,
		    NULL);
}

/* The months of a locale, and its weekdays unless they are Hijri. */
static void
add_dates(struct ent_finder *f, const char *locale)
{
	UErrorCode e = U_ZERO_ERROR;
	UDateFormat *df = udat_open(UDAT_DEFAULT, UDAT_DEFAULT, locale, NULL,
	    0, NULL, 0, &e);
	int hijri = strstr(locale, "islamic") != NULL;
	int k;

	if (U_FAILURE(e))
		return;
	for (k = 0; k < 12; k++)
		add_symbol(f, df, UDAT_MONTHS, k, hijri ? K_HMONTH : K_MONTH,
		    k + 1);
	for (k = 1; k <= 7 && !hijri; k++)
		add_symbol(f, df, UDAT_WEEKDAYS, k, K_WEEKDAY, k);
	udat_close(df);
}

static void
add_currency(struct ent_finder *f, const char *code)
{
	char out[256];
	UErrorCode e = U_ZERO_ERROR;
	UChar iso[4];
	UBool choice;
	int32_t len;
	const UChar *name;

	u_charsToUChars(code, iso, 4);
	name = ucurr_getName(iso, "ar", UCURR_LONG_NAME, &choice, &len, &e);
	u_strToUTF8(out, sizeof out, &len, name, len, &e);
	if (U_SUCCESS(e))
		entp_add_phrase(f, &f->words, out, (size_t)len, K_CURRENCY, 0,
		    code);
}

static void
add_words(struct ent_finder *f, struct phrase_table *t,
    const struct entp_word *w, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		entp_add_phrase(f, t, w[i].text, strlen(w[i].text), w[i].kind,
		    w[i].num, w[i].value);
}

/* The first entry for a key wins: the rules' own words before ICU's. */
void
entp_words_load(struct ent_finder *f)
{
	size_t i;

	add_words(f, &f->words, entp_numeric_words, entp_numeric_nwords);
	add_words(f, &f->words, words, sizeof words / sizeof words[0]);
	add_words(f, &f->when, entp_when_words, entp_when_nwords);
	for (i = 0; i < sizeof month_locales / sizeof month_locales[0]; i++)
		add_dates(f, month_locales[i]);
	for (i = 0; i < sizeof currency_codes / sizeof currency_codes[0];
	    i++) {
		add_currency(f, currency_codes[i]);
		entp_add_phrase(f, &f->words, currency_codes[i],
		    strlen(currency_codes[i]), K_CURSYM, 0, currency_codes[i]);
	}
}

void
entp_stop_add(struct ent_finder *f, const char *text, size_t n)
{
	const char *w[16];
	size_t l[16], k = 0, i = 0;

	norm_text(f->nm, text, n, &f->entry, NULL);
	entp_fold(&f->lexicon_search, f->entry.p ? f->entry.p : "",
	    f->entry.n, &f->forms);
	while (i < f->forms.n && k < 16) {
		const char *sp = memchr(f->forms.p + i, ' ', f->forms.n - i);
		size_t end = sp != NULL ? (size_t)(sp - f->forms.p) : f->forms.n;

		w[k] = f->forms.p + i;
		l[k++] = end - i;
		i = end + 1;
	}
	if (k > 0)
		phrase_add(&f->stop, w, l, k, 0, 0, NULL);
}

void
entp_events_load(struct ent_finder *f)
{
	size_t i;

	for (i = 0; i < sizeof event_heads / sizeof event_heads[0]; i++)
		entp_add_phrase(f, &f->events, event_heads[i].word,
		    strlen(event_heads[i].word), 0, event_heads[i].people,
		    NULL);
}

void
entp_stop_load(struct ent_finder *f)
{
	size_t i;

	for (i = 0; i < sizeof not_names / sizeof not_names[0]; i++)
		entp_stop_add(f, not_names[i], strlen(not_names[i]));
}

size_t
entp_form_strips(const char *w, size_t n, struct entp_strip *s)
{
	size_t k = 0, c = 0;

	s[k].bytes = 0;
	s[k++].alef = 0;
	if (entp_starts(w, n, "\u0648") || entp_starts(w, n, "\u0641")) {
		c = 2;
		s[k].bytes = 2;
		s[k++].alef = 0;
	}
	if (n - c > 4 && (entp_starts(w + c, n - c, "\u0628") ||
	    entp_starts(w + c, n - c, "\u0644") ||
	    entp_starts(w + c, n - c, "\u0643"))) {
		s[k].bytes = c + 2;
		s[k++].alef = entp_starts(w + c, n - c, "\u0644") &&
		    entp_starts(w + c + 2, n - c - 2, "\u0644");
	}
	return k;
}

size_t
entp_strips(const struct ent_finder *f, size_t i, struct entp_strip *s)
{
	return entp_form_strips(f->w[i], f->wl[i], s);
}

const char *
entp_form_stripped(const char *w, size_t n, const struct entp_strip *s,
    struct buf *room, size_t *len)
{
	if (!s->alef) {
		*len = n - s->bytes;
		return w + s->bytes;
	}
	room->n = 0;
	buf_add(room, "\u0627", 2);
	buf_add(room, w + s->bytes, n - s->bytes);
	*len = room->n;
	return room->p;
}

const char *
entp_stripped(struct ent_finder *f, size_t i, const struct entp_strip *s,
    size_t *n)
{
	return entp_form_stripped(f->w[i], f->wl[i], s, &f->forms, n);
}

size_t
entp_skip_letters(const char *text, size_t start, size_t end,
    size_t letters)
{
	size_t at = start;

	while (letters > 0 && at < end) {
		int32_t cp;
		int len = utf8_decode(text + at, end - at, &cp);

		at += (size_t)(len < 0 ? -len : len);
		while (entp_mark_at(text, at, end))
			at += 2;
		letters--;
	}
	return at;
}
