/*
 * norm_fast.c - the fast paths give what the slow path gives.
 *
 * norm.c sends a line untouched when lp_normalize_is_plain() says so, and
 * converts 8-bit lines through a table built from lp_plain_cp(); both
 * promise that lp_normalize() would change nothing.  This checks the
 * promise for every code point alone, in NFC and NFKC, and for random
 * lines drawn from the characters that matter (letters of both scripts,
 * lookalikes, marks, the fixes, Kazakh substitutes).
 */
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "normalize.h"
#include "script.h"
#include "tap.h"

/* Run the slow path over UTF-8 s; returns 1 when the text comes out as s
 * with an identity map and nothing repaired. */
static int
slow_keeps(const struct lp_normopt *opt, const char *s, size_t n)
{
	uint32_t cp[256];
	uint8_t ol[256] = { 0 };
	size_t k = 0, i = 0;
	struct lp_buf text = { 0 };
	struct lp_map map = { 0 };
	struct lp_normstats st = { 0 };
	int same;

	while (i < n && k < 256) {
		int l;
		cp[k] = lp_u8dec(s + i, n - i, &l);
		ol[k++] = (uint8_t)l;
		i += (size_t)l;
	}
	lp_normalize(opt, cp, ol, k, &text, &map, &st);
	same = text.len == n && (n == 0 || !memcmp(text.p, s, n)) && st.repairs == 0 &&
	       lp_map_total_n(&map) == n && lp_map_total_o(&map) == n;
	for (i = 0; same && i < map.nseg; i++)
		same = map.seg[i].n == map.seg[i].o;
	lp_buf_free(&text);
	lp_map_free(&map);
	return same;
}

static void
every_code_point(int nfkc)
{
	struct lp_normopt opt = { 0, 0 };
	uint32_t c;
	char name[128], detail[256] = "";
	long wrong_plain = 0, wrong_scan = 0, wrong_script = 0, plain = 0;

	opt.nfkc = nfkc;
	for (c = 0; c <= 0x10ffff; c++) {
		char u[4];
		int n;
		enum lp_plain k;
		enum lp_script sc;

		if (c >= 0xd800 && c <= 0xdfff)
			continue;
		n = lp_u8enc(c, u);
		k = lp_plain_cp(&opt, c);
		sc = lp_script_of(c);
		if (k != LP_PLAIN_NO) {
			plain++;
			if (!slow_keeps(&opt, u, (size_t)n)) {
				if (!wrong_plain++)
					snprintf(detail, sizeof detail, "U+%04X is plain, but the slow path changes it", (unsigned)c);
			}
			if ((k == LP_PLAIN_LATIN) != (sc == LP_SC_LATIN) ||
			    (k == LP_PLAIN_CYRILLIC) != (sc == LP_SC_CYRILLIC)) {
				if (!wrong_script++)
					snprintf(detail, sizeof detail, "U+%04X: plain class and script differ", (unsigned)c);
			}
		}
		/* the byte scan agrees with lp_plain_cp (it may refuse 4-byte
		 * sequences, which only costs speed) */
		if (lp_normalize_is_plain(&opt, u, (size_t)n) != (k != LP_PLAIN_NO) && !(n == 4 && k != LP_PLAIN_NO)) {
			if (!wrong_scan++)
				snprintf(detail, sizeof detail, "U+%04X: the byte scan says %d, lp_plain_cp %d", (unsigned)c,
				         lp_normalize_is_plain(&opt, u, (size_t)n), (int)k);
		}
	}
	snprintf(name, sizeof name, "%s: every plain code point alone comes out of the slow path unchanged (%ld plain)",
	         nfkc ? "NFKC" : "NFC", plain);
	check_detail(wrong_plain == 0, name, detail);
	snprintf(name, sizeof name, "%s: the byte scan agrees with lp_plain_cp on every code point", nfkc ? "NFKC" : "NFC");
	check_detail(wrong_scan == 0, name, detail);
	snprintf(name, sizeof name, "%s: plain letters are classed by their script", nfkc ? "NFKC" : "NFC");
	check_detail(wrong_script == 0, name, detail);
}

