/*
 * refs_gate.c - where in a paragraph a refs alternation can match, found
 * in C, so that PCRE2 runs only there (refs_vocab.c).
 *
 * Every alternation of refs_vocab.c is (?<!\p{L})(?:A1|A2|...) with each
 * Ai followed by (?!\p{L}).  From the sources of the Ai this file works out
 * the pairs of characters a match can start with (the second of a one-
 * character match is whatever may follow it: no letter, or the end).  The
 * paragraph is walked once; a position is a candidate when the character
 * before it is no letter and its first two characters form such a pair.
 * The caller runs the alternation, compiled anchored, at candidates only:
 * a match can start nowhere else, so the matches are those of a scan that
 * tries every position -- same spans, same order, same marks.
 *
 * Characters are compared as symbols: each character the alternatives
 * name, folded as PCRE2 (caseless, UCP) relates it to others, is one;
 * every other character is a letter, a space, a digit or other, as PCRE2
 * classifies it.  What soundness rests on, both checked against PCRE2 by
 * tests/unit/refs_gate_test.c: the fold of the characters below U+0800
 * joins every pair PCRE2 matches caselessly; a character from U+0800 on
 * that PCRE2 relates to one below it (Kelvin sign, long s's kin, Cyrillic
 * rounded ve...) is "wild": a candidate wherever it stands.  Supplementary
 * characters are wild too, and never count as the letter before.
 *
 * Anything the analysis does not know (backreferences, \K, \R, (*SKIP),
 * (*COMMIT), (?x), a quantifier it cannot read, an alternative that can
 * match the empty string) turns the gate off for the whole alternation:
 * every position is tried, as before.  An alternative that may start with
 * any letter ("\p{L}+\s+процестік") would make every word a candidate; it
 * counts only in a paragraph that holds its required literal (found by a
 * caseless PCRE2 search, so the test is PCRE2's own), and turns the gate
 * off when it has none.
 *
 * The analysis works to any depth d: for the tables d is 3; a deep look
 * (lp_refs_deep_*) reads DEEP characters at a candidate and holds them
 * against the DEEP-character starts of the alternatives a cut regex holds,
 * so "the" in "the court" or "2019" in "2019 года" need not go to PCRE2
 * for the act names "the same law" or "2019 жылғы ... Заңы".  Once a
 * sequence has no match shorter than d, the rest of it is only read.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "refs.h"

#define LO 0x800      /* characters with a precomputed fold: one or two bytes */
#define NSYM 256
#define NHI 32        /* named characters from U+0800 (quotes, dashes, №) */
#define LIT_MAX 48    /* code points of a required literal */
#define LIT_MIN 3
#define DEPTH_MAX 64

/* Symbols: what a text character is, for the pair tables. */
enum {
	S_END,     /* past the subject's end (second place only) */
	S_WILD,    /* may be anything: always a candidate */
	S_LETTER, S_SPACE, S_DIGIT, S_OTHER, /* characters the patterns do not name */
	S_OVER,    /* named characters past the table's room */
	/* sets, in the analysis only, expanded when the tables are built */
	V_LETTERS, V_SPACES, V_DIGITS, V_NONLETTERS, V_ANY,
	S_NAMED    /* the first named character */
};

/* Character classes as PCRE2 sees them. */
enum { C_LETTER = 1, C_SPACE = 2, C_DIGIT = 4, C_WILD = 8, C_KNOWN = 16 };

struct refs_chars {
	uint16_t fold[LO];
	uint8_t cls[LO];
	uint64_t letter2[0xe000 / 64]; /* first two bytes of a character below U+0800: a letter? */
	uint8_t len1[256];             /* bytes of the character a byte starts (1 for strays) */
	uint8_t inword[256];           /* after a letter, a byte of a letter: an ASCII letter,
	                                * a lead byte all of whose characters are letters (Cyrillic's
	                                * 0xd0, 0xd1), or a continuation byte */
	uint8_t *hi;          /* U+0800..U+FFFF, C_* | C_KNOWN once met */
	pcre2_code *letter, *space, *digit, *low;
	pcre2_match_data *md;
};

struct set {
	uint64_t w[NSYM / 64];
};

#define HASH_BITS 16

/* Which starts make a candidate: the first two characters' symbols, and
 * for some pairs the third's. */
struct table {
	struct set acc[NSYM];  /* row: first symbol; bits: seconds that will do */
	struct set nl[NSYM];   /* ...that will do when the third may be no letter */
	struct set tri[NSYM];  /* ...that will do when the three are in hash */
	uint64_t hash[(1u << HASH_BITS) / 64];
	uint8_t pair[NSYM * NSYM]; /* the three rows at once: P_ACC | P_NL | P_TRI */
};

enum { P_ACC = 1, P_NL = 2, P_TRI = 4 };

struct refs_gate {
	struct refs_chars *k;
	uint8_t lo[LO];                    /* the symbol of each character below U+0800 */
	uint32_t hicp[NHI];
	uint8_t hisym[NHI];
	int nhi;
	struct table *full, *narrow;       /* all alternatives; those not led by any letter */
	const struct table *t;             /* full or narrow, for this subject */
	uint8_t maynl[NSYM];               /* a symbol that may stand for no letter */
	uint8_t named[LO];                 /* the analysis's symbols, for a deep look */
	uint8_t may[NSYM];
	struct boxes *dstarts;             /* per alternative: its DEEP-character starts */
	unsigned char *dstate;             /* per alternative: 0 not analysed, 1 done, 2 cannot be */
	struct set *first;                 /* per alternative: the symbols it may start with */
	size_t nalt;
	unsigned nsym;
	pcre2_code *lit;                   /* wide alternatives' literals, or NULL */
	pcre2_match_data *md;
	size_t tried;                      /* candidates handed out (tests) */
};

/* ---- characters ---- */

static pcre2_code *
compile1(const char *re, uint32_t opts)
{
	int err;
	PCRE2_SIZE off;
	pcre2_code *c = pcre2_compile((PCRE2_SPTR)re, PCRE2_ZERO_TERMINATED,
	                              PCRE2_UTF | PCRE2_UCP | PCRE2_ANCHORED | opts, &err, &off, NULL);

	if (!c)
		lp_die("refs gate: cannot compile %s", re);
	return c;
}

static int
is(struct refs_chars *k, const pcre2_code *re, uint32_t cp)
{
	char u[4];
	int l = lp_u8enc(cp, u);

	return pcre2_match(re, (PCRE2_SPTR)u, (size_t)l, 0, PCRE2_NO_UTF_CHECK, k->md, NULL) > 0;
}

static uint8_t
classify(struct refs_chars *k, uint32_t cp)
{
	return (uint8_t)((is(k, k->letter, cp) ? C_LETTER : 0) | (is(k, k->space, cp) ? C_SPACE : 0) |
	                 (is(k, k->digit, cp) ? C_DIGIT : 0));
}

static uint16_t
root(uint16_t *up, uint16_t x)
{
	while (up[x] != x)
		x = up[x] = up[up[x]];
	return x;
}

static void
join(uint16_t *up, uint32_t a, uint32_t b)
{
	uint16_t ra, rb;

	if (a >= LO || b >= LO)
		return;
	ra = root(up, (uint16_t)a);
	rb = root(up, (uint16_t)b);
	if (ra < rb)
		up[rb] = ra;
	else
		up[ra] = rb;
}

