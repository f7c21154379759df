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
 * The fast path, lp_normalize_scan(), proves with a byte scan that a
 * UTF-8 line would come out of the slow path unchanged (the usual case:
 * ASCII, plain Cyrillic), so norm.c can send the line as it was read, or
 * unchanged but for no-break spaces and em dashes, which
 * lp_normalize_separators() then replaces as the slow path would.
 * lp_plain_cp() is the one definition of "unchanged" both paths share.
 * The scan reads 32 bytes a step with AVX2 where the processor has it
 * (asked once at run time), 16 with SSE2 otherwise, over ASCII and the
 * two-byte Cyrillic letters; any other character is read alone, as
 * lp_normalize_scan_ref() reads every one (tests/unit/norm_scan.c
 * compares the three).
 */
#include <pthread.h>
#include <stdatomic.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
/* AVX2 where the processor has it, chosen at run time (scan_avx2) */
#include <immintrin.h>
#define HAVE_AVX2_SCAN 1
static int use_avx2;
#endif
#endif

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
	/* a mark of combining class 0 is no NFC business, but script repair
	 * counts it inside a word ("ә\u0488M": the M is repaired) */
	if (fix(c) != KEEP || lp_script_special(c) || is_nonstarter(c) || lp_script_mark(c) ||
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

/* The byte scan's classes: bit 0 a Latin letter, bit 1 a Cyrillic letter
 * (both stay as they are), SC_NO a character lp_normalize() must see,
 * SC_SEP a space or dash variant lp_fix_separator() replaces (it ends a
 * word, like SC_OTHER).  One table per mode for U+0000..U+07FF, where the
 * letters of both scripts are, so a 2-byte character costs one lookup. */
enum { SC_OTHER = 0, SC_LAT = 1, SC_CYR = 2, SC_NO = 4, SC_SEP = 8 };

static unsigned char scan2[2][0x800];
static pthread_once_t scan2_once[2] = { PTHREAD_ONCE_INIT, PTHREAD_ONCE_INIT };
static _Atomic int scan2_ready[2]; /* set when scan_init is done: no call per line */

static unsigned
scan_class(enum lp_plain k, uint32_t c)
{
	switch (k) {
	case LP_PLAIN_LATIN: return SC_LAT;
	case LP_PLAIN_CYRILLIC: return SC_CYR;
	case LP_PLAIN_OTHER: return SC_OTHER;
	default: return lp_fix_separator(c) ? SC_SEP : SC_NO;
	}
}

/* and by the two bytes of a 2-byte sequence, lead 0xC2..0xDF, so the
 * check of the second byte is the same lookup */
static unsigned char scan2b[2][30 * 256];

#ifdef __SSE2__
static void simd_check(int m);
#endif

static void
scan_init(int m)
{
	const unsigned char *tab = plain2[m];
	uint32_t c;
	unsigned b;

	for (c = 0; c < 0x800; c++)
		scan2[m][c] = (unsigned char)scan_class((enum lp_plain)tab[c], c);
	for (b = 0; b < 30 * 256; b++) {
		unsigned lead = 0xc2 + b / 256, d = b % 256;
		scan2b[m][b] = (d & 0xc0) != 0x80 ? SC_NO : scan2[m][(lead & 0x1f) << 6 | (d & 0x3f)];
	}
#ifdef __SSE2__
	simd_check(m);
#ifdef HAVE_AVX2_SCAN
	__builtin_cpu_init();
	use_avx2 = __builtin_cpu_supports("avx2") != 0;
#endif
#endif
	atomic_store_explicit(&scan2_ready[m], 1, memory_order_release);
}

static void scan_init_nfc(void) { plain_table(&(struct lp_normopt){ 0, 0 }); scan_init(0); }
static void scan_init_nfkc(void) { plain_table(&(struct lp_normopt){ 1, 0 }); scan_init(1); }

/* U+0800..U+FFFF: utf8proc is asked once per code point and mode, then the
 * answer is kept (0: not asked yet, else the class + 16).  Relaxed atomics:
 * threads of `run -j` may fill the same entry, always with the same value. */
static _Atomic unsigned char scan3[2][0x10000];

static unsigned
class3(const struct lp_normopt *opt, uint32_t v)
{
	int m = opt->nfkc != 0;
	unsigned k = atomic_load_explicit(&scan3[m][v], memory_order_relaxed);

	if (!k) {
		k = scan_class(plain_compute(opt, v), v) + 16;
		atomic_store_explicit(&scan3[m][v], (unsigned char)k, memory_order_relaxed);
	}
	return k - 16;
}

int
lp_normalize_scan_ref(const struct lp_normopt *opt, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	const unsigned char *tab, *tab2;
	size_t i = 0;
	/* prev: the letter class of the character before; acc: the classes
	 * met, and SC_NO for two letters of different scripts side by side --
	 * which every word that mixes scripts has somewhere -- made by adding
	 * 1 to prev | k: only 3 (SC_LAT | SC_CYR) carries into SC_NO.  Bits 0
	 * and 1 of acc mean nothing. */
	unsigned prev = 0, acc = 0, k;
	int m = opt->nfkc != 0;

	if (!atomic_load_explicit(&scan2_ready[m], memory_order_acquire))
		pthread_once(&scan2_once[m], m ? scan_init_nfkc : scan_init_nfc);
	tab = scan2[m];
	tab2 = scan2b[m];
	while (i < n) {
		unsigned c = u[i];

		if (c < 0x80) {
			/* eight ASCII bytes at a time: only a NUL among them would
			 * need the slow path, and only the first of them can meet
			 * a letter of the other script */
			while (i + 8 <= n) {
				uint64_t w;
				memcpy(&w, u + i, 8);
				if ((w & 0x8080808080808080u) ||
				    ((w - 0x0101010101010101u) & ~w & 0x8080808080808080u))
					break;
				acc |= ((prev | tab[u[i]]) & 3) + 1;
				prev = tab[u[i + 7]];
				i += 8;
			}
			if (i >= n)
				break;
			c = u[i];
			if (c >= 0x80)
				continue;
			k = tab[c];
			i++;
		} else if (c >= 0xc2 && c <= 0xdf) {
			/* a run of 2-byte characters: Cyrillic words.  A bad
			 * continuation byte is in tab2 as SC_NO. */
			for (;;) {
				/* up to four letters А..я at a time: plain
				 * Cyrillic, so only the first can meet a Latin
				 * letter */
				if (i + 8 <= n) {
					uint64_t w;
					unsigned r;
					memcpy(&w, u + i, 8);
					if ((r = lp_u8_cyr_run(w)) != 0) {
						acc |= ((prev | SC_CYR) & 3) + 1;
						prev = SC_CYR;
						i += 2 * r;
						if (r == 4)
							continue;
					}
				}
				if (i >= n || (c = u[i]) < 0xc2 || c > 0xdf)
					break;
				if (i + 1 >= n)
					return 0;
				k = tab2[(c << 8 | u[i + 1]) - 0xc200];
				acc |= k | (((prev | k) & 3) + 1);
				prev = k & 3;
				i += 2;
			}
			continue;
		} else if (c >= 0xe0 && c <= 0xef) {
			uint32_t v;
			if (i + 2 >= n || (u[i + 1] & 0xc0) != 0x80 || (u[i + 2] & 0xc0) != 0x80)
				return 0;
			v = ((uint32_t)(c & 0x0f) << 12) | ((uint32_t)(u[i + 1] & 0x3f) << 6) | (u[i + 2] & 0x3f);
			if (v < 0x800)
				return 0; /* overlong */
			k = class3(opt, v);
			i += 3;
		} else {
			return 0; /* 4-byte sequences and bad bytes: the slow path decides */
		}
		acc |= k | (((prev | k) & 3) + 1);
		prev = k & 3;
	}
	if (acc & SC_NO)
		return 0;
	if (opt->join_hyphens) {
		while (n > 0 && (u[n - 1] == ' ' || u[n - 1] == '\t'))
			n--;
		if (n > 0 && u[n - 1] == '-')
			return 0;
	}
	return acc & SC_SEP ? 2 : 1;
}

#ifdef __SSE2__
/*
 * The SSE2 scan: sixteen bytes a step over what most lines are made of --
 * ASCII but NUL, and two-byte Cyrillic letters: U+0400..U+04FF but the
 * lookalikes script repair must see (Ѕ Ј Ћ Ќ ѕ ј ћ ќ) and the signs and
 * marks U+0482..U+0489.  Per block, bit masks: bytes that are such (ok),
 * ASCII letters (lat), bytes of such Cyrillic letters (cyr); a Latin
 * letter next to a Cyrillic one is a word that mixes scripts.  Where a
 * block holds anything else the bytes before it are taken and the scalar
 * step reads the one character there.  block_pair_ok() is the same test
 * for one pair, with which scan_init() checks the tables agree (else
 * simd_ok stays 0 and only the scalar step runs).
 */
#define SPLAT(b) _mm_set1_epi8((char)(b))

static int simd_ok[2];

static int
block_pair_ok(unsigned lead, unsigned d)
{
	unsigned y = lead == 0xd1 ? d - 0x10 : d;

	if ((lead & 0xfc) != 0xd0 || (d & 0xc0) != 0x80)
		return 0;
	if ((lead == 0xd0 || lead == 0xd1) && (y == 0x85 || y == 0x88 || y == 0x8b || y == 0x8c))
		return 0;
	return !(lead == 0xd2 && d >= 0x82 && d <= 0x89);
}

static void
simd_check(int m)
{
	unsigned c, d;
	int ok = 1;

	for (c = 1; c < 0x80; c++)
		ok &= scan2[m][c] == (((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ? SC_LAT : SC_OTHER);
	for (c = 0xd0; c <= 0xd3; c++)
		for (d = 0x80; d <= 0xbf; d++)
			if (block_pair_ok(c, d))
				ok &= scan2b[m][(c << 8 | d) - 0xc200] == SC_CYR;
	simd_ok[m] = ok;
}

/* The lead bytes of the two-byte letters block_pair_ok() accepts, among
 * the sixteen bytes x (nx: the same moved by one byte). */
static inline unsigned
block_leads(__m128i x, __m128i nx)
{
	__m128i ld = _mm_and_si128(_mm_cmpeq_epi8(_mm_and_si128(x, SPLAT(0xfc)), SPLAT(0xd0)),
	                           _mm_cmpeq_epi8(_mm_and_si128(nx, SPLAT(0xc0)), SPLAT(0x80)));
	__m128i d0 = _mm_cmpeq_epi8(x, SPLAT(0xd0)), d1 = _mm_cmpeq_epi8(x, SPLAT(0xd1));
	__m128i y = _mm_sub_epi8(nx, _mm_and_si128(d1, SPLAT(0x10)));
	__m128i look = _mm_and_si128(_mm_or_si128(d0, d1),
	                             _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(y, SPLAT(0x85)), _mm_cmpeq_epi8(y, SPLAT(0x88))),
	                                          _mm_or_si128(_mm_cmpeq_epi8(y, SPLAT(0x8b)), _mm_cmpeq_epi8(y, SPLAT(0x8c)))));
	__m128i t = _mm_sub_epi8(nx, SPLAT(0x82));
	__m128i mark = _mm_and_si128(_mm_cmpeq_epi8(x, SPLAT(0xd2)), _mm_cmpeq_epi8(_mm_min_epu8(t, SPLAT(7)), t));

	return (unsigned)_mm_movemask_epi8(_mm_andnot_si128(_mm_or_si128(look, mark), ld));
}

/* The Russian alphabet alone, А..я: D0 90..BF, D1 80..8F, that is a
 * continuation byte nx with nx + (D1 ? 0x40 : 0) in 90..CF -- most blocks
 * of Cyrillic text need no more than this.  Their lead bytes. */
static inline unsigned
russian_leads(__m128i x, __m128i nx)
{
	__m128i d1 = _mm_cmpeq_epi8(x, SPLAT(0xd1));
	__m128i v = _mm_sub_epi8(_mm_add_epi8(nx, _mm_and_si128(d1, SPLAT(0x40))), SPLAT(0x90));
	__m128i ru = _mm_and_si128(_mm_and_si128(_mm_cmpeq_epi8(_mm_and_si128(x, SPLAT(0xfe)), SPLAT(0xd0)),
	                                         _mm_cmpeq_epi8(_mm_and_si128(nx, SPLAT(0xc0)), SPLAT(0x80))),
	                           _mm_cmpeq_epi8(_mm_min_epu8(v, SPLAT(0x3f)), v));

	return (unsigned)_mm_movemask_epi8(ru);
}
#endif

#ifdef __SSE2__
/* The scalar step of the scans below: the one character at u[*i], a block
 * did not take, goes into *acc and *prev as in lp_normalize_scan_ref();
 * 0 when the line needs the slow path. */
static inline int
scan_char(const struct lp_normopt *opt, const unsigned char *u, size_t n, size_t *i,
          const unsigned char *tab, const unsigned char *tab2, unsigned *prev, unsigned *acc)
{
	unsigned c = u[*i], k;

	if (c < 0x80) {
		k = tab[c];
		*i += 1;
	} else if (c >= 0xc2 && c <= 0xdf) {
		if (*i + 1 >= n)
			return 0;
		k = tab2[(c << 8 | u[*i + 1]) - 0xc200];
		*i += 2;
	} else if (c >= 0xe0 && c <= 0xef) {
		uint32_t v;
		if (*i + 2 >= n || (u[*i + 1] & 0xc0) != 0x80 || (u[*i + 2] & 0xc0) != 0x80)
			return 0;
		v = ((uint32_t)(c & 0x0f) << 12) | ((uint32_t)(u[*i + 1] & 0x3f) << 6) | (u[*i + 2] & 0x3f);
		if (v < 0x800)
			return 0; /* overlong */
		k = class3(opt, v);
		*i += 3;
	} else {
		return 0; /* 4-byte sequences and bad bytes: the slow path decides */
	}
	*acc |= k | (((*prev | k) & 3) + 1);
	if (*acc & SC_NO)
		return 0;
	*prev = k & 3;
	return 1;
}

/* The answer once every byte is read. */
static inline int
scan_end(const struct lp_normopt *opt, const unsigned char *u, size_t n, unsigned acc, int bad)
{
	if (bad)
		return 0;
	if (opt->join_hyphens) {
		while (n > 0 && (u[n - 1] == ' ' || u[n - 1] == '\t'))
			n--;
		if (n > 0 && u[n - 1] == '-')
			return 0;
	}
	return acc & SC_SEP ? 2 : 1;
}

/* One block of scan_sse2() at u[*i] (u[*i + 16] readable): 1 when it
 * took all sixteen bytes (or seventeen), else 0 after taking those
 * before the first byte it does not accept, which the scalar step reads.
 * Always inlined: scan_avx2() ends lines with it, and a call from there
 * would cost a switch between AVX and SSE state. */
static inline __attribute__((always_inline)) int
sse2_block(const unsigned char *u, size_t *i, unsigned *prev, unsigned *bad)
{
	/* Masks of sixteen bytes: lat the ASCII letters, lead the
	 * lead bytes of accepted letters, whose letters are the
	 * bytes cyr; ok the bytes accepted.  A letter whose lead
	 * is the last byte takes the next block's first byte. */
	const __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(u + *i));
	__m128i lx = _mm_or_si128(x, SPLAT(0x20)), nx;
	unsigned lat = (unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_cmpgt_epi8(lx, SPLAT(0x60)),
	                                                         _mm_cmpgt_epi8(SPLAT(0x7b), lx)));
	unsigned asc = ~(unsigned)_mm_movemask_epi8(_mm_or_si128(x, _mm_cmpeq_epi8(x, _mm_setzero_si128())));
	unsigned lead, ok, cyr, take;

	if ((asc & 0xffff) == 0xffff) {
		/* ASCII but NUL (English text): only the first
		 * byte can meet a Cyrillic letter */
		*bad |= *prev >> 1 & lat;
		*prev = lat >> 15;
		*i += 16;
		return 1;
	}
	nx = _mm_loadu_si128((const __m128i *)(const void *)(u + *i + 1));
	lead = russian_leads(x, nx);
	ok = (asc | lead | lead << 1) & 0xffff;
	if (ok != 0xffff) {
		lead = block_leads(x, nx);
		ok = (asc | lead | lead << 1) & 0xffff;
	}
	if (ok == 0xffff) {
		cyr = lead | lead << 1;
		*bad |= (lat & cyr >> 1) | (cyr & lat >> 1) | (((*prev & cyr) | (*prev >> 1 & lat)) & 1);
		*prev = lat >> 15 | (cyr >> 14 & 2);
		*i += 16 + (lead >> 15);
		return 1;
	}
	/* the bytes before the first one not accepted (not a
	 * letter's second byte: that would be accepted) */
	take = (unsigned)__builtin_ctz(~ok);
	if (take) {
		unsigned mask = (1u << take) - 1;
		lat &= mask;
		cyr = (lead | lead << 1) & mask;
		*bad |= (lat & cyr >> 1) | (cyr & lat >> 1) | (((*prev & cyr) | (*prev >> 1 & lat)) & 1);
		*prev = (lat >> (take - 1) & 1) | ((cyr >> (take - 1) & 1) << 1);
		*i += take;
	}
	return 0;
}

