/*
 * prefilter.c - the literals a regex needs, and one pass over a paragraph
 * that finds them all (see prefilter.h).
 *
 * The analysis is RE2's prefilter idea cut down to what pattern files use:
 * for each part of a regex it knows either the exact set of strings the
 * part matches (small sets only) or nothing; a run of exact parts is a
 * literal every match contains; alternation unions the branches' literals.
 * Anything it does not understand (a class, an unknown construct, (?x))
 * counts as "matches anything", so a literal is never required wrongly;
 * a construct that could break that reasoning ((*ACCEPT), \K, \Q,
 * conditionals, recursion) drops the filter for the whole regex.
 *
 * Case: literals and text are folded with the same length-preserving map
 * (ASCII, Latin-1, Cyrillic with Kazakh letters), so a caseless regex's
 * literal is found whatever the case in the text.  A literal may only hold
 * characters the fold knows; a paragraph with a character that a caseless
 * match would take for one of them without folding to it (long s, Kelvin
 * sign, dotted I, Cyrillic rounded ve...) is not filtered.
 *
 * The pass: an Aho-Corasick automaton over every registered literal, a
 * full DFA on the classes of the bytes literals hold, stepped over the
 * folded bytes of each character as it is read (ASCII and two-byte
 * characters by table, no folded copy of the paragraph), noting where
 * each literal begins, each regex's first and last literal, and the
 * paragraph's longest runs of white space and of word bytes.
 *
 * Windows: the analysis also bounds how far before the start of its
 * literal a match may start (its reach: characters, at most 4 bytes each,
 * plus runs for \s+ \w* [\w-]+, which cannot outgrow the paragraph's
 * longest such run).  A match holding the first occurrence q at or after
 * a search's start begins in [q - reach, q]; no earlier match can exist,
 * since any match holds an occurrence.  lp_rx_match searches such windows
 * in order with PCRE2's offset limit; lookbehinds and \b still see the
 * text before a window, so each window finds what the whole search would.
 * \G and backtracking verbs ((*COMMIT), (*SKIP)...), whose matches depend
 * on where a search starts, get no windows.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "prefilter.h"
#include "util.h"

#define SET_MAX 64   /* strings in a set (a few kB on the stack each) */
#define LIT_MAX 48   /* bytes of one literal */
#define MIN_LIT 3    /* shorter literals filter nothing */
#define DEPTH_MAX 40
#define REG_CAP (1u << 15)
#define NBUCKET 4096
#define AC_MAX_CELLS (1u << 22) /* automaton table entries, at most */
#define FOUND_MAX (1u << 18)    /* literal occurrences kept for a paragraph (5 MB) */
#define WINDOW_GAP 64 /* bytes between windows below which they are joined */
#define REACH_ANY (1 << 30) /* a reach without bound: windows reach back to the search's start */

/* ---- folding ---- */

/* Fold the character at s (n bytes left) into d; returns its length.  Sets
 * *unsafe for a character that caseless matching relates to a letter the
 * fold does not map to it. */
static size_t
fold1(const unsigned char *s, size_t n, unsigned char *d, int *unsafe)
{
	unsigned char c = s[0], b;

	if (c < 0x80) {
		d[0] = c >= 'A' && c <= 'Z' ? c + 32 : c;
		return 1;
	}
	if (c < 0xc0 || n < 2) {
		d[0] = c;
		return 1;
	}
	b = s[1];
	if (c < 0xe0) {
		d[0] = c;
		d[1] = b;
		switch (c) {
		case 0xc3:
			if (b >= 0x80 && b <= 0x9e && b != 0x97)
				d[1] = b + 0x20;
			break;
		case 0xc4:
			if (b == 0xb0 || b == 0xb1) /* dotted I, dotless i */
				*unsafe = 1;
			break;
		case 0xc5:
			if (b == 0xb8 || b == 0xbf) /* Y diaeresis, long s */
				*unsafe = 1;
			break;
		case 0xd0:
			if (b <= 0x8f) {
				d[0] = 0xd1;
				d[1] = b + 0x10;
			} else if (b <= 0x9f) {
				d[1] = b + 0x20;
			} else if (b <= 0xaf) {
				d[0] = 0xd1;
				d[1] = b - 0x20;
			}
			break;
		case 0xd1:
			if (b >= 0xa0 && !(b & 1)) /* U+0460..047F pairs */
				d[1] = b + 1;
			break;
		case 0xd2:
			if ((b <= 0x81 || b >= 0x8a) && !(b & 1))
				d[1] = b + 1;
			break;
		case 0xd3:
			if (b == 0x80)
				d[1] = 0x8f;
			else if (b <= 0x8e && (b & 1))
				d[1] = b + 1;
			else if (b >= 0x90 && !(b & 1))
				d[1] = b + 1;
			break;
		case 0xd4:
			if (b <= 0xaf && !(b & 1))
				d[1] = b + 1;
			break;
		}
		return 2;
	}
	{
		size_t l = c < 0xf0 ? 3 : 4, k;
		if (l > n)
			l = n;
		for (k = 0; k < l; k++)
			d[k] = s[k];
		if (l >= 3) {
			if (c == 0xe1 && b == 0xb2 && s[2] >= 0x80 && s[2] <= 0x88)
				*unsafe = 1; /* Cyrillic small letters rounded ve... */
			if (c == 0xe1 && b == 0xba && s[2] == 0x9e)
				*unsafe = 1; /* capital sharp s */
			if (c == 0xe2 && b == 0x84 && (s[2] == 0xa6 || s[2] == 0xaa || s[2] == 0xab))
				*unsafe = 1; /* ohm, Kelvin, angstrom signs */
		}
		return l;
	}
}

/* A character a literal may hold: one the fold knows all the cases of. */
static int
literal_char(const unsigned char *s, size_t l)
{
	if (l == 1)
		return 1;
	if (l != 2)
		return 0;
	switch (s[0]) {
	case 0xc2: return s[1] != 0xb5;                 /* micro sign ~ Greek mu */
	case 0xc3: return s[1] != 0x9f && s[1] != 0xbf; /* sharp s, y diaeresis */
	case 0xd0: case 0xd1: case 0xd2: case 0xd3: return 1;
	case 0xd4: return s[1] <= 0xaf;
	}
	return 0;
}

/* ---- string sets ---- */

struct sset {
	int n;
	unsigned char len[SET_MAX];
	char s[SET_MAX][LIT_MAX];
};

/* A length of text: at most a characters plus s runs of white space plus
 * w runs of word characters (\\s+, \\w*: each fits in the paragraph's
 * longest such run); a < 0: unbounded. */
struct clen {
	int a, s, w;
};

static const struct clen L_UNB = { -1, 0, 0 }, L_0 = { 0, 0, 0 }, L_1 = { 1, 0, 0 };

static struct clen
add_len(struct clen x, struct clen y)
{
	struct clen r = { x.a + y.a, x.s + y.s, x.w + y.w };

	if (x.a < 0 || y.a < 0 || r.a > 100000 || r.s > 1000 || r.w > 1000)
		return L_UNB;
	return r;
}

static struct clen
max_len(struct clen x, struct clen y)
{
	struct clen r = { x.a > y.a ? x.a : y.a, x.s > y.s ? x.s : y.s, x.w > y.w ? x.w : y.w };

	return x.a < 0 || y.a < 0 ? L_UNB : r;
}

/* x repeated at most hi times (-1: unbounded) */
static struct clen
mul_len(struct clen x, long hi)
{
	struct clen r;

	if (hi == 0)
		return L_0;
	if (hi < 0 || hi > 1000 || x.a < 0)
		return L_UNB;
	r.a = (int)(x.a * hi);
	r.s = (int)(x.s * hi);
	r.w = (int)(x.w * hi);
	return r.a > 100000 || r.s > 1000 || r.w > 1000 ? L_UNB : r;
}

enum { RUN_NONE, RUN_SPACE, RUN_WORD };

/* What the analysis knows of a part of a regex: the exact strings it
 * matches, or a set one of which each of its matches holds (req), starting
 * at most req_pre into the match; the most the part consumes (maxc); and
 * for a one-character atom, whether a repetition of it stays inside a run
 * of white space (\\s) or of word characters (\\w \\d [\\w-]). */
