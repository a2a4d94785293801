/*
 * Phrase tables: multi-word entries (names, month names, currencies, cue
 * words) looked up over token sequences, longest match first. Entries and
 * text are compared as their tokens' normalised forms joined by spaces.
 */
#ifndef SATR_PHRASE_H
#define SATR_PHRASE_H

#include <stddef.h>
#include <stdint.h>

#include "hash.h"
#include "mem.h"

struct phrase {
	unsigned kind;		/* what the entry is, for its user */
	int64_t num;		/* a number that goes with it */
	size_t value;		/* offset of a string in the table's values */
	size_t ntokens;
};

struct phrase_table {
	struct hmap keys;	/* count 1: a prefix; aux: phrase number + 1 */
	struct phrase *v;
	size_t n, cap;
	struct buf values;	/* NUL-terminated strings */
	struct buf key;		/* scratch */
};

void phrase_init(struct phrase_table *t);
void phrase_free(struct phrase_table *t);

/*
 * Adds an entry: its normalised tokens words[0..n), each lengths[i] bytes.
 * The first entry added for a key wins. Returns its number.
 */
size_t phrase_add(struct phrase_table *t, const char *const *words,
    const size_t *lengths, size_t n, unsigned kind, int64_t num,
    const char *value);

/*
 * The longest entry whose tokens are words[0..k) for some k <= n: returns
 * its number of tokens (0 if none) and its number in *id.
 */
size_t phrase_longest(struct phrase_table *t, const char *const *words,
    const size_t *lengths, size_t n, size_t *id);
/* The same, words[0] read as first[0..firstlen) (a form of it). */
size_t phrase_longest_as(struct phrase_table *t, const char *first,
    size_t firstlen, const char *const *words, const size_t *lengths,
    size_t n, size_t *id);

/* An entry's value string. */
const char *phrase_value(const struct phrase_table *t, size_t id);

#endif