struct refs_chars *
lp_refs_chars_new(void)
{
	struct refs_chars *k = lp_xmalloc(sizeof *k);
	uint16_t up[LO];
	uint32_t c;

	memset(k, 0, sizeof *k);
	k->letter = compile1("\\p{L}", 0);
	k->space = compile1("\\s", 0);
	k->digit = compile1("\\d", 0);
	k->low = compile1("[\\x{0}-\\x{7ff}]", PCRE2_CASELESS);
	k->md = pcre2_match_data_create(1, NULL);
	if (!k->md)
		lp_die("out of memory");
	/* case partners by Unicode's simple mappings; the test holds the
	 * result against PCRE2's caseless matching, pair by pair */
	for (c = 0; c < LO; c++)
		up[c] = (uint16_t)c;
	for (c = 0; c < LO; c++) {
		join(up, c, (uint32_t)utf8proc_tolower((utf8proc_int32_t)c));
		join(up, c, (uint32_t)utf8proc_toupper((utf8proc_int32_t)c));
		join(up, c, (uint32_t)utf8proc_totitle((utf8proc_int32_t)c));
	}
	for (c = 0; c < LO; c++) {
		k->fold[c] = root(up, (uint16_t)c);
		k->cls[c] = classify(k, c);
	}
	for (c = 0; c < 256; c++) {
		k->len1[c] = (uint8_t)(c >= 0xc2 && c < 0xe0 ? 2 : 1);
		if (c < 0x80) {
			k->inword[c] = k->cls[c] & C_LETTER;
		} else if (c < 0xc0) {
			k->inword[c] = 1;
		} else if (c >= 0xc2 && c < 0xe0) {
			uint32_t t;
			for (t = 0; t < 64 && (k->cls[((c & 0x1f) << 6) | t] & C_LETTER); t++)
				;
			k->inword[c] = t == 64;
		}
	}
	for (c = 0; c < 0xe000; c++) {
		uint32_t b0 = c >> 8, b1 = c & 0xff, cp;
		if (b0 < 0x80)
			cp = b0;
		else if (b0 >= 0xc2 && (b1 & 0xc0) == 0x80)
			cp = ((b0 & 0x1f) << 6) | (b1 & 0x3f);
		else
			continue;
		if (k->cls[cp] & C_LETTER)
			k->letter2[c / 64] |= (uint64_t)1 << (c % 64);
	}
	return k;
}

void
lp_refs_chars_free(struct refs_chars *k)
{
	if (!k)
		return;
	pcre2_code_free(k->letter);
	pcre2_code_free(k->space);
	pcre2_code_free(k->digit);
	pcre2_code_free(k->low);
	pcre2_match_data_free(k->md);
	free(k->hi);
	free(k);
}

uint32_t
lp_refs_chars_fold(const struct refs_chars *k, uint32_t cp)
{
	return cp < LO ? k->fold[cp] : cp;
}

/* C_* of a character from U+0800 to U+FFFF, asked of PCRE2 once. */
static uint8_t
hi_class(struct refs_chars *k, uint32_t cp)
{
	uint8_t c;

	if (!k->hi) {
		k->hi = lp_xmalloc(0x10000);
		memset(k->hi, 0, 0x10000);
	}
	if ((c = k->hi[cp]))
		return c;
	c = C_KNOWN | classify(k, cp) | (is(k, k->low, cp) ? C_WILD : 0);
	k->hi[cp] = c;
	return c;
}

/* ---- symbol sets ---- */

static void
set_add(struct set *s, unsigned x)
{
	s->w[x / 64] |= (uint64_t)1 << (x % 64);
}

static int
set_has(const struct set *s, unsigned x)
{
	return (int)((s->w[x / 64] >> (x % 64)) & 1);
}

static void
set_or(struct set *a, const struct set *b)
{
	size_t i;

	for (i = 0; i < NSYM / 64; i++)
		a->w[i] |= b->w[i];
}

static int
set_eq(const struct set *a, const struct set *b)
{
	size_t i;

	for (i = 0; i < NSYM / 64; i++)
		if (a->w[i] != b->w[i])
			return 0;
	return 1;
}

static int
set_empty(const struct set *s)
{
	size_t i;

	for (i = 0; i < NSYM / 64; i++)
		if (s->w[i])
			return 0;
	return 1;
}

static struct set
set1(unsigned x)
{
	struct set s;

	memset(&s, 0, sizeof s);
	set_add(&s, x);
	return s;
}

/* ---- the analysis ----
 * What the strings a piece of regex matches can start with, to a depth of
 * d characters (3 for the gate's tables, DEEP for a deep look): whether it
 * matches the empty string; its matches of k characters, for k < d; and
 * the first k characters of those of k or more, for k <= d -- each a union
 * of products of symbol sets ("boxes"). */

#define DEEP 6        /* characters a deep look reads */
#define BOXES_MAX 512 /* boxes in a list; more are merged into one wide box */

/* Boxes of w sets each, one after the other in s. */
struct boxes {
	struct set *s;
	size_t n, cap;
};

struct sum {
	int nullable;
	struct boxes e[DEEP];     /* e[k]: the matches of k characters, 0 < k < d */
	struct boxes f[DEEP + 1]; /* f[k]: the first k characters of longer ones, or as long, 0 < k <= d */
};

struct build {
	struct refs_chars *k;
	int depth;                /* d: 3, or DEEP */
	uint8_t named[LO];        /* symbol of a fold class the patterns name, 0 none */
	uint32_t hicp[NHI];
	uint8_t hisym[NHI];
	int nhi;
	unsigned nsym;
	struct boxes all, narrow; /* d-character starts: all alternatives; the narrow ones */
	struct lp_buf lits;       /* "(?:lit|lit)" of the wide alternatives */
	int nlits, nolit;         /* literals; a wide alternative without one */
	struct set *first;        /* per alternative */
	size_t nalt;
};

struct parse {
	const unsigned char *p;
	struct build *b;
	int fail, depth, topalt;
	int quiet;                /* reading only: what is analysed changes nothing */
	uint32_t run[LIT_MAX], best[LIT_MAX];
	int nrun, nbest;
};

static void
sum_init(struct sum *s, int nullable)
{
	memset(s, 0, sizeof *s);
	s->nullable = nullable;
}

static void
sum_free(struct sum *s)
{
	int k;

	for (k = 0; k < DEEP; k++)
		if (s->e[k].s)
			free(s->e[k].s);
	for (k = 0; k <= DEEP; k++)
		if (s->f[k].s)
			free(s->f[k].s);
	memset(s, 0, sizeof *s);
}

/* Add the box of the w sets at a (a box with an empty side adds nothing). */
static void
box_add(struct boxes *l, int w, const struct set *a)
{
	size_t i;
	int j;

	for (j = 0; j < w; j++)
		if (set_empty(&a[j]))
			return;
	for (i = 0; i < l->n; i++) { /* the same but for one side: widen that one */
		struct set *bx = &l->s[i * (size_t)w];
		int diff = -1;
		for (j = 0; j < w; j++)
			if (!set_eq(&bx[j], &a[j])) {
				if (diff >= 0)
					break;
				diff = j;
			}
		if (j == w) {
			if (diff >= 0)
				set_or(&bx[diff], &a[diff]);
			return;
		}
	}
	if (l->n == BOXES_MAX) {
		/* too many to keep apart: the first box widened to hold this
		 * one too still holds all it held */
		for (j = 0; j < w; j++)
			set_or(&l->s[j], &a[j]);
		return;
	}
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 4;
		l->s = lp_xrealloc(l->s, l->cap * (size_t)w * sizeof *l->s);
	}
	memcpy(&l->s[l->n * (size_t)w], a, (size_t)w * sizeof *a);
	l->n++;
}