struct info {
	int exact_ok, req_ok, run;
	struct clen maxc, req_pre;
	struct sset exact, req;
};

static int
set_has(const struct sset *a, const char *s, size_t l)
{
	int i;

	for (i = 0; i < a->n; i++)
		if (a->len[i] == l && !memcmp(a->s[i], s, l))
			return 1;
	return 0;
}

static int
set_add(struct sset *a, const char *s, size_t l)
{
	if (set_has(a, s, l))
		return 1;
	if (a->n == SET_MAX || l > LIT_MAX)
		return 0;
	memcpy(a->s[a->n], s, l);
	a->len[a->n++] = (unsigned char)l;
	return 1;
}

static int
set_union(struct sset *a, const struct sset *b)
{
	int i;

	for (i = 0; i < b->n; i++)
		if (!set_add(a, b->s[i], b->len[i]))
			return 0;
	return 1;
}

/* a = a x b; 0 when it does not fit (a is then unchanged) */
static int
set_cross(struct sset *a, const struct sset *b)
{
	struct sset r;
	int i, j;

	if (a->n * b->n > SET_MAX)
		return 0;
	r.n = 0;
	for (i = 0; i < a->n; i++)
		for (j = 0; j < b->n; j++) {
			char t[2 * LIT_MAX];
			size_t l = (size_t)a->len[i] + b->len[j];
			if (l > LIT_MAX)
				return 0;
			memcpy(t, a->s[i], a->len[i]);
			memcpy(t + a->len[i], b->s[j], b->len[j]);
			if (!set_add(&r, t, l))
				return 0;
		}
	*a = r;
	return 1;
}

/* How useful a set is as a requirement: its shortest string, 0 if useless. */
static int
score(const struct sset *a)
{
	int i, m = LIT_MAX + 1;

	if (a->n == 0)
		return 0;
	for (i = 0; i < a->n; i++)
		if (a->len[i] < m)
			m = a->len[i];
	return m >= MIN_LIT ? m : 0;
}

/* A node's requirement: its own, or its exact set (which starts where the
 * node does); *pre gets where it starts. */
static const struct sset *
req_of(const struct info *x, struct clen *pre)
{
	const struct sset *r = x->req_ok && score(&x->req) ? &x->req : NULL;

	*pre = r ? x->req_pre : L_UNB;
	if (x->exact_ok && score(&x->exact) && (!r || score(&x->exact) > score(r))) {
		r = &x->exact;
		*pre = L_0;
	}
	return r;
}

static void
consider(struct info *x, const struct sset *cand, struct clen pre)
{
	int sc = score(cand);

	if (!sc)
		return;
	if (!x->req_ok || sc > score(&x->req) || (sc == score(&x->req) && cand->n < x->req.n)) {
		x->req = *cand;
		x->req_ok = 1;
		x->req_pre = pre;
	}
}

/* ---- the regex analysis ---- */

struct parse {
	const unsigned char *p, *end;
	int fail;
	int depth;
	int noreach; /* \\G or a backtracking verb: matches depend on where a search starts */
};

/* The fields, not the sets' strings: a set is read up to its n only, and
 * an info is 6 kB (clearing it all was half the time of the analysis). */
static void
neutral(struct info *x)
{
	x->exact_ok = 1;
	x->req_ok = 0;
	x->run = RUN_NONE;
	x->maxc = L_0;
	x->req_pre = L_0;
	x->exact.n = 1;
	x->exact.len[0] = 0;
	x->req.n = 0;
}

/* matches anything, of any length (callers that know set maxc) */
static void
unknown(struct info *x)
{
	x->exact_ok = x->req_ok = 0;
	x->run = RUN_NONE;
	x->maxc = L_UNB;
	x->req_pre = L_UNB;
	x->exact.n = x->req.n = 0;
}

static void parse_alt(struct parse *ps, struct info *out);
static int union_req(struct sset *r, const struct sset *a, const struct sset *b);

/* Skip past the character c that closes a {...} <...> '...' argument. */
static void
skip_to(struct parse *ps, unsigned char c)
{
	while (ps->p < ps->end && *ps->p != c)
		ps->p++;
	if (ps->p == ps->end)
		ps->fail = 1;
	else
		ps->p++;
}

static void
parse_escape(struct parse *ps, struct info *x)
{
	unsigned char c;

	ps->p++; /* the backslash */
	if (ps->p == ps->end) {
		ps->fail = 1;
		return;
	}
	c = *ps->p++;
	unknown(x);
	if (c >= 0x80 || !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
		/* an escaped character stands for itself */
		size_t l = (size_t)lp_u8len(c), k;
		unsigned char d[4];
		int unsafe = 0;

		ps->p--;
		if (ps->p + l > ps->end) {
			ps->fail = 1;
			return;
		}
		x->maxc = L_1;
		if (literal_char(ps->p, l)) {
			fold1(ps->p, l, d, &unsafe);
			x->exact_ok = 1;
			x->exact.n = 1;
			x->exact.len[0] = (unsigned char)l;
			for (k = 0; k < l; k++)
				x->exact.s[0][k] = (char)d[k];
		}
		ps->p += l;
		return;
	}
	switch (c) {
	case 'G':
		ps->noreach = 1;
		/* fall through */
	case 'b': case 'B': case 'A': case 'z': case 'Z': case 'E':
		neutral(x);
		return;
	case 'K': case 'Q':
		ps->fail = 1;
		return;
	case 'x': case 'o': case 'p': case 'P': case 'N':
		x->maxc = L_1; /* one character */
		if (ps->p < ps->end && *ps->p == '{')
			skip_to(ps, '}');
		else if (c == 'x') {
			const unsigned char *st = ps->p;
			while (ps->p < ps->end && ps->p - st < 2 && *ps->p && strchr("0123456789abcdefABCDEF", *ps->p))
				ps->p++;
		}
		else if (c == 'p' || c == 'P')
			ps->p += ps->p < ps->end;
		return;
	case 'g': case 'k':
		if (ps->p < ps->end && (*ps->p == '{' || *ps->p == '<' || *ps->p == '\''))
			skip_to(ps, *ps->p == '{' ? '}' : *ps->p == '<' ? '>' : '\'');
		else
			while (ps->p < ps->end && (*ps->p == '-' || *ps->p == '+' || (*ps->p >= '0' && *ps->p <= '9')))
				ps->p++;
		return;
	case 'c':
		x->maxc = L_1;
		ps->p += ps->p < ps->end;
		return;
	case 'd': case 'w':
		x->maxc = L_1;
		x->run = RUN_WORD;
		return;
	case 's':
		x->maxc = L_1;
		x->run = RUN_SPACE;
		return;
	case 'D': case 'W': case 'S': case 'h': case 'H':
	case 'v': case 'V': case 'C': case 'a': case 'e': case 'f':
	case 'n': case 'r': case 't':
		x->maxc = L_1;
		return;
	case 'R':
		x->maxc.a = 2; /* \r\n */
		return;
	case 'X': /* a grapheme cluster: unbounded */
		return;
	}
	if (c >= '0' && c <= '9') {
		while (ps->p < ps->end && *ps->p >= '0' && *ps->p <= '9')
			ps->p++;
		return;
	}
	ps->fail = 1; /* PCRE2 refuses unknown letter escapes: so do we */
}

/* A byte of a word run: every \\w \\d character and '-' is made of them. */
static int
word_byte(unsigned char c)
{
	return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_' || c == '-';
}

/* Skip a class; 1 when every character it admits is made of word bytes
 * ([\\w-], [а-яё\\d]): a repetition of it stays in a word run. */
