/*
 * Field lists as given to -f, --by and the like: "3", "2-4", "5-" (to the
 * last field), "-2" (from the first), names with -H, joined by commas, in
 * the order given: "3,1" selects field 3 then field 1.
 */
#ifndef SATR_FIELDLIST_H
#define SATR_FIELDLIST_H

#include <stddef.h>

#include "tsv.h"

#define FIELDLIST_OPEN 0	/* hi of a range that runs to the last field */

struct fieldlist_range {
	size_t lo, hi;		/* 1-based and inclusive; hi may be OPEN */
	char *name;		/* a name still to resolve, or NULL */
};

struct fieldlist {
	struct fieldlist_range *v;
	size_t n;
	size_t cap;
};

/*
 * Parses spec into fl. Returns 0, or -1 with a message in err (size
 * errlen) saying what is wrong.
 */
int fieldlist_parse(struct fieldlist *fl, const char *spec, char *err,
    size_t errlen);

/*
 * Turns names into numbers by the header fields (NULL when there is no
 * header). Returns 0, or -1 with a message in err.
 */
int fieldlist_resolve(struct fieldlist *fl, const struct tsv_fields *header,
    char *err, size_t errlen);

/*
 * The 0-based indices selected in a record of nfields fields, stored in
 * *idx (grown as needed, *cap elements). Returns how many, or -1 if a
 * selected field is beyond nfields (*missing is then its 1-based number).
 */
long fieldlist_select(const struct fieldlist *fl, size_t nfields,
    size_t **idx, size_t *cap, size_t *missing);

/* The highest field number the list names, or 0 if it has an open range. */
size_t fieldlist_max(const struct fieldlist *fl);

void fieldlist_free(struct fieldlist *fl);

#endif