static void
boxes_or(struct boxes *l, int w, const struct boxes *m)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		box_add(l, w, &m->s[i * (size_t)w]);
}

/* l |= x y for the boxes x (wx sets each) and y (wy) */
static void
boxes_cat(struct boxes *l, const struct boxes *x, int wx, const struct boxes *y, int wy)
{
	struct set t[DEEP];
	size_t i, j;

	for (i = 0; i < x->n; i++) {
		memcpy(t, &x->s[i * (size_t)wx], (size_t)wx * sizeof *t);
		for (j = 0; j < y->n; j++) {
			memcpy(t + wx, &y->s[j * (size_t)wy], (size_t)wy * sizeof *t);
			box_add(l, wx + wy, t);
		}
	}
}

/* l |= m, taking m's boxes when l has none (steal: m is dropped after) */
static void
boxes_take(struct boxes *l, int w, struct boxes *m, int steal)
{
	if (steal && !l->n && !l->s) {
		*l = *m;
		memset(m, 0, sizeof *m);
		return;
	}
	boxes_or(l, w, m);
}

/* r = x y (r is new); steal: x is freed after, and its f boxes, used
 * once here, may be moved */
static void
concat2(struct sum *r, struct sum *x, const struct sum *y, int d, int steal)
{
	int k, i;

	sum_init(r, x->nullable && y->nullable);
	for (k = 1; k < d; k++) {
		if (y->nullable) /* x->e[k] is used again, for e[k + 1]... */
			boxes_or(&r->e[k], k, &x->e[k]);
		for (i = 1; i < k; i++)
			boxes_cat(&r->e[k], &x->e[i], i, &y->e[k - i], k - i);
		if (x->nullable)
			boxes_or(&r->e[k], k, &y->e[k]);
	}
	for (k = 1; k <= d; k++) {
		boxes_take(&r->f[k], k, &x->f[k], steal);
		for (i = k - 1; i > 0; i--)
			boxes_cat(&r->f[k], &x->e[i], i, &y->f[k - i], k - i);
		if (x->nullable)
			boxes_or(&r->f[k], k, &y->f[k]);
	}
}

/* s = s t */
static void
concat(struct sum *s, const struct sum *t, int d)
{
	struct sum r;
	int k;

	/* s has no match shorter than d characters: its first d are all
	 * there is to know, whatever follows */
	for (k = 1; k < d && !s->e[k].n; k++)
		;
	if (k == d && !s->nullable)
		return;
	concat2(&r, s, t, d, 1);
	sum_free(s);
	*s = r;
}

/* s = s | t */
static void
either(struct sum *s, const struct sum *t, int d)
{
	int k;

	s->nullable |= t->nullable;
	for (k = 1; k < d; k++)
		boxes_or(&s->e[k], k, &t->e[k]);
	for (k = 1; k <= d; k++)
		boxes_or(&s->f[k], k, &t->f[k]);
}

/* s = s | ss | sss...: the first d characters of any number of s come
 * from at most d of them, and r rounds give up to 2^r */
static void
repeat(struct sum *s, int d)
{
	int k;

	for (k = 1; k < d; k *= 2) {
		struct sum t;
		concat2(&t, s, s, d, 0);
		either(s, &t, d);
		sum_free(&t);
	}
}

/* one character of the set x */
static void
sum_char(struct sum *s, const struct set *x)
{
	sum_init(s, 0);
	box_add(&s->e[1], 1, x);
	box_add(&s->f[1], 1, x);
}

/* The first characters of the non-empty matches of s. */
static struct set
sum_first(const struct sum *s)
{
	struct set x;

	memset(&x, 0, sizeof x);
	if (s->f[1].n) /* one box at most: boxes of one set always merge */
		x = s->f[1].s[0];
	return x;
}

/* The first d characters of what s matches, then no letter (or the end),
 * then anything (or the end): the starts of a match of an alternative
 * followed by (?!\p{L}). */
static void
sum_starts(const struct sum *s, int d, struct boxes *out)
{
	struct set t[DEEP];
	int k, j;
	size_t i;

	boxes_or(out, d, &s->f[d]);
	for (k = d - 1; k > 0; k--)
		for (i = 0; i < s->e[k].n; i++) {
			memcpy(t, &s->e[k].s[i * (size_t)k], (size_t)k * sizeof *t);
			t[k] = set1(V_NONLETTERS);
			for (j = k + 1; j < d; j++)
				t[j] = set1(V_ANY);
			box_add(out, d, t);
		}
}

/* The symbol of a character a pattern names; V_ANY for one the gate does
 * not tell apart from its case partners (a cased character from U+0800 on,
 * a letter there) or has no room for. */
static unsigned
named(struct build *b, uint32_t cp)
{
	int i;

	if (cp < LO) {
		uint16_t f = b->k->fold[cp];
		if (!b->named[f])
			b->named[f] = (uint8_t)(b->nsym < NSYM ? b->nsym++ : S_OVER);
		return b->named[f];
	}
	if (cp > 0xffff || (cp >= 0xd800 && cp <= 0xdfff) || (hi_class(b->k, cp) & (C_WILD | C_LETTER)) ||
	    utf8proc_tolower((utf8proc_int32_t)cp) != (utf8proc_int32_t)cp ||
	    utf8proc_toupper((utf8proc_int32_t)cp) != (utf8proc_int32_t)cp ||
	    utf8proc_totitle((utf8proc_int32_t)cp) != (utf8proc_int32_t)cp)
		return V_ANY;
	for (i = 0; i < b->nhi; i++)
		if (b->hicp[i] == cp)
			return b->hisym[i];
	if (b->nhi == NHI || b->nsym == NSYM)
		return V_ANY;
	b->hicp[b->nhi] = cp;
	b->hisym[b->nhi] = (uint8_t)b->nsym++;
	return b->hisym[b->nhi++];
}

static void parse_alt(struct parse *ps, struct sum *out, int top);

