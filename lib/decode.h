/*
 * Text in any encoding ICU converts, read as UTF-8: a source for the
 * record reader, and charset detection.
 */
#ifndef SATR_DECODE_H
#define SATR_DECODE_H

#include <stddef.h>
#include <stdint.h>

#include "reader.h"

struct decoder;

/*
 * A decoder reading bytes from src (with ctx) in the encoding named from ("auto" detects
 * it from the first 64 KiB and names what it chose in *chosen). With
 * replace, bytes that are invalid in the encoding become U+FFFD; without,
 * they are an error. Returns NULL with a message in err.
 */
struct decoder *decoder_open(reader_source src, void *ctx, const char *from,
    int replace, const char **chosen, char *err, size_t errlen);
/* A reader_source: UTF-8 bytes into buf, 0 at the end, -1 on an error
 * (errno set; EILSEQ for invalid input, see decoder_error). */
long decoder_read(void *decoder, char *buf, size_t cap);
/* What went wrong, and the input byte offset where. */
const char *decoder_error(const struct decoder *d, uint64_t *offset);
/* How many characters were replaced. */
uint64_t decoder_replaced(const struct decoder *d);
void decoder_close(struct decoder *d);

/* Whether ICU converts from the encoding name; if not, why in err. */
int decoder_known(const char *name, char *err, size_t errlen);
/* Whether name is a spelling of UTF-8, which needs no decoder. */
int decoder_is_utf8(const char *name);

#endif
