/*
 * normalize.c - Unicode normalization with utf8proc, and the fixes that
 * legal text copied from Word, PDF and the web needs.
 *
 * Works a combining cluster at a time (a starter and the marks after it),
 * so each cluster becomes one segment of the offset map: an offset can never
 * fall between a letter and its accent.  Clusters are capped at 32 code
 * points, as Unicode's Stream-Safe Text Format does, so hostile input of
 * endless combining marks costs linear time.
 */
#include <string.h>

#include <utf8proc.h>

#include "normalize.h"

#define CLUSTER_MAX 32

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
	case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0xfe58:
		/* Range dashes become one en dash, kept apart from the hyphen:
		 * "102-3" is an inserted article, "27–29" a range. */
		return 0x2013;
	}
	return KEEP;
}

static int
is_nonstarter(uint32_t c)
{
	if (c < 0x300)
		return 0;
	if (c >= 0x1161 && c <= 0x11ff) /* Hangul vowels and trailing consonants compose */
		return 1;
	return utf8proc_get_property((utf8proc_int32_t)c)->combining_class != 0;
}

static int
needs_nfc(uint32_t c)
{
	const utf8proc_property_t *p;

	if (c < 0xc0)
		return 0;
	p = utf8proc_get_property((utf8proc_int32_t)c);
	return p->decomp_seqindex != UINT16_MAX;
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

		/* NFKC would turn "13⁴" into "134": superscripts and subscripts
		 * keep their form, the rest of compatibility folding applies. */
		if (opt->nfkc && p->decomp_type != UTF8PROC_DECOMP_TYPE_SUPER &&
		    p->decomp_type != UTF8PROC_DECOMP_TYPE_SUB)
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

static void
put(struct lp_buf *text, uint32_t c)
{
	lp_buf_reserve(text, 4);
	text->len += (size_t)lp_u8enc(c, text->p + text->len);
}

int
lp_normalize(const struct lp_normopt *opt, uint32_t *cp, const uint8_t *olen,
             size_t n, struct lp_buf *text, struct lp_map *map,
             struct lp_normstats *st)
{
	utf8proc_int32_t tmp[CLUSTER_MAX * 18];
	uint32_t cl[CLUSTER_MAX];
	size_t i = 0, hyphen_at = (size_t)-1;
	int joined = 0;

	(void)st;
	if (opt->join_hyphens && n >= 2 && cp[n - 1] == '-') {
		/* "ста-" / "тья": a hyphen after a letter at the very end of the line */
		uint32_t p = cp[n - 2];
		if (utf8proc_category((utf8proc_int32_t)p) == UTF8PROC_CATEGORY_LL ||
		    utf8proc_category((utf8proc_int32_t)p) == UTF8PROC_CATEGORY_LU) {
			hyphen_at = n - 1;
			joined = 1;
		}
	}
	while (i < n) {
		size_t j = i + 1, k, m = 0, before = text->len;
		uint32_t o = olen[i];
		int complex = 0;

		while (j < n && j - i < CLUSTER_MAX && is_nonstarter(cp[j]))
			o += olen[j++];
		for (k = i; k < j; k++) {
			int32_t f = (k == hyphen_at) ? DROP : fix(cp[k]);

			if (f == DROP)
				continue;
			cl[m] = f == KEEP ? cp[k] : (uint32_t)f;
			if (m > 0 || needs_nfc(cl[m]) || opt->nfkc)
				complex = 1;
			m++;
		}
		if (!complex) {
			for (k = 0; k < m; k++)
				put(text, cl[k]);
		} else {
			size_t r = nfc_cluster(opt, cl, m, tmp, sizeof tmp / sizeof tmp[0]);
			for (k = 0; k < r; k++)
				put(text, (uint32_t)tmp[k]);
		}
		lp_map_add(map, (uint32_t)(text->len - before), o);
		i = j;
	}
	return joined;
}

/* Kazakh letters that Russian does not have. */
static int
is_kazakh_letter(uint32_t c)
{
	switch (c) {
	case 0x04d8: case 0x04d9: /* ә */
	case 0x0492: case 0x0493: /* ғ */
	case 0x049a: case 0x049b: /* қ */
	case 0x04a2: case 0x04a3: /* ң */
	case 0x04e8: case 0x04e9: /* ө */
	case 0x04b0: case 0x04b1: /* ұ */
	case 0x04ae: case 0x04af: /* ү */
	case 0x04ba: case 0x04bb: /* һ */
	case 0x0406: case 0x0456: /* і */
		return 1;
	}
	return 0;
}

const char *
lp_guess_lang(const char *s, size_t len)
{
	size_t i = 0;
	long cyr = 0, lat = 0, kaz = 0;

	while (i < len) {
		int l;
		uint32_t c = lp_u8dec(s + i, len - i, &l);

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
			lat++;
		else if (c >= 0x400 && c <= 0x4ff) {
			cyr++;
			kaz += is_kazakh_letter(c);
		}
		i += (size_t)l;
	}
	if (cyr == 0 && lat == 0)
		return "und";
	if (cyr >= lat)
		return kaz > 0 ? "kk" : "ru";
	return "en";
}