/* the run of literal characters at the top level, for a wide alternative */
static void
run_end(struct parse *ps)
{
	if (ps->nrun > ps->nbest) {
		memcpy(ps->best, ps->run, (size_t)ps->nrun * sizeof *ps->run);
		ps->nbest = ps->nrun;
	}
	ps->nrun = 0;
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* \x{hhh} or \xhh after the x; the code point, or -1 */
static long
hex_escape(struct parse *ps)
{
	long v = 0;
	int d, nd = 0;

	if (*ps->p == '{') {
		ps->p++;
		while ((d = hexval(*ps->p)) >= 0 && nd < 8) {
			v = v * 16 + d;
			ps->p++;
			nd++;
		}
		if (*ps->p != '}' || !nd)
			return -1;
		ps->p++;
		return v;
	}
	while (nd < 2 && (d = hexval(*ps->p)) >= 0) {
		v = v * 16 + d;
		ps->p++;
		nd++;
	}
	return v;
}

/* The character or set of an escape (ps->p past the backslash) into *x:
 * 1 for one character (*cp), 2 for a set, 0 for an assertion that
 * matches the empty string; ps->fail for what the gate does not know. */
static int
escape(struct parse *ps, struct set *x, uint32_t *cp, int inclass)
{
	unsigned char c = *ps->p;

	if (!c) {
		ps->fail = 1;
		return 0;
	}
	if (c >= 0x80 || !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
		int l;
		*cp = lp_u8dec((const char *)ps->p, 4, &l);
		ps->p += l;
		return 1;
	}
	ps->p++;
	switch (c) {
	case 't': *cp = '\t'; return 1;
	case 'n': *cp = '\n'; return 1;
	case 'r': *cp = '\r'; return 1;
	case 'f': *cp = '\f'; return 1;
	case 'e': *cp = 0x1b; return 1;
	case 'a': *cp = 7; return 1;
	case 'x': {
		long v = hex_escape(ps);
		if (v < 0 || v > 0x10ffff) {
			ps->fail = 1;
			return 0;
		}
		*cp = (uint32_t)v;
		return 1;
	}
	case 's': *x = set1(V_SPACES); return 2;
	case 'd': *x = set1(V_DIGITS); return 2;
	case 'w': case 'W': case 'S': case 'D': case 'h': case 'H': case 'v': case 'V': case 'N':
		*x = set1(V_ANY);
		return 2;
	case 'p': case 'P':
		if (c == 'p' && !strncmp((const char *)ps->p, "{L}", 3)) {
			ps->p += 3;
			*x = set1(V_LETTERS);
			return 2;
		}
		if (*ps->p == '{') {
			const char *e = strchr((const char *)ps->p, '}');
			if (!e) {
				ps->fail = 1;
				return 0;
			}
			ps->p = (const unsigned char *)e + 1;
		} else if (*ps->p) {
			ps->p++;
		}
		*x = set1(V_ANY);
		return 2;
	case 'b': case 'B': case 'A': case 'z': case 'Z':
		if (!inclass)
			return 0;
		if (c == 'b') { /* backspace in a class */
			*cp = 8;
			return 1;
		}
		break;
	}
	ps->fail = 1; /* \K \G \Q \R \X \C, back references, and the rest */
	return 0;
}

/* [...] into *x: exact for lists of characters, \s, \d and \p{L};
 * V_ANY for negated classes, ranges and the rest. */
static void
parse_class(struct parse *ps, struct set *x)
{
	int any = 0, first = 1;

	memset(x, 0, sizeof *x);
	ps->p++;
	if (*ps->p == '^') {
		any = 1;
		ps->p++;
	}
	for (;; first = 0) {
		uint32_t cp;
		struct set e;
		int l;

		if (!*ps->p) {
			ps->fail = 1;
			return;
		}
		if (*ps->p == ']' && !first)
			break;
		if (*ps->p == '[') { /* [:alpha:] and friends */
			any = 1;
			if (ps->p[1] == ':' || ps->p[1] == '.' || ps->p[1] == '=') {
				const char *e2 = strstr((const char *)ps->p + 2, ":]");
				if (!e2) {
					ps->fail = 1;
					return;
				}
				ps->p = (const unsigned char *)e2 + 2;
			} else {
				ps->p++;
			}
			continue;
		}
		if (*ps->p == '-' && !first && ps->p[1] != ']') {
			any = 1; /* a range */
			ps->p++;
			continue;
		}
		if (*ps->p == '\\') {
			ps->p++;
			l = escape(ps, &e, &cp, 1);
			if (ps->fail)
				return;
			if (l == 2)
				set_or(x, &e);
			else if (l == 1)
				set_add(x, named(ps->b, cp));
			continue;
		}
		cp = lp_u8dec((const char *)ps->p, 4, &l);
		ps->p += l;
		set_add(x, named(ps->b, cp));
	}
	ps->p++;
	if (any)
		*x = set1(V_ANY);
}

/* s matches one character, of one set, and nothing else */
static int
one_char(const struct sum *s, int d)
{
	int k;

	if (s->nullable || s->e[1].n != 1 || s->f[1].n != 1 || !set_eq(&s->e[1].s[0], &s->f[1].s[0]))
		return 0;
	for (k = 2; k < d; k++)
		if (s->e[k].n)
			return 0;
	for (k = 2; k <= d; k++)
		if (s->f[k].n)
			return 0;
	return 1;
}

/* s = x{lo,hi} (no upper bound when inf) for s one character of the set x */
static void
repeat_char(struct sum *s, unsigned long lo, unsigned long hi, int inf, int d)
{
	struct set t[DEEP];
	int k;

	for (k = 0; k < DEEP; k++)
		t[k] = s->e[1].s[0];
	sum_free(s);
	sum_init(s, lo == 0);
	for (k = 1; k <= d && (inf || (unsigned long)k <= hi); k++) {
		box_add(&s->f[k], k, t);
		if (k < d && (unsigned long)k >= lo)
			box_add(&s->e[k], k, t);
	}
}

/* A quantifier after an atom, applied to s; 1 when there was one (it
 * ends a run of literal characters), 0 when there was none. */
static int
quantifier(struct parse *ps, struct sum *s)
{
	unsigned long lo = 0, hi = 0;
	int inf = 0;
	unsigned char c = *ps->p;

	if (c == '?') {
		lo = 0, hi = 1;
	} else if (c == '*') {
		lo = 0, inf = 1;
	} else if (c == '+') {
		lo = 1, inf = 1;
	} else if (c == '{') {
		const unsigned char *q = ps->p + 1;
		char *e;
		if (*q < '0' || *q > '9') {
			ps->fail = 1; /* a literal brace, or {,n}: not ours */
			return 0;
		}
		lo = strtoul((const char *)q, &e, 10);
		q = (const unsigned char *)e;
		if (*q == ',') {
			q++;
			if (*q == '}')
				inf = 1;
			else if (*q >= '0' && *q <= '9') {
				hi = strtoul((const char *)q, &e, 10);
				q = (const unsigned char *)e;
			} else {
				ps->fail = 1;
				return 0;
			}
		} else {
			hi = lo;
		}
		if (*q != '}') {
			ps->fail = 1;
			return 0;
		}
		ps->p = q; /* on the brace; stepped past below */
	} else {
		return 0;
	}
	ps->p++;
	if (*ps->p == '?' || *ps->p == '+') /* lazy, possessive: the same strings */
		ps->p++;
	if (!inf && hi == 0) { /* x{0}: nothing */
		sum_free(s);
		sum_init(s, 1);
		return 1;
	}
	if (ps->quiet)
		return 1;
	if (one_char(s, ps->b->depth)) { /* \s+, \d{4}, [\w-]+: counted exactly */
		repeat_char(s, lo, hi, inf, ps->b->depth);
		return 1;
	}
	if (inf || hi >= 2) /* more than one in a row */
		repeat(s, ps->b->depth);
	if (lo == 0)
		s->nullable = 1;
	return 1;
}

/* (...) of any kind; ps->p on the parenthesis */
static void
parse_group(struct parse *ps, struct sum *s)
{
	const unsigned char *q = ps->p + 1;
	int look = 0;

	sum_init(s, 1);
	if (*q == '*') {
		/* verbs: the mark and the ones that only steer backtracking at
		 * one start are harmless; (*SKIP), (*COMMIT), (*ACCEPT) and the
		 * start-of-pattern settings change where matching goes on */
		const char *e = strchr((const char *)q, ')');
		if (!e) {
			ps->fail = 1;
			return;
		}
		if (!strncmp((const char *)q, "*MARK:", 6) || !strncmp((const char *)q, "*:", 2) ||
		    !strncmp((const char *)q, "*PRUNE", 6) || !strncmp((const char *)q, "*THEN", 5)) {
			ps->p = (const unsigned char *)e + 1;
			return;
		}
		if (!strncmp((const char *)q, "*FAIL)", 6) || !strncmp((const char *)q, "*F)", 3)) {
			s->nullable = 0; /* matches nothing */
			ps->p = (const unsigned char *)e + 1;
			return;
		}
		ps->fail = 1;
		return;
	}
	if (*q == '?') {
		q++;
		if (*q == ':' || *q == '>' || *q == '|') {
			q++;
		} else if (*q == '=' || *q == '!') {
			look = 1;
			q++;
		} else if (*q == '<' && (q[1] == '=' || q[1] == '!')) {
			look = 1;
			q += 2;
		} else if (*q == '<' || *q == '\'' || (*q == 'P' && q[1] == '<')) {
			const char *e = strchr((const char *)q, *q == '\'' ? '\'' : '>');
			if (*q == '\'')
				e = strchr((const char *)q + 1, '\'');
			if (!e) {
				ps->fail = 1;
				return;
			}
			q = (const unsigned char *)e + 1;
		} else if (*q == '#') {
			const char *e = strchr((const char *)q, ')');
			if (!e) {
				ps->fail = 1;
				return;
			}
			ps->p = (const unsigned char *)e + 1;
			return;
		} else {
			/* options: (?i) (?-i:...); (?x) changes how the rest reads */
			const unsigned char *o = q;
			while (*o && strchr("imnsJU^-", *o))
				o++;
			if (o == q && *o != ')' && *o != ':') {
				ps->fail = 1; /* (?R) (?1) (?&n) (?(...) (?C) ... */
				return;
			}
			if (*o == ')') {
				ps->p = o + 1;
				return;
			}
			if (*o != ':') {
				ps->fail = 1;
				return;
			}
			q = o + 1;
		}
	}
	ps->p = q;
	if (++ps->depth > DEPTH_MAX) {
		ps->fail = 1;
		return;
	}
	parse_alt(ps, s, 0);
	ps->depth--;
	if (ps->fail)
		return;
	if (*ps->p != ')') {
		ps->fail = 1;
		return;
	}
	ps->p++;
	if (look) { /* an assertion: the empty string, as far as the gate sees */
		sum_free(s);
		sum_init(s, 1);
	}
}

/* s has no match shorter than d characters: what follows it changes
 * nothing of its first d */
static int
saturated(const struct sum *s, int d)
{
	int k;

	if (s->nullable)
		return 0;
	for (k = 1; k < d; k++)
		if (s->e[k].n)
			return 0;
	return 1;
}

/* a: one character of the set x (nothing, when reading only) */
static void
atom(const struct parse *ps, struct sum *a, const struct set *x)
{
	if (ps->quiet)
		sum_init(a, 0);
	else
		sum_char(a, x);
}

static void
parse_seq(struct parse *ps, struct sum *out, int top)
{
	sum_init(out, 1);
	if (top)
		run_end(ps);
	int quiet = ps->quiet;

	while (*ps->p && *ps->p != '|' && *ps->p != ')' && !ps->fail) {
		struct sum a;
		struct set x;
		uint32_t cp = 0;
		int lit = 0, l;

		/* the rest of the sequence changes nothing of what the
		 * analysis keeps: read it (it must still be understood) but
		 * analyse nothing more */
		if (!ps->quiet && saturated(out, ps->b->depth))
			ps->quiet = 1;

		switch (*ps->p) {
		case '(':
			parse_group(ps, &a);
			break;
		case '[':
			parse_class(ps, &x);
			atom(ps, &a, &x);
			break;
		case '\\':
			ps->p++;
			l = escape(ps, &x, &cp, 0);
			if (l == 1) {
				x = set1(named(ps->b, cp));
				lit = 1;
			}
			if (l)
				atom(ps, &a, &x);
			else
				sum_init(&a, 1);
			break;
		case '.':
			ps->p++;
			x = set1(V_ANY);
			atom(ps, &a, &x);
			break;
		case '^': case '$':
			ps->p++;
			sum_init(&a, 1);
			break;
		case '*': case '+': case '?': case '{':
			ps->fail = 1;
			sum_init(&a, 1);
			break;
		default:
			cp = lp_u8dec((const char *)ps->p, 4, &l);
			ps->p += l;
			x = set1(named(ps->b, cp));
			atom(ps, &a, &x);
			lit = 1;
			break;
		}
		if (!ps->fail && quantifier(ps, &a))
			lit = 0;
		if (top) {
			if (lit && ps->nrun < LIT_MAX)
				ps->run[ps->nrun++] = cp;
			else
				run_end(ps);
		}
		if (!ps->quiet)
			concat(out, &a, ps->b->depth);
		sum_free(&a);
	}
	ps->quiet = quiet;
	if (top)
		run_end(ps);
}

static void
parse_alt(struct parse *ps, struct sum *out, int top)
{
	parse_seq(ps, out, top);
	while (*ps->p == '|' && !ps->fail) {
		struct sum t;
		ps->p++;
		if (top)
			ps->topalt = 1;
		parse_seq(ps, &t, top);
		if (!ps->quiet)
			either(out, &t, ps->b->depth);
		sum_free(&t);
	}
}

/* Add one alternative; 0 when the gate cannot be had. */
static int
add_alt(struct build *b, const char *re)
{
	struct parse ps;
	struct sum s;
	struct set wide = set1(V_ANY), first;
	struct boxes starts = { 0 };
	size_t i;
	int ok;

	memset(&ps, 0, sizeof ps);
	ps.p = (const unsigned char *)re;
	ps.b = b;
	parse_alt(&ps, &s, 1);
	ok = !ps.fail && !*ps.p && !s.nullable;
	if (ok) {
		first = sum_first(&s);
		b->first = lp_xrealloc(b->first, (b->nalt + 1) * sizeof *b->first);
		b->first[b->nalt++] = first;
		/* what may follow a match is no letter */
		sum_starts(&s, b->depth, &starts);
		set_add(&wide, V_LETTERS);
		set_add(&wide, S_LETTER);
		set_add(&wide, S_OTHER);
		for (i = 0; i < NSYM / 64; i++)
			if (first.w[i] & wide.w[i])
				break;
		boxes_or(&b->all, b->depth, &starts);
		if (i == NSYM / 64)
			boxes_or(&b->narrow, b->depth, &starts);
		free(starts.s);
		if (i < NSYM / 64) {
			/* may start with any letter: needs its literal */
			if (ps.topalt || ps.nbest < LIT_MIN) {
				b->nolit = 1;
			} else {
				char hex[16];
				int k;
				lp_buf_add(&b->lits, b->nlits ? "|" : "(?:", b->nlits ? 1 : 3);
				b->nlits++;
				for (k = 0; k < ps.nbest; k++) {
					int hl = snprintf(hex, sizeof hex, "\\x{%x}", (unsigned)ps.best[k]);
					lp_buf_add(&b->lits, hex, (size_t)hl);
				}
			}
		}
	}
	sum_free(&s);
	return ok;
}

/* ---- tables ---- */

/* what a symbol of the text may be: C_LETTER, C_SPACE, C_DIGIT, and 32
 * for "may be no letter" */
#define C_NONLETTER 32

static void
expand(const struct build *b, const uint8_t *may, const struct set *in, struct set *out)
{
	unsigned x;

	/* the symbols as they are, the sets (all below S_NAMED) expanded */
	*out = *in;
	out->w[0] &= ~(((uint64_t)1 << S_NAMED) - ((uint64_t)1 << V_LETTERS));
	if (!((in->w[0] >> V_LETTERS) & (((uint64_t)1 << (S_NAMED - V_LETTERS)) - 1)))
		return;
	for (x = V_LETTERS; x < S_NAMED; x++) {
		if (!set_has(in, x))
			continue;
		switch (x) {
		case V_ANY:
			for (unsigned y = 0; y < b->nsym; y++)
				if (y < V_LETTERS || y >= S_NAMED)
					set_add(out, y);
			break;
		case V_LETTERS: case V_SPACES: case V_DIGITS: case V_NONLETTERS: {
			unsigned want = x == V_LETTERS ? C_LETTER : x == V_SPACES ? C_SPACE : x == V_DIGITS ? C_DIGIT : C_NONLETTER;
			set_add(out, S_OVER);
			set_add(out, x == V_LETTERS ? S_LETTER : x == V_SPACES ? S_SPACE : x == V_DIGITS ? S_DIGIT : S_OTHER);
			if (x == V_NONLETTERS) {
				set_add(out, S_END);
				set_add(out, S_SPACE);
				set_add(out, S_DIGIT);
			}
			for (unsigned y = S_NAMED; y < b->nsym; y++)
				if (may[y] & want)
					set_add(out, y);
			break;
		}
		}
	}
}

static uint32_t
hash3(unsigned a, unsigned b, unsigned c)
{
	return (uint32_t)((((uint32_t)a << 16) | (b << 8) | c) * 2654435761u) >> (32 - HASH_BITS);
}

static int
set_count(const struct set *s)
{
	int n = 0;
	size_t i;

	for (i = 0; i < NSYM / 64; i++)
		n += __builtin_popcountll(s->w[i]);
	return n;
}

/* The table of the three-character starts in l. */
static void
fill(const struct build *b, const uint8_t *may, const struct boxes *l, struct table *t)
{
	size_t i;
	unsigned x, y, z;

	memset(t, 0, sizeof *t);
	for (i = 0; i < l->n; i++) {
		const struct set *bx = &l->s[i * 3];
		struct set a, bb, c, rest = bx[2];
		struct set *row = NULL;

		expand(b, may, &bx[0], &a);
		expand(b, may, &bx[1], &bb);
		if (set_has(&rest, V_ANY) || set_has(&rest, V_LETTERS)) {
			row = t->acc;
		} else {
			if (set_has(&rest, V_NONLETTERS)) {
				for (x = 0; x < NSYM; x++)
					if (set_has(&a, x))
						set_or(&t->nl[x], &bb);
				rest.w[V_NONLETTERS / 64] &= ~((uint64_t)1 << (V_NONLETTERS % 64));
			}
			expand(b, may, &rest, &c);
			if (set_empty(&c))
				continue;
			if (set_count(&a) * set_count(&bb) * set_count(&c) > 4096) {
				row = t->acc; /* too many to list: the pair will do */
			} else {
				for (x = 0; x < NSYM; x++)
					for (y = 0; set_has(&a, x) && y < NSYM; y++)
						for (z = 0; set_has(&bb, y) && z < NSYM; z++)
							if (set_has(&c, z)) {
								uint32_t h = hash3(x, y, z);
								t->hash[h / 64] |= (uint64_t)1 << (h % 64);
								set_add(&t->tri[x], y);
							}
				continue;
			}
		}
		for (x = 0; x < NSYM; x++)
			if (set_has(&a, x))
				set_or(&row[x], &bb);
	}
	/* a wild character is a candidate, first or second (or third: below) */
	for (x = 0; x < NSYM; x++) {
		set_add(&t->acc[x], S_WILD);
		set_add(&t->acc[S_WILD], x);
	}
	for (x = 0; x < b->nsym; x++) /* symbols from nsym on never come up */
		for (y = 0; y < b->nsym; y++)
			t->pair[x * NSYM + y] = (uint8_t)((set_has(&t->acc[x], y) ? P_ACC : 0) |
			                                  (set_has(&t->nl[x], y) ? P_NL : 0) |
			                                  (set_has(&t->tri[x], y) ? P_TRI : 0));
}

static uint8_t
cls_sym(uint8_t c)
{
	return c & C_LETTER ? S_LETTER : c & C_SPACE ? S_SPACE : c & C_DIGIT ? S_DIGIT : S_OTHER;
}

struct refs_gate *
lp_refs_gate_new(struct refs_chars *k, const char *const *alts, size_t n)
{
	struct build *b = lp_xmalloc(sizeof *b);
	struct refs_gate *g = NULL;
	uint8_t may[NSYM];
	unsigned x;
	size_t i;
	uint32_t c;
	int ok = 1;

	memset(b, 0, sizeof *b);
	b->k = k;
	b->depth = 3;
	b->nsym = S_NAMED;
	for (i = 0; i < n && ok; i++)
		ok = add_alt(b, alts[i]);
	if (!ok || b->nolit)
		goto out;
	g = lp_xmalloc(sizeof *g);
	memset(g, 0, sizeof *g);
	g->k = k;
	memset(may, 0, sizeof may);
	for (c = 0; c < LO; c++) {
		uint8_t x = b->named[k->fold[c]];
		g->lo[c] = x ? x : cls_sym(k->cls[c]);
		if (x)
			may[x] |= (uint8_t)((k->cls[c] & (C_LETTER | C_SPACE | C_DIGIT)) |
			                    (k->cls[c] & C_LETTER ? 0 : C_NONLETTER));
	}
	for (i = 0; i < (size_t)b->nhi; i++) {
		uint8_t cl = hi_class(k, b->hicp[i]);
		g->hicp[i] = b->hicp[i];
		g->hisym[i] = b->hisym[i];
		may[b->hisym[i]] |= (uint8_t)((cl & (C_LETTER | C_SPACE | C_DIGIT)) | (cl & C_LETTER ? 0 : C_NONLETTER));
	}
	g->nhi = b->nhi;
	g->nsym = b->nsym;
	memcpy(g->named, b->named, sizeof g->named);
	memcpy(g->may, may, sizeof g->may);
	g->nalt = b->nalt;
	g->first = lp_xmalloc((b->nalt + 1) * sizeof *g->first);
	for (i = 0; i < b->nalt; i++) {
		expand(b, may, &b->first[i], &g->first[i]);
		set_add(&g->first[i], S_WILD);
	}
	g->full = lp_xmalloc(sizeof *g->full);
	fill(b, may, &b->all, g->full);
	g->t = g->full;
	for (x = 0; x < S_NAMED; x++)
		g->maynl[x] = x != S_LETTER;
	for (x = S_NAMED; x < NSYM; x++)
		g->maynl[x] = (may[x] & C_NONLETTER) != 0;
	if (b->nlits) {
		int err;
		PCRE2_SIZE off;
		lp_buf_addc(&b->lits, ')');
		g->narrow = lp_xmalloc(sizeof *g->narrow);
		fill(b, may, &b->narrow, g->narrow);
		g->lit = pcre2_compile((PCRE2_SPTR)b->lits.p, b->lits.len, PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS,
		                       &err, &off, NULL);
		if (!g->lit) {
			free(g->first);
			free(g->full);
			free(g->narrow);
			free(g);
			g = NULL;
			goto out;
		}
		pcre2_jit_compile(g->lit, PCRE2_JIT_COMPLETE);
		g->md = pcre2_match_data_create(1, NULL);
	}
out:
	free(b->first);
	free(b->all.s);
	free(b->narrow.s);
	lp_buf_free(&b->lits);
	free(b);
	return g;
}

void
lp_refs_gate_free(struct refs_gate *g)
{
	size_t i;

	if (!g)
		return;
	pcre2_code_free(g->lit);
	if (g->dstarts)
		for (i = 0; i < g->nalt; i++)
			free(g->dstarts[i].s);
	free(g->dstarts);
	free(g->dstate);
	free(g->first);
	free(g->full);
	free(g->narrow);
	if (g->md)
		pcre2_match_data_free(g->md);
	free(g);
}

/* The subject about to be walked: the narrow table when no wide
 * alternative's literal is in it. */
static void
lp_refs_gate_subject(struct refs_gate *g, const char *s, size_t n)
{
	g->t = g->full;
	if (g->lit && pcre2_match(g->lit, (PCRE2_SPTR)s, n, 0, PCRE2_NO_UTF_CHECK, g->md, NULL) == PCRE2_ERROR_NOMATCH)
		g->t = g->narrow;
}

#define CP_WILD 0x110000u /* a stray byte, or a character from U+10000 on */
#define CP_END 0x110001u  /* past the subject's end */

/* The character at s[i] (i < n) as the gate reads it; *len its bytes. */
static inline uint32_t
decode(const unsigned char *s, size_t n, size_t i, int *len)
{
	unsigned c0 = s[i];

	if (c0 < 0x80) {
		*len = 1;
		return c0;
	}
	if (c0 >= 0xc2 && c0 < 0xe0 && i + 1 < n) {
		*len = 2;
		return ((c0 & 0x1f) << 6) | (s[i + 1] & 0x3f);
	}
	if (c0 >= 0xe0 && c0 < 0xf0 && i + 2 < n) {
		*len = 3;
		return ((c0 & 0x0f) << 12) | ((uint32_t)(s[i + 1] & 0x3f) << 6) | (s[i + 2] & 0x3f);
	}
	*len = c0 >= 0xf0 && i + 3 < n ? 4 : 1;
	return CP_WILD;
}

/* Whether PCRE2 takes cp for a letter (0 when unsure: the safe side). */
static inline int
letter_of(struct refs_chars *k, uint32_t cp)
{
	uint8_t cl;

	if (cp < LO)
		return k->cls[cp] & C_LETTER;
	if (cp >= CP_WILD)
		return 0;
	cl = hi_class(k, cp);
	return cl & C_WILD ? 0 : cl & C_LETTER;
}

static unsigned
sym_hi(struct refs_gate *g, uint32_t cp)
{
	uint8_t cl;
	int j;

	if (cp >= CP_WILD)
		return cp == CP_END ? S_END : S_WILD;
	cl = hi_class(g->k, cp);
	if (cl & C_WILD)
		return S_WILD;
	for (j = 0; j < g->nhi; j++)
		if (g->hicp[j] == cp)
			return g->hisym[j];
	return cls_sym(cl);
}

/* The symbol of a character (or CP_WILD, CP_END) for gate g. */
static inline unsigned
sym_of(struct refs_gate *g, uint32_t cp)
{
	return cp < LO ? g->lo[cp] : sym_hi(g, cp);
}

unsigned
lp_refs_gate_nsym(const struct refs_gate *g)
{
	return g->nsym;
}

int
lp_refs_gate_may_start(const struct refs_gate *g, size_t alt, unsigned sym)
{
	return alt < g->nalt && sym < NSYM && set_has(&g->first[alt], sym);
}

/* Whether a match may start where the character before is no letter and
 * the next ones are c1, c2 and (*c3, decoded from s[r] when first needed). */
static int
may_start(struct refs_gate *g, uint32_t c1, uint32_t c2, uint32_t *c3, const unsigned char *s, size_t n, size_t r,
          unsigned *sym)
{
	const struct table *t = g->t;
	unsigned s1 = sym_of(g, c1), s2 = sym_of(g, c2), s3, pr;
	uint32_t h;
	int l3;

	*sym = s1;
	pr = t->pair[s1 * NSYM + s2];
	if (pr & P_ACC)
		return 1;
	if (!pr)
		return 0;
	if (*c3 == 0xffffffffu)
		*c3 = c2 != CP_END && r < n ? decode(s, n, r, &l3) : CP_END;
	s3 = sym_of(g, *c3);
	h = hash3(s1, s2, s3);
	return s3 == S_WILD || ((pr & P_NL) && g->maynl[s3]) || ((pr & P_TRI) && ((t->hash[h / 64] >> (h % 64)) & 1));
}

static void
push(struct refs_cands *c, size_t p, unsigned sym)
{
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 256;
		c->pos = lp_xrealloc(c->pos, c->cap * sizeof *c->pos);
		c->sym = lp_xrealloc(c->sym, c->cap * sizeof *c->sym);
	}
	c->pos[c->n] = p;
	c->sym[c->n++] = (uint8_t)sym;
}

