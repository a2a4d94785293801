/*
 * satr-dedup: drops (or marks) records whose key repeats an earlier one:
 * exactly, after normalising, or nearly; and boilerplate shared by many
 * documents.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "hash.h"
#include "input.h"
#include "mem.h"
#include "minhash.h"
#include "msg.h"
#include "norm.h"
#include "reader.h"
#include "tsv.h"
#include "writer.h"

static const struct cli_program prog = {
	"satr-dedup",
	"[-Hr] [-f LIST] [--by LIST] [-p PROFILE] [--near T] [--mark]\n"
	"       [--keep first|last] [--invalid=MODE] [--line-buffered] [FILE...]\n"
	"       satr-dedup --boilerplate N --by LIST [-f LIST] [-p PROFILE] [FILE...]\n"
	"       satr-dedup --drop-list FILE [-f LIST] [-p PROFILE] [FILE...]",
	"Drop records whose key (default: the last field) repeats an earlier\n"
	"record's, keeping order.",
	"      --by LIST           duplicates count only within groups\n"
	"  -p, --profile NAME      compare keys normalised as satr-norm -p NAME\n"
	"      --near T            also drop near duplicates: estimated Jaccard\n"
	"                          similarity of word 3-grams at least T\n"
	"      --mark              keep every record, adding a field: the number\n"
	"                          of the record it repeats, or nothing\n"
	"      --keep WHICH        first (default) or last occurrence\n"
	"      --boilerplate N     drop records whose key occurs in N or more\n"
	"                          groups (--by); reads its input twice\n"
	"      --drop-list FILE    drop the keys of FILE (satr-count output:\n"
	"                          keys, then a count; with --boilerplate N,\n"
	"                          those counted N times or more)\n",
	0
};

enum {
	OPT_BOILERPLATE = CLI_OPT_PROGRAM,
	OPT_BY,
	OPT_DROP_LIST,
	OPT_KEEP,
	OPT_MARK,
	OPT_NEAR
};

static const struct option longopts[] = {
	CLI_LONGOPTS,
	{ "boilerplate", required_argument, NULL, OPT_BOILERPLATE },
	{ "by", required_argument, NULL, OPT_BY },
	{ "drop-list", required_argument, NULL, OPT_DROP_LIST },
	{ "keep", required_argument, NULL, OPT_KEEP },
	{ "mark", no_argument, NULL, OPT_MARK },
	{ "near", required_argument, NULL, OPT_NEAR },
	{ "profile", required_argument, NULL, 'p' },
	{ NULL, 0, NULL, 0 }
};

struct dedup {
	struct cli_options opt;
	struct fieldlist keys, groups;
	int has_keys, has_groups, mark, keep_last;
	double near;
	uint64_t boilerplate;
	const char *drop_list;
	struct norm *nm;

	size_t *kidx, kcap, nk, *gidx, gcap, ng;
	struct buf key, group, value, normed;
	uint64_t record;	/* number of the current record, from 1 */

	/* Fingerprints: (group, key) -> aux: first (or last) record. */
	struct hmap seen;
	/* --near: the signatures kept, and their bands. */
	uint32_t *sigs;
	size_t nsigs, sigcap;
	uint64_t *sig_record;
	size_t reccap;
	struct hmap bands;	/* (group, band, hash) -> aux: signature + 1 */
	/* --boilerplate: key -> count of groups; (group, key) seen. */
	struct hmap keygroups, pairs;
};

struct fingerprint {
	uint64_t a, b;
};

/* Appends the value of field f: normalised with -p, and canonical. */
static void
add_value(struct dedup *d, struct buf *out, const struct tsv_field *f)
{
	if (d->nm == NULL) {
		if (d->opt.raw)
			tsv_escape(f->p, f->n, out);
		else
			tsv_canonical(f->p, f->n, out);
		return;
	}
	d->value.n = 0;
	buf_add(&d->value, f->p, f->n);
	if (!d->opt.raw)
		d->value.n = tsv_unescape(d->value.p, d->value.n);
	norm_text(d->nm, d->value.p, d->value.n, &d->normed, NULL);
	tsv_escape(d->normed.p, d->normed.n, out);
}

static void
join(struct dedup *d, struct buf *out, const struct tsv_fields *f,
    const size_t *idx, size_t n)
{
	size_t i;

	out->n = 0;
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_addc(out, '\t');
		add_value(d, out, &f->v[idx[i]]);
	}
}

/*
 * 128 bits of the record's group and key: two independent 64-bit hashes.
 * For n distinct keys two collide with probability about n^2 / 2^129.
 */
