/*
 * refs_parse.c - the citation grammar: from each unit word (a lexeme of
 * kind unit, found by refs_vocab.c) outward to a chain of designators, and
 * chains joined into expressions that share one act.
 *
 * Two families:
 *   number after, inner unit first (ru, en): "подпункт 2) пункта 1 статьи 33",
 *     "section 6 of article 44", "Art. 44(6)", "Article 39, paragraph 1";
 *   number first, outer unit first (kk): "44-бабының 6-тармағы",
 *     "27, 33 және 44-баптары", "1) тармақшасы".
 * Numbers are kept as written ("102-3"); lists and ranges become one path
 * each (README "References" has the range rules).  The paragraph text is
 * valid UTF-8; offsets are bytes into it.
 */
#include <stdlib.h>
#include <stddef.h>
#include <string.h>

#include <utf8proc.h>

#include "refs.h"

#define ENDASH "\xe2\x80\x93"

struct list {
	int n;
	struct refs_path p[REFS_PATHS];
};

/* ---- text helpers ---- */

size_t
lp_refs_sp(const char *s, size_t n, size_t i)
{
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return i;
}

size_t
lp_refs_opening_quote(const char *s, size_t n, size_t i)
{
	static const char *const q[] = { "«", "“", "„", "\"", NULL };
	int k;

	for (k = 0; q[k]; k++)
		if (i + strlen(q[k]) <= n && !memcmp(s + i, q[k], strlen(q[k])))
			return strlen(q[k]);
	return 0;
}

static size_t
sp_back(const char *s, size_t i)
{
	while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\t'))
		i--;
	return i;
}

static int
is_letter(uint32_t c)
{
	utf8proc_category_t k = utf8proc_category((utf8proc_int32_t)c);

	return k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_LO;
}

int
lp_refs_letter_at(const char *s, size_t n, size_t i)
{
	int l;

	return i < n && is_letter(lp_u8dec(s + i, n - i, &l));
}

int
lp_refs_letter_before(const char *s, size_t i)
{
	size_t j = i;
	int l;

	if (i == 0)
		return 0;
	j--;
	while (j > 0 && ((unsigned char)s[j] & 0xc0) == 0x80)
		j--;
	return is_letter(lp_u8dec(s + j, i - j, &l));
}

static int
isdig(char c)
{
	return c >= '0' && c <= '9';
}

/* ---- lexeme and mention lookup (both arrays are in text order) ---- */

/* The first element of an array sorted by a size_t field (at byte offset
 * field of each elem-sized element) whose field is not below off. */