static int
parse_class(struct parse *ps)
{
	int word = 1;

	ps->p++; /* [ */
	if (ps->p < ps->end && *ps->p == '^') {
		ps->p++;
		word = 0;
	}
	if (ps->p < ps->end && *ps->p == ']') {
		ps->p++;
		word = 0;
	}
	while (ps->p < ps->end && *ps->p != ']') {
		if (*ps->p == '\\' && ps->p + 1 < ps->end) {
			ps->p += 2;
			if (!strchr("wd-_", ps->p[-1]))
				word = 0;
			if (strchr("xopPN", ps->p[-1]) && ps->p < ps->end && *ps->p == '{')
				skip_to(ps, '}');
		} else if (*ps->p == '[' && ps->p + 1 < ps->end && (ps->p[1] == ':' || ps->p[1] == '.' || ps->p[1] == '=')) {
			const unsigned char *q = ps->p + 2;
			while (q + 1 < ps->end && !(q[0] == ps->p[1] && q[1] == ']'))
				q++;
			ps->p = q + 2;
			word = 0;
		} else {
			/* a range between two word bytes of one kind stays in them:
			 * a-z, 0-9, а-я (non-ASCII to non-ASCII) */
			if (*ps->p == '-' && ps->p + 1 < ps->end && ps->p[1] != ']' && ps->p[-1] != '[') {
				unsigned char lo = ps->p[-1], hi = ps->p[1];
				if (!((lo >= 0x80 && hi >= 0x80) || (lo >= 'a' && hi <= 'z') ||
				      (lo >= 'A' && hi <= 'Z') || (lo >= '0' && hi <= '9')))
					word = 0;
			} else if (!word_byte(*ps->p)) {
				word = 0;
			}
			ps->p++;
		}
	}
	if (ps->p >= ps->end)
		ps->fail = 1;
	else
		ps->p++;
	return word;
}

/* "(?" or "(*" constructs and groups; ps->p is at '(' */
static void
parse_group(struct parse *ps, struct info *x)
{
	const unsigned char *q = ps->p + 1;
	int look = 0;

	if (q < ps->end && *q == '*') {
		/* verbs: (*UCP) (*MARK:x) (*COMMIT)...; not (*ACCEPT) nor the
		 * lowercase alternative spellings of lookarounds */
		const unsigned char *n = q + 1;
		while (n < ps->end && ((*n >= 'A' && *n <= 'Z') || (*n >= '0' && *n <= '9') || *n == '_' || *n == '='))
			n++;
		if (n == q + 1 && !(n < ps->end && *n == ':'))
			goto fail;
		if ((size_t)(n - q - 1) == 6 && !memcmp(q + 1, "ACCEPT", 6))
			goto fail;
		/* only the option verbs leave matches independent of where a
		 * search starts ((*COMMIT), (*SKIP), (*PRUNE) do not) */
		if (!((size_t)(n - q - 1) == 3 && !memcmp(q + 1, "UCP", 3)) &&
		    !((size_t)(n - q - 1) == 3 && !memcmp(q + 1, "UTF", 3)))
			ps->noreach = 1;
		if (n < ps->end && *n == ':')
			while (n < ps->end && *n != ')')
				n++;
		if (n >= ps->end || *n != ')')
			goto fail;
		ps->p = n + 1;
		neutral(x);
		return;
	}
	if (q < ps->end && *q == '?') {
		q++;
		if (q >= ps->end)
			goto fail;
		if (*q == '#') {
			ps->p = q;
			skip_to(ps, ')');
			neutral(x);
			return;
		}
		if (*q == ':' || *q == '>' || *q == '|') {
			q++;
		} else if (*q == '=' || *q == '!') {
			look = 1;
			q++;
		} else if (*q == '<' && q + 1 < ps->end && (q[1] == '=' || q[1] == '!')) {
			look = 1;
			q += 2;
		} else if (*q == '<' || *q == '\'' || (*q == 'P' && q + 1 < ps->end && q[1] == '<')) {
			unsigned char close = *q == '\'' ? '\'' : '>';
			ps->p = q + (*q == 'P' ? 2 : 1);
			skip_to(ps, close);
			q = ps->p;
		} else {
			/* options: (?i) (?-i) (?i:...); (?x) changes what
			 * white space means: no filter */
			const unsigned char *o = q;
			while (o < ps->end && strchr("imnsJU-^", *o) && *o)
				o++;
			if (o >= ps->end || (*o != ')' && *o != ':'))
				goto fail; /* (?x) (?( (?R) (?1) (?& (?C ... */
			if (*o == ')') {
				ps->p = o + 1;
				neutral(x);
				return;
			}
			q = o + 1;
		}
	} else {
		q = ps->p + 1;
	}
	ps->p = q;
	if (ps->fail)
		return;
	if (++ps->depth > DEPTH_MAX)
		goto fail;
	parse_alt(ps, x);
	ps->depth--;
	if (ps->p >= ps->end || *ps->p != ')')
		goto fail;
	ps->p++;
	if (look)
		neutral(x); /* a lookaround consumes nothing */
	return;
fail:
	ps->fail = 1;
	unknown(x);
}

/* The most a repetition of x at most hi times consumes: one run when x is
 * an atom of a run and hi is unbounded. */
static struct clen
rep_len(const struct info *x, long hi)
{
	static const struct clen space = { 0, 1, 0 }, word = { 0, 0, 1 };

	if (hi < 0 && x->run == RUN_SPACE)
		return space;
	if (hi < 0 && x->run == RUN_WORD)
		return word;
	return mul_len(x->maxc, hi);
}

/* A quantifier after x, if any. */
static void
parse_quant(struct parse *ps, struct info *x)
{
	long lo, hi;
	const unsigned char *q = ps->p;

	if (q >= ps->end)
		return;
	if (*q == '?') {
		lo = 0, hi = 1;
		q++;
	} else if (*q == '*') {
		lo = 0, hi = -1;
		q++;
	} else if (*q == '+') {
		lo = 1, hi = -1;
		q++;
	} else if (*q == '{') {
		char *e;
		q++;
		if (q >= ps->end || *q < '0' || *q > '9') {
			ps->fail = 1; /* "{" that is not a quantifier: no guessing */
			return;
		}
		lo = strtol((const char *)q, &e, 10);
		q = (const unsigned char *)e;
		hi = lo;
		if (q < ps->end && *q == ',') {
			q++;
			hi = -1;
			if (q < ps->end && *q >= '0' && *q <= '9') {
				hi = strtol((const char *)q, &e, 10);
				q = (const unsigned char *)e;
			}
		}
		if (q >= ps->end || *q != '}') {
			ps->fail = 1;
			return;
		}
		q++;
	} else {
		return;
	}
	if (q < ps->end && (*q == '?' || *q == '+'))
		q++;
	ps->p = q;
	if (lo == 1 && hi == 1)
		return;
	if (lo == 0) {
		struct clen maxc = rep_len(x, hi);
		if (hi == 1 && x->exact_ok) {
			struct sset e = x->exact;
			x->req_ok = 0;
			x->exact_ok = set_add(&e, "", 0);
			x->exact = e;
			return;
		}
		unknown(x);
		x->maxc = maxc;
		return;
	}
	{
		struct clen pre, maxc = rep_len(x, hi);
		const struct sset *r = req_of(x, &pre);
		struct info y;
		unknown(&y);
		if (r) {
			y.req = *r;
			y.req_ok = 1;
			y.req_pre = pre; /* the first repetition holds it */
		}
		y.maxc = maxc;
		*x = y;
	}
}

static void
parse_seq(struct parse *ps, struct info *out)
{
	struct sset cur;
	int cur_ok = 1, seq_exact = 1;
	struct clen pre = L_0, cur_pre = L_0; /* before the item, before cur */

	unknown(out);
	cur.n = 1;
	cur.len[0] = 0;
	while (ps->p < ps->end && !ps->fail && *ps->p != '|' && *ps->p != ')') {
		struct info x;
		unsigned char c = *ps->p;

		if (c == '(') {
			parse_group(ps, &x);
		} else if (c == '[') {
			int word = parse_class(ps);
			unknown(&x);
			x.maxc = L_1;
			x.run = word ? RUN_WORD : RUN_NONE;
		} else if (c == '\\') {
			parse_escape(ps, &x);
		} else if (c == '^' || c == '$') {
			ps->p++;
			neutral(&x);
		} else if (c == '.') {
			ps->p++;
			unknown(&x);
			x.maxc = L_1;
		} else if (c == '*' || c == '+' || c == '?' || c == '{') {
			ps->fail = 1;
			break;
		} else {
			size_t l = (size_t)lp_u8len(c), k;
			unsigned char d[4];
			int unsafe = 0;

			if (ps->p + l > ps->end) {
				ps->fail = 1;
				break;
			}
			unknown(&x);
			x.maxc = L_1; /* caseless, a character may match one of another length */
			if (literal_char(ps->p, l)) {
				fold1(ps->p, l, d, &unsafe);
				x.exact_ok = 1;
				x.exact.n = 1;
				x.exact.len[0] = (unsigned char)l;
				for (k = 0; k < l; k++)
					x.exact.s[0][k] = (char)d[k];
			}
			ps->p += l;
		}
		if (ps->fail)
			break;
		parse_quant(ps, &x);
		if (ps->fail)
			break;
		if (x.exact_ok) {
			if (!cur_ok) {
				cur = x.exact;
				cur_ok = 1;
				cur_pre = pre;
			} else if (!set_cross(&cur, &x.exact)) {
				consider(out, &cur, cur_pre);
				cur = x.exact;
				cur_pre = pre;
				seq_exact = 0;
			}
		} else {
			seq_exact = 0;
			if (cur_ok)
				consider(out, &cur, cur_pre);
			cur_ok = 0;
			if (x.req_ok)
				consider(out, &x.req, add_len(pre, x.req_pre));
		}
		pre = add_len(pre, x.maxc);
	}
	if (cur_ok)
		consider(out, &cur, cur_pre);
	out->maxc = pre;
	out->exact_ok = seq_exact && cur_ok;
	if (out->exact_ok)
		out->exact = cur;
}