/* Characters random lines are made of: the cases where it could go wrong. */
static const uint32_t pool[] = {
	'a', 'c', 'e', 'o', 'p', 'x', 'y', 'i', 'h', 'K', 'M', 'H', 'T', 'B', 'z', 'Q', 'w',
	0x430, 0x435, 0x43e, 0x440, 0x441, 0x456, 0x41a, 0x431, 0x434, 0x436, 0x4d9, 0x49b,
	0x4e9, 0x4af, 0x4bb, 0x451, 0x439, 0x45c, 0x458, 0x455, 0x45e, 0x457,
	' ', '-', '.', '1', '7', 0xa0, 0xad, 0xa5, 0x200b, 0xfeff, 0x2014, 0x2013, 0x2011,
	0x2116, 0x2074, 0xfb01, 0xe9, 0x259, 0x275, 0x301, 0x308, 0x306, 0x483, 0x3b1, 0x4e00,
	0x1100, 0x1161, 0xac00, 0x11a8, 0x1f600, 0xfffd,
};

static void
random_lines(int nfkc)
{
	struct lp_normopt opt = { 0, 0 };
	char name[128], detail[512] = "";
	long wrong = 0, plain = 0, t;
	unsigned seed = 12345;

	opt.nfkc = nfkc;
	for (t = 0; t < 200000; t++) {
		char s[200];
		size_t n = 0, len = 1 + (size_t)(seed % 12), j;

		for (j = 0; j < len; j++) {
			seed = seed * 1103515245u + 12345u;
			n += (size_t)lp_u8enc(pool[(seed >> 8) % (sizeof pool / sizeof pool[0])], s + n);
		}
		seed = seed * 1103515245u + 12345u;
		if (lp_normalize_is_plain(&opt, s, n)) {
			plain++;
			if (!slow_keeps(&opt, s, n) && !wrong++)
				snprintf(detail, sizeof detail, "'%.*s' passes the scan, but the slow path changes it", (int)n, s);
		}
	}
	snprintf(name, sizeof name, "%s: random lines the byte scan passes (%ld of 200000) come out unchanged",
	         nfkc ? "NFKC" : "NFC", plain);
	check_detail(wrong == 0 && plain > 1000, name, detail);
}

/* The slow path's text and map for UTF-8 s (valid). */
static void
slow(const struct lp_normopt *opt, const char *s, size_t n, struct lp_buf *text, struct lp_map *map)
{
	uint32_t cp[256];
	uint8_t ol[256] = { 0 };
	size_t k = 0, i = 0;
	struct lp_normstats st = { 0 };

	while (i < n && k < 256) {
		int l;
		cp[k] = lp_u8dec(s + i, n - i, &l);
		ol[k++] = (uint8_t)l;
		i += (size_t)l;
	}
	text->len = 0;
	lp_map_clear(map);
	lp_normalize(opt, cp, ol, k, text, map, &st);
}

static int
same_map(const struct lp_map *a, const struct lp_map *b)
{
	size_t i;

	if (a->nseg != b->nseg)
		return 0;
	for (i = 0; i < a->nseg; i++)
		if (a->seg[i].n != b->seg[i].n || a->seg[i].o != b->seg[i].o || a->seg[i].k != b->seg[i].k)
			return 0;
	return 1;
}

/* Lines with no-break spaces, em dashes and the other separators that
 * lp_normalize_scan() answers 2 for: lp_normalize_separators() gives the
 * slow path's text and map, segment for segment. */
