/* UTF-8: validation, decoding, encoding and repair (RFC 3629). */
#ifndef SATR_UTF8_H
#define SATR_UTF8_H

#include <stddef.h>
#include <stdint.h>

#include "mem.h"

#define UTF8_REPLACEMENT 0xFFFD

/*
 * Decodes the character at s[0..n), n > 0. Returns its length (1 to 4) and
 * stores the code point, or, for an ill-formed sequence, returns minus the
 * length of its maximal subpart (Unicode 15, section 3.9): the bytes that one
 * U+FFFD replaces. Overlong forms, surrogates and values above U+10FFFF are
 * ill-formed.
 */
int utf8_decode(const char *s, size_t n, int32_t *cp);

/*
 * The character at s[i] of s[0..n) and in *len its length; U+FFFD for an
 * ill-formed sequence (*len its maximal subpart), -1 at or past the end.
 */
int32_t utf8_at(const char *s, size_t n, size_t i, int *len);

/* Length of the longest well-formed prefix of s[0..n): n if all is valid. */
size_t utf8_valid_prefix(const char *s, size_t n);

/* Writes cp (a Unicode scalar value) to out; returns the length, 1 to 4. */
size_t utf8_encode(int32_t cp, char out[4]);

/*
 * Appends s[0..n) to out with each maximal ill-formed subpart replaced by
 * U+FFFD; returns the number of replacements.
 */
size_t utf8_repair(const char *s, size_t n, struct buf *out);

#endif