static void
parse_alt(struct parse *ps, struct info *out)
{
	struct info a, b;
	const struct sset *ra, *rb;

	parse_seq(ps, &a);
	while (!ps->fail && ps->p < ps->end && *ps->p == '|') {
		struct sset r;
		int ok;
		struct clen pa, pb;

		ps->p++;
		parse_seq(ps, &b);
		if (ps->fail)
			break;
		ra = req_of(&a, &pa);
		rb = req_of(&b, &pb);
		ok = ra && rb && union_req(&r, ra, rb);
		a.exact_ok = a.exact_ok && b.exact_ok && set_union(&a.exact, &b.exact);
		a.req_ok = ok;
		if (ok) {
			a.req = r;
			a.req_pre = max_len(pa, pb);
		}
		a.maxc = max_len(a.maxc, b.maxc);
	}
	*out = a;
}

/* r = a | b as a requirement.  Too many strings: each is cut to its first
 * P bytes, P as long as leaves at most SET_MAX distinct ones, since any
 * match holding a string holds its prefix ("ограничени" for the nine
 * endings of "ограничение"). */
static int
union_req(struct sset *r, const struct sset *a, const struct sset *b)
{
	const char *s[2 * SET_MAX];
	size_t l[2 * SET_MAX], p, maxl = 0;
	int n = 0, i;

	*r = *a;
	if (set_union(r, b))
		return 1;
	for (i = 0; i < a->n; i++, n++)
		s[n] = a->s[i], l[n] = a->len[i];
	for (i = 0; i < b->n; i++, n++)
		s[n] = b->s[i], l[n] = b->len[i];
	for (i = 0; i < n; i++)
		if (l[i] > maxl)
			maxl = l[i];
	for (p = maxl; p >= MIN_LIT; p--) {
		r->n = 0;
		for (i = 0; i < n; i++)
			if (!set_add(r, s[i], l[i] < p ? l[i] : p))
				break;
		if (i == n)
			return 1;
	}
	return 0;
}

/* Drop strings that contain another string of the set: finding the
 * shorter one is enough.  Returns how far into a dropped string the one
 * that stays for it may start (bytes; 0 when nothing was dropped). */
static int
reduce(struct sset *a)
{
	int i, j, k = 0, off = 0;

	for (i = 0; i < a->n; i++) {
		int redundant = 0;
		for (j = 0; j < a->n && !redundant; j++) {
			if (i == j || a->len[j] > a->len[i] || (a->len[j] == a->len[i] && j > i))
				continue;
			if (a->len[j] == 0)
				continue;
			{
				size_t p;
				for (p = 0; p + a->len[j] <= a->len[i]; p++)
					if (!memcmp(a->s[i] + p, a->s[j], a->len[j])) {
						redundant = 1;
						break;
					}
			}
		}
		if (!redundant) {
			if (k != i) {
				memcpy(a->s[k], a->s[i], a->len[i]);
				a->len[k] = a->len[i];
			}
			k++;
		} else if (a->len[i] > off) {
			off = a->len[i];
		}
	}
	a->n = k;
	return off;
}

/* The literals of src into *res; 0 when there is no filter.  *reach gets
 * how far before the start of the literal occurrence it holds a match may
 * start: reach->a bytes plus reach->s white-space runs plus reach->w word
 * runs; REACH_ANY when that is unbounded; reach->a < 0 when it depends
 * on where the search starts (no windows). */
static int
analyse(const char *src, struct sset *res, struct clen *reach)
{
	struct parse ps;
	struct info x;
	const struct sset *r;
	struct clen pre;
	int off;

	*reach = L_UNB;
	ps.p = (const unsigned char *)src;
	ps.end = ps.p + strlen(src);
	ps.fail = 0;
	ps.depth = 0;
	ps.noreach = 0;
	parse_alt(&ps, &x);
	if (ps.fail || ps.p != ps.end)
		return 0;
	r = req_of(&x, &pre);
	if (!r)
		return 0;
	*res = *r;
	off = reduce(res);
	/* a character matched caselessly is at most 4 bytes, whatever the
	 * pattern's character is */
	if (pre.a >= 0 && !ps.noreach) {
		*reach = pre;
		reach->a = 4 * pre.a + off;
	} else if (!ps.noreach) {
		/* unbounded ("(?:a\\s+|the\\s+)*", "\\S+"): a match still holds
		 * an occurrence at or after its start, so one window from the
		 * search's start to the last occurrence; the rest of the
		 * paragraph is not searched */
		*reach = L_0;
		reach->a = REACH_ANY;
	}
	return res->n;
}

/* A trigger list "a, b, c": each folded; 0 if one is too short or too long. */
static int
triggers(const char *list, struct sset *res)
{
	const char *p = list;

	res->n = 0;
	while (*p) {
		const char *e = strchr(p, ',');
		size_t l, i;
		unsigned char d[LIT_MAX];
		int unsafe = 0;

		if (!e)
			e = p + strlen(p);
		while (p < e && *p == ' ')
			p++;
		l = (size_t)(e - p);
		while (l > 0 && p[l - 1] == ' ')
			l--;
		if (l < MIN_LIT || l > LIT_MAX)
			return 0;
		for (i = 0; i < l;) {
			size_t cl = (size_t)lp_u8len((unsigned char)p[i]);
			if (i + cl > l || !literal_char((const unsigned char *)p + i, cl))
				return 0;
			i += fold1((const unsigned char *)p + i, l - i, d + i, &unsafe);
		}
		if (!set_add(res, (const char *)d, l))
			return 0;
		p = *e ? e + 1 : e;
	}
	(void)reduce(res);
	return res->n;
}

int
lp_prefilter_literals(const char *src, char *out, size_t cap)
{
	struct sset r;
	struct clen reach;
	int n = analyse(src, &r, &reach), i;
	size_t o = 0;

	if (cap)
		out[0] = '\0';
	for (i = 0; i < n; i++) {
		if (o + r.len[i] + 2 > cap)
			break;
		memcpy(out + o, r.s[i], r.len[i]);
		o += r.len[i];
		out[o++] = '\n';
		out[o] = '\0';
	}
	return n;
}

/* ---- the registry: regex -> literals, literals by their first 3 bytes ---- */

struct lit {
	char *s;
	size_t len;
	int next; /* in its bucket, -1 ends */
};

struct reg {
	const void *re; /* NULL: free; (void *)1: deleted */
	int first, n;   /* in idx */
	struct clen reach; /* see analyse; a < 0: no windows */
	int id;         /* dense, for the per-paragraph tables */
};

static struct lit *lits;
static int nlits, litcap;
static int bucket[NBUCKET];
static int *idx;
static size_t nidx, idxcap;
static struct reg *regs;
static size_t nregs;
static int nids; /* ids handed out */
static pthread_mutex_t regmu = PTHREAD_MUTEX_INITIALIZER;
static int checked_env, disabled;

/* The automaton that finds every literal in one pass (Aho-Corasick over
 * folded bytes, as a full DFA on byte classes): built from lits when a
 * paragraph is first scanned after the literals changed. */