static struct fingerprint
fingerprint(const struct buf *group, const struct buf *key)
{
	struct fingerprint fp;
	uint64_t g1 = hash_bytes_seeded(group->p, group->n, 11);
	uint64_t g2 = hash_bytes_seeded(group->p, group->n, 12);

	fp.a = hash_bytes_seeded(key->p, key->n, 21) ^ g1 * 0x9E3779B97F4A7C15ULL;
	fp.b = hash_bytes_seeded(key->p, key->n, 22) ^ g2 * 0xC2B2AE3D27D4EB4FULL;
	return fp;
}

/* Chooses the key and group of the current record; 0 if it lacks one. */
static int
key_of(struct dedup *d, struct input *in)
{
	const struct tsv_fields *f = &in->fields;

	if ((d->nk = input_select(in, d->has_keys ? &d->keys : NULL, &d->kidx,
	    &d->kcap)) == 0)
		return 0;
	d->ng = 0;
	if (d->has_groups && (d->ng = input_select(in, &d->groups, &d->gidx,
	    &d->gcap)) == 0)
		return 0;
	join(d, &d->key, f, d->kidx, d->nk);
	join(d, &d->group, f, d->gidx, d->ng);
	return 1;
}

/* --near: the record a near duplicate repeats (0: none); else keeps the
 * signature. */
static uint64_t
near_duplicate(struct dedup *d)
{
	uint32_t sig[MINHASH_SIZE];
	uint64_t g = hash_bytes(d->group.p, d->group.n), k[3];
	unsigned b, rows = minhash_rows(d->near), bands = MINHASH_SIZE / rows;
	int added;

	if (!minhash_signature(d->key.p, d->key.n, sig))
		return 0;
	for (b = 0; b < bands; b++) {
		const struct hmap_val *v;

		k[0] = g;
		k[1] = b;
		k[2] = minhash_band(sig, b, rows);
		v = hmap_find(&d->bands, k, sizeof k);
		if (v != NULL && minhash_similarity(sig, d->sigs + (v->aux - 1) *
		    MINHASH_SIZE) >= d->near)
			return d->sig_record[v->aux - 1];
	}
	d->sigs = xgrow(d->sigs, &d->sigcap, (d->nsigs + 1) * MINHASH_SIZE,
	    sizeof *d->sigs);
	memcpy(d->sigs + d->nsigs * MINHASH_SIZE, sig, sizeof sig);
	d->sig_record = xgrow(d->sig_record, &d->reccap, d->nsigs + 1,
	    sizeof *d->sig_record);
	d->sig_record[d->nsigs++] = d->record;
	for (b = 0; b < bands; b++) {
		struct hmap_val *v;

		k[0] = g;
		k[1] = b;
		k[2] = minhash_band(sig, b, rows);
		v = hmap_intern(&d->bands, k, sizeof k, &added);
		if (added)
			v->aux = d->nsigs;
	}
	return 0;
}

static void
write_record(const struct dedup *d, struct writer *w, const struct input *in,
    uint64_t repeats)
{
	size_t i;

	if (d->opt.raw)
		tsv_write_escaped(w, in->rec, in->len);
	else
		for (i = 0; i < in->fields.n; i++) {
			if (i > 0)
				writer_putc(w, '\t');
			writer_put(w, in->fields.v[i].p, in->fields.v[i].n);
		}
	if (d->mark) {
		writer_putc(w, '\t');
		if (repeats > 0) {
			char num[24];

			writer_put(w, num, (size_t)snprintf(num, sizeof num,
			    "%" PRIu64, repeats));
		}
	}
	writer_end_record(w);
}

/* One record of the deduplicating pass: written, marked or dropped. */
static void
dedup_record(struct dedup *d, struct input *in, struct writer *w, int last)
{
	struct fingerprint fp = fingerprint(&d->group, &d->key);
	struct hmap_val *v;
	uint64_t repeats = 0;
	int added;

	v = hmap_intern(&d->seen, &fp, sizeof fp, &added);
	if (last) {
		/* Second pass: the last occurrence was found by the first. */
		if (v->aux != d->record)
			repeats = v->aux;
	} else if (!added) {
		repeats = v->aux;
	} else {
		v->aux = d->record;
		if (d->near > 0)
			repeats = near_duplicate(d);
	}
	if (repeats == 0 || d->mark)
		write_record(d, w, in, repeats);
}

/* --boilerplate, first pass: in how many groups each key occurs. */
static void
count_groups(struct dedup *d)
{
	uint64_t pair[2];
	int added;

	pair[0] = hash_bytes_seeded(d->group.p, d->group.n, 32);
	pair[1] = hash_bytes_seeded(d->key.p, d->key.n, 31);
	hmap_intern(&d->pairs, pair, sizeof pair, &added);
	if (added)
		hmap_intern(&d->keygroups, &pair[1], sizeof pair[1],
		    &added)->count++;
}