static int
scan_sse2(const struct lp_normopt *opt, const unsigned char *u, size_t n, int m)
{
	const unsigned char *tab = scan2[m], *tab2 = scan2b[m];
	size_t i = 0;
	/* prev and acc as in lp_normalize_scan_ref(); bad: nonzero once two
	 * letters of different scripts met in a block */
	unsigned prev = 0, acc = 0, bad = 0;

	while (i < n) {
		if (i + 17 <= n && sse2_block(u, &i, &prev, &bad))
			continue;
		if (!scan_char(opt, u, n, &i, tab, tab2, &prev, &acc))
			return 0;
	}
	return scan_end(opt, u, n, acc, bad != 0);
}

#ifdef HAVE_AVX2_SCAN
#define SPLAT32(b) _mm256_set1_epi8((char)(b))

/* scan_sse2() thirty-two bytes a step, for the processors that have AVX2
 * (asked once, at scan_init): the same masks, twice as wide. */
__attribute__((target("avx2"))) static int
scan_avx2(const struct lp_normopt *opt, const unsigned char *u, size_t n, int m)
{
	const unsigned char *tab = scan2[m], *tab2 = scan2b[m];
	size_t i = 0;
	unsigned prev = 0, acc = 0;
	uint64_t bad = 0;

	while (i < n) {
		if (i + 33 <= n) {
			const __m256i x = _mm256_loadu_si256((const __m256i *)(const void *)(u + i));
			__m256i lx = _mm256_or_si256(x, SPLAT32(0x20)), nx, ld;
			uint64_t lat = (uint32_t)_mm256_movemask_epi8(_mm256_and_si256(_mm256_cmpgt_epi8(lx, SPLAT32(0x60)),
			                                                               _mm256_cmpgt_epi8(SPLAT32(0x7b), lx)));
			uint64_t asc = (uint32_t)~_mm256_movemask_epi8(_mm256_or_si256(x, _mm256_cmpeq_epi8(x, _mm256_setzero_si256())));
			uint64_t lead, ok, cyr;
			unsigned take;

			if (asc == 0xffffffffu) {
				bad |= prev >> 1 & lat;
				prev = (unsigned)(lat >> 31);
				i += 32;
				continue;
			}
			nx = _mm256_loadu_si256((const __m256i *)(const void *)(u + i + 1));
			{
				/* the Russian alphabet alone, as russian_leads() */
				__m256i d1 = _mm256_cmpeq_epi8(x, SPLAT32(0xd1));
				__m256i v = _mm256_sub_epi8(_mm256_add_epi8(nx, _mm256_and_si256(d1, SPLAT32(0x40))), SPLAT32(0x90));
				ld = _mm256_and_si256(_mm256_and_si256(_mm256_cmpeq_epi8(_mm256_and_si256(x, SPLAT32(0xfe)), SPLAT32(0xd0)),
				                                       _mm256_cmpeq_epi8(_mm256_and_si256(nx, SPLAT32(0xc0)), SPLAT32(0x80))),
				                      _mm256_cmpeq_epi8(_mm256_min_epu8(v, SPLAT32(0x3f)), v));
				lead = (uint32_t)_mm256_movemask_epi8(ld);
			}
			ok = (asc | lead | lead << 1) & 0xffffffffu;
			if (ok != 0xffffffffu) {
				/* every accepted letter, as block_leads() */
				__m256i d0 = _mm256_cmpeq_epi8(x, SPLAT32(0xd0)), d1 = _mm256_cmpeq_epi8(x, SPLAT32(0xd1));
				__m256i y = _mm256_sub_epi8(nx, _mm256_and_si256(d1, SPLAT32(0x10)));
				__m256i look = _mm256_and_si256(_mm256_or_si256(d0, d1),
				                                _mm256_or_si256(_mm256_or_si256(_mm256_cmpeq_epi8(y, SPLAT32(0x85)),
				                                                                _mm256_cmpeq_epi8(y, SPLAT32(0x88))),
				                                                _mm256_or_si256(_mm256_cmpeq_epi8(y, SPLAT32(0x8b)),
				                                                                _mm256_cmpeq_epi8(y, SPLAT32(0x8c)))));
				__m256i t = _mm256_sub_epi8(nx, SPLAT32(0x82));
				__m256i mark = _mm256_and_si256(_mm256_cmpeq_epi8(x, SPLAT32(0xd2)),
				                                _mm256_cmpeq_epi8(_mm256_min_epu8(t, SPLAT32(7)), t));
				ld = _mm256_and_si256(_mm256_cmpeq_epi8(_mm256_and_si256(x, SPLAT32(0xfc)), SPLAT32(0xd0)),
				                      _mm256_cmpeq_epi8(_mm256_and_si256(nx, SPLAT32(0xc0)), SPLAT32(0x80)));
				lead = (uint32_t)_mm256_movemask_epi8(_mm256_andnot_si256(_mm256_or_si256(look, mark), ld));
				ok = (asc | lead | lead << 1) & 0xffffffffu;
			}
			if (ok == 0xffffffffu) {
				cyr = lead | lead << 1;
				bad |= (lat & cyr >> 1) | (cyr & lat >> 1) | (((prev & cyr) | (prev >> 1 & lat)) & 1);
				prev = (unsigned)(lat >> 31) | (unsigned)(cyr >> 30 & 2);
				i += 32 + (size_t)(lead >> 31);
				continue;
			}
			take = (unsigned)__builtin_ctzll(~ok);
			if (take) {
				uint64_t mask = ((uint64_t)1 << take) - 1;
				lat &= mask;
				cyr = (lead | lead << 1) & mask;
				bad |= (lat & cyr >> 1) | (cyr & lat >> 1) | (((prev & cyr) | (prev >> 1 & lat)) & 1);
				prev = (unsigned)(lat >> (take - 1) & 1) | (unsigned)((cyr >> (take - 1) & 1) << 1);
				i += take;
			}
		} else if (i + 17 <= n) {
			/* the last 17 to 32 bytes: sixteen a step */
			unsigned b16 = 0;
			int whole = sse2_block(u, &i, &prev, &b16);
			bad |= b16;
			if (whole)
				continue;
		}
		if (!scan_char(opt, u, n, &i, tab, tab2, &prev, &acc))
			return 0;
	}
	return scan_end(opt, u, n, acc, bad != 0);
}

