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

#include <utf8proc.h>

#include "refs.h"

#define REFS_ALIAS_MAX 64 /* aliases a document may define */
#define REFS_ALIAS_TAIL 5 /* letters of an ending after each word of an alias */

static const char *find(const char *h, size_t hn, const char *needle, size_t nn);

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
	static const char *const q[] = { "«", "»", "“", "”", "„", "\"", "'", "‘", "’", "–", "-", ":", ",", NULL };
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

/* A closing quote among the bytes [e, b) (the alias's end to its bracket). */
static int
closing_quote(const char *s, size_t e, size_t b)
{
	return find(s + e, b - e, "»", 2) || find(s + e, b - e, "”", 3) ||
	       find(s + e, b - e, "\"", 1) || find(s + e, b - e, "“", 3);
}

/* "(далее – Закон)" after mention m: learn the alias; returns the end of
 * the definition, or 0. */
static size_t
definition(struct refs_doc *d, struct refs_para *p, const struct refs_mention *m)
{
	const char *s = p->s;
	size_t n = p->n, q = lp_refs_sp(s, n, m->e), r, a, b, l;
	long k;
	int act, quoted = 0;

	if (q >= n || s[q] != '(')
		return 0;
	r = lp_refs_sp(s, n, q + 1);
	k = lp_refs_lex_at(p, r);
	if (k >= 0 && p->lx[k].v->kind == VX_WORD && p->lx[k].v->cls == W_HEREINAFTER) {
		a = p->lx[k].e;
	} else {
		/* (the "Assemblies Law"): English drafting defines a term by
		 * quoting it in brackets after the name, with no "hereinafter" */
		if (k >= 0 && p->lx[k].v->kind == VX_WORD && p->lx[k].v->cls == W_THE)
			r = lp_refs_sp(s, n, p->lx[k].e);
		if (!lp_refs_opening_quote(s, n, r))
			return 0;
		quoted = 1;
		a = r;
	}
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
		if (e == a || (quoted && !closing_quote(s, e, b)))
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

/* The bytes of a word of an alias that every inflected form keeps: a word
 * of more than three letters loses a final vowel ("Конвенция" → "Конвенци-и",
 * "Жоба" → "Жоб-асы"); consonant endings are kept whole ("Закон" → "Закон-а"). */
static size_t
stem(const char *w, size_t len)
{
	static const char *const vowels = "аеёиоуыэюяйьәіөүұ";
	size_t i = 0, last = 0;
	int letters = 0, l;
	uint32_t c = 0;

	while (i < len) {
		c = lp_u8dec(w + i, len - i, &l);
		last = i;
		i += (size_t)l;
		letters++;
	}
	if (letters > 3 && c >= 0x80 && lp_refs_letter_at(w, len, last)) {
		char low[8];
		utf8proc_int32_t lc = utf8proc_tolower((utf8proc_int32_t)c);
		utf8proc_ssize_t ll = utf8proc_encode_char(lc, (utf8proc_uint8_t *)low);
		low[ll] = '\0';
		if (strstr(vowels, low))
			return last;
	}
	return len;
}

/* The stem of an alias's first word: what the search looks for. */
static size_t
first_stem(const char *t, size_t len)
{
	const char *sp = memchr(t, ' ', len);

	return stem(t, sp ? (size_t)(sp - t) : len);
}

/* The end of a use of alias a at st, every word inflected: "Закон о
 * собраниях" is found in "Закона о собраниях", "Жиналыстар туралы заң" in
 * "Жиналыстар туралы заңның".  0 when the text there is no use of it. */
static size_t
alias_end(const char *s, size_t n, size_t st, const struct refs_alias *a)
{
	size_t i = 0, pos = st;

	while (i < a->len) {
		const char *sp = memchr(a->text + i, ' ', a->len - i);
		size_t wl = sp ? (size_t)(sp - (a->text + i)) : a->len - i, sl = stem(a->text + i, wl);
		int tail = 0, l;

		if (pos + sl > n || memcmp(s + pos, a->text + i, sl))
			return 0;
		pos += sl;
		while (lp_refs_letter_at(s, n, pos) && tail < REFS_ALIAS_TAIL + (sl < wl)) {
			lp_u8dec(s + pos, n - pos, &l);
			pos += (size_t)l;
			tail++;
		}
		if (lp_refs_letter_at(s, n, pos))
			return 0;
		i += wl;
		if (i < a->len) {
			if (pos >= n || s[pos] != ' ')
				return 0;
			while (i < a->len && a->text[i] == ' ')
				i++;
			while (pos < n && s[pos] == ' ')
				pos++;
		}
	}
	return pos;
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
		size_t w0 = first_stem(a->text, a->len);
		while ((at = find(at, n - (size_t)(at - s), a->text, w0))) {
			size_t st = (size_t)(at - s), en = alias_end(s, n, st, a), j;
			int skip = lp_refs_letter_before(s, st);
			at += w0;
			if (skip || !en)
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
		d->scope_art[0] = '\0';
	}
	d->block_end = last;
}

/* ---- amending laws ---- */

/* An amending law names the article it amends at the head of an item and
 * then the paragraphs it changes without repeating the article:
 *   1) в статье 5:                       1) 13-бапта:
 *   пункт 2 изложить в следующей редакции:  2-тармақ мынадай редакцияда жазылсын:
 *   2) статью 10 дополнить пунктом 4-1 следующего содержания:
 *   2) Article 10 shall be supplemented by paragraph 4-1 reading as follows:
 * An article citation followed by a colon, or opening a numbered item
 * ("2)", at most one word before it) whose clause ends in a colon, sets
 * that article for the paragraph-level citations after it in the block. */
static int
item_head(const struct refs_para *p, size_t xs)
{
	const char *s = p->s;
	size_t n = p->n, i = lp_refs_sp(s, n, 0), j = i;
	int l;

	while (j < n && s[j] >= '0' && s[j] <= '9')
		j++;
	if (j == i && lp_refs_letter_at(s, n, i)) {
		lp_u8dec(s + i, n - i, &l);
		j = i + (size_t)l;
	}
	if (j == i || j >= n || s[j] != ')')
		return 0;
	i = lp_refs_sp(s, n, j + 1);
	if (i == xs)
		return 1;
	while (i < n && lp_refs_letter_at(s, n, i)) {
		lp_u8dec(s + i, n - i, &l);
		i += (size_t)l;
	}
	return lp_refs_sp(s, n, i) == xs;
}

static int
amend_item(const struct refs_para *p, const struct refs_expr *x)
{
	const char *s = p->s;
	size_t n = p->n, q = lp_refs_sp(s, n, x->e);

	if (q < n && s[q] == ':')
		return 1;
	if (!item_head(p, x->s))
		return 0;
	for (; q < n; q++) {
		if (s[q] == ':')
			return 1;
		if (strchr(".;!?", s[q]))
			return 0;
	}
	return 0;
}

static void
resolve_expr(struct refs_doc *d, struct refs_para *p, const struct refs_expr *x,
             struct refs_doc *inh_d, refs_emit_fn emit, void *ctx)
{
	int has = 0, act = -1, scope = !d->note && amend_item(p, x);
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
			} else if (!d->note && top < LV_ART && d->scope_art[0] &&
			           !strcmp(d->scope_head, d->art)) {
				seg_set(&prefix.seg[prefix.n++], LV_ART, d->scope_art);
				cact = d->scope_act;
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
			if (join(&full, &prefix, &c->path[i])) {
				row(d, x, c, cact, &full, emit, ctx);
				if (scope && full.seg[0].lv == LV_ART) {
					snprintf(d->scope_art, REFS_NUM, "%s", full.seg[0].num);
					snprintf(d->scope_head, REFS_NUM, "%s", d->art);
					d->scope_act = cact;
				}
			}
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