static size_t
lower_bound(const void *base, size_t n, size_t elem, size_t field, size_t off)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2, v;

		memcpy(&v, (const char *)base + mid * elem + field, sizeof v);
		if (v < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

#define LEX_BOUND(p, end, off) \
	lower_bound((p)->lx, (p)->nlx, sizeof *(p)->lx, offsetof(struct refs_lexeme, end), off)
#define MENTION_BOUND(p, end, off) \
	lower_bound((p)->am, (p)->nam, sizeof *(p)->am, offsetof(struct refs_mention, end), off)

/* The first lexeme starting at or after off. */
static size_t
lex_from(const struct refs_para *p, size_t off)
{
	return LEX_BOUND(p, s, off);
}

long
lp_refs_lex_at(const struct refs_para *p, size_t off)
{
	size_t k = LEX_BOUND(p, s, off);

	return k < p->nlx && p->lx[k].s == off ? (long)k : -1;
}

long
lp_refs_lex_ending(const struct refs_para *p, size_t off)
{
	size_t k = LEX_BOUND(p, e, off);

	return k < p->nlx && p->lx[k].e == off ? (long)k : -1;
}

/* Mentions do not overlap, so they are in order of both their ends. */
long
lp_refs_mention_at(const struct refs_para *p, size_t off)
{
	size_t k = MENTION_BOUND(p, s, off);

	return k < p->nam && p->am[k].s == off ? (long)k : -1;
}

long
lp_refs_mention_ending(const struct refs_para *p, size_t off)
{
	size_t k = MENTION_BOUND(p, e, off);

	return k < p->nam && p->am[k].e == off ? (long)k : -1;
}

static const struct refs_sense *
word_at(const struct refs_para *p, size_t off, int cls)
{
	long k = lp_refs_lex_at(p, off);

	if (k < 0 || p->lx[k].v->kind != VX_WORD || p->lx[k].v->cls != cls)
		return NULL;
	return p->lx[k].v;
}

static size_t
after_word(const struct refs_para *p, size_t off, int cls)
{
	long k = lp_refs_lex_at(p, off);

	if (k < 0 || p->lx[k].v->kind != VX_WORD || p->lx[k].v->cls != cls)
		return 0;
	return p->lx[k].e;
}

/* ---- numbers ---- */

/* A number as written at i: digits, and "-digits" for inserted parts.
 * Returns its end, or i when there is none. */
static size_t
num_at(const char *s, size_t n, size_t i, char *out, int glued)
{
	size_t j = i;

	if (j >= n || !isdig(s[j]))
		return i;
	if (i > 0 && (isdig(s[i - 1]) || (!glued && (s[i - 1] == '/' || lp_refs_letter_before(s, i)))))
		return i;
	while (j < n && isdig(s[j]))
		j++;
	if (j - i > 5)
		return i;
	while (j + 1 < n && s[j] == '-' && isdig(s[j + 1])) {
		j++;
		while (j < n && isdig(s[j]))
			j++;
	}
	if (j - i >= REFS_NUM)
		return i;
	memcpy(out, s + i, j - i);
	out[j - i] = '\0';
	return j;
}

/* What follows a number tells whether it can be a provision: not a
 * decimal, a date, a fraction or a percentage, and no letters glued on. */
static int
num_tail_ok(const char *s, size_t n, size_t j)
{
	if (j >= n)
		return 1;
	if ((s[j] == '.' || s[j] == ',' || s[j] == '/' || s[j] == ':') && j + 1 < n && isdig(s[j + 1]))
		return 0;
	if (s[j] == '%')
		return 0;
	if (lp_refs_letter_at(s, n, j))
		return 0;
	return 1;
}

static int
stopped(const struct refs_para *p, size_t j)
{
	size_t q = lp_refs_sp(p->s, p->n, j);

	return word_at(p, q, W_STOP) != NULL;
}

/* One item of a list after a unit word: "44", "102-3", "2)", "а)", "(a)",
 * an ordinal word, with "(6)(a)" sub-levels after a number.  Fills path
 * (levels from lv down) and returns the end, or i. */
static size_t
item_at(const struct refs_para *p, size_t i, int lv, struct refs_path *path, int glued)
{
	const char *s = p->s;
	size_t n = p->n, j;
	long k;
	char num[REFS_NUM];

	memset(path, 0, sizeof *path);
	path->n = 1;
	path->seg[0].lv = (unsigned char)lv;
	if ((k = lp_refs_lex_at(p, i)) >= 0 && p->lx[k].v->kind == VX_ORD) {
		snprintf(path->seg[0].num, REFS_NUM, "%d", p->lx[k].v->ord);
		return p->lx[k].e;
	}
	if (i < n && s[i] == '(') {
		/* "(a)" "(3)": an item in brackets */
		size_t q = i + 1;
		while (q < n && q - i <= 3 && ((s[q] >= 'a' && s[q] <= 'z') || isdig(s[q])))
			q++;
		if (q > i + 1 && q < n && s[q] == ')') {
			memcpy(path->seg[0].num, s + i + 1, q - i - 1);
			return q + 1;
		}
		return i;
	}
	j = num_at(s, n, i, num, glued);
	if (j == i) {
		/* "а)" "b)": a lettered point */
		int l;
		if (lv <= LV_POINT && i < n && lp_refs_letter_at(s, n, i)) {
			lp_u8dec(s + i, n - i, &l);
			if (i + (size_t)l < n && s[i + (size_t)l] == ')' && !lp_refs_letter_before(s, i)) {
				memcpy(path->seg[0].num, s + i, (size_t)l);
				return i + (size_t)l + 1;
			}
		}
		return i;
	}
	if (j < n && s[j] == ')') {
		memcpy(path->seg[0].num, num, sizeof num);
		return j + 1;
	}
	if (!num_tail_ok(s, n, j))
		return i;
	memcpy(path->seg[0].num, num, sizeof num);
	/* "44(6)", "19(3)(b)", "19 (3)": the levels below */
	{
		size_t q = j;
		int sub = lv - 1;
		if (q + 1 < n && s[q] == ' ' && s[q + 1] == '(')
			q++;
		while (sub >= LV_POINT && q < n && s[q] == '(' && path->n < LV_N) {
			size_t r = q + 1;
			while (r < n && r - q <= 3 && ((s[r] >= 'a' && s[r] <= 'z') || isdig(s[r])))
				r++;
			if (r == q + 1 || r >= n || s[r] != ')')
				break;
			path->seg[path->n].lv = (unsigned char)sub;
			memcpy(path->seg[path->n].num, s + q + 1, r - q - 1);
			path->n++;
			sub = sub == LV_PARA ? LV_POINT : sub - 1;
			if (sub < LV_POINT)
				sub = -1;
			j = q = r + 1;
		}
	}
	return j;
}

static void
list_add(struct list *L, const struct refs_path *pa)
{
	if (L->n < REFS_PATHS)
		L->p[L->n++] = *pa;
}

/* prefix (plen bytes) then v, cut to fit a number */
static void
setnum(char *dst, const char *prefix, int plen, long v)
{
	char tmp[64];

	snprintf(tmp, sizeof tmp, "%.*s%ld", plen, prefix, v);
	tmp[REFS_NUM - 1] = '\0';
	memcpy(dst, tmp, REFS_NUM);
}

static int
plain_int(const char *s, long *v)
{
	char *e;

	if (!*s || !isdig(*s))
		return 0;
	*v = strtol(s, &e, 10);
	return *e == '\0';
}

/* Add the numbers from a (already in L) to b: every one when both are
 * integers, or inserted numbers that differ in their last part only, and
 * the range is at most REFS_RANGE_MAX long; the two ends otherwise. */
static void
expand_range(struct list *L, const struct refs_path *a, const struct refs_path *b)
{
	const char *x = a->seg[a->n - 1].num, *y = b->seg[b->n - 1].num;
	const char *dx = strrchr(x, '-'), *dy = strrchr(y, '-');
	size_t px = dx ? (size_t)(dx - x + 1) : 0, py = dy ? (size_t)(dy - y + 1) : 0;
	long u, w, k;

	if (a->n == b->n && px == py && !strncmp(x, y, px) && plain_int(x + px, &u) &&
	    plain_int(y + py, &w) && w > u && w - u < REFS_RANGE_MAX) {
		for (k = u + 1; k < w; k++) {
			struct refs_path q = *b;
			setnum(q.seg[q.n - 1].num, x, (int)px, k);
			list_add(L, &q);
		}
	}
	list_add(L, b);
}

/* A hyphen between two integers after a noun that is not plainly
 * singular, with the second greater: "статьи 27-29" is 27 to 29. */
static int
hyphen_range(struct list *L, const struct refs_path *pa, int singular)
{
	const char *x = pa->seg[pa->n - 1].num, *h = strchr(x, '-');
	struct refs_path a = *pa, b = *pa;
	long u, w;
	char first[REFS_NUM];

	if (singular || !h || strchr(h + 1, '-') || pa->n != 1)
		return 0;
	memcpy(first, x, (size_t)(h - x));
	first[h - x] = '\0';
	if (!plain_int(first, &u) || !plain_int(h + 1, &w) || w <= u)
		return 0;
	setnum(a.seg[0].num, "", 0, u);
	setnum(b.seg[0].num, "", 0, w);
	list_add(L, &a);
	expand_range(L, &a, &b);
	return 1;
}

static void
add_item(struct list *L, const struct refs_path *pa, int singular)
{
	if (!hyphen_range(L, pa, singular))
		list_add(L, pa);
}

/* The list after a unit word at i: items joined by commas, conjunctions
 * and ranges.  Returns the end of the last item, or 0 when there is none. */
static size_t
read_list(const struct refs_para *p, size_t i, int lv, int singular, struct list *L)
{
	const char *s = p->s;
	size_t n = p->n, q, r = 0, e, end;
	struct refs_path pa, pb;

	L->n = 0;
	q = lp_refs_sp(s, n, i);
	if (q + 3 <= n && !memcmp(s + q, "№", 3))
		q = lp_refs_sp(s, n, q + 3);
	if (after_word(p, q, W_FROM))
		q = lp_refs_sp(s, n, after_word(p, q, W_FROM));
	e = item_at(p, q, lv, &pa, q == i);
	if (e == q || stopped(p, e))
		return 0;
	add_item(L, &pa, singular);
	end = e;
	for (;;) {
		q = lp_refs_sp(s, n, end);
		/* a range: "27–29", "1) – 3)", "102-1 to 102-3" */
		r = q + 3 <= n && !memcmp(s + q, ENDASH, 3) ? q + 3 : after_word(p, q, W_RANGE);
		if (r) {
			r = lp_refs_sp(s, n, r);
			e = item_at(p, r, lv, &pb, 0);
			if (e == r || stopped(p, e) || pb.n != pa.n)
				break;
			expand_range(L, &pa, &pb);
			pa = pb;
			end = e;
			continue;
		}
		r = 0;
		if (q < n && s[q] == ',') {
			r = lp_refs_sp(s, n, q + 1);
			if (after_word(p, r, W_AND))
				r = lp_refs_sp(s, n, after_word(p, r, W_AND));
		} else if (after_word(p, q, W_AND)) {
			r = lp_refs_sp(s, n, after_word(p, q, W_AND));
		}
		if (!r)
			break;
		e = item_at(p, r, lv, &pb, 0);
		if (e == r || stopped(p, e))
			break;
		if (s[r] == '(' && pa.n > 1) {
			/* "19(2) and (3)": a sibling of the last level */
			struct refs_path sib = pa;
			memcpy(sib.seg[sib.n - 1].num, pb.seg[0].num, REFS_NUM);
			pb = sib;
		}
		add_item(L, &pb, singular);
		pa = pb;
		end = e;
	}
	return end;
}

/* outer x inner: every inner path under every outer one.  A пункт/тармақ
 * under a часть/бөлік (both para) is a point, as the codes number them. */
static int
nest(struct list *outer, struct list *inner)
{
	struct list out;
	int i, j;

	out.n = 0;
	for (i = 0; i < outer->n; i++)
		for (j = 0; j < inner->n; j++) {
			struct refs_path q = outer->p[i];
			const struct refs_path *in = &inner->p[j];
			int k;
			if (q.n + in->n > LV_N)
				return 0;
			for (k = 0; k < in->n; k++) {
				q.seg[q.n] = in->seg[k];
				if (q.seg[q.n].lv >= q.seg[q.n - 1].lv) {
					if (q.seg[q.n].lv == LV_PARA && q.seg[q.n - 1].lv == LV_PARA)
						q.seg[q.n].lv = q.seg[q.n].under;
					else
						return 0;
				}
				q.n++;
			}
			list_add(&out, &q);
		}
	*inner = out;
	return 1;
}

/* The level a new outer unit must be above; para may hold a para (code
 * numbering, see nest). */
static int
fits_outside(int outer, int top)
{
	return outer > top || (outer == LV_PARA && top == LV_PARA);
}

static int
unit_at(const struct refs_para *p, size_t off, int kk)
{
	long k = lp_refs_lex_at(p, off);

	if (k < 0 || p->lx[k].v->kind != VX_UNIT || p->lx[k].v->kk != kk)
		return -1;
	return (int)k;
}

static void
mark_used(struct refs_para *p, size_t s, size_t e)
{
	size_t i;

	for (i = lex_from(p, s); i < p->nlx && p->lx[i].s < e; i++)
		if (p->lx[i].e <= e && p->lx[i].v->kind == VX_UNIT)
			p->used[i] = 1;
}

/* Record, on the first segment of every path, what the unit becomes
 * inside a para. */
static void
set_under(struct list *L, const struct refs_sense *v)
{
	int i;

	for (i = 0; i < L->n; i++)
		L->p[i].seg[0].under = (unsigned char)v->under;
}

static void
set_paths(struct refs_chain *ch, const struct list *L)
{
	ch->npath = L->n;
	memcpy(ch->path, L->p, (size_t)L->n * sizeof *L->p);
}

/* ---- number after, inner first (ru, en) ---- */

/* An English number word before a unit is an ordinal ("the first paragraph")
 * only when it is spelt like one; a cardinal there counts ("two articles"). */
static int
ordinal_before(const struct refs_para *p, long k)
{
	const struct refs_lexeme *x = &p->lx[k];
	char a, b;

	if (x->v->kind != VX_ORD)
		return 0;
	if (x->e - x->s < 2)
		return 0;
	a = (char)(p->s[x->e - 2] | 0x20);
	b = (char)(p->s[x->e - 1] | 0x20);
	return (a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') || (a == 't' && b == 'h');
}

static int
chain_after(struct refs_para *p, long li, struct refs_chain *ch)
{
	const char *s = p->s;
	size_t n = p->n, end, q, r;
	const struct refs_lexeme *u = &p->lx[li];
	struct list cur, out;
	int top;
	long k;

	memset(ch, 0, sizeof *ch);
	ch->rule = u->v->rule;
	ch->en = u->v->en;
	ch->s = u->s;
	end = read_list(p, u->e, u->v->lv, u->v->singular, &cur);
	set_under(&cur, u->v);
	if (!end) {
		/* "the first paragraph", "первой части": the ordinal before */
		size_t b = sp_back(s, u->s);
		k = lp_refs_lex_ending(p, b);
		if (k >= 0 && u->v->en && ordinal_before(p, k)) {
			cur.n = 1;
			memset(&cur.p[0], 0, sizeof cur.p[0]);
			cur.p[0].n = 1;
			cur.p[0].seg[0].lv = (unsigned char)u->v->lv;
			snprintf(cur.p[0].seg[0].num, REFS_NUM, "%d", p->lx[k].v->ord);
			ch->s = p->lx[k].s;
			end = u->e;
			set_under(&cur, u->v);
		} else if (k >= 0 && p->lx[k].v->kind == VX_WORD &&
		           (p->lx[k].v->cls == W_THIS || p->lx[k].v->cls == W_SAME)) {
			/* "настоящей статьи", "this article" on its own */
			ch->s = p->lx[k].s;
			ch->e = u->e;
			ch->ana = p->lx[k].v->cls == W_THIS ? ANA_THIS : ANA_SAME;
			ch->ana_lv = u->v->lv;
			ch->bare_ana = 1;
			return 1;
		} else {
			return 0;
		}
	}
	top = u->v->lv;
	for (;;) {
		int ui;
		q = lp_refs_sp(s, n, end);
		r = q;
		if (after_word(p, r, W_OF))
			r = lp_refs_sp(s, n, after_word(p, r, W_OF));
		else if (u->v->en && after_word(p, r, W_RANGE))
			r = lp_refs_sp(s, n, after_word(p, r, W_RANGE));
		if (after_word(p, r, W_THE))
			r = lp_refs_sp(s, n, after_word(p, r, W_THE));
		if ((ui = unit_at(p, r, 0)) >= 0 && fits_outside(p->lx[ui].v->lv, top)) {
			size_t e2 = read_list(p, p->lx[ui].e, p->lx[ui].v->lv, p->lx[ui].v->singular, &out);
			set_under(&out, p->lx[ui].v);
			/* "части первой" comes through read_list; the ordinal
			 * before an outer unit ("of the first part") below */
			if (!e2)
				break;
			if (!nest(&out, &cur))
				break;
			top = p->lx[ui].v->lv;
			end = e2;
			continue;
		}
		/* "the first paragraph of part 1": an ordinal, then the unit */
		if ((k = lp_refs_lex_at(p, r)) >= 0 && p->lx[k].v->kind == VX_ORD &&
		    (!u->v->en || ordinal_before(p, k))) {
			size_t t = lp_refs_sp(s, n, p->lx[k].e);
			if ((ui = unit_at(p, t, 0)) >= 0 && fits_outside(p->lx[ui].v->lv, top)) {
				out.n = 1;
				memset(&out.p[0], 0, sizeof out.p[0]);
				out.p[0].n = 1;
				out.p[0].seg[0].lv = (unsigned char)p->lx[ui].v->lv;
				snprintf(out.p[0].seg[0].num, REFS_NUM, "%d", p->lx[k].v->ord);
				set_under(&out, p->lx[ui].v);
				if (!nest(&out, &cur))
					break;
				top = p->lx[ui].v->lv;
				end = p->lx[ui].e;
				continue;
			}
		}
		/* "пункта 2 настоящей статьи", "paragraph 1 of the same article" */
		if ((k = lp_refs_lex_at(p, r)) >= 0 && p->lx[k].v->kind == VX_WORD &&
		    (p->lx[k].v->cls == W_THIS || p->lx[k].v->cls == W_SAME)) {
			size_t t = lp_refs_sp(s, n, p->lx[k].e);
			if ((ui = unit_at(p, t, 0)) >= 0 && fits_outside(p->lx[ui].v->lv, top)) {
				ch->ana = p->lx[k].v->cls == W_THIS ? ANA_THIS : ANA_SAME;
				ch->ana_lv = p->lx[ui].v->lv;
				end = p->lx[ui].e;
			}
		}
		break;
	}
	/* "Article 39, paragraph 1": an article, then its paragraph */
	if (top == LV_ART && !ch->ana && cur.n >= 1 && cur.p[0].n == 1) {
		int ui, comma = 0;
		q = lp_refs_sp(s, n, end);
		if (q < n && s[q] == ',') {
			comma = 1;
			q = lp_refs_sp(s, n, q + 1);
		}
		if ((ui = unit_at(p, q, 0)) >= 0 && p->lx[ui].v->lv < LV_ART &&
		    (comma ? u->v->en : 1)) {
			struct list in;
			size_t e2 = read_list(p, p->lx[ui].e, p->lx[ui].v->lv, p->lx[ui].v->singular, &in);
			set_under(&in, p->lx[ui].v);
			size_t t = e2 ? lp_refs_sp(s, n, e2) : 0;
			/* not when the paragraph has an article of its own */
			int own = 0;
			if (e2) {
				size_t t2 = t;
				if (after_word(p, t2, W_OF))
					t2 = lp_refs_sp(s, n, after_word(p, t2, W_OF));
				if (after_word(p, t2, W_THE))
					t2 = lp_refs_sp(s, n, after_word(p, t2, W_THE));
				own = unit_at(p, t2, 0) >= 0 || word_at(p, t2, W_THIS) || word_at(p, t2, W_SAME);
			}
			if (e2 && !own) {
				struct list o = cur;
				if (nest(&o, &in)) {
					cur = in;
					end = e2;
					ch->rule = p->lx[ui].v->rule;
				}
			}
		}
	}
	ch->e = end;
	set_paths(ch, &cur);
	return 1;
}

/* ---- number first, outer first (kk) ---- */

/* The end of an item that ends at b, reading backwards: "44" (glued to the
 * unit by a hyphen, or before a comma or a conjunction), "1)", an ordinal.
 * Returns its start, or b when there is none. */
static size_t
item_back(const struct refs_para *p, size_t b, int lv, struct refs_path *path)
{
	const char *s = p->s;
	size_t a, e = b;
	long k;

	memset(path, 0, sizeof *path);
	path->n = 1;
	path->seg[0].lv = (unsigned char)lv;
	if ((k = lp_refs_lex_ending(p, b)) >= 0 && p->lx[k].v->kind == VX_ORD) {
		snprintf(path->seg[0].num, REFS_NUM, "%d", p->lx[k].v->ord);
		return p->lx[k].s;
	}
	if (e > 0 && s[e - 1] == ')')
		e--;
	a = e;
	while (a > 0 && (isdig(s[a - 1]) || (s[a - 1] == '-' && a >= 2 && isdig(s[a - 2]) && a < e && isdig(s[a]))))
		a--;
	if (a == e || !isdig(s[a])) {
		/* "а)": a lettered point */
		if (e < b && e > 0 && lv <= LV_POINT) {
			size_t c = e - 1;
			int l;
			while (c > 0 && ((unsigned char)s[c] & 0xc0) == 0x80)
				c--;
			lp_u8dec(s + c, e - c, &l);
			if (lp_refs_letter_at(s, p->n, c) && !lp_refs_letter_before(s, c) && e - c <= 4) {
				memcpy(path->seg[0].num, s + c, e - c);
				return c;
			}
		}
		return b;
	}
	if (a > 0 && (s[a - 1] == '.' || s[a - 1] == '/' || lp_refs_letter_before(s, a)))
		return b;
	if (e - a >= REFS_NUM)
		return b;
	{
		/* "№ 334": a registration number, not a provision */
		size_t c = sp_back(s, a);
		if (c >= 3 && !memcmp(s + c - 3, "№", 3))
			return b;
	}
	memcpy(path->seg[0].num, s + a, e - a);
	return a;
}

/* The numbers of a Kazakh unit word at lexeme li, read backwards from it:
 * "44-бабы", "27, 33 және 44-баптары", "1) тармақшасы", "бірінші бөлігі".
 * Returns the start of the first, or 0 with L->n == 0. */
static size_t
kk_numbers(const struct refs_para *p, long li, struct list *L)
{
	const char *s = p->s;
	const struct refs_lexeme *u = &p->lx[li];
	size_t b = u->s, a, start;
	struct refs_path items[REFS_PATHS];
	int kinds[REFS_PATHS]; /* 0 item, 1 range to the next */
	int ni = 0, i;
	long k;

	L->n = 0;
	if (b >= 2 && s[b - 1] == '-' && isdig(s[b - 2])) {
		b--;
	} else if (b >= 2 && s[b - 1] == ' ' && s[b - 2] == ')') {
		b--;
	} else {
		k = lp_refs_lex_ending(p, sp_back(s, b));
		if (k >= 0 && p->lx[k].v->kind == VX_ORD)
			b = sp_back(s, b);
		else
			return 0;
	}
	a = item_back(p, b, u->v->lv, &items[0]);
	if (a == b)
		return 0;
	kinds[0] = 0;
	ni = 1;
	start = a;
	while (ni < REFS_PATHS) {
		size_t q = sp_back(s, start), r;
		int range = 0;
		if (q >= 3 && !memcmp(s + q - 3, ENDASH, 3)) {
			r = sp_back(s, q - 3);
			range = 1;
		} else if (q >= 1 && s[q - 1] == ',') {
			r = sp_back(s, q - 1);
		} else if ((k = lp_refs_lex_ending(p, q)) >= 0 && p->lx[k].v->kind == VX_WORD &&
		           p->lx[k].v->cls == W_AND) {
			r = sp_back(s, p->lx[k].s);
			if (r >= 1 && s[r - 1] == ',')
				r = sp_back(s, r - 1);
		} else if ((k = lp_refs_lex_ending(p, q)) >= 0 && p->lx[k].v->kind == VX_WORD &&
		           p->lx[k].v->cls == W_RANGE) {
			r = sp_back(s, p->lx[k].s);
			range = 1;
		} else {
			break;
		}
		a = item_back(p, r, u->v->lv, &items[ni]);
		if (a == r)
			break;
		/* a number glued to another unit word is not ours */
		kinds[ni] = range;
		ni++;
		start = a;
	}
	/* items[] runs backwards; kinds[i] says items[i] and items[i-1] form a range */
	for (i = ni - 1; i >= 0; i--) {
		if (i < ni - 1 && kinds[i + 1])
			expand_range(L, &items[i + 1], &items[i]);
		else
			add_item(L, &items[i], u->v->singular);
	}
	return start;
}

#define KK_NEST_GAP 200 /* bytes of numbers and conjunctions before a nested unit word */

/* The Kazakh chain whose outermost unit word is lexeme li. */
static int
chain_kk(struct refs_para *p, long li, struct refs_chain *ch)
{
	const char *s = p->s;
	size_t n = p->n, end;
	struct list cur, in;
	int top;
	long k;

	memset(ch, 0, sizeof *ch);
	ch->rule = p->lx[li].v->rule;
	ch->kk = 1;
	top = p->lx[li].v->lv;
	ch->s = kk_numbers(p, li, &cur);
	set_under(&cur, p->lx[li].v);
	if (cur.n == 0) {
		/* "осы баптың", "аталған баптың": deixis in place of numbers */
		k = lp_refs_lex_ending(p, sp_back(s, p->lx[li].s));
		if (k < 0 || p->lx[k].v->kind != VX_WORD ||
		    (p->lx[k].v->cls != W_THIS && p->lx[k].v->cls != W_SAME))
			return 0;
		ch->s = p->lx[k].s;
		ch->ana = p->lx[k].v->cls == W_THIS ? ANA_THIS : ANA_SAME;
		ch->ana_lv = top;
		ch->bare_ana = 1;
	}
	end = p->lx[li].e;
	for (;;) {
		size_t q = lp_refs_sp(s, n, end);
		size_t j;
		long ui = -1;
		/* the next Kazakh unit word, if only numbers stand between */
		for (j = lex_from(p, q); j < p->nlx && p->lx[j].s < q + KK_NEST_GAP; j++) {
			const struct refs_sense *v = p->lx[j].v;
			if (v->kind == VX_UNIT && v->kk)
				ui = (long)j;
			else if (v->kind == VX_ORD || (v->kind == VX_WORD && (v->cls == W_AND || v->cls == W_RANGE)))
				continue;
			break;
		}
		if (ui < 0 || !(p->lx[ui].v->lv < top || (p->lx[ui].v->lv == LV_PARA && top == LV_PARA)))
			break;
		if (kk_numbers(p, ui, &in) != q || in.n == 0)
			break;
		set_under(&in, p->lx[ui].v);
		if (ch->bare_ana) {
			cur = in;
			ch->bare_ana = 0;
		} else if (!nest(&cur, &in)) {
			break;
		} else {
			cur = in;
		}
		top = p->lx[ui].v->lv == LV_PARA && top == LV_PARA ? p->lx[ui].v->under : p->lx[ui].v->lv;
		end = p->lx[ui].e;
		li = ui;
		ch->rule = p->lx[ui].v->rule;
	}
	ch->e = end;
	set_paths(ch, &cur);
	return 1;
}

/* ---- expressions ---- */

static int
chain_at(struct refs_para *p, long li, struct refs_chain *ch)
{
	return p->lx[li].v->kk ? chain_kk(p, li, ch) : chain_after(p, li, ch);
}

/* A chain that starts exactly at r (after a conjunction), or 0. */
static int
chain_from(struct refs_para *p, size_t r, struct refs_chain *ch)
{
	size_t j;

	for (j = lex_from(p, r); j < p->nlx; j++) {
		if (p->used[j])
			continue;
		if (p->lx[j].s > r + 64)
			return 0;
		if (p->lx[j].v->kind == VX_UNIT) {
			if (chain_at(p, (long)j, ch) && ch->s == r && !ch->bare_ana)
				return 1;
			return 0;
		}
		if (p->lx[j].v->kind == VX_WORD && p->lx[j].v->cls != W_AND && p->lx[j].v->cls != W_THIS &&
		    p->lx[j].v->cls != W_SAME && p->lx[j].v->cls != W_THE && p->lx[j].v->cls != W_RANGE)
			return 0;
	}
	return 0;
}

static void
push_chain(struct refs_para *p, const struct refs_chain *c)
{
	if (p->nch == p->chcap) {
		p->chcap = p->chcap ? p->chcap * 2 : 8;
		p->ch = lp_xrealloc(p->ch, p->chcap * sizeof *p->ch);
	}
	p->ch[p->nch++] = *c;
	mark_used(p, c->s, c->e);
}

/* The act named right after an expression (ru, en): "статьи 5 Закона ...",
 * "article 5 of the Law ...", and in English reversed order after a comma:
 * "Article 19, para. 3, ICCPR", "Article 39, paragraph 1, of the Constitution". */
static long
act_after(const struct refs_para *p, size_t e, int en)
{
	const char *s = p->s;
	size_t n = p->n, q = lp_refs_sp(s, n, e);

	if (q < n && s[q] == ',') {
		if (!en)
			return -1;
		q = lp_refs_sp(s, n, q + 1);
	}
	if (after_word(p, q, W_OF))
		q = lp_refs_sp(s, n, after_word(p, q, W_OF));
	else if (en && after_word(p, q, W_RANGE))
		q = lp_refs_sp(s, n, after_word(p, q, W_RANGE)); /* "to the Law" */
	if (after_word(p, q, W_THE))
		q = lp_refs_sp(s, n, after_word(p, q, W_THE));
	return lp_refs_mention_at(p, q);
}

#define KK_GENITIVE_WORDS 6 /* words of a clause between a genitive act and its article */

/* A Kazakh genitive ending on the word that ends at e. */
static int
genitive(const char *s, size_t e)
{
	static const char *const end[] = { "ның", "нің", "дың", "дің", "тың", "тің", NULL };
	int k;

	for (k = 0; end[k]; k++) {
		size_t l = strlen(end[k]);
		if (e >= l && !memcmp(s + e - l, end[k], l))
			return 1;
	}
	return 0;
}

/* The act named right before a Kazakh expression: "Сайлау туралы заңның
 * 44-бабы", "ӘҚБтК 355-бабының", "Заңының (бұдан әрі – Заң) 10-бабында". */
static long
act_before(const struct refs_para *p, size_t s0)
{
	const char *s = p->s;
	size_t b = sp_back(s, s0);
	long m = lp_refs_mention_ending(p, b);

	if (m < 0 && b > 0 && s[b - 1] == ')') {
		size_t o = b - 1;
		while (o > 0 && s[o] != '(' && b - o < 120)
			o--;
		if (s[o] == '(')
			m = lp_refs_mention_ending(p, sp_back(s, o));
	}
	if (m < 0) {
		/* "БАҚ туралы заңның ... белгілейтін 25-бабын": an act in the
		 * genitive governs the first designator after it in its clause */
		long k;
		for (k = (long)p->nam - 1; k >= 0; k--) {
			const struct refs_mention *a = &p->am[k];
			size_t j;
			if (a->e > b)
				continue;
			int words = 0;
			if (a->attached || !genitive(s, a->e))
				break;
			for (j = a->e; j < b; j++) {
				if (strchr(".;:()", s[j]))
					break;
				words += s[j] == ' ';
			}
			if (j == b && words <= KK_GENITIVE_WORDS)
				m = k;
			break;
		}
	}
	return m;
}

/* "(Ведомости Парламента ..., 2002 г., № 15, ст. 148)", "(Bulletin ..., No. 15,
 * Art. 148)": an official gazette is cited by issue and item, and the item
 * is abbreviated like an article.  A unit word right after "№ 15," / "No.
 * 15," / "N 15," is such an item, no provision. */
static int
gazette_item(const struct refs_para *p, size_t s0)
{
	const char *s = p->s;
	size_t b = sp_back(s, s0), d;

	if (b == 0 || s[b - 1] != ',')
		return 0;
	b = sp_back(s, b - 1);
	d = b;
	while (d > 0 && (isdig(s[d - 1]) || (s[d - 1] == '-' && d >= 2 && isdig(s[d - 2]) && d < b)))
		d--;
	if (d == b || !isdig(s[d]))
		return 0;
	b = sp_back(s, d);
	if (b >= 3 && !memcmp(s + b - 3, "№", 3))
		return 1;
	if (b >= 1 && s[b - 1] == '.')
		b--;
	if (b >= 2 && !memcmp(s + b - 2, "No", 2))
		b -= 2;
	else if (b >= 1 && s[b - 1] == 'N')
		b--;
	else
		return 0;
	return b == 0 || !lp_refs_letter_before(s, b);
}

/* "ARTICLE 19 and the Bureau", "ARTICLE 19 Central Asia": an English unit
 * word in capitals, in text that is not in capitals, is a name (the
 * freedom-of-expression NGO), not a citation.  A capitals heading or title
 * ("ARTICLE 5 OF THE LAW") keeps its capitals after the number. */
static int
caps_name(const struct refs_para *p, const struct refs_chain *c, const struct refs_expr *x)
{
	const char *s = p->s;
	long k = lp_refs_lex_at(p, c->s);
	size_t i, q;
	int upper = 0;

	if (k < 0 || !c->en || x->nc != 1 || x->mention >= 0 || c->npath != 1 || c->path[0].n != 1)
		return 0;
	for (i = p->lx[k].s; i < p->lx[k].e; i++) {
		if (s[i] >= 'a' && s[i] <= 'z')
			return 0;
		upper += s[i] >= 'A' && s[i] <= 'Z';
	}
	if (upper < 2)
		return 0;
	q = lp_refs_sp(s, p->n, c->e);
	if (q >= p->n || !lp_refs_letter_at(s, p->n, q))
		return 0;
	for (i = q; i < p->n && lp_refs_letter_at(s, p->n, i); i++)
		if (s[i] >= 'a' && s[i] <= 'z')
			return 1;
	return 0;
}

void
lp_refs_parse(struct refs_para *p, size_t skip)
{
	size_t i;
	struct refs_chain c;

	p->nch = p->nex = 0;
	if (p->usedcap < p->nlx) {
		p->usedcap = p->nlx;
		p->used = lp_xrealloc(p->used, p->usedcap);
	}
	if (p->nlx)
		memset(p->used, 0, p->nlx);
	for (i = 0; i < p->nlx; i++) {
		struct refs_expr x;
		long m;

		if (p->used[i] || p->lx[i].v->kind != VX_UNIT || p->lx[i].s < skip)
			continue;
		if (!chain_at(p, (long)i, &c))
			continue;
		if (c.s < skip || gazette_item(p, c.s))
			continue;
		memset(&x, 0, sizeof x);
		x.c0 = p->nch;
		x.s = c.s;
		push_chain(p, &c);
		x.nc = 1;
		x.e = c.e;
		x.mention = -1;
		/* more chains joined by commas and conjunctions */
		while (!c.bare_ana) {
			size_t q = lp_refs_sp(p->s, p->n, x.e), r = 0;
			if (q < p->n && p->s[q] == ',') {
				r = lp_refs_sp(p->s, p->n, q + 1);
				if (after_word(p, r, W_AND))
					r = lp_refs_sp(p->s, p->n, after_word(p, r, W_AND));
			} else if (after_word(p, q, W_AND)) {
				r = lp_refs_sp(p->s, p->n, after_word(p, q, W_AND));
			}
			if (!r || !chain_from(p, r, &c) || c.kk != p->ch[x.c0].kk)
				break;
			push_chain(p, &c);
			x.nc++;
			x.e = c.e;
		}
		if (p->ch[x.c0].kk) {
			m = act_before(p, x.s);
		} else {
			m = act_after(p, x.e, p->ch[x.c0].en);
			if (m >= 0)
				x.e = p->am[m].e;
		}
		if (m >= 0) {
			x.mention = (int)m;
			p->am[m].attached = 1;
		}
		if (caps_name(p, &p->ch[x.c0], &x)) {
			p->nch = x.c0;
			continue;
		}
		if (p->nex == p->excap) {
			p->excap = p->excap ? p->excap * 2 : 8;
			p->ex = lp_xrealloc(p->ex, p->excap * sizeof *p->ex);
		}
		p->ex[p->nex++] = x;
	}
}
