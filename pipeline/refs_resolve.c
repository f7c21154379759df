/*
 * refs_resolve.c - the context pass of the reference engine: which act and
 * which enclosing provision every chain gets, and which act mentions stand
 * on their own.  The rules, in the order they are tried (README
 * "References" explains them):
 *
 *   1. an act named in the expression applies to all its chains;
 *   2. deixis ("настоящей статьи", "this paragraph") is the heading and
 *      numbered paragraph the text stands under; "the same article",
 *      "указанного пункта" the provision just cited;
 *   3. in an amendment note, a paragraph belongs to the note's article;
 *   4. otherwise the act of the nearest preceding citation or act mention
 *      in the same paragraph (an unknown act counts, and blocks);
 *   5. in a statute, a bare article is the statute's own;
 *   6. otherwise no act; and a paragraph-level chain with no article is
 *      no citation at all.
 *
 * Aliases ("(далее – Закон)") live for the rest of the document.
 */
#include <stdlib.h>
#include <string.h>

#include "refs.h"

#define REFS_ALIAS_MAX 64 /* aliases a document may define */

void
lp_refs_doc_reset(struct refs_doc *d)
{
	struct refs_alias *al = d->al;
	size_t i;

	for (i = 0; i < d->nal; i++)
		free(al[i].text);
	memset(d, 0, sizeof *d);
	d->al = al;
	d->own = -1;
	d->last_act = -1;
	d->last_any_act = -1;
	d->note_act = -1;
}

void
lp_refs_doc_free(struct refs_doc *d)
{
	size_t i;

	for (i = 0; i < d->nal; i++)
		free(d->al[i].text);
	free(d->al);
	d->al = NULL;
	d->nal = 0;
}

/* What a mention names: *act (or -1); 0 when it names nothing known. */
static int
mention_act(const struct refs_doc *d, const struct refs_mention *m, int *act)
{
	switch (m->type) {
	case AM_ACT:
		*act = m->act;
		return 1;
	case AM_SELF:
		*act = d->own;
		return d->titled;
	case AM_ALIAS:
		*act = m->act;
		return 1;
	case AM_SAME:
		*act = d->last_any_act;
		return d->has_last_act;
	case AM_OTHER:
		*act = -1;
		return 1;
	}
	return 0;
}

/* ---- aliases ---- */

static void
drop_mentions(struct refs_para *p, size_t s, size_t e)
{
	size_t i, j = 0;

	for (i = 0; i < p->nam; i++)
		if (!(p->am[i].s >= s && p->am[i].e <= e))
			p->am[j++] = p->am[i];
	p->nam = j;
}

static int
is_quote_or_dash(const char *s, size_t n, size_t i, size_t *len)
{
	static const char *const q[] = { "«", "»", "“", "”", "„", "\"", "'", "‘", "’", "–", "-", ":", NULL };
	int k;

	for (k = 0; q[k]; k++) {
		size_t l = strlen(q[k]);
		if (i + l <= n && !memcmp(s + i, q[k], l)) {
			*len = l;
			return 1;
		}
	}
	return 0;
}

/* "(далее – Закон)" after mention m: learn the alias; returns the end of
 * the definition, or 0. */
static size_t
definition(struct refs_doc *d, struct refs_para *p, const struct refs_mention *m)
{
	const char *s = p->s;
	size_t n = p->n, q = lp_refs_sp(s, n, m->e), r, a, b, l;
	long k;
	int act;

	if (q >= n || s[q] != '(')
		return 0;
	r = lp_refs_sp(s, n, q + 1);
	k = lp_refs_lex_at(p, r);
	if (k < 0 || p->lx[k].v->kind != VX_WORD || p->lx[k].v->cls != W_HEREINAFTER)
		return 0;
	a = p->lx[k].e;
	for (;;) {
		a = lp_refs_sp(s, n, a);
		if (is_quote_or_dash(s, n, a, &l)) {
			a += l;
			continue;
		}
		k = lp_refs_lex_at(p, a);
		if (k >= 0 && p->lx[k].v->kind == VX_WORD && p->lx[k].v->cls == W_THE) {
			a = p->lx[k].e;
			continue;
		}
		break;
	}
	b = a;
	while (b < n && s[b] != ')' && s[b] != '(' && b - a < 80)
		b++;
	if (b >= n || s[b] != ')')
		return 0;
	{
		size_t e = b;
		for (;;) {
			while (e > a && s[e - 1] == ' ')
				e--;
			if (e > a && is_quote_or_dash(s, n, e - 1, &l) && l == 1) {
				e--;
				continue;
			}
			if (e >= a + 2 && is_quote_or_dash(s, n, e - 2, &l) && l == 2) {
				e -= 2;
				continue;
			}
			if (e >= a + 3 && is_quote_or_dash(s, n, e - 3, &l) && l == 3) {
				e -= 3;
				continue;
			}
			break;
		}
		if (e == a)
			return 0;
		if (!mention_act(d, m, &act))
			return b + 1;
		{
			/* a redefinition replaces the alias */
			size_t k;
			for (k = 0; k < d->nal; k++)
				if (d->al[k].len == e - a && !memcmp(d->al[k].text, s + a, e - a)) {
					d->al[k].act = act;
					return b + 1;
				}
		}
		if (d->nal >= REFS_ALIAS_MAX)
			return b + 1; /* memory stays bounded on hostile input */
		d->al = lp_xrealloc(d->al, (d->nal + 1) * sizeof *d->al);
		d->al[d->nal].text = lp_xstrndup(s + a, e - a);
		d->al[d->nal].len = e - a;
		d->al[d->nal].act = act;
		d->nal++;
	}
	return b + 1;
}

