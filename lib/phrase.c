#include "phrase.h"

#include <stdlib.h>
#include <string.h>

void
phrase_init(struct phrase_table *t)
{
	memset(t, 0, sizeof *t);
	hmap_init(&t->keys);
	buf_addc(&t->values, '\0');	/* offset 0: no value */
}

void
phrase_free(struct phrase_table *t)
{
	hmap_free(&t->keys);
	free(t->v);
	buf_free(&t->values);
	buf_free(&t->key);
}

static void
key_add(struct buf *k, const char *w, size_t n)
{
	if (k->n > 0)
		buf_addc(k, ' ');
	buf_add(k, w, n);
}

size_t
phrase_add(struct phrase_table *t, const char *const *words,
    const size_t *lengths, size_t n, unsigned kind, int64_t num,
    const char *value)
{
	struct hmap_val *v = NULL;
	size_t i;
	int added;

	if (n == 0)
		return (size_t)-1;
	t->key.n = 0;
	for (i = 0; i < n; i++) {
		key_add(&t->key, words[i], lengths[i]);
		v = hmap_intern(&t->keys, t->key.p, t->key.n, &added);
		if (i + 1 < n)
			v->count = 1;
	}
	if (v->aux != 0)
		return v->aux - 1;
	t->v = xgrow(t->v, &t->cap, t->n + 1, sizeof *t->v);
	t->v[t->n].kind = kind;
	t->v[t->n].num = num;
	t->v[t->n].ntokens = n;
	t->v[t->n].value = 0;
	if (value != NULL && *value != '\0') {
		t->v[t->n].value = t->values.n;
		buf_add(&t->values, value, strlen(value) + 1);
	}
	v->aux = ++t->n;
	return t->n - 1;
}

size_t
phrase_longest(struct phrase_table *t, const char *const *words,
    const size_t *lengths, size_t n, size_t *id)
{
	if (n == 0)
		return 0;
	return phrase_longest_as(t, words[0], lengths[0], words, lengths, n,
	    id);
}

size_t
phrase_longest_as(struct phrase_table *t, const char *first,
    size_t firstlen, const char *const *words, const size_t *lengths,
    size_t n, size_t *id)
{
	const struct hmap_val *v;
	size_t i, best = 0;

	/* Most look-ups end at the first word: it is not copied. */
	if (n == 0 || (v = hmap_find(&t->keys, first, firstlen)) == NULL)
		return 0;
	t->key.n = 0;
	key_add(&t->key, first, firstlen);
	for (i = 0;;) {
		if (v->aux != 0) {
			best = i + 1;
			*id = v->aux - 1;
		}
		if (v->count == 0 || ++i == n)
			break;
		key_add(&t->key, words[i], lengths[i]);
		if ((v = hmap_find(&t->keys, t->key.p, t->key.n)) == NULL)
			break;
	}
	return best;
}

const char *
phrase_value(const struct phrase_table *t, size_t id)
{
	return t->values.p + t->v[id].value;
}