#endif
#endif

int
lp_normalize_scan_sse2(const struct lp_normopt *opt, const char *s, size_t n)
{
	int m = opt->nfkc != 0;

	if (!atomic_load_explicit(&scan2_ready[m], memory_order_acquire))
		pthread_once(&scan2_once[m], m ? scan_init_nfkc : scan_init_nfc);
#ifdef __SSE2__
	if (simd_ok[m])
		return scan_sse2(opt, (const unsigned char *)s, n, m);
#endif
	return lp_normalize_scan_ref(opt, s, n);
}

int
lp_normalize_scan(const struct lp_normopt *opt, const char *s, size_t n)
{
	int m = opt->nfkc != 0;

	if (n == 0)
		return 1; /* a blank line, every other line of most documents */
	if (!atomic_load_explicit(&scan2_ready[m], memory_order_acquire))
		pthread_once(&scan2_once[m], m ? scan_init_nfkc : scan_init_nfc);
#ifdef __SSE2__
	if (simd_ok[m]) {
#ifdef HAVE_AVX2_SCAN
		if (use_avx2)
			return scan_avx2(opt, (const unsigned char *)s, n, m);
#endif
		return scan_sse2(opt, (const unsigned char *)s, n, m);
	}
#endif
	return lp_normalize_scan_ref(opt, s, n);
}

