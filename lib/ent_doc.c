#include "entp.h"

#include <string.h>

void
entp_doc_init(struct entp_doc *d)
{
	memset(d, 0, sizeof *d);
	phrase_init(&d->names);
}

void
entp_doc_free(struct entp_doc *d)
{
	phrase_free(&d->names);
	buf_free(&d->folded);
}

void
entp_doc_reset(struct entp_doc *d)
{
	phrase_free(&d->names);
	phrase_init(&d->names);
}

/* Spellings of a name meet in its folded form (ترامب, ترمب). */
void
entp_doc_remember(struct entp_doc *d, const struct lexicon_index *lx,
    const char *w, size_t n, enum ent_type type, const char *value)
{
	const char *fw;
	size_t fl;

	entp_fold(lx, w, n, &d->folded);
	fw = d->folded.p;
	fl = d->folded.n;
	phrase_add(&d->names, &fw, &fl, 1, (unsigned)type, 0, value);
}

const char *
entp_doc_recall(struct entp_doc *d, const struct lexicon_index *lx,
    const char *w, size_t n, enum ent_type *type)
{
	const char *fw;
	size_t fl, id;

	if (d->names.n == 0)
		return NULL;	/* spares the fold its look-ups */
	entp_fold(lx, w, n, &d->folded);
	fw = d->folded.p;
	fl = d->folded.n;
	if (phrase_longest(&d->names, &fw, &fl, 1, &id) != 1)
		return NULL;
	*type = (enum ent_type)d->names.v[id].kind;
	return phrase_value(&d->names, id);
}