void
lp_refs_gates_walk(struct refs_gate *const *g, size_t ng, const char *str, size_t n, struct refs_cands *out)
{
	const unsigned char *s = (const unsigned char *)str;
	struct refs_chars *k;
	size_t p = 0, i;
	int len, let, before = 0;
	unsigned sym;

	for (i = 0; i < ng; i++) {
		lp_refs_gate_subject(g[i], str, n);
		out[i].n = 0;
	}
	if (!ng)
		return;
	k = g[0]->k;
	/* a subject may start inside a character (a title cut after its
	 * quote's first byte): the first candidate is the next boundary, with
	 * no letter before it, as PCRE2 is never started inside one */
	while (p < n && (s[p] & 0xc0) == 0x80)
		p++;
	while (p < n) {
		if (before) {
			unsigned c0;

			/* inside a word nothing can start: skip its letters a
			 * byte at a time (ASCII letters, and characters whose
			 * lead byte makes them letters, continuation bytes and all) */
			while (p + 1 < n && (k->inword[s[p]] & k->inword[s[p + 1]]))
				p += 2; /* two at a time: a Cyrillic letter a step */
			while (p < n && k->inword[s[p]])
				p++;
			if (p >= n)
				break;
			c0 = s[p];
			if (c0 < 0xe0 && p + 1 < n) {
				unsigned x = (c0 << 8) | s[p + 1];
				len = k->len1[c0];
				let = (int)((k->letter2[x / 64] >> (x % 64)) & 1);
			} else {
				let = letter_of(k, decode(s, n, p, &len));
			}
		} else {
			/* a place a match may start: the first three characters */
			int l2 = 0;
			uint32_t c1 = decode(s, n, p, &len), c2, c3 = 0xffffffffu;
			size_t q = p + (size_t)len;

			c2 = q < n ? decode(s, n, q, &l2) : CP_END;
			for (i = 0; i < ng; i++)
				if (may_start(g[i], c1, c2, &c3, s, n, q + (size_t)l2, &sym)) {
					g[i]->tried++;
					push(&out[i], p, sym);
				}
			let = letter_of(k, c1);
		}
		before = let;
		p += (size_t)len;
	}
}

