/*
 * refs.c - the statute-reference engine (set "refs"): one paragraph at a
 * time, find the vocabulary and act names (refs_vocab.c), read the
 * structure a statute's paragraph stands in (its title, headings, numbered
 * paragraphs, amendment notes), parse citations (refs_parse.c), resolve
 * them in context (refs_resolve.c) and hand the rows to the tagger.
 *
 * Rows: kind "ref" with canonical ACT#eId (one row per provision; the rows
 * of one expression share its span), or kind "act" with the act's id for a
 * mention that is part of no citation.  Headings give no row; they set the
 * provision column (struct lp_docctx) for the text under them.
 */
#include <stdlib.h>
#include <string.h>

#include "refs.h"
#include "tagger.h"

#define TITLE_PARAS 3     /* a statute's title is in its first paragraphs */
#define TITLE_MAX 400     /* bytes: a title is a line, not a paragraph of prose */

struct refs_state {
	struct refs_vocab v;
	struct refs_doc d;
	struct refs_para p;
	struct lp_buf canon;
	struct lp_para *cur;
	/* the act mentions refs_prescan found (tag_pre): what lp_refs_acts
	 * with title 0 would find, used in its place */
	struct refs_mention *pam;
	size_t pnam, pamcap;
	int pre;
};

static void refs_free(void *st);

static void *
refs_load(const struct lp_rules *rules, const char *dir)
{
	struct refs_state *st = lp_xmalloc(sizeof *st);

	(void)dir;
	memset(st, 0, sizeof *st);
	if (lp_refs_vocab_load(&st->v, rules)) {
		refs_free(st);
		return NULL;
	}
	lp_refs_doc_reset(&st->d);
	return st;
}

static void
refs_free(void *vst)
{
	struct refs_state *st = vst;

	lp_refs_vocab_free(&st->v);
	lp_refs_doc_free(&st->d);
	free(st->p.lx);
	free(st->p.used);
	free(st->p.am);
	free(st->p.ch);
	free(st->p.ex);
	free(st->pam);
	lp_buf_free(&st->canon);
	free(st);
}

static void
refs_doc_begin(void *vst, struct lp_docctx *ctx)
{
	struct refs_state *st = vst;

	(void)ctx;
	lp_refs_doc_reset(&st->d);
}

static int
isdig(char c)
{
	return c >= '0' && c <= '9';
}

/* digits with inserted parts ("13-4") at i; the end, or i */
static size_t
digits(const char *s, size_t n, size_t i)
{
	size_t j = i;

	while (j < n && isdig(s[j]))
		j++;
	while (j > i && j + 1 < n && s[j] == '-' && isdig(s[j + 1])) {
		j++;
		while (j < n && isdig(s[j]))
			j++;
	}
	return j;
}

static int
capital(const char *s, size_t n, size_t i)
{
	int l;
	uint32_t c = lp_u8dec(s + i, n - i, &l);

	return (c >= 'A' && c <= 'Z') || (c >= 0x410 && c <= 0x42f) || c == 0x401;
}

/* What may follow a heading's number: the end, a full stop, a dash or a colon. */
static int
heading_tail(const char *s, size_t n, size_t j)
{
	size_t q;

	if (j >= n)
		return 1;
	if (s[j] == '.' && (j + 1 >= n || !isdig(s[j + 1])))
		return 1;
	q = lp_refs_sp(s, n, j);
	return q >= n || s[q] == ':' || !memcmp(s + q, "\xe2\x80\x93", q + 3 <= n ? 3 : 0) ||
	       (s[q] == '-' && q + 1 < n && s[q + 1] == ' ');
}

/* "Статья 44.", "Article 44. Title", "Глава 1.", "44-бап.", "1-тарау.":
 * a heading at the paragraph's start, also after an opening quote (an
 * amending law's new wording: "«Статья 453. ...").  Sets *lv and num;
 * returns the end of the designator, or 0. */