static void
separator_lines(int nfkc, int join)
{
	static const uint32_t spool[] = {
		'a', 'K', 'z', 0x430, 0x41a, 0x431, 0x4d9, 0x456, ' ', '-', '1', '\t',
		0xa0, 0xa0, 0x2014, 0x2012, 0x2015, 0xfe58, 0x2000, 0x2007, 0x200a, 0x202f,
		0x205f, 0x3000, 0x2013, 0xab, 0xbb, 0x2116, 0xe9, 0xad, 0x301,
	};
	struct lp_normopt opt = { 0, 0 };
	struct lp_buf ta = { 0 }, tb = { 0 };
	struct lp_map ma = { 0 }, mb = { 0 };
	char name[128], detail[512] = "";
	long wrong = 0, subst = 0, t;
	unsigned seed = 4242;

	opt.nfkc = nfkc;
	opt.join_hyphens = join;
	for (t = 0; t < 200000; t++) {
		char s[200];
		size_t n = 0, len = 1 + (size_t)(seed % 14), j;
		int sc;

		for (j = 0; j < len; j++) {
			seed = seed * 1103515245u + 12345u;
			n += (size_t)lp_u8enc(spool[(seed >> 8) % (sizeof spool / sizeof spool[0])], s + n);
		}
		seed = seed * 1103515245u + 12345u;
		sc = lp_normalize_scan(&opt, s, n);
		if (sc == 0)
			continue;
		slow(&opt, s, n, &ta, &ma);
		tb.len = 0;
		lp_map_clear(&mb);
		if (sc == 2) {
			subst++;
			lp_normalize_separators(s, n, &tb, &mb);
		} else {
			lp_buf_add(&tb, s, n);
			lp_map_add(&mb, (uint32_t)n, (uint32_t)n);
		}
		if ((ta.len != tb.len || memcmp(ta.p, tb.p, ta.len) || !same_map(&ma, &mb)) && !wrong++)
			snprintf(detail, sizeof detail, "'%.*s' (scan %d): the fast text or map differs from the slow path's",
			         (int)n, s, sc);
	}
	snprintf(name, sizeof name, "%s%s: lines with separators (%ld of 200000) come out as the slow path makes them",
	         nfkc ? "NFKC" : "NFC", join ? " --join-hyphens" : "", subst);
	check_detail(wrong == 0 && subst > 10000, name, detail);
	lp_buf_free(&ta);
	lp_buf_free(&tb);
	lp_map_free(&ma);
	lp_map_free(&mb);
}

/* lp_u8_cyr_run() against decoding the lanes one by one: every value of
 * each lane among letters, and random windows of the bytes around the
 * edges of the range. */
static unsigned
ref_cyr_run(const unsigned char *b)
{
	unsigned r = 0;

	while (r < 4) {
		unsigned lead = b[2 * r], cont = b[2 * r + 1];
		if (!((lead == 0xd0 && cont >= 0x90 && cont <= 0xbf) || (lead == 0xd1 && cont >= 0x80 && cont <= 0x8f)))
			break;
		r++;
	}
	return r;
}

static void
cyr_run(void)
{
	static const unsigned char edge[] = { 0xd0, 0xd1, 0xd2, 0xcf, 0x80, 0x8f, 0x90, 0x91, 0xbf, 0xc0, 0x7f, 0x20, 0x41, 0x00, 0xff, 0x50 };
	char detail[128] = "";
	long wrong = 0, t;
	unsigned lane, v, seed = 5;

	for (lane = 0; lane < 4; lane++)
		for (v = 0; v < 0x10000; v++) {
			unsigned char b[8] = { 0xd0, 0xb0, 0xd0, 0xb0, 0xd0, 0xb0, 0xd0, 0xb0 };
			uint64_t w;
			b[2 * lane] = (unsigned char)(v >> 8);
			b[2 * lane + 1] = (unsigned char)v;
			memcpy(&w, b, 8);
			if (lp_u8_cyr_run(w) != ref_cyr_run(b) && !wrong++)
				snprintf(detail, sizeof detail, "lane %u = %02X %02X", lane, v >> 8, v & 0xff);
		}
	for (t = 0; t < 1000000; t++) {
		unsigned char b[8];
		uint64_t w;
		int j;
		for (j = 0; j < 8; j++) {
			seed = seed * 1103515245u + 12345u;
			b[j] = edge[(seed >> 16) % sizeof edge];
		}
		memcpy(&w, b, 8);
		if (lp_u8_cyr_run(w) != ref_cyr_run(b) && !wrong++)
			snprintf(detail, sizeof detail, "%02X %02X %02X %02X %02X %02X %02X %02X", b[0], b[1], b[2], b[3],
			         b[4], b[5], b[6], b[7]);
	}
	check_detail(wrong == 0, "lp_u8_cyr_run counts the leading letters А..я of eight bytes as decoding does", detail);
}

/* The language of an 8-bit line: cut to the characters whose UTF-8 ends
 * within LP_LANG_SPAN bytes, as norm.c cuts it from the text it made. */
static const char *
lang_8bit_line(struct lp_langctx *ctx, const unsigned char *s, size_t n, const uint16_t tab[256],
               const unsigned char u8len[256])
{
	size_t i, span = 0;

	for (i = 0; i < n && span + u8len[s[i]] <= LP_LANG_SPAN; i++)
		span += u8len[s[i]];
	return lp_lang_span_8bit(ctx, s, i, tab);
}

