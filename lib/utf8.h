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

/*
 * How many of the eight bytes at s (a character boundary) are ASCII and
 * well-formed two-byte characters, ending on a boundary: 8, 7 when the
 * last byte starts a character, or 0 when anything else is there (a
 * longer character or an error). Arabic, Latin and ASCII text is nearly
 * all such words, checked without a branch per character.
 */
static inline size_t
utf8_short_word(const char *str)
{
	const unsigned char *s = (const unsigned char *)str;
	const uint64_t high_bits = UINT64_C(0x8080808080808080);
	/* The first byte in the low bits on any host. */
	uint64_t w = (uint64_t)s[0] | (uint64_t)s[1] << 8 |
	    (uint64_t)s[2] << 16 | (uint64_t)s[3] << 24 |
	    (uint64_t)s[4] << 32 | (uint64_t)s[5] << 40 |
	    (uint64_t)s[6] << 48 | (uint64_t)s[7] << 56;
	uint64_t high = w & high_bits, bit6 = (w << 1) & high_bits;
	uint64_t bit5 = (w << 2) & high_bits;
	uint64_t lead = high & bit6, cont = high & ~bit6;
	/* Two-byte leads C2..DF have one of bits 1-4 set; C0, C1 do not. */
	uint64_t payload = ((w & UINT64_C(0x1E1E1E1E1E1E1E1E)) +
	    UINT64_C(0x7F7F7F7F7F7F7F7F)) & high_bits;
	uint64_t inner = lead & ~(UINT64_C(0x80) << 56);

	if (high == 0)
		return 8;
	if ((lead & bit5) != 0 || (lead & ~payload) != 0)
		return 0;
	/* Each lead but a last one is followed by a continuation byte, and
	 * each continuation byte follows a lead. */
	if (inner << 8 != cont)
		return 0;
	return lead == inner ? 8 : 7;
}

/* Writes cp (a Unicode scalar value) to out; returns the length, 1 to 4. */
size_t utf8_encode(int32_t cp, char out[4]);

/*
 * Appends s[0..n) to out with each maximal ill-formed subpart replaced by
 * U+FFFD; returns the number of replacements.
 */
size_t utf8_repair(const char *s, size_t n, struct buf *out);

#endif
