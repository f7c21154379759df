/*
 * normalize.c - Unicode normalization with utf8proc, and the fixes that
 * legal text copied from Word, PDF and the web needs.
 *
 * The slow path, lp_normalize(), works on code points in three passes:
 * the per-character fixes (removed characters leave LP_SCRIPT_SKIP behind),
 * script repair (script.c), then NFC a combining cluster at a time (a
 * starter and the marks after it), so each cluster becomes one segment of
 * the offset map and an offset never falls between a letter and its accent.
 * Clusters are capped at 32 code points, as Unicode's Stream-Safe Text
 * Format does, so endless combining marks cost linear time.
 *
 * The fast path, lp_normalize_is_plain(), proves with a byte scan that a
 * UTF-8 line would come out of the slow path unchanged (the usual case:
 * ASCII, plain Cyrillic), so norm.c can send the line as it was read.
 * lp_plain_cp() is the one definition of "unchanged" both paths share.
 */
#include <pthread.h>
#include <string.h>

#include <utf8proc.h>

#include "normalize.h"
#include "script.h"

#define CLUSTER_MAX 32
#define SKIP LP_SCRIPT_SKIP

enum { KEEP = -2, DROP = -1 };

/* The per-character fixes; returns the replacement, DROP, or KEEP. */
static int32_t
fix(uint32_t c)
{
	switch (c) {
	case 0x0000: /* NUL has no place in text; the record stream cannot carry it */
		return 0xfffd;
	case 0x00a0: case 0x2000: case 0x2001: case 0x2002: case 0x2003:
	case 0x2004: case 0x2005: case 0x2006: case 0x2007: case 0x2008:
	case 0x2009: case 0x200a: case 0x202f: case 0x205f: case 0x3000:
		return ' ';
	case 0x00ad: /* soft hyphen */
	case 0x200b: case 0x200c: case 0x200d: case 0x2060: /* zero width */
	case 0xfeff: /* a BOM anywhere but the start */
		return DROP;
	case 0x2010: case 0x2011: case 0x2043: case 0x2212: case 0xfe63: case 0xff0d:
		return '-';
	case 0x2012: case 0x2014: case 0x2015: case 0xfe58:
		/* Range dashes become one en dash, kept apart from the hyphen:
		 * "102-3" is an inserted article, "27–29" a range. */
		return 0x2013;
	}
	return KEEP;
}

uint32_t
lp_fix_separator(uint32_t c)
{
	int32_t f = fix(c);

	return f == ' ' || f == 0x2013 ? (uint32_t)f : 0;
}

static int
is_nonstarter(uint32_t c)
{
	if (c < 0x300 || c == SKIP)
		return 0;
	if (c >= 0x1161 && c <= 0x11ff) /* Hangul vowels and trailing consonants compose */
		return 1;
	return utf8proc_get_property((utf8proc_int32_t)c)->combining_class != 0;
}

/* A starter that composes with the character before it (U+0CD5 after
 * U+0CBF, ...): it must not pass through the fast path either. */
static int
composes_backwards(uint32_t c)
{
	const utf8proc_property_t *p = utf8proc_get_property((utf8proc_int32_t)c);

	return p->comb_index != UINT16_MAX && p->comb_index >= 0x8000;
}

/* Compatibility folding that --nfkc still leaves alone: superscripts and
 * subscripts ("13⁴" is article 13 part 4, not 134) and № (U+2116, whose
 * NFKC form "No" would hide every Russian and Kazakh number sign). */
static int
nfkc_keeps(uint32_t c, const utf8proc_property_t *p)
{
	return p->decomp_type == UTF8PROC_DECOMP_TYPE_SUPER ||
	       p->decomp_type == UTF8PROC_DECOMP_TYPE_SUB || c == 0x2116;
}

/* Decompose, reorder and recompose one cluster; returns the count in out. */
static size_t
nfc_cluster(const struct lp_normopt *opt, const uint32_t *cp, size_t n,
            utf8proc_int32_t *out, size_t cap)
{
	size_t len = 0, i, j;

	for (i = 0; i < n; i++) {
		const utf8proc_property_t *p = utf8proc_get_property((utf8proc_int32_t)cp[i]);
		utf8proc_option_t o = UTF8PROC_DECOMPOSE;
		utf8proc_ssize_t r;
		int bc = 0;

		if (opt->nfkc && !nfkc_keeps(cp[i], p))
			o |= UTF8PROC_COMPAT;
		r = utf8proc_decompose_char((utf8proc_int32_t)cp[i], out + len,
		                            (utf8proc_ssize_t)(cap - len), o, &bc);
		if (r < 0 || (size_t)r > cap - len) {
			out[len++] = (utf8proc_int32_t)cp[i];
			continue;
		}
		len += (size_t)r;
	}
	/* canonical ordering: a stable insertion sort by combining class */
	for (i = 1; i < len; i++) {
		utf8proc_int32_t c = out[i];
		int cc = utf8proc_get_property(c)->combining_class;

		if (cc == 0)
			continue;
		for (j = i; j > 0; j--) {
			int pc = utf8proc_get_property(out[j - 1])->combining_class;
			if (pc <= cc)
				break;
			out[j] = out[j - 1];
		}
		out[j] = c;
	}
	return (size_t)utf8proc_normalize_utf32(out, (utf8proc_ssize_t)len,
	                                        UTF8PROC_COMPOSE | UTF8PROC_STABLE);
}

