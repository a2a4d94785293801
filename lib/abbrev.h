/* Abbreviations that a full stop follows without ending a sentence. */
#ifndef SATR_ABBREV_H
#define SATR_ABBREV_H

#include <stddef.h>

/* Whether w[0..n) is a Latin abbreviation, as written ("Mr", "U.S"). */
int abbrev_latin(const char *w, size_t n);
/* Whether w[0..n) is an Arabic one ("هـ", "كم"), beside the one-letter
 * ones that satr takes for abbreviations anyway. */
int abbrev_arabic(const char *w, size_t n);

#endif