static unsigned char acls[256]; /* byte -> class; 0: in no literal */
static int ancls;               /* classes, 0 included */
static int astride;             /* a row's columns: the classes, then the pairs */
static int32_t *adelta;         /* row + column -> row, a row being state * astride */
static int32_t aoutrow;         /* rows from here on have literals ending there */
static int atoobig;             /* too many states: no filtering at all */
static int *aoutfirst, *aoutn;  /* per state: literals ending there */
static int *aout;
static int anstates, abuilt;
/* literal -> the ids of the regexes that need it */
static int *alfirst, *alregs;
/* The classes of a character's folded bytes, looked up instead of folded:
 * ASCII by byte (with, above the class, what it is to runs: RUN_S white
 * space, RUN_W a byte of a word run), two-byte characters (Latin-1 to
 * Armenian) by their 11 bits; u2flag marks one that makes the paragraph
 * unfilterable (U2_UNSAFE) or is white space (U2_SPACE). */
enum { RUN_S = 1, RUN_W = 2 };
enum { U2_UNSAFE = 1, U2_SPACE = 2 };
static uint16_t acls1[128];
static unsigned char acls2[2048][2], u2flag[2048];
/* A two-byte character's column of pairs: one step for both its folded
 * bytes (a Cyrillic text's characters are nearly all two bytes, and a
 * step is a load that waits for the one before); 0 for a character in
 * no literal, which leads to the root; APAIR_TWO, two steps;
 * APAIR_UNSAFE, a character that makes the paragraph unfilterable. */
static uint16_t apair[2048];
#define APAIR_UNSAFE 0xfffe
#define APAIR_TWO 0xffff
static int uspace(const unsigned char *s, size_t l);

#define DELETED ((const void *)1)

static unsigned
hash3(const unsigned char *s)
{
	return ((unsigned)s[0] * 961u + (unsigned)s[1] * 31u + s[2]) & (NBUCKET - 1);
}

static size_t
hashp(const void *p)
{
	uintptr_t v = (uintptr_t)p;

	v ^= v >> 17;
	v *= 0x9e3779b97f4a7c15ull & UINTPTR_MAX;
	return (size_t)(v >> 7) & (REG_CAP - 1);
}

static int
intern(const char *s, size_t l)
{
	unsigned h = hash3((const unsigned char *)s);
	int i;

	if (nlits == 0)
		memset(bucket, -1, sizeof bucket);
	for (i = bucket[h]; i >= 0; i = lits[i].next)
		if (lits[i].len == l && !memcmp(lits[i].s, s, l))
			return i;
	if (nlits == litcap) {
		litcap = litcap ? 2 * litcap : 64;
		lits = lp_xrealloc(lits, (size_t)litcap * sizeof *lits);
	}
	lits[nlits].s = lp_xstrndup(s, l);
	lits[nlits].len = l;
	lits[nlits].next = bucket[h];
	bucket[h] = nlits;
	abuilt = 0;
	return nlits++;
}

static struct reg *
find(const void *re)
{
	size_t h, k;

	if (!regs)
		return NULL;
	for (h = hashp(re), k = 0; k < REG_CAP; k++, h = (h + 1) & (REG_CAP - 1)) {
		if (regs[h].re == re)
			return &regs[h];
		if (!regs[h].re)
			return NULL;
	}
	return NULL;
}

static void
ac_free(void)
{
	free(adelta);
	free(aoutfirst);
	free(aoutn);
	free(aout);
	free(alfirst);
	free(alregs);
	alfirst = alregs = NULL;
	adelta = NULL;
	aoutfirst = aoutn = aout = NULL;
	anstates = abuilt = 0;
	atoobig = 0;
}

/* The registry lives as long as the process; freed at exit so valgrind
 * sees no memory still held. */
static void
registry_free(void)
{
	int i;

	ac_free();

	for (i = 0; i < nlits; i++)
		free(lits[i].s);
	free(lits);
	free(idx);
	free(regs);
	lits = NULL;
	idx = NULL;
	regs = NULL;
	nlits = litcap = 0;
	nidx = idxcap = 0;
	nregs = 0;
	nids = 0;
}

/* The last analysis lp_prefilter_reach made, for the lp_prefilter_add of
 * the same source that follows it (no second analysis). */
static struct {
	char src[4096];
	int n;
	struct clen reach;
	struct sset r;
} cached;

static int
off_by_env(void)
{
	/* LEXPIPE_PREFILTER=0 turns the filter off: the bench and the tests
	 * compare the two */
	if (!checked_env) {
		const char *e = getenv("LEXPIPE_PREFILTER");
		disabled = e && !strcmp(e, "0");
		checked_env = 1;
	}
	return disabled;
}

int
lp_prefilter_reach(const char *src, const char *trigger)
{
	int n;
	struct clen reach;
	struct sset r;

	if (off_by_env() || trigger)
		return -1;
	n = analyse(src, &r, &reach);
	pthread_mutex_lock(&regmu);
	if (strlen(src) < sizeof cached.src) {
		strcpy(cached.src, src);
		cached.n = n;
		cached.reach = reach;
		cached.r = r;
	}
	pthread_mutex_unlock(&regmu);
	return n > 0 && reach.a >= 0 ? reach.a : -1;
}

int
lp_prefilter_add(const void *re, const char *src, const char *trigger)
{
	struct sset r;
	int n, i;
	struct clen reach = L_UNB;
	size_t h, k;
	struct reg *slot = NULL;

	if (off_by_env())
		return 0;
	pthread_mutex_lock(&regmu);
	if (!trigger && cached.src[0] && !strcmp(cached.src, src)) {
		n = cached.n;
		reach = cached.reach;
		r = cached.r;
		cached.src[0] = '\0';
		pthread_mutex_unlock(&regmu);
	} else {
		pthread_mutex_unlock(&regmu);
		n = trigger ? triggers(trigger, &r) : analyse(src, &r, &reach);
	}
	pthread_mutex_lock(&regmu);
	if ((slot = find(re))) {
		slot->re = DELETED; /* an address used again: the old entry goes */
		nregs--;
	}
	if (n > 0 && nregs < REG_CAP / 2) {
		if (!regs) {
			atexit(registry_free);
			regs = lp_xmalloc(REG_CAP * sizeof *regs);
			memset(regs, 0, REG_CAP * sizeof *regs);
		}
		for (h = hashp(re), k = 0; k < REG_CAP; k++, h = (h + 1) & (REG_CAP - 1))
			if (!regs[h].re || regs[h].re == DELETED)
				break;
		if (nidx + (size_t)n > idxcap) {
			idxcap = (nidx + (size_t)n) * 2;
			idx = lp_xrealloc(idx, idxcap * sizeof *idx);
		}
		regs[h].first = (int)nidx;
		regs[h].n = n;
		regs[h].reach = reach;
		regs[h].id = nids++;
		abuilt = 0;
		for (i = 0; i < n; i++)
			idx[nidx++] = intern(r.s[i], r.len[i]);
		regs[h].re = re;
		nregs++;
	} else {
		n = 0;
	}
	pthread_mutex_unlock(&regmu);
	return n;
}

static void para_drop(void);

/* The last registered regex is gone: free the tables (one cleanup path,
 * so valgrind finds nothing left) and this thread's paragraph state. */
static void
release_all(void)
{
	int i;

	for (i = 0; i < nlits; i++)
		free(lits[i].s);
	free(lits);
	lits = NULL;
	nlits = litcap = 0;
	ac_free();
	free(idx);
	idx = NULL;
	nidx = idxcap = 0;
	free(regs);
	regs = NULL;
	nids = 0;
	para_drop();
}

void
lp_prefilter_forget(const void *re)
{
	struct reg *slot;

	if (!regs)
		return;
	pthread_mutex_lock(&regmu);
	if ((slot = find(re))) {
		slot->re = DELETED;
		abuilt = 0;
		if (--nregs == 0)
			release_all();
	}
	pthread_mutex_unlock(&regmu);
}

/* ---- the paragraph: per thread ---- */