/* Does c come out of nfc_cluster() as itself, alone? */
static int
stable_alone(const struct lp_normopt *opt, uint32_t c)
{
	const utf8proc_property_t *p = utf8proc_get_property((utf8proc_int32_t)c);
	utf8proc_int32_t out[CLUSTER_MAX * 18];

	if (p->decomp_seqindex == UINT16_MAX)
		return 1;
	if (p->decomp_type != 0 && (!opt->nfkc || nfkc_keeps(c, p)))
		return 1; /* a compatibility mapping: NFC leaves it */
	return nfc_cluster(opt, &c, 1, out, sizeof out / sizeof out[0]) == 1 && (uint32_t)out[0] == c;
}

/* lp_plain_cp() for the code points below U+0800, computed once per mode
 * (pthread_once: `run -j` normalizes in several threads): ASCII, Latin and
 * Cyrillic are all here, so the scan never calls utf8proc for them. */
static unsigned char plain2[2][0x800];
static pthread_once_t plain2_once[2] = { PTHREAD_ONCE_INIT, PTHREAD_ONCE_INIT };

static enum lp_plain
plain_compute(const struct lp_normopt *opt, uint32_t c)
{
	enum lp_script s;

	if (c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return LP_PLAIN_NO;
	if (fix(c) != KEEP || lp_script_special(c) || is_nonstarter(c) ||
	    composes_backwards(c) || !stable_alone(opt, c))
		return LP_PLAIN_NO;
	s = lp_script_of(c);
	return s == LP_SC_LATIN ? LP_PLAIN_LATIN : s == LP_SC_CYRILLIC ? LP_PLAIN_CYRILLIC : LP_PLAIN_OTHER;
}

static void
plain_init(int m)
{
	struct lp_normopt opt = { 0, 0 };
	uint32_t c;

	opt.nfkc = m;
	for (c = 0; c < 0x800; c++)
		plain2[m][c] = (unsigned char)plain_compute(&opt, c);
}

static void plain_init_nfc(void) { plain_init(0); }
static void plain_init_nfkc(void) { plain_init(1); }

static const unsigned char *
plain_table(const struct lp_normopt *opt)
{
	int m = opt->nfkc != 0;

	pthread_once(&plain2_once[m], m ? plain_init_nfkc : plain_init_nfc);
	return plain2[m];
}

enum lp_plain
lp_plain_cp(const struct lp_normopt *opt, uint32_t c)
{
	if (c < 0x800)
		return (enum lp_plain)plain_table(opt)[c];
	return plain_compute(opt, c);
}

int
lp_normalize_is_plain(const struct lp_normopt *opt, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	const unsigned char *tab = plain_table(opt);
	size_t i = 0;
	unsigned word = 0; /* letters of the current word: 1 Latin, 2 Cyrillic */

	while (i < n) {
		unsigned c = u[i], k;
		uint32_t v;

		if (c < 0x80) {
			/* eight ASCII bytes at a time while no Cyrillic word is open:
			 * only a NUL among them would need the slow path */
			if (!(word & 2)) {
				while (i + 8 <= n) {
					uint64_t x;
					memcpy(&x, u + i, 8);
					if ((x & 0x8080808080808080u) ||
					    ((x - 0x0101010101010101u) & ~x & 0x8080808080808080u))
						break;
					i += 8;
					word = tab[u[i - 1]] == LP_PLAIN_LATIN;
				}
				if (i >= n)
					break;
				c = u[i];
				if (c >= 0x80)
					continue;
			}
			k = tab[c];
			i++;
		} else if (c >= 0xc2 && c <= 0xdf) {
			if (i + 1 >= n || (u[i + 1] & 0xc0) != 0x80)
				return 0;
			k = tab[((c & 0x1f) << 6) | (u[i + 1] & 0x3f)];
			i += 2;
		} else if (c >= 0xe0 && c <= 0xef) {
			if (i + 2 >= n || (u[i + 1] & 0xc0) != 0x80 || (u[i + 2] & 0xc0) != 0x80)
				return 0;
			v = ((uint32_t)(c & 0x0f) << 12) | ((uint32_t)(u[i + 1] & 0x3f) << 6) | (u[i + 2] & 0x3f);
			if (v < 0x800)
				return 0; /* overlong */
			k = plain_compute(opt, v);
			i += 3;
		} else {
			return 0; /* 4-byte sequences and bad bytes: the slow path decides */
		}
		switch (k) {
		case LP_PLAIN_NO:
			return 0;
		case LP_PLAIN_LATIN:
			if (word & 2)
				return 0;
			word = 1;
			break;
		case LP_PLAIN_CYRILLIC:
			if (word & 1)
				return 0;
			word = 2;
			break;
		default:
			word = 0;
		}
	}
	if (opt->join_hyphens) {
		while (n > 0 && (u[n - 1] == ' ' || u[n - 1] == '\t'))
			n--;
		if (n > 0 && u[n - 1] == '-')
			return 0;
	}
	return 1;
}

static void
put(struct lp_buf *text, uint32_t c)
{
	lp_buf_reserve(text, 4);
	text->len += (size_t)lp_u8enc(c, text->p + text->len);
}

static int
is_letter(uint32_t c)
{
	utf8proc_category_t k = utf8proc_category((utf8proc_int32_t)c);

	return k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_LO;
}

/* With join_hyphens: where the break hyphen of "ста-" starts (the hyphen,
 * or a soft hyphen, after a letter, then only spaces), or n. */
static size_t
break_hyphen(const uint32_t *cp, size_t n)
{
	size_t e = n;

	while (e > 0 && (cp[e - 1] == ' ' || cp[e - 1] == '\t'))
		e--;
	if (e >= 2 && (cp[e - 1] == '-' || cp[e - 1] == 0x2010 || cp[e - 1] == 0xad) &&
	    is_letter(cp[e - 2]))
		return e - 1;
	return n;
}

/* Is cp[j] a SKIP followed, after more SKIPs, by a nonstarter?  Then the
 * removed character sits inside a cluster ("e<soft hyphen>\u0301"). */
static int
skip_in_cluster(const uint32_t *cp, size_t n, size_t j)
{
	while (j < n && cp[j] == SKIP)
		j++;
	return j < n && is_nonstarter(cp[j]);
}

int
lp_normalize(const struct lp_normopt *opt, uint32_t *cp, const uint8_t *olen,
             size_t n, struct lp_buf *text, struct lp_map *map,
             struct lp_normstats *st)
{
	utf8proc_int32_t tmp[CLUSTER_MAX * 18];
	uint32_t cl[CLUSTER_MAX];
	const unsigned char *tab = plain_table(opt);
	size_t i, hy = opt->join_hyphens ? break_hyphen(cp, n) : n;
	uint32_t dropped = 0; /* original bytes of removed text not yet mapped */

	for (i = 0; i < n; i++) {
		int32_t f = i >= hy ? DROP : fix(cp[i]);
		if (f != KEEP)
			cp[i] = f == DROP ? SKIP : (uint32_t)f;
	}
	st->repairs += lp_script_repair(cp, n);
	i = 0;
	while (i < n) {
		size_t j = i + 1, k, m = 0, before = text->len;
		uint32_t o = olen[i];

		while (j < n && j - i < CLUSTER_MAX &&
		       (is_nonstarter(cp[j]) || (cp[j] == SKIP && skip_in_cluster(cp, n, j))))
			o += olen[j++];
		for (k = i; k < j; k++)
			if (cp[k] != SKIP)
				cl[m++] = cp[k];
		i = j;
		if (m == 0) {
			/* removed text: runs of it become one 0:O segment */
			dropped += o;
			continue;
		}
		if (dropped) {
			lp_map_add(map, 0, dropped);
			dropped = 0;
		}
		if (m == 1 && (cl[0] < 0x800 ? tab[cl[0]] != LP_PLAIN_NO || cl[0] == 0xfffd
		                             : stable_alone(opt, cl[0]))) {
			put(text, cl[0]);
		} else {
			size_t r = nfc_cluster(opt, cl, m, tmp, sizeof tmp / sizeof tmp[0]);
			for (k = 0; k < r; k++)
				put(text, (uint32_t)tmp[k]);
		}
		lp_map_add(map, (uint32_t)(text->len - before), o);
	}
	if (dropped)
		lp_map_add(map, 0, dropped);
	return hy < n;
}