/* The language of an 8-bit line, read through lp_lang_span_8bit(), is the
 * language of its UTF-8 form read by lp_lang_line(), line after line of a
 * document (the context carries over), for random lines of a code page. */
static void
lang_8bit(const char *enc)
{
	uint32_t cp[256];
	unsigned char u8len[256], u8[256][4];
	uint16_t tab[256];
	struct lp_langctx a = { NULL }, b = { NULL };
	iconv_t cd = iconv_open("UTF-32LE", enc);
	char name[128], detail[512] = "";
	unsigned seed = 777, i;
	long t, wrong = 0;
	/* letters of both scripts, Kazakh ones, hyphens, spaces, digits */
	unsigned char pool[64];
	size_t np = 0;

	if (cd == (iconv_t)-1) {
		check_detail(0, enc, "iconv_open failed");
		return;
	}
	for (i = 0; i < 256; i++) {
		char in = (char)i, out[8], *ip = &in, *op = out;
		size_t il = 1, ol = sizeof out;
		iconv(cd, NULL, NULL, NULL, NULL);
		if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1 || ol != 4) {
			cp[i] = 0xfffd;
		} else {
			const unsigned char *u = (const unsigned char *)out;
			cp[i] = (uint32_t)u[0] | (uint32_t)u[1] << 8 | (uint32_t)u[2] << 16 | (uint32_t)u[3] << 24;
		}
		u8len[i] = (unsigned char)lp_u8enc(cp[i], (char *)u8[i]);
		if ((cp[i] >= 0x410 && cp[i] <= 0x44f && (seed = seed * 1103515245u + 12345u) % 3 == 0) ||
		    (cp[i] >= 0x490 && cp[i] <= 0x4ff) || cp[i] == 0x456 || cp[i] == ' ' || cp[i] == '-' ||
		    cp[i] == '.' || cp[i] == 'a' || cp[i] == 'K' || cp[i] == '4')
			if (np < sizeof pool)
				pool[np++] = (unsigned char)i;
	}
	iconv_close(cd);
	lp_lang_table_8bit(cp, tab);
	for (t = 0; t < 100000; t++) {
		unsigned char raw[400];
		char utf[1600];
		size_t n = (seed >> 4) % 300, j, m = 0;
		const char *x, *y;

		for (j = 0; j < n; j++) {
			seed = seed * 1103515245u + 12345u;
			raw[j] = pool[(seed >> 8) % np];
			memcpy(utf + m, u8[raw[j]], u8len[raw[j]]);
			m += u8len[raw[j]];
		}
		seed = seed * 1103515245u + 12345u;
		x = lp_lang_line(&a, utf, m);
		y = lang_8bit_line(&b, raw, n, tab, u8len);
		if (strcmp(x, y) && !wrong++)
			snprintf(detail, sizeof detail, "'%.*s': UTF-8 %s, 8-bit %s", (int)m, utf, x, y);
	}
	snprintf(name, sizeof name, "%s: the 8-bit language scan agrees with the UTF-8 one on 100000 random lines", enc);
	check_detail(wrong == 0, name, detail);
}

int
main(int argc, char **argv)
{
	struct lp_normopt opt = { 0, 0 };

	(void)argc;
	(void)argv;
	every_code_point(0);
	every_code_point(1);
	random_lines(0);
	random_lines(1);
	cyr_run();
	separator_lines(0, 0);
	separator_lines(1, 0);
	separator_lines(0, 1);
	lang_8bit("CP1251");
	lang_8bit("RK1048");
	lang_8bit("PT154");
	check_detail(!lp_normalize_is_plain(&opt, "Kазахстан", strlen("Kазахстан")), "a Latin K in a Cyrillic word is not plain", "");
	check_detail(!lp_normalize_is_plain(&opt, "Сourt", strlen("Сourt")), "a Cyrillic С in a Latin word is not plain", "");
	check_detail(lp_normalize_is_plain(&opt, "Kazakh Казахстан 44-бап", strlen("Kazakh Казахстан 44-бап")),
	      "words of different scripts side by side are plain", "");
	opt.join_hyphens = 1;
	check_detail(!lp_normalize_is_plain(&opt, "ста-", 7), "with --join-hyphens a line ending in '-' is not plain", "");
	return fails != 0;
}
