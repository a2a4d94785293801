#include "ent.h"

#include <stdlib.h>
#include <string.h>

#include "entp.h"

const char *const ent_type_names[] = {
	"PER", "ORG", "LOC", "MISC", "MONEY", "DATE", "TIME", "PERCENT"
};

int
ent_type_of(const char *name, size_t n)
{
	int t;

	for (t = 0; t < ENT_NTYPES; t++)
		if (strlen(ent_type_names[t]) == n &&
		    memcmp(ent_type_names[t], name, n) == 0)
			return t;
	return -1;
}

void
entities_free(struct entities *e)
{
	free(e->v);
	buf_free(&e->values);
	memset(e, 0, sizeof *e);
}

struct ent_finder *
ent_new(char *err, size_t errlen)
{
	struct ent_finder *f = xmalloc(sizeof *f);
	unsigned steps;

	memset(f, 0, sizeof *f);
	norm_find_profile("search", &steps);
	if ((f->nm = norm_new(steps, err, errlen)) == NULL) {
		free(f);
		return NULL;
	}
	norm_find_profile("light", &steps);
	if ((f->light = norm_new(steps, err, errlen)) == NULL) {
		norm_free(f->nm);
		free(f);
		return NULL;
	}
	phrase_init(&f->words);
	phrase_init(&f->when);
	phrase_init(&f->names);
	hmap_init(&f->nameparts);
	lexicon_index_init(&f->lexicon);
	lexicon_index_search_init(&f->lexicon_search);
	phrase_init(&f->stop);
	phrase_init(&f->events);
	entp_doc_init(&f->doc);
	entp_tag_init(&f->tag);
	/* The first entry for a key wins: the rules' words, then ICU's,
	 * then the gazetteer's names. */
	entp_words_load(f);
	entp_stop_load(f);
	entp_events_load(f);
	entp_gaz_default(f);
	return f;
}

void
ent_free(struct ent_finder *f)
{
	if (f == NULL)
		return;
	norm_free(f->nm);
	norm_free(f->light);
	buf_free(&f->light_out);
	buf_free(&f->gaz_value);
	phrase_free(&f->words);
	phrase_free(&f->when);
	phrase_free(&f->stop);
	phrase_free(&f->events);
	entities_free(&f->found);
	phrase_free(&f->names);
	hmap_free(&f->nameparts);
	lexicon_index_free(&f->lexicon);
	lexicon_index_free(&f->lexicon_search);
	buf_free(&f->entry);
	tokens_free(&f->entry_toks);
	buf_free(&f->normed);
	norm_offsets_free(&f->off);
	tokens_free(&f->toks);
	free(f->w);
	free(f->wl);
	free(f->words_at);
	free(f->when_at);
	buf_free(&f->forms);
	entp_doc_free(&f->doc);
	entp_tag_free(&f->tag);
	free(f);
}

void
ent_document(struct ent_finder *f)
{
	entp_doc_reset(&f->doc);
	f->has_day = 0;
}

int
ent_set_day(struct ent_finder *f, const char *s, size_t n)
{
	f->has_day = timex_parse_day(s, n, &f->day) == 0;
	return f->has_day ? 0 : -1;
}

void
ent_set_gregorian(struct ent_finder *f, int on)
{
	f->gregorian = on;
}

void
ent_use_models(struct ent_finder *f, struct ner_tagger *ner,
    struct segmenter *seg)
{
	f->tag.ner = ner;
	f->tag.seg = seg;
}

size_t
ent_add(struct ent_finder *f, const char *text, size_t n)
{
	if (f->tag.ner != NULL)
		entp_find_by_model(f, text, n, &f->found);
	else
		entp_find_by_rules(f, text, n, &f->found);
	entp_doc_add(f, text, n, &f->found);
	return f->doc.ntext - 1;
}

void
ent_resolve(struct ent_finder *f)
{
	entp_doc_resolve(f);
}

void
ent_mentions(struct ent_finder *f, size_t k, unsigned types,
    struct entities *out)
{
	entp_doc_mentions(f, k, types, out);
}

void
ent_find(struct ent_finder *f, const char *text, size_t n, unsigned types,
    struct entities *out)
{
	ent_document(f);
	ent_add(f, text, n);
	ent_resolve(f);
	ent_mentions(f, 0, types, out);
}