/* Whether the current key is boilerplate: in --boilerplate N groups or
 * more, or on the drop list. */
static int
is_boilerplate(const struct dedup *d)
{
	uint64_t k = hash_bytes_seeded(d->key.p, d->key.n, 31);
	const struct hmap_val *v = hmap_find(&d->keygroups, &k, sizeof k);

	return v != NULL && v->count >= (d->boilerplate ? d->boilerplate : 1);
}

/* --drop-list: satr-count output, key fields then a count. */
static void
load_drop_list(struct dedup *d)
{
	struct input in;
	struct cli_options o = d->opt;
	char *path = (char *)d->drop_list;
	size_t i;
	int added, status;

	o.header = 0;
	o.raw = 0;
	input_init(&in, &o, 1, &path);
	while (input_next(&in)) {
		const struct tsv_fields *f = &in.fields;
		uint64_t k, count = 0;

		d->key.n = 0;
		for (i = 0; i + 1 < f->n || (f->n == 1 && i == 0); i++) {
			if (i > 0)
				buf_addc(&d->key, '\t');
			add_value(d, &d->key, &f->v[i]);
		}
		if (f->n > 1) {
			const struct tsv_field *c = &f->v[f->n - 1];

			for (i = 0; i < c->n && c->p[i] >= '0' && c->p[i] <= '9';
			    i++)
				count = count * 10 + (uint64_t)(c->p[i] - '0');
		}
		k = hash_bytes_seeded(d->key.p, d->key.n, 31);
		if (d->boilerplate == 0 || count >= d->boilerplate)
			hmap_intern(&d->keygroups, &k, sizeof k,
			    &added)->count = UINT64_MAX;
	}
	if ((status = input_finish(&in)) != 0)
		exit(status);
}

/* A pass over the input: 1 counts (or finds last occurrences), 2 writes. */
static int
pass(struct dedup *d, int argc, char **argv, int which, struct writer *w)
{
	struct input in;
	const struct tsv_fields *h;
	int counting = which == 1;

	input_init(&in, &d->opt, argc, argv);
	h = input_header(&in);
	if (h != NULL || !d->opt.header) {
		char err[256];

		if (fieldlist_resolve(&d->keys, h, err, sizeof err) < 0)
			cli_usage_error(&prog, "-f: %s", err);
		if (fieldlist_resolve(&d->groups, h, err, sizeof err) < 0)
			cli_usage_error(&prog, "--by: %s", err);
	}
	if (h != NULL && !counting) {
		size_t i;

		for (i = 0; i < h->n; i++) {
			if (i > 0)
				writer_putc(w, '\t');
			writer_put(w, h->v[i].p, h->v[i].n);
		}
		if (d->mark)
			writer_puts(w, "\trepeats");
		writer_end_record(w);
	}
	d->record = 0;
	while (w->err == 0 && input_next(&in)) {
		d->record++;
		if (!key_of(d, &in))
			break;
		if (counting && d->keep_last) {
			struct fingerprint fp = fingerprint(&d->group, &d->key);
			int added;

			hmap_intern(&d->seen, &fp, sizeof fp, &added)->aux =
			    d->record;
		} else if (counting) {
			count_groups(d);
		} else if (d->boilerplate || d->drop_list) {
			if (!is_boilerplate(d))
				write_record(d, w, &in, 0);
		} else {
			dedup_record(d, &in, w, d->keep_last);
		}
	}
	return input_finish(&in);
}

/* Copies standard input to a temporary file, for a second pass. */
static char *
spool_stdin(void)
{
	const char *dir = getenv("TMPDIR");
	char *path;
	char buf[1 << 16];
	ssize_t k;
	int fd;

	if (dir == NULL || *dir == '\0')
		dir = "/tmp";
	path = xmalloc(strlen(dir) + 32);
	sprintf(path, "%s/satr-dedup.XXXXXX", dir);
	if ((fd = mkstemp(path)) < 0)
		msg_die(SATR_EXIT_DATA, "%s:", path);
	while ((k = read(STDIN_FILENO, buf, sizeof buf)) != 0) {
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0 || write(fd, buf, (size_t)k) != k) {
			unlink(path);
			msg_die(SATR_EXIT_DATA, "copying standard input to %s:",
			    path);
		}
	}
	if (close(fd) < 0) {
		unlink(path);
		msg_die(SATR_EXIT_DATA, "%s:", path);
	}
	return path;
}

