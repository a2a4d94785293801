/*
 * Small table files given on the command line (satr-norm --map, satr-ent
 * -g): TSV lines; empty lines and lines starting with '#' are skipped.
 */
#ifndef SATR_TABLEFILE_H
#define SATR_TABLEFILE_H

#include <stddef.h>

#include "tsv.h"

/*
 * Called with each line's fields (split, not unescaped; the record has a
 * byte to spare after its end). Returns 0, or -1 with what is wrong in why.
 */
typedef int (*table_line)(void *ctx, struct tsv_fields *f, char *why,
    size_t whylen);

/*
 * Reads the file at path line by line. Returns 0, or -1 with "LINE: what"
 * (or a system error) in err.
 */
int table_file_read(const char *path, table_line line, void *ctx, char *err,
    size_t errlen);

#endif