static size_t
heading(const struct refs_para *p, int *lv, char *num)
{
	const char *s = p->s;
	size_t n = p->n, i = lp_refs_sp(s, n, 0), j, e;
	long k;

	i = lp_refs_sp(s, n, i + lp_refs_opening_quote(s, n, i));
	k = lp_refs_lex_at(p, i);

	/* "Статья", "Article", "ГЛАВА": a singular unit word with a capital */
	if (k >= 0 && p->lx[k].v->kind == VX_UNIT && !p->lx[k].v->kk &&
	    (p->lx[k].v->lv == LV_ART || p->lx[k].v->lv == LV_CHP) && p->lx[k].v->singular &&
	    capital(s, n, i)) {
		j = lp_refs_sp(s, n, p->lx[k].e);
		e = digits(s, n, j);
		if (e == j || e - j >= REFS_NUM || !heading_tail(s, n, e))
			return 0;
		*lv = p->lx[k].v->lv;
		memcpy(num, s + j, e - j);
		num[e - j] = '\0';
		return e;
	}
	e = digits(s, n, i);
	/* "44-бап.": the number, the word, a full stop */
	if (e > i && e - i < REFS_NUM && e < n && s[e] == '-' && (k = lp_refs_lex_at(p, e + 1)) >= 0 &&
	    p->lx[k].v->kind == VX_UNIT && p->lx[k].v->kk &&
	    (p->lx[k].v->lv == LV_ART || p->lx[k].v->lv == LV_CHP) && p->lx[k].e < n &&
	    p->s[p->lx[k].e] == '.') {
		*lv = p->lx[k].v->lv;
		memcpy(num, s + i, e - i);
		num[e - i] = '\0';
		return p->lx[k].e;
	}
	return 0;
}

static void
set_provision(struct refs_state *st, struct lp_docctx *ctx, int lv, const char *num)
{
	struct lp_buf *b = &ctx->provision;

	b->len = 0;
	if (st->d.own >= 0)
		lp_buf_add(b, st->v.acts[st->d.own], strlen(st->v.acts[st->d.own]));
	lp_buf_addc(b, '#');
	lp_buf_add(b, lp_refs_eid[lv], strlen(lp_refs_eid[lv]));
	lp_buf_addc(b, '_');
	lp_buf_add(b, num, strlen(num));
}

/* The structure this paragraph stands in or sets: headings, numbered
 * paragraphs, notes.  Returns the bytes at its start that are structure. */
static size_t
structure(struct refs_state *st, struct lp_para *pp)
{
	struct refs_para *p = &st->p;
	struct refs_doc *d = &st->d;
	const char *s = p->s;
	size_t n = p->n, i = lp_refs_sp(s, n, 0), e, skip;
	char num[REFS_NUM];
	int lv;
	long k;

	d->note = 0;
	d->note_art[0] = '\0';
	d->note_act = -1;
	if ((skip = heading(p, &lv, num))) {
		/* a quoted heading is an amending law's new wording of another
		 * act's article: no row, and the amending law's own structure
		 * stays as it was */
		if (lp_refs_opening_quote(s, n, i))
			return skip;
		if (lv == LV_CHP) {
			snprintf(d->chp, REFS_NUM, "%s", num);
			d->art[0] = '\0';
		} else {
			snprintf(d->art, REFS_NUM, "%s", num);
		}
		d->para[0] = '\0';
		d->body = 1;
		if (pp->ctx)
			set_provision(st, pp->ctx, lv, num);
		return skip;
	}
	e = digits(s, n, i);
	if (d->art[0] && e > i && e + 1 < n && s[e] == '.' && s[e + 1] == ' ' && e - i < REFS_NUM) {
		memcpy(d->para, s + i, e - i);
		d->para[e - i] = '\0';
	}
	k = lp_refs_lex_at(p, i);
	if (k >= 0 && p->lx[k].v->kind == VX_WORD && p->lx[k].v->cls == W_NOTE)
		d->note = 1;
	return 0;
}

/* The act mentions of the paragraph as body text (no title line): from
 * the pre-scan when there is one, else scanned now. */
static size_t
body_acts(struct refs_state *st, const char *doc)
{
	struct refs_para *p = &st->p;

	if (!st->pre)
		return lp_refs_acts(&st->v, 0, p->s, p->n, doc, &p->am, &p->amcap);
	if (st->pnam > p->amcap) {
		p->amcap = st->pnam;
		p->am = lp_xrealloc(p->am, p->amcap * sizeof *p->am);
	}
	if (st->pnam)
		memcpy(p->am, st->pam, st->pnam * sizeof *p->am);
	return st->pnam;
}