void
lp_refs_cands_free(struct refs_cands *c)
{
	free(c->pos);
	free(c->sym);
	memset(c, 0, sizeof *c);
}

size_t
lp_refs_gate_tried(const struct refs_gate *g)
{
	return g ? g->tried : 0;
}

/* ---- a deep look ----
 * A candidate of the tables may still be far from a match: "the" starts
 * "the same law", "2019" starts "2019 жылғы ... «...» Заңы".  A deep look
 * holds the first DEEP characters of the text at a candidate against the
 * DEEP-character starts of some alternatives (those of one cut regex, say),
 * analysed as the tables were, in the symbols of the same gate: what no
 * start admits, no alternative matches. */

struct refs_deep {
	uint16_t col[DEEP][NSYM]; /* per place, the column of a symbol */
	uint64_t *cols;           /* columns of nw words: bit i, box i holds the symbol there */
	size_t nw, ncols;
};


/* The DEEP-character starts of alternative i of g, source src, analysed
 * once; NULL when they cannot be had. */
static const struct boxes *
deep_starts(struct refs_gate *g, size_t i, const char *src)
{
	struct build *b;
	struct parse ps;
	struct sum sm;
	int ok;

	if (i >= g->nalt)
		return NULL;
	if (!g->dstate) {
		g->dstate = lp_xmalloc(g->nalt);
		memset(g->dstate, 0, g->nalt);
		g->dstarts = lp_xmalloc(g->nalt * sizeof *g->dstarts);
		memset(g->dstarts, 0, g->nalt * sizeof *g->dstarts);
	}
	if (g->dstate[i])
		return g->dstate[i] == 1 ? &g->dstarts[i] : NULL;
	b = lp_xmalloc(sizeof *b);
	memset(b, 0, sizeof *b);
	b->k = g->k;
	b->depth = DEEP;
	/* the gate's symbols: its own alternatives name no character it has
	 * not named (checked below all the same) */
	memcpy(b->named, g->named, sizeof b->named);
	memcpy(b->hicp, g->hicp, sizeof b->hicp);
	memcpy(b->hisym, g->hisym, sizeof b->hisym);
	b->nhi = g->nhi;
	b->nsym = g->nsym;
	memset(&ps, 0, sizeof ps);
	ps.p = (const unsigned char *)src;
	ps.b = b;
	parse_alt(&ps, &sm, 0);
	ok = !ps.fail && !*ps.p && !sm.nullable && b->nsym == g->nsym && b->nhi == g->nhi &&
	     !memcmp(b->named, g->named, sizeof b->named);
	if (ok)
		sum_starts(&sm, DEEP, &g->dstarts[i]);
	sum_free(&sm);
	free(b);
	g->dstate[i] = ok ? 1 : 2;
	return ok ? &g->dstarts[i] : NULL;
}

