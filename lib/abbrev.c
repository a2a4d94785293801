#include "abbrev.h"

#include <string.h>

/* Latin ones are matched as written, inner dots included. */
static const char *const latin_abbrevs[] = {
	"Mr", "Mrs", "Ms", "Dr", "Prof", "Sr", "Jr", "St", "Mt", "Gen", "Col",
	"Lt", "Sgt", "Capt", "Gov", "Sen", "Rep", "Pres", "Rev", "Hon",
	"Inc", "Ltd", "Co", "Corp", "Bros", "No", "Nos", "vs", "etc", "approx",
	"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
	"Nov", "Dec", "U.S", "U.K", "U.N", "E.U", "e.g", "i.e", "a.m", "p.m",
	"Ph.D", "fig", "Fig", "vol", "Vol", "pp", "p",
};

/* Beside these, any single Arabic letter with a full stop is taken for an
 * abbreviation (د. for doctor, م. for the Gregorian era, ص. for page), as
 * a single capital is for an initial. */
static const char *const arabic_abbrevs[] = {
	"\u0647\u0640",		/* هـ: هجري */
	"\u0645\u0645",		/* مم: ميليمتر */
	"\u0643\u0645",		/* كم: كيلومتر */
	"\u0633\u0645",		/* سم: سنتيمتر */
	"\u0643\u063a",		/* كغ: كيلوغرام */
	"\u062f\u0643",		/* دك: دكتور */
};

static int
in_list(const char *const *list, size_t n, const char *w, size_t len)
{
	size_t i;

	/* The first byte first: this runs at every full stop. */
	for (i = 0; i < n; i++)
		if (len > 0 && list[i][0] == w[0] && strlen(list[i]) == len &&
		    memcmp(list[i], w, len) == 0)
			return 1;
	return 0;
}

int
abbrev_latin(const char *w, size_t n)
{
	return in_list(latin_abbrevs, sizeof latin_abbrevs /
	    sizeof latin_abbrevs[0], w, n);
}

int
abbrev_arabic(const char *w, size_t n)
{
	return in_list(arabic_abbrevs, sizeof arabic_abbrevs /
	    sizeof arabic_abbrevs[0], w, n);
}
