/*
 * stats.c - count annotations by document and label, and by cited
 * provision, then write the counts as two TSV tables (stats.h).
 *
 * Every count lives in one hash table under a key built from the values,
 * joined by US (0x1f); a table is written by sorting its keys in natural
 * order (art_5 before art_10), so that a key's parts group the rows.
 * Provisions are counted at the article: "kz-elections#art_44__para_6" is
 * act kz-elections, article art_44.  A restriction or penalty is counted
 * under the provision in its row's provision column (the tag stage fills
 * it with the provision cited in the same sentence or the heading above).
 */
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "record.h"
#include "stats.h"
#include "tsv.h"
#include "util.h"

#define US '\x1f'

struct entry {
	char *key;
	size_t len;
	long n, neg;
};

struct lp_stats {
	struct entry *e;
	size_t cap, used;
	struct lp_buf key; /* scratch */
};

struct lp_stats *
lp_stats_new(void)
{
	struct lp_stats *s = lp_xmalloc(sizeof *s);

	memset(s, 0, sizeof *s);
	s->cap = 1024;
	s->e = lp_xmalloc(s->cap * sizeof *s->e);
	memset(s->e, 0, s->cap * sizeof *s->e);
	return s;
}

void
lp_stats_free(struct lp_stats *s)
{
	size_t i;

	if (!s)
		return;
	for (i = 0; i < s->cap; i++)
		free(s->e[i].key);
	free(s->e);
	lp_buf_free(&s->key);
	free(s);
}

static uint64_t
hash(const char *p, size_t n)
{
	uint64_t h = 1469598103934665603ull;

	while (n--)
		h = (h ^ (unsigned char)*p++) * 1099511628211ull;
	return h;
}

static struct entry *
slot(struct entry *e, size_t cap, const char *k, size_t n)
{
	size_t i = (size_t)hash(k, n) & (cap - 1);

	while (e[i].key && (e[i].len != n || memcmp(e[i].key, k, n)))
		i = (i + 1) & (cap - 1);
	return &e[i];
}

static struct entry *
get(struct lp_stats *s, const char *k, size_t n)
{
	struct entry *e;

	if (2 * (s->used + 1) > s->cap) {
		size_t cap = s->cap * 2, i;
		struct entry *ne = lp_xmalloc(cap * sizeof *ne);

		memset(ne, 0, cap * sizeof *ne);
		for (i = 0; i < s->cap; i++)
			if (s->e[i].key)
				*slot(ne, cap, s->e[i].key, s->e[i].len) = s->e[i];
		free(s->e);
		s->e = ne;
		s->cap = cap;
	}
	e = slot(s->e, s->cap, k, n);
	if (!e->key) {
		e->key = lp_xstrndup(k, n);
		e->len = n;
		s->used++;
	}
	return e;
}

/* Key parts: a value's US bytes become spaces so parts stay apart. */
static void
part(struct lp_buf *b, const char *p, size_t n)
{
	size_t i;

	lp_buf_addc(b, US);
	for (i = 0; i < n; i++)
		lp_buf_addc(b, p[i] == US ? ' ' : p[i]);
}

static void
cpart(struct lp_buf *b, const char *p)
{
	part(b, p, strlen(p));
}

/* Act and article of a canonical ID: "act#art_44__para_6" -> act, art_44. */
static void
provision_key(struct lp_buf *b, struct lp_str c)
{
	const char *hash = memchr(c.p, '#', c.n), *eid, *cut;
	size_t elen;

	if (!hash) {
		part(b, c.p, c.n);
		part(b, "", 0);
		return;
	}
	part(b, c.p, (size_t)(hash - c.p));
	eid = hash + 1;
	elen = c.n - (size_t)(eid - c.p);
	for (cut = eid; cut + 1 < eid + elen; cut++)
		if (cut[0] == '_' && cut[1] == '_')
			break;
	part(b, eid, cut + 1 < eid + elen ? (size_t)(cut - eid) : elen);
}

static int
is(struct lp_str v, const char *s)
{
	return v.n == strlen(s) && !memcmp(v.p, s, v.n);
}