int
lp_normalize_is_plain(const struct lp_normopt *opt, const char *s, size_t n)
{
	return lp_normalize_scan(opt, s, n) == 1;
}

/* The first byte of u[i..n) that may start a separator: 0xC2 (U+00A0),
 * 0xE2 (U+2000..U+205F), 0xE3 (U+3000), 0xEF (U+FE58) -- lead bytes, so
 * always the start of a character.  Sixteen bytes a step with SSE2. */
static size_t
next_separator(const unsigned char *u, size_t i, size_t n)
{
#ifdef __SSE2__
	const __m128i c2 = _mm_set1_epi8((char)0xc2), e2 = _mm_set1_epi8((char)0xe2);
	const __m128i e3 = _mm_set1_epi8((char)0xe3), ef = _mm_set1_epi8((char)0xef);

	while (i + 16 <= n) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(u + i));
		int m = _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, c2), _mm_cmpeq_epi8(x, e2)),
		                                       _mm_or_si128(_mm_cmpeq_epi8(x, e3), _mm_cmpeq_epi8(x, ef))));
		if (m)
			return i + (size_t)__builtin_ctz((unsigned)m);
		i += 16;
	}
#endif
	while (i < n && u[i] != 0xc2 && u[i] != 0xe2 && u[i] != 0xe3 && u[i] != 0xef)
		i++;
	return i;
}