#define COLHASH 1024

struct refs_deep *
lp_refs_deep_new(struct refs_gate *g, const char *const *alts, const size_t *idx, size_t n)
{
	struct build b; /* for expand: nsym only */
	struct boxes all = { 0 };
	struct refs_deep *d = NULL;
	size_t i, nb, nw, cap = 0, c;
	struct set *bx;
	uint64_t *col, *all_cols;
	int16_t hash[COLHASH];
	int16_t *next = NULL;
	unsigned x;
	int j;

	for (i = 0; i < n; i++) {
		const struct boxes *st = deep_starts(g, idx[i], alts[i]);
		if (!st) {
			free(all.s);
			return NULL;
		}
		boxes_or(&all, DEEP, st);
	}
	nb = all.n;
	if (!nb) {
		free(all.s);
		return NULL;
	}
	b.nsym = g->nsym;
	nw = (nb + 63) / 64;
	bx = lp_xmalloc(nb * DEEP * sizeof *bx);
	col = lp_xmalloc(nw * sizeof *col);
	for (i = 0; i < nb * DEEP; i++)
		expand(&b, g->may, &all.s[i], &bx[i]);
	free(all.s);
	d = lp_xmalloc(sizeof *d);
	memset(d, 0, sizeof *d);
	d->nw = nw;
	/* every column, from the boxes' bits */
	all_cols = lp_xmalloc((size_t)DEEP * NSYM * nw * sizeof *all_cols);
	memset(all_cols, 0, (size_t)DEEP * NSYM * nw * sizeof *all_cols);
	for (i = 0; i < nb; i++)
		for (j = 0; j < DEEP; j++) {
			const struct set *st = &bx[i * DEEP + (size_t)j];
			size_t w;
			for (w = 0; w < NSYM / 64; w++) {
				uint64_t m = st->w[w];
				while (m) {
					x = (unsigned)(w * 64 + (size_t)__builtin_ctzll(m));
					m &= m - 1;
					all_cols[((size_t)j * NSYM + x) * nw + i / 64] |= (uint64_t)1 << (i % 64);
				}
			}
		}
	memset(hash, -1, sizeof hash);
	for (j = 0; j < DEEP; j++)
		for (x = 0; x < NSYM; x++) {
			uint64_t h = 1469598103934665603ull;
			size_t w;
			memcpy(col, &all_cols[((size_t)j * NSYM + x) * nw], nw * sizeof *col);
			for (w = 0; w < nw; w++)
				h = (h ^ col[w]) * 1099511628211ull;
			h = (h ^ (h >> 29)) % COLHASH;
			for (c = hash[h] < 0 ? d->ncols : (size_t)hash[h]; c < d->ncols; c = next[c] < 0 ? d->ncols : (size_t)next[c])
				if (!memcmp(&d->cols[c * nw], col, nw * sizeof *col))
					break;
			if (c == d->ncols) {
				if (d->ncols == cap) {
					cap = cap ? cap * 2 : 16;
					d->cols = lp_xrealloc(d->cols, cap * nw * sizeof *d->cols);
					next = lp_xrealloc(next, cap * sizeof *next);
				}
				memcpy(&d->cols[c * nw], col, nw * sizeof *col);
				next[c] = hash[h];
				hash[h] = (int16_t)c;
				d->ncols++;
			}
			d->col[j][x] = (uint16_t)c;
		}
	free(next);
	free(all_cols);
	free(col);
	free(bx);
	return d;
}

void
lp_refs_deep_free(struct refs_deep *d)
{
	if (!d)
		return;
	free(d->cols);
	free(d);
}

int
lp_refs_deep_may(struct refs_gate *g, const struct refs_deep *d, const char *str, size_t n, size_t p)
{
	const unsigned char *s = (const unsigned char *)str;
	uint64_t acc[BOXES_MAX / 64], any;
	size_t q = p, w;
	int j, len;

	for (j = 0; j < DEEP; j++) {
		uint32_t cp = CP_END;
		unsigned x;
		const uint64_t *c;
		if (q < n) {
			cp = decode(s, n, q, &len);
			q += (size_t)len;
		}
		x = sym_of(g, cp);
		if (x == S_WILD)
			return 1; /* may be anything */
		c = &d->cols[(size_t)d->col[j][x] * d->nw];
		any = 0;
		if (d->nw == 1) /* most looks: one word */
			any = acc[0] = j ? acc[0] & c[0] : c[0];
		else
			for (w = 0; w < d->nw; w++)
				any |= acc[w] = j ? acc[w] & c[w] : c[w];
		if (!any)
			return 0;
	}
	return 1;
}