static const char *
find(const char *h, size_t hn, const char *needle, size_t nn)
{
	const char *p = h, *end = h + hn;

	if (!nn)
		return NULL;
	while ((size_t)(end - p) >= nn && (p = memchr(p, needle[0], (size_t)(end - p) - nn + 1))) {
		if (!memcmp(p, needle, nn))
			return p;
		p++;
	}
	return NULL;
}

static int
cmpmention(const void *x, const void *y)
{
	const struct refs_mention *a = x, *b = y;

	if (a->s != b->s)
		return a->s < b->s ? -1 : 1;
	return a->e > b->e ? -1 : a->e < b->e;
}

void
lp_refs_aliases(struct refs_doc *d, struct refs_para *p)
{
	const char *s = p->s;
	size_t n = p->n, i, k, nold;
	size_t defs_s[16], defs_e[16];
	int ndefs = 0;

	for (i = 0; i < p->nam; i++) {
		size_t e = definition(d, p, &p->am[i]);
		if (e) {
			size_t ds = lp_refs_sp(s, n, p->am[i].e);
			p->am[i].defines = 1;
			drop_mentions(p, ds, e);
			if (ndefs < 16) {
				defs_s[ndefs] = ds;
				defs_e[ndefs++] = e;
			}
		}
	}
	nold = p->nam;
	for (k = 0; k < d->nal; k++) {
		const struct refs_alias *a = &d->al[k];
		const char *at = s;
		while ((at = find(at, n - (size_t)(at - s), a->text, a->len))) {
			size_t st = (size_t)(at - s), en = st + a->len, tail = 0, j;
			int skip = lp_refs_letter_before(s, st);
			at += a->len;
			while (lp_refs_letter_at(s, n, en) && tail < 5) {
				int l;
				lp_u8dec(s + en, n - en, &l);
				en += (size_t)l;
				tail++;
			}
			if (skip || lp_refs_letter_at(s, n, en))
				continue;
			for (j = 0; j < p->nam && !skip; j++)
				if (st < p->am[j].e && en > p->am[j].s)
					skip = 1;
			for (j = 0; j < (size_t)ndefs && !skip; j++)
				if (st < defs_e[j] && en > defs_s[j])
					skip = 1;
			if (skip)
				continue;
			if (p->nam == p->amcap) {
				p->amcap = p->amcap ? p->amcap * 2 : 16;
				p->am = lp_xrealloc(p->am, p->amcap * sizeof *p->am);
			}
			memset(&p->am[p->nam], 0, sizeof p->am[p->nam]);
			p->am[p->nam].s = st;
			p->am[p->nam].e = en;
			p->am[p->nam].type = AM_ALIAS;
			p->am[p->nam].act = a->act;
			p->am[p->nam].rule = "alias";
			p->nam++;
		}
	}
	if (p->nam != nold)
		qsort(p->am, p->nam, sizeof *p->am, cmpmention);
}

/* ---- resolution ---- */

static void
seg_set(struct refs_seg *g, int lv, const char *num)
{
	g->lv = (unsigned char)lv;
	snprintf(g->num, REFS_NUM, "%s", num);
}

/* The provision deixis points at, as a path prefix down to level lv. */
static int
deixis(const struct refs_doc *d, int ana, int lv, struct refs_path *out, int *act)
{
	int i;

	memset(out, 0, sizeof *out);
	if (ana == ANA_THIS && d->art[0] && (lv == LV_ART || (lv == LV_PARA && d->para[0]))) {
		seg_set(&out->seg[out->n++], LV_ART, d->art);
		if (lv == LV_PARA)
			seg_set(&out->seg[out->n++], LV_PARA, d->para);
		*act = d->own;
		return 1;
	}
	if (ana == ANA_THIS && lv == LV_CHP && d->chp[0]) {
		seg_set(&out->seg[out->n++], LV_CHP, d->chp);
		*act = d->own;
		return 1;
	}
	if (!d->has_last)
		return 0;
	for (i = 0; i < d->last.n; i++) {
		out->seg[out->n++] = d->last.seg[i];
		if (d->last.seg[i].lv == lv || (lv == LV_PARA && d->last.seg[i].lv == LV_PARA))
			break;
	}
	if (i == d->last.n)
		return 0;
	*act = d->last_act;
	return 1;
}