struct para {
	const char *text;
	size_t len;
	int scanned, unsafe;
	/* where each literal occurs: starts in scan order (by end), then
	 * grouped by literal, each group ascending */
	size_t *found, nfound, fcap;
	int *flit;
	size_t *first, *count, *fill; /* per literal, in pos */
	unsigned *lstamp, *pstamp;     /* count, first hold when == epoch */
	size_t *pos, poscap;
	int nlast;
	/* per regex id: the first and last start of its literals in this
	 * paragraph, valid when stamp[id] == epoch */
	unsigned *stamp, epoch;
	size_t *pmin, *pmax;
	int nid;
	/* the longest runs of white space and of word bytes, in bytes */
	size_t space_run, word_run;
};

static pthread_key_t parakey;
static _Thread_local struct para *tl_para;
static pthread_once_t paraonce = PTHREAD_ONCE_INIT;

static void
para_free(void *v)
{
	struct para *p = v;

	free(p->found);
	free(p->flit);
	free(p->first);
	free(p->count);
	free(p->fill);
	free(p->lstamp);
	free(p->pstamp);
	free(p->pos);
	free(p->stamp);
	free(p->pmin);
	free(p->pmax);
	free(p);
}

/* Threads free theirs when they end; the main thread's goes at exit, so
 * valgrind sees no memory still held. */
static void
para_free_main(void)
{
	struct para *p = pthread_getspecific(parakey);

	if (p) {
		pthread_setspecific(parakey, NULL);
		tl_para = NULL;
		para_free(p);
	}
}

static void
para_key(void)
{
	pthread_key_create(&parakey, para_free);
	atexit(para_free_main);
}

static void
para_drop(void)
{
	struct para *p;

	pthread_once(&paraonce, para_key);
	if ((p = pthread_getspecific(parakey))) {
		para_free(p);
		pthread_setspecific(parakey, NULL);
	}
	tl_para = NULL;
}

/* The key frees a thread's state when the thread ends; the thread-local
 * copy of the pointer spares every question a pthread_getspecific. */
static struct para *
para_get(void)
{
	struct para *p = tl_para;

	if (p)
		return p;
	pthread_once(&paraonce, para_key);
	p = pthread_getspecific(parakey);
	if (!p) {
		p = lp_xmalloc(sizeof *p);
		memset(p, 0, sizeof *p);
		pthread_setspecific(parakey, p);
	}
	tl_para = p;
	return p;
}

void
lp_prefilter_para(const char *text, size_t len)
{
	struct para *p = para_get();

	p->text = text;
	p->len = len;
	p->scanned = 0;
}

/* Rows premultiplied by the row's width, and the states where literals end
 * numbered last: a step is one load, "a literal ends here?" one compare.
 * After the byte classes, a row has a column for each pair of classes a
 * two-byte character's folded bytes fall in: the state after both bytes.
 * A pair that leads to the root from every state (a character in no
 * literal) needs no column: APAIR_ROOT, no load at all.  A pair is left
 * out (its characters step twice) if a literal could end on its first
 * byte, where the single steps would note it -- literals are whole
 * characters, so none does -- or if the table would outgrow AC_MAX_CELLS. */
static void
renumber(void)
{
	int32_t *perm = lp_xmalloc((size_t)anstates * sizeof *perm), *nd;
	int *nfirst, *nn, st, c, k = 0, npair = 0, ncol = 0, j;
	int16_t *pid = lp_xmalloc((size_t)ancls * (size_t)ancls * sizeof *pid);
	unsigned char *pc0 = lp_xmalloc(2048), *pc1 = lp_xmalloc(2048);
	int *col = lp_xmalloc(2048 * sizeof *col); /* a pair's column; 0: none, -1: the root */

	memset(pid, -1, (size_t)ancls * (size_t)ancls * sizeof *pid);
	for (c = 0x80; c < 0x800; c++) {
		int16_t *x = &pid[acls2[c][0] * ancls + acls2[c][1]];
		if (*x < 0) {
			pc0[npair] = acls2[c][0];
			pc1[npair] = acls2[c][1];
			*x = (int16_t)npair++;
		}
	}
	for (j = 0; j < npair; j++) {
		int root = 1, ok = 1;
		for (st = 0; st < anstates && ok; st++) {
			int32_t mid = adelta[(size_t)st * ancls + pc0[j]];
			ok = !aoutn[mid];
			root &= adelta[(size_t)mid * ancls + pc1[j]] == 0;
		}
		col[j] = !ok ? 0 : root ? -1 : 1;
	}
	for (j = 0; j < npair; j++)
		if (col[j] > 0)
			ncol++;
	if ((size_t)anstates * (size_t)(ancls + ncol) > AC_MAX_CELLS) {
		for (j = 0; j < npair; j++)
			if (col[j] > 0)
				col[j] = 0;
		ncol = 0;
	}
	for (j = 0, k = ancls; j < npair; j++)
		if (col[j] > 0)
			col[j] = k++;
	astride = ancls + ncol;
	for (k = 0, st = 0; st < anstates; st++)
		if (!aoutn[st])
			perm[st] = k++;
	aoutrow = k * astride;
	for (st = 0; st < anstates; st++)
		if (aoutn[st])
			perm[st] = k++;
	nd = lp_xmalloc((size_t)anstates * (size_t)astride * sizeof *nd);
	nfirst = lp_xmalloc((size_t)anstates * sizeof *nfirst);
	nn = lp_xmalloc((size_t)anstates * sizeof *nn);
	for (st = 0; st < anstates; st++) {
		int32_t *row = nd + (size_t)perm[st] * astride;
		for (c = 0; c < ancls; c++)
			row[c] = perm[adelta[(size_t)st * ancls + c]] * astride;
		for (j = 0; j < npair; j++)
			if (col[j] > 0) {
				int32_t mid = adelta[(size_t)st * ancls + pc0[j]];
				row[col[j]] = perm[adelta[(size_t)mid * ancls + pc1[j]]] * astride;
			}
		nfirst[perm[st]] = aoutfirst[st];
		nn[perm[st]] = aoutn[st];
	}
	for (c = 0; c < 0x800; c++) {
		apair[c] = APAIR_TWO;
		if (c >= 0x80) {
			j = col[pid[acls2[c][0] * ancls + acls2[c][1]]];
			apair[c] = j < 0 ? 0 : j > 0 ? (uint16_t)j : APAIR_TWO;
		}
		if (u2flag[c] & U2_UNSAFE)
			apair[c] = APAIR_UNSAFE;
	}
	free(adelta);
	free(aoutfirst);
	free(aoutn);
	adelta = nd;
	aoutfirst = nfirst;
	aoutn = nn;
	free(perm);
	free(pid);
	free(pc0);
	free(pc1);
	free(col);
}