/* The first paragraphs of a document may be its title: a line that is
 * mostly an act's name, with no full stop.  Fills the mentions either way. */
static void
title(struct refs_state *st, const char *doc)
{
	struct refs_para *p = &st->p;
	struct refs_doc *d = &st->d;
	size_t n = p->n, i, named = 0;
	int istitle = 0;

	while (n > 0 && p->s[n - 1] == ' ')
		n--;
	if (!d->body && d->npara < TITLE_PARAS && n > 0 && n < TITLE_MAX && p->s[n - 1] != '.') {
		p->nam = lp_refs_acts(&st->v, 1, p->s, p->n, doc, &p->am, &p->amcap);
		for (i = 0; i < p->nam; i++)
			named += p->am[i].e - p->am[i].s;
		if (p->nam && named * 10 >= n * 6 &&
		    (p->am[0].s == lp_refs_sp(p->s, p->n, 0) || d->npara > 0)) {
			for (i = 0; i < p->nam && p->am[i].type != AM_ACT; i++)
				;
			if (i < p->nam) {
				d->own = p->am[i].act;
				d->titled = 1;
				istitle = 1;
			}
		} else if (p->nam == 0) {
			/* "ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН" on a line of its own:
			 * the name may follow */
			d->npara++;
			p->nam = body_acts(st, doc);
			return;
		}
	}
	if (!istitle) {
		d->body = 1;
		p->nam = body_acts(st, doc);
	}
	d->npara++;
}

/* "Law "On Amendments ... to the Law 'On Mass Media'"": an act the
 * catalogue does not know whose title names one it knows points at that
 * one.  The scan found the outer title; look inside it. */
static void
amending(struct refs_state *st, const char *doc)
{
	struct refs_para *p = &st->p;
	size_t i;

	for (i = 0; i < p->nam; i++) {
		struct refs_mention *m = &p->am[i], *inner = NULL;
		size_t cap = 0, n, k;

		if (m->type != AM_OTHER || m->e - m->s < 4)
			continue;
		n = lp_refs_acts(&st->v, 0, p->s + m->s + 1, m->e - m->s - 1, doc, &inner, &cap);
		for (k = 0; k < n; k++)
			if (inner[k].type == AM_ACT) {
				m->type = AM_ACT;
				m->act = inner[k].act;
				m->rule = inner[k].rule;
				break;
			}
		free(inner);
	}
}

static void
emit(void *ctx, const struct refs_row *r)
{
	struct refs_state *st = ctx;
	struct lp_buf *b = &st->canon;
	struct lp_hit h;
	int i, has_art = 0;
	size_t h_s, h_e;

	b->len = 0;
	/* a row never starts or ends on white space (the space that joins
	 * two lines maps to no original byte) */
	{
		size_t a = r->s, z = r->e;
		while (a < z && (st->p.s[a] == ' ' || st->p.s[a] == '\t'))
			a++;
		while (z > a && (st->p.s[z - 1] == ' ' || st->p.s[z - 1] == '\t'))
			z--;
		if (a == z)
			return;
		h_s = a;
		h_e = z;
	}
	if (r->act >= 0)
		lp_buf_add(b, st->v.acts[r->act], strlen(st->v.acts[r->act]));
	memset(&h, 0, sizeof h);
	h.start = h_s;
	h.end = h_e;
	h.rule = r->rule;
	if (r->path.n == 0) {
		h.kind = "act";
		h.label = "act";
	} else {
		h.kind = "ref";
		h.label = lp_refs_label[r->path.seg[r->path.n - 1].lv];
		lp_buf_addc(b, '#');
		for (i = 0; i < r->path.n; i++)
			has_art |= r->path.seg[i].lv == LV_ART;
		for (i = 0; i < r->path.n; i++) {
			const struct refs_seg *g = &r->path.seg[i];
			/* articles are numbered through the act: no chapter above one */
			if (g->lv == LV_CHP && has_art)
				continue;
			if (b->len && b->p[b->len - 1] != '#')
				lp_buf_add(b, "__", 2);
			lp_buf_add(b, lp_refs_eid[g->lv], strlen(lp_refs_eid[g->lv]));
			lp_buf_addc(b, '_');
			lp_buf_add(b, g->num, strlen(g->num));
		}
	}
	h.canonical = (struct lp_str){ b->p, b->len };
	lp_para_hit(st->cur, &h);
}