static int
join(struct refs_path *out, const struct refs_path *prefix, const struct refs_path *tail)
{
	int i;

	*out = *prefix;
	for (i = 0; i < tail->n; i++) {
		if (out->n >= LV_N)
			return 0;
		out->seg[out->n] = tail->seg[i];
		if (out->n > 0 && out->seg[out->n].lv >= out->seg[out->n - 1].lv) {
			if (out->seg[out->n].lv == LV_PARA && out->seg[out->n - 1].lv == LV_PARA)
				out->seg[out->n].lv = out->seg[out->n].under;
			else
				return 0;
		}
		out->n++;
	}
	return 1;
}

static void
row(struct refs_doc *d, const struct refs_expr *x, const struct refs_chain *c, int act,
    const struct refs_path *path, refs_emit_fn emit, void *ctx)
{
	struct refs_row r;

	memset(&r, 0, sizeof r);
	r.s = x->s;
	r.e = x->e;
	r.rule = c->rule;
	r.act = act;
	r.path = *path;
	emit(ctx, &r);
	d->has_last = 1;
	d->last = *path;
	d->last_act = act;
	d->has_last_act = 1;
	d->last_any_act = act;
}

void
lp_refs_block(struct refs_doc *d, long first, long last)
{
	if (first <= 0 || first != d->block_end + 1) {
		d->inh_has = 0;
		d->inh_act = -1;
		d->has_last = 0;
	}
	d->block_end = last;
}

static void
resolve_expr(struct refs_doc *d, struct refs_para *p, const struct refs_expr *x,
             struct refs_doc *inh_d, refs_emit_fn emit, void *ctx)
{
	int has = 0, act = -1;
	size_t k;
	int i;

	if (x->mention >= 0)
		has = mention_act(d, &p->am[x->mention], &act);
	for (k = x->c0; k < x->c0 + x->nc; k++) {
		const struct refs_chain *c = &p->ch[k];
		struct refs_path prefix, full;
		int cact = act, top;

		memset(&prefix, 0, sizeof prefix);
		if (c->ana) {
			int aact;
			if (!deixis(d, c->ana, c->ana_lv, &prefix, &aact))
				continue;
			if (!has)
				cact = aact;
			if (c->bare_ana || c->npath == 0) {
				if (c->ana_lv >= LV_ART)
					row(d, x, c, cact, &prefix, emit, ctx);
				continue;
			}
		} else {
			top = c->path[0].seg[0].lv;
			if (has) {
				/* the act named in the expression */
			} else if (d->note && top < LV_ART && d->note_art[0]) {
				seg_set(&prefix.seg[prefix.n++], LV_ART, d->note_art);
				cact = d->note_act;
			} else if (inh_d->inh_has) {
				cact = inh_d->inh_act;
			} else if (d->titled && top >= LV_ART) {
				cact = d->own;
			} else {
				cact = -1;
			}
			/* a paragraph with no article is no statute reference,
			 * nor a chapter of nothing ("Глава 3 ее романа") */
			if (top < LV_ART && prefix.n == 0)
				continue;
			if (top == LV_CHP && cact < 0)
				continue;
			if (d->note && top == LV_ART && !d->note_art[0]) {
				snprintf(d->note_art, REFS_NUM, "%s", c->path[0].seg[0].num);
				d->note_act = cact;
			}
		}
		for (i = 0; i < c->npath; i++)
			if (join(&full, &prefix, &c->path[i]))
				row(d, x, c, cact, &full, emit, ctx);
	}
	if (has) {
		inh_d->inh_has = 1;
		inh_d->inh_act = act;
	}
}

void
lp_refs_resolve(struct refs_doc *d, struct refs_para *p, refs_emit_fn emit, void *ctx)
{
	size_t xi = 0, mi = 0;

	while (xi < p->nex || mi < p->nam) {
		if (mi < p->nam && p->am[mi].attached) {
			mi++;
			continue;
		}
		if (mi < p->nam && (xi >= p->nex || p->am[mi].s < p->ex[xi].s)) {
			const struct refs_mention *m = &p->am[mi++];
			int act;
			if (!mention_act(d, m, &act))
				continue;
			if (act >= 0) {
				struct refs_row r;
				memset(&r, 0, sizeof r);
				r.s = m->s;
				r.e = m->e;
				r.rule = m->rule;
				r.act = act;
				emit(ctx, &r);
			}
			d->inh_has = 1;
			d->inh_act = act;
			d->has_last_act = 1;
			d->last_any_act = act;
			continue;
		}
		resolve_expr(d, p, &p->ex[xi++], d, emit, ctx);
	}
}