/* Build the automaton for the current literals; regmu is held. */
static void
ac_build(void)
{
	size_t total = 1;
	int i, c, st, head, tail, nout = 0;
	int *fail, *queue, *own;

	ac_free();
	memset(acls, 0, sizeof acls);
	ancls = 1;
	for (i = 0; i < nlits; i++) {
		size_t k;
		for (k = 0; k < lits[i].len; k++) {
			unsigned char b = (unsigned char)lits[i].s[k];
			if (!acls[b])
				acls[b] = (unsigned char)ancls++;
		}
		total += lits[i].len;
	}
	/* memory stays bounded whatever the pattern files: past 16 MB of
	 * table the filter steps aside (every regex runs) */
	atoobig = total * (size_t)ancls > AC_MAX_CELLS;
	if (atoobig) {
		abuilt = 1;
		return;
	}
	adelta = lp_xmalloc(total * (size_t)ancls * sizeof *adelta);
	memset(adelta, -1, total * (size_t)ancls * sizeof *adelta);
	own = lp_xmalloc(total * sizeof *own); /* the literal ending at a state, or -1 */
	memset(own, -1, total * sizeof *own);
	anstates = 1;
	for (i = 0; i < nlits; i++) {
		size_t k;
		for (st = 0, k = 0; k < lits[i].len; k++) {
			int32_t *t = &adelta[(size_t)st * ancls + acls[(unsigned char)lits[i].s[k]]];
			if (*t < 0)
				*t = anstates++;
			st = *t;
		}
		own[st] = i; /* literals are unique: one a state */
	}
	/* breadth first: a state's fallback is shallower, so it is complete */
	fail = lp_xmalloc((size_t)anstates * sizeof *fail);
	queue = lp_xmalloc((size_t)anstates * sizeof *queue);
	aoutfirst = lp_xmalloc((size_t)anstates * sizeof *aoutfirst);
	aoutn = lp_xmalloc((size_t)anstates * sizeof *aoutn);
	head = tail = 0;
	fail[0] = 0;
	aoutn[0] = 0;
	aoutfirst[0] = 0;
	for (c = 0; c < ancls; c++) {
		int32_t *t = &adelta[c];
		if (*t < 0) {
			*t = 0;
		} else {
			fail[*t] = 0;
			queue[tail++] = *t;
		}
	}
	/* outputs: a state's own literal, then its fallback's (sizes first) */
	while (head < tail) {
		st = queue[head++];
		aoutn[st] = (own[st] >= 0) + aoutn[fail[st]];
		nout += aoutn[st];
		for (c = 0; c < ancls; c++) {
			int32_t *t = &adelta[(size_t)st * ancls + c];
			int32_t f = adelta[(size_t)fail[st] * ancls + c];
			if (*t < 0) {
				*t = f;
			} else {
				fail[*t] = f;
				queue[tail++] = *t;
			}
		}
	}
	aout = lp_xmalloc((size_t)(nout ? nout : 1) * sizeof *aout);
	nout = 0;
	for (head = 0; head < tail; head++) {
		int j;
		st = queue[head];
		aoutfirst[st] = nout;
		if (own[st] >= 0)
			aout[nout++] = own[st];
		for (j = 0; j < aoutn[fail[st]]; j++)
			aout[nout++] = aout[aoutfirst[fail[st]] + j];
	}
	free(own);
	free(fail);
	free(queue);
	{
		/* literal -> regexes, two passes over the registry */
		size_t h;
		int *fill = lp_xmalloc(((size_t)nlits + 1) * sizeof *fill);
		alfirst = lp_xmalloc(((size_t)nlits + 1) * sizeof *alfirst);
		memset(alfirst, 0, ((size_t)nlits + 1) * sizeof *alfirst);
		for (h = 0; regs && h < REG_CAP; h++)
			if (regs[h].re && regs[h].re != DELETED)
				for (c = 0; c < regs[h].n; c++)
					alfirst[idx[regs[h].first + c] + 1]++;
		for (i = 0; i < nlits; i++)
			alfirst[i + 1] += alfirst[i];
		memcpy(fill, alfirst, ((size_t)nlits + 1) * sizeof *fill);
		alregs = lp_xmalloc(((size_t)alfirst[nlits] + 1) * sizeof *alregs);
		for (h = 0; regs && h < REG_CAP; h++)
			if (regs[h].re && regs[h].re != DELETED)
				for (c = 0; c < regs[h].n; c++)
					alregs[fill[idx[regs[h].first + c]]++] = regs[h].id;
		free(fill);
	}
	for (i = 0; i < 128; i++)
		acls1[i] = (uint16_t)(acls[i >= 'A' && i <= 'Z' ? i + 32 : i] |
		                      ((i == ' ' || (i >= 9 && i <= 13) ? RUN_S : 0) | (word_byte((unsigned char)i) ? RUN_W : 0)) << 8);
	for (i = 0x80; i < 0x800; i++) {
		unsigned char u[2], d[2];
		int unsafe = 0;
		u[0] = (unsigned char)(0xc0 | i >> 6);
		u[1] = (unsigned char)(0x80 | (i & 0x3f));
		fold1(u, 2, d, &unsafe);
		acls2[i][0] = acls[d[0]];
		acls2[i][1] = acls[d[1]];
		u2flag[i] = (unsigned char)((unsafe ? U2_UNSAFE : 0) | (uspace(u, 2) ? U2_SPACE : 0));
	}
	renumber();
	abuilt = 1;
}

/* The literals that end at byte at of the paragraph, in row `row`. */
static void
note(struct para *p, int32_t row, size_t at)
{
	int j, st = row / astride;

	for (j = aoutfirst[st]; j < aoutfirst[st] + aoutn[st]; j++) {
		if (p->nfound == FOUND_MAX)
			return; /* scan() gives up filtering this paragraph */
		if (p->nfound == p->fcap) {
			p->fcap = p->fcap ? 2 * p->fcap : 64;
			p->found = lp_xrealloc(p->found, p->fcap * sizeof *p->found);
			p->flit = lp_xrealloc(p->flit, p->fcap * sizeof *p->flit);
		}
		p->found[p->nfound] = at + 1 - lits[aout[j]].len;
		p->flit[p->nfound++] = aout[j];
	}
}

/* Group the occurrences by literal (a counting sort keeps each literal's
 * starts ascending: one literal's occurrences end, so start, in order).
 * Only the literals found are touched: first[l] and count[l] hold when
 * lstamp[l] == epoch.  Then each regex's first and last literal start,
 * so most questions are answered without looking at its literals. */
static void
group(struct para *p)
{
	size_t i, at = 0;

	if (p->nid < nids) {
		p->nid = nids;
		p->stamp = lp_xrealloc(p->stamp, (size_t)nids * sizeof *p->stamp);
		p->pmin = lp_xrealloc(p->pmin, (size_t)nids * sizeof *p->pmin);
		p->pmax = lp_xrealloc(p->pmax, (size_t)nids * sizeof *p->pmax);
		memset(p->stamp, 0, (size_t)nids * sizeof *p->stamp);
	}
	if (++p->epoch == 0) {
		memset(p->stamp, 0, (size_t)p->nid * sizeof *p->stamp);
		memset(p->lstamp, 0, (size_t)p->nlast * sizeof *p->lstamp);
		memset(p->pstamp, 0, (size_t)p->nlast * sizeof *p->pstamp);
		p->epoch = 1;
	}
	for (i = 0; i < p->nfound; i++) {
		int l = p->flit[i];
		if (p->lstamp[l] != p->epoch) {
			p->lstamp[l] = p->epoch;
			p->count[l] = 0;
		}
		p->count[l]++;
	}
	for (i = 0; i < p->nfound; i++) {
		int l = p->flit[i];
		if (p->pstamp[l] != p->epoch) {
			p->pstamp[l] = p->epoch;
			p->first[l] = p->fill[l] = at;
			at += p->count[l];
		}
	}
	if (p->poscap < p->nfound || !p->pos) {
		p->poscap = p->nfound ? p->nfound : 1;
		p->pos = lp_xrealloc(p->pos, p->poscap * sizeof *p->pos);
	}
	for (i = 0; i < p->nfound; i++) {
		int l = p->flit[i], k;
		size_t st = p->found[i];

		p->pos[p->fill[l]++] = st;
		for (k = alfirst[l]; k < alfirst[l + 1]; k++) {
			int id = alregs[k];
			if (p->stamp[id] != p->epoch) {
				p->stamp[id] = p->epoch;
				p->pmin[id] = p->pmax[id] = st;
			} else if (st < p->pmin[id]) {
				p->pmin[id] = st;
			} else if (st > p->pmax[id]) {
				p->pmax[id] = st;
			}
		}
	}
}

/* One pass over the paragraph: fold a character, step the automaton over
 * its folded bytes, note where each literal begins. */