/* The context pass: the paragraph's lexemes are in st->p.lx already (and
 * its body act mentions in st->pam when st->pre). */
static void
refs_context(struct refs_state *st, struct lp_para *pp)
{
	struct refs_para *p = &st->p;
	size_t skip;
	long first;

	first = lp_tagging_line(p->s, 0);
	/* lines never go back within a document: a paragraph that starts
	 * at or before the last one's end is a new document, even when no
	 * doc_begin said so (a reader that feeds L records only) */
	if (first > 0 && first <= st->d.block_end) {
		lp_refs_doc_reset(&st->d);
		if (pp->ctx)
			pp->ctx->provision.len = 0;
	}
	lp_refs_block(&st->d, first, lp_tagging_line(p->s, p->n ? p->n - 1 : 0));
	skip = structure(st, pp);
	if (st->d.note) {
		/* an amendment note is structure: it cites from scratch */
		st->d.inh_has = 0;
		st->d.has_last = 0;
	}
	title(st, pp->doc);
	amending(st, pp->doc);
	lp_refs_aliases(&st->d, p);
	lp_refs_parse(p, skip);
	lp_refs_resolve(&st->d, p, emit, st);
}

static void
refs_tag(void *vst, struct lp_para *pp)
{
	struct refs_state *st = vst;
	struct refs_para *p = &st->p;

	st->cur = pp;
	st->pre = 0;
	p->s = pp->text;
	p->n = pp->len;
	p->nlx = lp_refs_lex(&st->v, p->s, p->n, pp->doc, &p->lx, &p->lxcap);
	refs_context(st, pp);
}

/* The scans that need no context (run -j over blocks, parallel.c): the
 * lexemes and the body act mentions, written to out as counts and arrays
 * (a lexeme's sense as an index, so another state of the same rules reads it). */
static void
refs_prescan(void *vst, struct lp_para *pp, struct lp_buf *out)
{
	struct refs_state *st = vst;
	struct refs_para *p = &st->p;
	size_t i, n;

	p->nlx = lp_refs_lex(&st->v, pp->text, pp->len, pp->doc, &p->lx, &p->lxcap);
	n = lp_refs_acts(&st->v, 0, pp->text, pp->len, pp->doc, &p->am, &p->amcap);
	lp_buf_add(out, &p->nlx, sizeof p->nlx);
	for (i = 0; i < p->nlx; i++) {
		size_t rec[3] = { p->lx[i].s, p->lx[i].e, (size_t)(p->lx[i].v - st->v.senses) };
		lp_buf_add(out, rec, sizeof rec);
	}
	lp_buf_add(out, &n, sizeof n);
	if (n)
		lp_buf_add(out, p->am, n * sizeof *p->am);
}

static void
refs_tag_pre(void *vst, struct lp_para *pp, const char *pre, size_t len)
{
	struct refs_state *st = vst;
	struct refs_para *p = &st->p;
	size_t i, n;

	(void)len;
	st->cur = pp;
	p->s = pp->text;
	p->n = pp->len;
	memcpy(&n, pre, sizeof n);
	pre += sizeof n;
	if (n > p->lxcap) {
		p->lxcap = n;
		p->lx = lp_xrealloc(p->lx, n * sizeof *p->lx);
	}
	for (i = 0; i < n; i++) {
		size_t rec[3];
		memcpy(rec, pre, sizeof rec);
		pre += sizeof rec;
		p->lx[i].s = rec[0];
		p->lx[i].e = rec[1];
		p->lx[i].v = &st->v.senses[rec[2]];
	}
	p->nlx = n;
	memcpy(&n, pre, sizeof n);
	pre += sizeof n;
	if (n > st->pamcap) {
		st->pamcap = n;
		st->pam = lp_xrealloc(st->pam, n * sizeof *st->pam);
	}
	if (n)
		memcpy(st->pam, pre, n * sizeof *st->pam);
	st->pnam = n;
	st->pre = 1;
	refs_context(st, pp);
	st->pre = 0;
}

const struct lp_engine lp_refs_engine = { "refs", refs_load, refs_doc_begin, refs_tag, refs_free,
                                          refs_prescan, refs_tag_pre };