void
lp_stats_add(struct lp_stats *s, const struct lp_str f[LP_NCOLS])
{
	struct lp_buf *k = &s->key;
	struct lp_str kind = f[LP_COL_KIND], label = f[LP_COL_LABEL];
	int neg = is(f[LP_COL_NEGATED], "1");
	struct entry *e;
	size_t base;

	/* documents: doc kind label */
	k->len = 0;
	lp_buf_addc(k, 'D');
	part(k, f[LP_COL_DOC].p, f[LP_COL_DOC].n);
	part(k, kind.p, kind.n);
	part(k, label.p, label.n);
	e = get(s, k->p, k->len);
	e->n++;
	e->neg += neg;

	/* provisions: P act article TYPE detail */
	k->len = 0;
	lp_buf_addc(k, 'P');
	if (is(kind, "ref") || is(kind, "act")) {
		if (!f[LP_COL_CANONICAL].n)
			return;
		provision_key(k, f[LP_COL_CANONICAL]);
		base = k->len;
		cpart(k, "C");
		get(s, k->p, k->len)->n++;
		k->len = base;
		cpart(k, "S"); /* one key per citing document: their number is the docs column */
		part(k, f[LP_COL_DOC].p, f[LP_COL_DOC].n);
		get(s, k->p, k->len)->n++;
	} else if (is(kind, "restrict") || is(kind, "penalty")) {
		provision_key(k, f[LP_COL_PROVISION]);
		cpart(k, is(kind, "restrict") ? "R" : "Y");
		lp_buf_addc(k, US);
		lp_buf_add(k, label.p, label.n);
		if (f[LP_COL_VALUE].n) {
			lp_buf_addc(k, ' ');
			lp_buf_add(k, f[LP_COL_VALUE].p, f[LP_COL_VALUE].n);
		}
		if (neg)
			lp_buf_add(k, " negated", 8);
		get(s, k->p, k->len)->n++;
	}
}

/* ---- reading ---- */

void
lp_stats_read(struct lp_stats *s, FILE *fp, const char *name)
{
	struct lp_reader r;
	struct lp_str f[LP_NCOLS];
	int rc, tsv = 0, i;

	lp_reader_init(&r, fp, name);
	while ((rc = lp_reader_next(&r)) > 0) {
		int off;

		if (r.toolong) {
			lp_warn("%s:%ld: record too long; dropped", name, r.recno);
			continue;
		}
		if (r.recno == 1 && r.len + 1 == strlen(LP_TSV_HEADER) && !memcmp(r.buf, LP_TSV_HEADER, r.len)) {
			tsv = 1; /* rows of `lexpipe tsv`, not records */
			continue;
		}
		if (r.len >= 2 && r.buf[0] == 'A' && r.buf[1] == '\t')
			off = 1;
		else if (tsv)
			off = 0;
		else
			continue;
		lp_reader_split(&r);
		if (r.nf != LP_NCOLS + off) {
			lp_warn("%s:%ld: malformed %s: %d fields, not %d", name, r.recno,
			        off ? "record" : "row", r.nf, LP_NCOLS + off);
			continue;
		}
		for (i = 0; i < LP_NCOLS; i++)
			f[i] = (struct lp_str){ r.f[i + off], r.flen[i + off] };
		lp_stats_add(s, f);
	}
	if (rc < 0)
		lp_warn("%s: read error:", name);
	lp_reader_free(&r);
}

/* ---- writing ---- */

static int
isdig(char c)
{
	return c >= '0' && c <= '9';
}

/* Natural order: digit runs compare as numbers, so art_5 < art_10. */
static int
natcmp(const char *a, const char *b)
{
	while (*a && *b) {
		if (isdig(*a) && isdig(*b)) {
			const char *x = a, *y = b;
			size_t lx, ly;
			int c;

			while (*x == '0' && isdig(x[1]))
				x++;
			while (*y == '0' && isdig(y[1]))
				y++;
			for (a = x; isdig(*a); a++)
				;
			for (b = y; isdig(*b); b++)
				;
			lx = (size_t)(a - x);
			ly = (size_t)(b - y);
			if (lx != ly)
				return lx < ly ? -1 : 1;
			if ((c = memcmp(x, y, lx)))
				return c;
			continue;
		}
		if (*a != *b)
			return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
		a++, b++;
	}
	return (unsigned char)*a - (unsigned char)*b;
}

