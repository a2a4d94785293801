/*
 * The satr(7) record format: fields separated by TAB, and inside a field the
 * escapes \t \n \r \\ of PostgreSQL's COPY text format. Any other backslash
 * sequence is kept as it is.
 */
#ifndef SATR_TSV_H
#define SATR_TSV_H

#include <stddef.h>
#include <stdint.h>

#include "mem.h"

struct writer;

/* A field is a view into its record: nothing is copied by splitting. */
struct tsv_field {
	char *p;
	size_t n;
};

struct tsv_fields {
	struct tsv_field *v;
	size_t n;
	size_t cap;
};

/* Splits rec[0..n) at each TAB; a record always has at least one field. */
void tsv_split(char *rec, size_t n, struct tsv_fields *out);
void tsv_fields_free(struct tsv_fields *f);

/* Decodes the escapes of p[0..n) in place; returns the new length. */
size_t tsv_unescape(char *p, size_t n);

/*
 * Length of the longest prefix of p[0..n) that holds no TAB, LF, CR or
 * backslash: a field that is all such a prefix is its own escaped and
 * canonical form.
 */
size_t tsv_plain_len(const char *p, size_t n);

/* Appends the escaped form of the value p[0..n). */
void tsv_escape(const char *p, size_t n, struct buf *out);

/*
 * Appends escape(unescape(field)): the one spelling of the field's value,
 * for a field as tsv_split() gives it (holding no raw TAB or LF). Fields
 * whose values are equal have equal canonical forms.
 */
void tsv_canonical(const char *p, size_t n, struct buf *out);

/*
 * Parses a field that holds a count: ASCII digits only, at most
 * UINT64_MAX. Returns 1 and the value in *v, or 0.
 */
int tsv_parse_count(const char *p, size_t n, uint64_t *v);

/* Writes the escaped form of the value p[0..n). */
void tsv_write_escaped(struct writer *w, const char *p, size_t n);

#endif
