#include "fieldlist.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Parses a field number at *s; returns it, or 0 if there is none. */
static size_t
parse_number(const char **s)
{
	char *end;
	unsigned long long v;

	if (**s < '0' || **s > '9')
		return 0;
	errno = 0;
	v = strtoull(*s, &end, 10);
	if (errno != 0 || v > (size_t)-1 / 2)
		return 0;
	*s = end;
	return (size_t)v;
}

static int
parse_item(struct fieldlist_range *r, const char *item, size_t len, char *err,
    size_t errlen)
{
	const char *s = item, *end = item + len;
	int dash;

	r->name = NULL;
	r->lo = 1;
	r->hi = FIELDLIST_OPEN;
	dash = (s < end && *s == '-');
	if (!dash) {
		r->lo = parse_number(&s);
		if (r->lo == 0 && s == item && (*s < '0' || *s > '9')) {
			/* Not a number: a field name. */
			r->name = xmalloc(len + 1);
			memcpy(r->name, item, len);
			r->name[len] = '\0';
			r->lo = r->hi = 0;
			return 0;
		}
		if (r->lo == 0)
			goto bad;
		r->hi = r->lo;
		dash = (s < end && *s == '-');
	}
	if (dash) {
		s++;
		r->hi = FIELDLIST_OPEN;
		if (s < end) {
			r->hi = parse_number(&s);
			if (r->hi == 0 || r->hi < r->lo)
				goto bad;
		} else if (len == 1)
			goto bad;	/* a lone "-" */
	}
	if (s == end)
		return 0;
bad:
	snprintf(err, errlen, "bad field list item '%.*s'", (int)len, item);
	return -1;
}

int
fieldlist_parse(struct fieldlist *fl, const char *spec, char *err,
    size_t errlen)
{
	const char *s = spec;

	memset(fl, 0, sizeof *fl);
	if (*spec == '\0') {
		snprintf(err, errlen, "empty field list");
		return -1;
	}
	for (;;) {
		const char *comma = strchr(s, ',');
		size_t len = comma ? (size_t)(comma - s) : strlen(s);

		fl->v = xgrow(fl->v, &fl->cap, fl->n + 1, sizeof *fl->v);
		if (len == 0) {
			snprintf(err, errlen, "empty item in field list '%s'",
			    spec);
			return -1;
		}
		if (parse_item(&fl->v[fl->n], s, len, err, errlen) < 0)
			return -1;
		fl->n++;
		if (comma == NULL)
			return 0;
		s = comma + 1;
	}
}

int
fieldlist_resolve(struct fieldlist *fl, const struct tsv_fields *header,
    char *err, size_t errlen)
{
	size_t i, j;

	for (i = 0; i < fl->n; i++) {
		struct fieldlist_range *r = &fl->v[i];
		size_t len;

		if (r->name == NULL)
			continue;
		if (header == NULL) {
			snprintf(err, errlen,
			    "field name '%s' needs a header line (-H)",
			    r->name);
			return -1;
		}
		len = strlen(r->name);
		for (j = 0; j < header->n; j++)
			if (header->v[j].n == len &&
			    memcmp(header->v[j].p, r->name, len) == 0)
				break;
		if (j == header->n) {
			snprintf(err, errlen, "no field named '%s' in the header",
			    r->name);
			return -1;
		}
		free(r->name);
		r->name = NULL;
		r->lo = r->hi = j + 1;
	}
	return 0;
}

long
fieldlist_select(const struct fieldlist *fl, size_t nfields, size_t **idx,
    size_t *cap, size_t *missing)
{
	size_t i, f, n = 0;

	for (i = 0; i < fl->n; i++) {
		const struct fieldlist_range *r = &fl->v[i];
		size_t hi = r->hi == FIELDLIST_OPEN ? nfields : r->hi;

		if (r->name != NULL || r->lo == 0) {
			*missing = 0;	/* a name never resolved */
			return -1;
		}
		if (r->lo > nfields || hi > nfields) {
			*missing = r->lo > nfields ? r->lo : hi;
			return -1;
		}
		for (f = r->lo; f <= hi; f++) {
			*idx = xgrow(*idx, cap, n + 1, sizeof **idx);
			(*idx)[n++] = f - 1;
		}
	}
	return (long)n;
}

size_t
fieldlist_max(const struct fieldlist *fl)
{
	size_t i, max = 0;

	for (i = 0; i < fl->n; i++) {
		if (fl->v[i].hi == FIELDLIST_OPEN)
			return 0;
		if (fl->v[i].hi > max)
			max = fl->v[i].hi;
	}
	return max;
}

void
fieldlist_free(struct fieldlist *fl)
{
	size_t i;

	for (i = 0; i < fl->n; i++)
		free(fl->v[i].name);
	free(fl->v);
	memset(fl, 0, sizeof *fl);
}