void
lp_normalize_separators(const char *s, size_t n, struct lp_buf *text, struct lp_map *map)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, run = 0;

	lp_buf_reserve(text, n);
	while ((i = next_separator(u, i, n)) < n) {
		uint32_t v, r;
		size_t l;

		/* the scan let through only whole 2- and 3-byte sequences */
		if (u[i] == 0xc2) {
			v = (uint32_t)(u[i + 1] & 0x3f) | 0x80;
			l = 2;
		} else {
			v = ((uint32_t)(u[i] & 0x0f) << 12) | ((uint32_t)(u[i + 1] & 0x3f) << 6) | (u[i + 2] & 0x3f);
			l = 3;
		}
		r = lp_fix_separator(v);
		if (!r) {
			i += l;
			continue;
		}
		/* the slow path maps each character as one segment; the
		 * unchanged ones merge into one identity run */
		lp_buf_add(text, s + run, i - run);
		lp_map_add(map, (uint32_t)(i - run), (uint32_t)(i - run));
		{
			char e[4];
			int el = lp_u8enc(r, e);
			lp_buf_add(text, e, (size_t)el);
			lp_map_add(map, (uint32_t)el, (uint32_t)l);
		}
		i += l;
		run = i;
	}
	lp_buf_add(text, s + run, n - run);
	lp_map_add(map, (uint32_t)(n - run), (uint32_t)(n - run));
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