static int
cmpent(const void *x, const void *y)
{
	const struct entry *a = *(const struct entry *const *)x, *b = *(const struct entry *const *)y;
	int c = natcmp(a->key, b->key);

	return c ? c : strcmp(a->key, b->key);
}

/* Split key into its parts (in place in a copy): p[0] is the table letter. */
static int
parts(char *key, char **p, int max)
{
	int n = 0;

	p[n++] = key;
	for (; *key && n < max; key++)
		if (*key == US) {
			*key = '\0';
			p[n++] = key + 1;
		}
	return n;
}

static void
field(struct lp_buf *out, const char *s, int first)
{
	if (!first)
		lp_buf_addc(out, '\t');
	lp_escape(out, s, strlen(s));
}

static void
num(struct lp_buf *out, long n)
{
	char t[24];

	snprintf(t, sizeof t, "%ld", n);
	field(out, t, 0);
}

static void
write_provision(struct lp_buf *out, char *const *grp, long cited, long docs,
                const struct lp_buf *restr, const struct lp_buf *pen)
{
	field(out, grp[1], 1);
	field(out, grp[2], 0);
	num(out, cited);
	num(out, docs);
	lp_buf_addc(out, '\t');
	lp_escape(out, restr->p ? restr->p : "", restr->len);
	lp_buf_addc(out, '\t');
	lp_escape(out, pen->p ? pen->p : "", pen->len);
	lp_buf_addc(out, '\n');
}

static void
list_add(struct lp_buf *b, const char *item, long n)
{
	char t[32];

	if (b->len)
		lp_buf_add(b, "; ", 2);
	lp_buf_add(b, item, strlen(item));
	snprintf(t, sizeof t, " (%ld)", n);
	lp_buf_add(b, t, strlen(t));
}

void
lp_stats_write(struct lp_stats *s, int tables, struct lp_buf *out)
{
	struct entry **v = lp_xmalloc((s->used + 1) * sizeof *v);
	size_t i, n = 0;
	int any = 0;

	for (i = 0; i < s->cap; i++)
		if (s->e[i].key)
			v[n++] = &s->e[i];
	if (n)
		qsort(v, n, sizeof *v, cmpent);
	if (tables & LP_STATS_DOCUMENTS) {
		lp_buf_add(out, "doc\tkind\tlabel\trows\tnegated\n", 28);
		for (i = 0; i < n; i++) {
			char *k = lp_xstrdup(v[i]->key), *p[8];

			if (k[0] == 'D' && parts(k, p, 8) == 4) {
				field(out, p[1], 1);
				field(out, p[2], 0);
				field(out, p[3], 0);
				num(out, v[i]->n);
				num(out, v[i]->neg);
				lp_buf_addc(out, '\n');
			}
			free(k);
		}
		any = 1;
	}
	if (tables & LP_STATS_PROVISIONS) {
		struct lp_buf restr = { 0 }, pen = { 0 };
		char *cur = NULL, *p[8], *grp[3] = { 0 };
		long cited = 0, docs = 0;

		if (any)
			lp_buf_addc(out, '\n');
		lp_buf_add(out, "act\tarticle\tcited\tdocs\trestrictions\tpenalties\n", 46);
		for (i = 0; i < n; i++) {
			char *k = lp_xstrdup(v[i]->key);
			int np = parts(k, p, 8);

			if (k[0] != 'P' || np < 4) {
				free(k);
				continue;
			}
			if (!cur || strcmp(grp[1], p[1]) || strcmp(grp[2], p[2])) {
				if (cur)
					write_provision(out, grp, cited, docs, &restr, &pen);
				free(cur);
				cur = k;
				grp[1] = p[1];
				grp[2] = p[2];
				cited = docs = 0;
				restr.len = pen.len = 0;
			}
			if (!strcmp(p[3], "C"))
				cited += v[i]->n;
			else if (!strcmp(p[3], "S"))
				docs++;
			else if (!strcmp(p[3], "R") && np > 4)
				list_add(&restr, p[4], v[i]->n);
			else if (!strcmp(p[3], "Y") && np > 4)
				list_add(&pen, p[4], v[i]->n);
			if (k != cur)
				free(k);
		}
		if (cur)
			write_provision(out, grp, cited, docs, &restr, &pen);
		free(cur);
		lp_buf_free(&restr);
		lp_buf_free(&pen);
	}
	free(v);
}
