/*
 * Unicode and Arabic normalisation in named steps, applied in one fixed
 * order, with a map from every output byte back to the input it came from.
 */
#ifndef SATR_NORM_H
#define SATR_NORM_H

#include <stddef.h>
#include <stdint.h>

#include "mem.h"

/* The steps, in the order they apply whatever order they are named in. */
enum norm_step {
	NORM_LIGWORDS = 1 << 0,	/* U+FDFC, U+FDFD spelled out */
	NORM_NFC = 1 << 1,
	NORM_NFKC = 1 << 2,
	NORM_CONTROLS = 1 << 3,
	NORM_ZWNJ = 1 << 4,
	NORM_TATWEEL = 1 << 5,
	NORM_DIACRITICS = 1 << 6,
	NORM_HARAKAT = 1 << 7,
	NORM_ALEF = 1 << 8,
	NORM_YA = 1 << 9,
	NORM_TEH = 1 << 10,
	NORM_HAMZA = 1 << 11,
	NORM_DIGITS = 1 << 12,
	NORM_PUNCT = 1 << 13,
	NORM_SPACE = 1 << 14,
	NORM_CASE = 1 << 15
};

struct norm_name {
	const char *name;
	unsigned steps;
	const char *help;
};

/* The steps and the profiles, each list ending with a NULL name. */
extern const struct norm_name norm_step_names[];
extern const struct norm_name norm_profiles[];

/*
 * Parses a comma list of step names into *steps. Returns 0, or -1 with a
 * message in err.
 */
int norm_parse_steps(const char *list, unsigned *steps, char *err,
    size_t errlen);
/* The steps of the named profile; returns -1 if there is none. */
int norm_find_profile(const char *name, unsigned *steps);

/* For each output byte, the input bytes [start, end) it came from. */
struct norm_offsets {
	size_t *start;
	size_t *end;
	size_t n;
	size_t cap;
};

void norm_offsets_free(struct norm_offsets *o);

struct norm;

/* Returns NULL, with a message in err, if ICU cannot serve the steps. */
struct norm *norm_new(unsigned steps, char *err, size_t errlen);
/*
 * Adds a user mapping, applied before every step, longest match first:
 * from (valid UTF-8, not empty) becomes to.
 */
void norm_add_mapping(struct norm *nm, const char *from, size_t fromlen,
    const char *to, size_t tolen);
/*
 * Normalises s[0..n) into out (replacing its contents) and, if off is not
 * NULL, fills off with out->n entries. Bytes that are not valid UTF-8 are
 * passed through unchanged.
 */
void norm_text(struct norm *nm, const char *s, size_t n, struct buf *out,
    struct norm_offsets *off);
void norm_free(struct norm *nm);

/* Whether cp belongs to the common Arabic, Latin and punctuation ranges. */
int norm_char_is_common(int32_t cp);
/* The Unicode name of cp into buf ("" if it has none). */
void norm_char_name(int32_t cp, char *buf, size_t len);

/*
 * Reads user mappings from the file at path: TSV lines "from<TAB>to" with
 * satr(7) escapes; empty lines and lines starting with '#' are skipped.
 * Returns 0, or -1 with "LINE: what is wrong" (or a system error) in err.
 */
int norm_load_map(struct norm *nm, const char *path, char *err,
    size_t errlen);

#endif