static void
scan(struct para *p)
{
	const unsigned char *s = (const unsigned char *)p->text;
	size_t n = p->len, i, k, l;
	int unsafe = 0;
	int32_t st = 0, outrow;
	const int32_t *delta;
	unsigned char d[4];
	size_t wds = 0, wmax = 0, sps = 0, spe = (size_t)-1, smax = 0;

/* a white-space character of l bytes at at: its run goes on or begins */
#define SPACE_RUN(at, l) do { \
		if (spe != (at)) \
			sps = (at); \
		spe = (at) + (l); \
		if (spe - sps > smax) \
			smax = spe - sps; \
	} while (0)

	p->scanned = 1;
	p->unsafe = 0;
	pthread_mutex_lock(&regmu);
	if (!abuilt)
		ac_build();
	pthread_mutex_unlock(&regmu);
	if (p->nlast < nlits) {
		p->first = lp_xrealloc(p->first, (size_t)nlits * sizeof *p->first);
		p->count = lp_xrealloc(p->count, (size_t)nlits * sizeof *p->count);
		p->fill = lp_xrealloc(p->fill, (size_t)nlits * sizeof *p->fill);
		p->lstamp = lp_xrealloc(p->lstamp, (size_t)nlits * sizeof *p->lstamp);
		p->pstamp = lp_xrealloc(p->pstamp, (size_t)nlits * sizeof *p->pstamp);
		memset(p->lstamp + p->nlast, 0, (size_t)(nlits - p->nlast) * sizeof *p->lstamp);
		memset(p->pstamp + p->nlast, 0, (size_t)(nlits - p->nlast) * sizeof *p->pstamp);
		p->nlast = nlits;
	}
	p->nfound = 0;
	/* in registers: note() writes memory, so the globals would be
	 * loaded again at every step */
	delta = adelta;
	outrow = aoutrow;
	if (atoobig) {
		p->unsafe = 1;
		return;
	}
	/* the longest runs of white space and of word bytes come along: a
	 * word run ends at an ASCII byte that is not a word byte (every other
	 * byte counts, so a \\w+ match always fits in one); a white-space run
	 * at the first character after it that is not white space.  A byte or
	 * character in no literal goes to the root without a load: each
	 * step's load waits for the one before, and a text is full of them
	 * (a load from column 0, the root from every state, measured slower). */
	for (i = 0; i < n;) {
		unsigned c = s[i];

		if (c < 0x80) {
			unsigned e = acls1[c];

			if (e & 0xff) {
				st = delta[st + (e & 0xff)];
				if (st >= outrow)
					note(p, st, i);
			} else {
				st = 0; /* a byte in no literal (space, digit...): the root, no load */
			}
			if (e >> 8 != RUN_W) {
				if (e >> 8 & RUN_S)
					SPACE_RUN(i, 1);
				if (i - wds > wmax)
					wmax = i - wds; /* no ASCII byte is both */
				wds = i + 1;
			}
			i++;
			continue;
		}
		if (c >= 0xc2 && c < 0xe0 && i + 1 < n) {
			/* a two-byte character: no fold needed, its classes are known */
			unsigned cp = (c & 0x1f) << 6 | (s[i + 1] & 0x3f), e = apair[cp];

			if (c == 0xc2 && (u2flag[cp] & U2_SPACE))
				SPACE_RUN(i, 2);
			if (e == 0) {
				st = 0; /* a character in no literal: the root, no load */
				i += 2;
				continue;
			}
			if (e < APAIR_UNSAFE) {
				st = delta[st + e];
				if (st >= outrow)
					note(p, st, i + 1);
				i += 2;
				continue;
			}
			if (e == APAIR_UNSAFE) {
				p->unsafe = 1;
				return;
			}
			st = delta[st + acls2[cp][0]];
			if (st >= outrow)
				note(p, st, i);
			st = delta[st + acls2[cp][1]];
			if (st >= outrow)
				note(p, st, i + 1);
			i += 2;
			continue;
		}
		l = fold1(s + i, n - i, d, &unsafe);
		if (unsafe) {
			p->unsafe = 1;
			return;
		}
		if (uspace(s + i, l))
			SPACE_RUN(i, l);
		for (k = 0; k < l; k++) {
			st = delta[st + acls[d[k]]];
			if (st >= outrow)
				note(p, st, i + k);
		}
		i += l;
	}
#undef SPACE_RUN
	if (p->nfound == FOUND_MAX) {
		p->unsafe = 1; /* too many to keep: every regex runs, memory stays bounded */
		return;
	}
	p->space_run = smax;
	p->word_run = n - wds > wmax ? n - wds : wmax;
	group(p);
}

int
lp_prefilter_fold(const char *s, size_t n, char *out)
{
	size_t i;
	int unsafe = 0;

	for (i = 0; i < n;)
		i += fold1((const unsigned char *)s + i, n - i, (unsigned char *)out + i, &unsafe);
	return unsafe;
}

/* A white-space character at s (l bytes), as \\s takes it under UCP: the
 * Z categories and \\t-\\r, with a few more (NEL, Mongolian vowel
 * separator, zero width space, BOM) that only make a run longer. */
static int
uspace(const unsigned char *s, size_t l)
{
	if (l == 1)
		return s[0] == ' ' || (s[0] >= 9 && s[0] <= 13);
	if (l == 2)
		return s[0] == 0xc2 && (s[1] == 0x85 || s[1] == 0xa0);
	if (l != 3)
		return 0;
	if (s[0] == 0xe2 && s[1] == 0x80)
		return s[2] <= 0x8b || s[2] == 0xa8 || s[2] == 0xa9 || s[2] == 0xaf;
	return (s[0] == 0xe1 && s[1] == 0x9a && s[2] == 0x80) || (s[0] == 0xe1 && s[1] == 0xa0 && s[2] == 0x8e) ||
	       (s[0] == 0xe2 && s[1] == 0x81 && s[2] == 0x9f) || (s[0] == 0xe3 && s[1] == 0x80 && s[2] == 0x80) ||
	       (s[0] == 0xef && s[1] == 0xbb && s[2] == 0xbf);
}

/* The first start at or after from of a literal of r that ends by len;
 * (size_t)-1 when there is none. */
static size_t
next_at(const struct para *p, const struct reg *r, size_t from, size_t len)
{
	size_t best = (size_t)-1;
	int i;

	for (i = 0; i < r->n; i++) {
		int l = idx[r->first + i];
		const size_t *a;
		size_t lo = 0, hi, n;

		if (l >= p->nlast || p->lstamp[l] != p->epoch)
			continue;
		a = p->pos + p->first[l];
		n = hi = p->count[l];
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (a[mid] < from)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo < n && a[lo] < best && a[lo] + lits[l].len <= len)
			best = a[lo];
	}
	return best;
}

/* The registered regex re on subject s: NULL when the filter cannot
 * answer for it (not the paragraph, or a paragraph it cannot fold). */
static const struct reg *
subject(const void *re, const char *s, size_t len, struct para **pp)
{
	struct para *p;
	struct reg *r;

	if (nlits == 0 || !(r = find(re)))
		return NULL;
	p = para_get();
	if (!s || s != p->text || len > p->len)
		return NULL;
	if (!p->scanned)
		scan(p);
	if (p->unsafe)
		return NULL;
	*pp = p;
	return r;
}

/* The first start of a literal of r at or after from that ends by len;
 * (size_t)-1 when there is none.  The paragraph's first and last starts
 * answer most calls. */
static size_t
first_at(const struct para *p, const struct reg *r, size_t from, size_t len)
{
	if (r->id >= p->nid || p->stamp[r->id] != p->epoch || from > p->pmax[r->id])
		return (size_t)-1;
	if (from <= p->pmin[r->id] && len == p->len)
		return p->pmin[r->id];
	return next_at(p, r, from, len);
}

int
lp_prefilter_id(const void *re)
{
	const struct reg *r;
	int id;

	pthread_mutex_lock(&regmu);
	r = find(re);
	id = r ? r->id : -1;
	pthread_mutex_unlock(&regmu);
	return id;
}

void
lp_prefilter_view(struct lp_prefilter_view *v, const char *text, size_t len)
{
	struct para *p;

	memset(v, 0, sizeof *v);
	v->all = 1;
	if (nlits == 0)
		return;
	p = para_get();
	if (!text || text != p->text || len != p->len)
		return;
	if (!p->scanned)
		scan(p);
	if (p->unsafe)
		return;
	v->all = 0;
	v->stamp = p->stamp;
	v->epoch = p->epoch;
	v->nid = p->nid;
}

int
lp_prefilter_window(const void *re, const char *s, size_t len, size_t from, size_t *a, size_t *b)
{
	struct para *p;
	const struct reg *r = subject(re, s, len, &p);
	size_t q, reach;

	if (!r)
		return 1;
	if ((q = first_at(p, r, from, len)) == (size_t)-1)
		return 0;
	if (r->reach.a < 0)
		return 1;
	reach = (size_t)r->reach.a;
	reach += (size_t)r->reach.s * p->space_run + (size_t)r->reach.w * p->word_run;
	*a = q - from > reach ? q - reach : from;
	*b = q;
	/* windows that (nearly) touch are searched as one */
	while ((q = first_at(p, r, *b + 1, len)) != (size_t)-1 && q <= *b + reach + WINDOW_GAP)
		*b = q;
	return 2;
}