static void
parse_options(struct dedup *d, int argc, char **argv)
{
	const char *profile = NULL, *by = NULL;
	unsigned steps;
	char err[256], *end;
	int ch;

	cli_init(&d->opt);
	while ((ch = getopt_long(argc, argv, CLI_SHORTOPTS "p:", longopts,
	    NULL)) != -1) {
		if (cli_option(&prog, &d->opt, ch, optarg))
			continue;
		switch (ch) {
		case 'p':
			profile = optarg;
			break;
		case OPT_BOILERPLATE:
			d->boilerplate = cli_number(&prog, "--boilerplate",
			    optarg, 1, UINT64_MAX);
			break;
		case OPT_BY:
			by = optarg;
			break;
		case OPT_DROP_LIST:
			d->drop_list = optarg;
			break;
		case OPT_KEEP:
			if (strcmp(optarg, "last") == 0)
				d->keep_last = 1;
			else if (strcmp(optarg, "first") != 0)
				cli_usage_error(&prog, "--keep takes first or "
				    "last, not '%s'", optarg);
			break;
		case OPT_MARK:
			d->mark = 1;
			break;
		case OPT_NEAR:
			d->near = strtod(optarg, &end);
			if (*end != '\0' || end == optarg || !(d->near > 0 &&
			    d->near <= 1))
				cli_usage_error(&prog, "--near takes a "
				    "similarity above 0, up to 1, not '%s'",
				    optarg);
			break;
		default:
			cli_usage(&prog);
		}
	}
	if (d->boilerplate && !by && !d->drop_list)
		cli_usage_error(&prog, "--boilerplate counts groups: it needs "
		    "--by");
	if ((d->boilerplate || d->drop_list) && (d->near > 0 || d->keep_last ||
	    d->mark))
		cli_usage_error(&prog, "--boilerplate and --drop-list go "
		    "without --near, --keep and --mark");
	if (d->near > 0 && d->keep_last)
		cli_usage_error(&prog, "--near keeps the first of near "
		    "duplicates: no --keep last");
	if (by) {
		cli_fieldlist(&prog, "--by", by, &d->groups);
		d->has_groups = 1;
	}
	if (d->opt.fields) {
		cli_fieldlist(&prog, "-f", d->opt.fields, &d->keys);
		d->has_keys = 1;
	}
	if (profile != NULL) {
		if (norm_find_profile(profile, &steps) < 0)
			cli_usage_error(&prog, "-p: no profile named '%s' (see "
			    "satr-norm --list)", profile);
		if ((d->nm = norm_new(steps, err, sizeof err)) == NULL)
			msg_die(SATR_EXIT_DATA, "%s", err);
	}
}

static void
dedup_free(struct dedup *d)
{
	fieldlist_free(&d->keys);
	fieldlist_free(&d->groups);
	norm_free(d->nm);
	free(d->kidx);
	free(d->gidx);
	buf_free(&d->key);
	buf_free(&d->group);
	buf_free(&d->value);
	buf_free(&d->normed);
	hmap_free(&d->seen);
	hmap_free(&d->bands);
	hmap_free(&d->keygroups);
	hmap_free(&d->pairs);
	free(d->sigs);
	free(d->sig_record);
}

int
main(int argc, char **argv)
{
	struct dedup d;
	struct writer w;
	char **paths, *spooled = NULL, *dash = "-";
	int npaths, status = 0, i;

	memset(&d, 0, sizeof d);
	parse_options(&d, argc, argv);
	hmap_init(&d.seen);
	hmap_init(&d.bands);
	hmap_init(&d.keygroups);
	hmap_init(&d.pairs);
	npaths = argc - optind;
	paths = xmalloc((size_t)(npaths + 1) * sizeof *paths);
	for (i = 0; i < npaths; i++)
		paths[i] = argv[optind + i];
	if (npaths == 0)
		paths[npaths++] = dash;
	if (d.drop_list)
		load_drop_list(&d);
	/* Two passes read the input twice: standard input is kept aside. */
	if (d.keep_last || (d.boilerplate && !d.drop_list))
		for (i = 0; i < npaths; i++)
			if (strcmp(paths[i], "-") == 0) {
				if (spooled == NULL)
					spooled = spool_stdin();
				paths[i] = spooled;
			}
	writer_init(&w, STDOUT_FILENO, d.opt.line_buffered || isatty(1));
	if (d.keep_last || (d.boilerplate && !d.drop_list))
		status = pass(&d, npaths, paths, 1, &w);
	if (status == 0)
		status = pass(&d, npaths, paths, 2, &w);
	status = cli_close_output(&w, status);
	if (spooled != NULL) {
		unlink(spooled);
		free(spooled);
	}
	free(paths);
	dedup_free(&d);
	return status;
}
