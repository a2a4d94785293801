#include "entp.h"

#include <stdio.h>
#include <string.h>

#include "gazetteer.h"
#include "tablefile.h"
#include "tsv.h"

/*
 * A word of people's names: with strong set (NAME lines: given and family
 * names, and name tokens met often), a name's word wherever it stands,
 * and so is the word after it (name_like); every one (WORD lines: all
 * the name tokens) is a word whose first letter is no proclitic (بايدن).
 */
static void
add_name_word(struct ent_finder *f, const char *w, size_t n, int strong)
{
	struct hmap_val *v;
	int added;

	norm_text(f->nm, w, n, &f->entry, NULL);
	v = hmap_intern(&f->nameparts, f->entry.p, f->entry.n, &added);
	if (strong)
		v->aux = 1;
}

/*
 * Which field of a gazetteer line names its entry: the canonical name, or
 * for a place of the built-in lists (made from official long names) the
 * spelling news uses most (السعودية, not المملكة العربية السعودية).
 */
static size_t
place_name(const struct ent_finder *f, const struct tsv_fields *fl,
    int type)
{
	size_t i, best = 1;
	uint32_t most = 0, c;

	if (type != ENT_LOC || f->loading_user)
		return 1;
	for (i = 1; i < fl->n; i++)
		if ((c = lexicon_index_count(&f->lexicon, fl->v[i].p,
		    fl->v[i].n)) > most) {
			most = c;
			best = i;
		}
	return best;
}

/* The bytes of an organisation's name that are a head its value leaves
 * out and the space after it (شركة of شركة ميتا), if any. */
static size_t
head_left_out(struct ent_finder *f, const char *name, size_t n)
{
	const char *sp = memchr(name, ' ', n), *w;
	size_t id;

	if (sp == NULL)
		return 0;
	norm_text(f->nm, name, (size_t)(sp - name), &f->entry, NULL);
	w = f->entry.p;
	if (phrase_longest(&f->words, &w, &f->entry.n, 1, &id) != 1 ||
	    f->words.v[id].kind != K_ORGHEAD ||
	    (f->words.v[id].num & ORG_HEAD_IN))
		return 0;
	return (size_t)(sp - name) + 1;
}

/*
 * Adds one gazetteer line, split into fields: TYPE canonical variant...,
 * or NAME token. Returns 0, or -1 with what is wrong in why.
 */
static int
add_gazetteer_line(void *ctx, struct tsv_fields *fl, char *why,
    size_t whylen)
{
	struct ent_finder *f = ctx;
	size_t i, k;
	char *canon;
	int type;

	if (fl->n >= 2 && fl->v[0].n == 4 && (memcmp(fl->v[0].p, "NAME",
	    4) == 0 || memcmp(fl->v[0].p, "WORD", 4) == 0)) {
		add_name_word(f, fl->v[1].p, fl->v[1].n, fl->v[0].p[0] == 'N');
		return 0;
	}
	if (fl->n < 2 || (type = ent_type_of(fl->v[0].p, fl->v[0].n)) < 0 ||
	    type > ENT_MISC) {
		snprintf(why, whylen, "not TYPE<TAB>canonical<TAB>variant... "
		    "(TYPE: PER, ORG, LOC or MISC)");
		return -1;
	}
	for (i = 1; i < fl->n; i++)
		fl->v[i].n = tsv_unescape(fl->v[i].p, fl->v[i].n);
	k = place_name(f, fl, type);
	canon = fl->v[k].p;
	canon[fl->v[k].n] = '\0';	/* over the TAB, or past the end */
	if (!f->loading_user) {
		/* As a value found in the text is spelt (the light profile,
		 * no شركة): a name has one value whichever way it is found. */
		entp_value(f, canon, type == ENT_ORG ? head_left_out(f, canon,
		    fl->v[k].n) : 0, fl->v[k].n, 0, &f->gaz_value);
		buf_addc(&f->gaz_value, '\0');
		canon = f->gaz_value.p;
	}
	for (i = 1; i < fl->n; i++) {
		if (fl->v[i].n > 0)
			entp_add_phrase(f, &f->names, fl->v[i].p, fl->v[i].n,
			    (unsigned)type | (f->loading_user ? USER_NAME : 0),
			    0, canon);
	}
	return 0;
}

void
entp_gaz_default(struct ent_finder *f)
{
	const char *p = gazetteer_default, *nl;
	struct tsv_fields fl = { 0 };
	struct buf line = { 0 };
	char why[200];

	while ((nl = strchr(p, '\n')) != NULL) {
		/* With the newline: a byte after the record, for a NUL. */
		line.n = 0;
		buf_add(&line, p, (size_t)(nl - p) + 1);
		tsv_split(line.p, (size_t)(nl - p), &fl);
		add_gazetteer_line(f, &fl, why, sizeof why);
		p = nl + 1;
	}
	buf_free(&line);
	tsv_fields_free(&fl);
}

int
ent_load_gazetteer(struct ent_finder *f, const char *path, char *err,
    size_t errlen)
{
	int r;

	f->loading_user = 1;
	r = table_file_read(path, add_gazetteer_line, f, err, errlen);
	f->loading_user = 0;
	return r;
}

/* A line of a stop list: one word or phrase. */
static int
add_stop_line(void *ctx, struct tsv_fields *fl, char *why, size_t whylen)
{
	struct ent_finder *f = ctx;

	if (fl->n != 1 || fl->v[0].n == 0) {
		snprintf(why, whylen, "not a word or phrase alone");
		return -1;
	}
	fl->v[0].n = tsv_unescape(fl->v[0].p, fl->v[0].n);
	entp_stop_add(f, fl->v[0].p, fl->v[0].n);
	return 0;
}

int
ent_load_stoplist(struct ent_finder *f, const char *path, char *err,
    size_t errlen)
{
	return table_file_read(path, add_stop_line, f, err, errlen);
}
