/*
 * norm.c - the norm stage: fixed-size reads, line splitting on LF, CR and
 * CRLF (in code units, so UTF-16 works too), decoding, then normalize.c.
 * Lines longer than line_max are sent in pieces, each after the first
 * flagged LP_CONT, so memory stays bounded for any input.
 *
 * Encodings: UTF-8 and UTF-16 are decoded by hand (strictly); any other
 * encoding must be a single-byte one, which iconv proves when the codec is
 * opened by converting each of the 256 bytes alone -- the 256 answers are
 * kept as a table, and decoding is a table lookup.  Anything else
 * (Shift_JIS, UTF-32, ISO-2022, an unknown name) is refused: offsets are
 * only exact when every code point's original byte length is known.
 *
 * Offsets: every decoded code point carries the number of original bytes it
 * came from (1 for the 8-bit pages, 2 or 4 for UTF-16, the sequence length
 * for UTF-8); normalize.c turns those into the line's offset map.  Bytes
 * that do not decode become U+FFFD and keep their original length, so
 * offsets stay exact after them.
 *
 * Fast paths: a UTF-8 line that lp_normalize_scan() passes is sent as it
 * was read, with one identity map segment (or copied with its no-break
 * spaces and em dashes replaced); an 8-bit line whose every byte is plain
 * is converted through a byte-to-UTF-8 table.  A line wholly in the read
 * buffer is normalized from there.  All give what the slow path would
 * (tests/unit/norm_fast.c, and norm_paths.c, which runs documents both
 * ways: lp_normcfg.slow_only turns the fast paths off).
 */
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <strings.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "detect.h"
#include "norm.h"
#include "util.h"

#define DETECT_SAMPLE (64 * 1024)
#define UNMAPPED 0xffffffffu

enum family { F_UTF8, F_8BIT, F_UTF16LE, F_UTF16BE, F_UTF16 };

/* A single-byte encoding, as iconv decodes it. */
struct sbcs {
	char name[64];        /* as given; "" when none is loaded */
	int ok;               /* iconv knows it and it is single-byte */
	uint32_t cp[256];     /* code point of each byte, or UNMAPPED */
	unsigned char u8[256][4], u8len[256];
	/* for the fast path: 1 Latin letter, 2 Cyrillic letter, 0 anything
	 * else that stays as it is, 4 a byte the slow path must see */
	unsigned char fast[256];
	uint16_t lang[256];       /* lp_lang_table_8bit() */
	int ascii;                /* bytes 0x00..0x7F are ASCII */
	/* for the fast path, by byte: its UTF-8 (three bytes at most) in the
	 * low bytes and, in the top byte, the length | fast << 2 */
	uint32_t ent[256];
};

struct lp_norm {
	struct lp_normcfg cfg;
	char *rbuf;            /* read buffer of rcap bytes: reads are cfg.bufsize at most */
	size_t rcap;
	struct lp_buf raw;     /* the current line's raw bytes */
	uint32_t *cp;          /* decoded code points of the current line */
	uint8_t *olen;         /* original bytes of each */
	size_t ncp, cpcap;
	struct lp_buf text;
	struct lp_map map;
	struct sbcs sb;        /* the last single-byte encoding asked for */
	size_t span8;          /* fast_8bit: raw bytes whose UTF-8 fits in LP_LANG_SPAN */
	const char *mem;       /* lp_norm_mem: the bytes read instead of fd */
	size_t memlen, mempos;
	int quiet;             /* lp_norm_mem: no notes */
	long nuls;             /* NUL characters of the last file (lp_norm_nuls) */
};

struct lp_norm *
lp_norm_new(const struct lp_normcfg *cfg)
{
	struct lp_norm *nz = lp_xmalloc(sizeof *nz);

	memset(nz, 0, sizeof *nz);
	nz->cfg = *cfg;
	if (nz->cfg.bufsize == 0)
		nz->cfg.bufsize = LP_BUFSIZE_DEFAULT;
	if (nz->cfg.line_max == 0)
		nz->cfg.line_max = LP_LINE_MAX_DEFAULT;
	if (nz->cfg.line_max < 16)
		nz->cfg.line_max = 16;
	/* the first read is a detection sample of up to DETECT_SAMPLE bytes */
	nz->rcap = nz->cfg.bufsize > DETECT_SAMPLE ? nz->cfg.bufsize : DETECT_SAMPLE;
	nz->rbuf = lp_xmalloc(nz->rcap);
	return nz;
}

void
lp_norm_free(struct lp_norm *nz)
{
	if (!nz)
		return;
	free(nz->rbuf);
	lp_buf_free(&nz->raw);
	free(nz->cp);
	free(nz->olen);
	lp_buf_free(&nz->text);
	lp_map_free(&nz->map);
	free(nz);
}

static enum family
family_of(const char *enc)
{
	if (!strcasecmp(enc, "UTF-8") || !strcasecmp(enc, "UTF8"))
		return F_UTF8;
	if (!strcasecmp(enc, "UTF-16LE") || !strcasecmp(enc, "UTF16LE"))
		return F_UTF16LE;
	if (!strcasecmp(enc, "UTF-16BE") || !strcasecmp(enc, "UTF16BE"))
		return F_UTF16BE;
	if (!strcasecmp(enc, "UTF-16") || !strcasecmp(enc, "UTF16"))
		return F_UTF16;
	return F_8BIT;
}

/* Load enc into nz->sb if iconv decodes it one byte at a time: each of the
 * 256 bytes alone is either one code point or invalid (EILSEQ), and LF and
 * CR are where ASCII has them, since lines are split on those bytes.  A
 * byte that leaves iconv waiting for more (EINVAL: a lead byte of Shift_JIS,
 * any byte of UTF-32), that gives no character (an ISO-2022 shift) or
 * several, or an EBCDIC page, fails it. */
static int
load_sbcs(struct lp_norm *nz, const char *enc)
{
	struct sbcs *sb = &nz->sb;
	const struct lp_normopt *opt = &nz->cfg.opt;
	iconv_t cd;
	int b, mapped = 0;

	if (sb->name[0] && !strcmp(sb->name, enc))
		return sb->ok ? 0 : -1;
	snprintf(sb->name, sizeof sb->name, "%s", enc);
	sb->ok = 0;
	cd = iconv_open("UTF-32LE", enc);
	if (cd == (iconv_t)-1)
		return -1;
	for (b = 0; b < 256; b++) {
		char in = (char)b, out[16], *ip = &in, *op = out;
		size_t il = 1, ol = sizeof out, r;

		iconv(cd, NULL, NULL, NULL, NULL);
		r = iconv(cd, &ip, &il, &op, &ol);
		if (r == (size_t)-1 && errno == EILSEQ) {
			sb->cp[b] = UNMAPPED;
		} else if (r == (size_t)-1 || il != 0 || sizeof out - ol != 4) {
			iconv_close(cd);
			return -1;
		} else {
			const unsigned char *u = (const unsigned char *)out;
			sb->cp[b] = (uint32_t)u[0] | (uint32_t)u[1] << 8 | (uint32_t)u[2] << 16 | (uint32_t)u[3] << 24;
			mapped++;
		}
		if ((b == '\n' || b == '\r') != (sb->cp[b] == '\n' || sb->cp[b] == '\r') ||
		    ((b == '\n' || b == '\r') && sb->cp[b] != (uint32_t)b)) {
			iconv_close(cd);
			return -1;
		}
		/* a stateful decoder may still hold something back */
		op = out;
		ol = sizeof out;
		if (iconv(cd, NULL, NULL, &op, &ol) == (size_t)-1 || ol != sizeof out) {
			iconv_close(cd);
			return -1;
		}
	}
	iconv_close(cd);
	if (mapped < 128)
		return -1;
	for (b = 0; b < 256; b++) {
		uint32_t c = sb->cp[b];
		if (c == UNMAPPED || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff)) {
			sb->cp[b] = UNMAPPED;
			sb->fast[b] = 4;
			sb->u8len[b] = 0;
			continue;
		}
		sb->u8len[b] = (unsigned char)lp_u8enc(c, (char *)sb->u8[b]);
		switch (lp_plain_cp(opt, c)) {
		case LP_PLAIN_LATIN: sb->fast[b] = 1; break;
		case LP_PLAIN_CYRILLIC: sb->fast[b] = 2; break;
		case LP_PLAIN_OTHER: sb->fast[b] = 0; break;
		default:
			/* the em dash and no-break space of windows-1251 text: the
			 * fast path writes their replacement, as the slow path would */
			if (lp_fix_separator(c)) {
				sb->u8len[b] = (unsigned char)lp_u8enc(lp_fix_separator(c), (char *)sb->u8[b]);
				sb->fast[b] = 0;
			} else {
				sb->fast[b] = 4;
			}
			break;
		}
	}
	for (b = 0; b < 256; b++) {
		unsigned char e[4] = { 0, 0, 0, 0 };
		if (sb->u8len[b] > 3)
			sb->fast[b] = 4; /* beyond U+FFFF: the slow path can have it */
		else
			memcpy(e, sb->u8[b], sb->u8len[b]);
		e[3] = (unsigned char)((sb->u8len[b] & 3) | sb->fast[b] << 2);
		sb->ent[b] = (uint32_t)e[0] | (uint32_t)e[1] << 8 | (uint32_t)e[2] << 16 | (uint32_t)e[3] << 24;
	}
	lp_lang_table_8bit(sb->cp, sb->lang);
	sb->ascii = 1;
	for (b = 0; b < 0x80; b++)
		sb->ascii &= sb->cp[b] == (uint32_t)b;
	sb->ok = 1;
	return 0;
}

static void
cp_reserve(struct lp_norm *nz, size_t n)
{
	if (n <= nz->cpcap)
		return;
	while (nz->cpcap < n)
		nz->cpcap = nz->cpcap ? nz->cpcap * 2 : 1024;
	nz->cp = lp_xrealloc(nz->cp, nz->cpcap * sizeof *nz->cp);
	nz->olen = lp_xrealloc(nz->olen, nz->cpcap);
}

static void
cp_push(struct lp_norm *nz, uint32_t c, uint8_t ol)
{
	nz->cp[nz->ncp] = c;
	nz->olen[nz->ncp++] = ol;
}

/* Strict UTF-8 (no overlongs, surrogates or values past U+10FFFF); each bad
 * byte becomes one U+FFFD.  Returns the number of replacements. */
static long
decode_utf8(struct lp_norm *nz, const unsigned char *s, size_t n)
{
	size_t i = 0;
	long bad = 0;

	cp_reserve(nz, n);
	while (i < n) {
		unsigned char c = s[i];
		uint32_t v;
		int l, k;

		if (c < 0x80) {
			cp_push(nz, c, 1);
			i++;
			continue;
		}
		l = lp_u8len(c);
		if (l == 1 || i + (size_t)l > n)
			goto invalid;
		for (k = 1; k < l; k++)
			if ((s[i + k] & 0xc0) != 0x80)
				goto invalid;
		v = lp_u8dec((const char *)s + i, n - i, &l);
		if ((l == 3 && (v < 0x800 || (v >= 0xd800 && v <= 0xdfff))) ||
		    (l == 4 && (v < 0x10000 || v > 0x10ffff)))
			goto invalid;
		cp_push(nz, v, (uint8_t)l);
		i += (size_t)l;
		continue;
invalid:
		cp_push(nz, 0xfffd, 1);
		bad++;
		i++;
	}
	return bad;
}

/* UTF-16: a lone surrogate, or an odd byte at the very end, is one U+FFFD. */
static long
decode_utf16(struct lp_norm *nz, int be, const unsigned char *s, size_t n)
{
	size_t i = 0;
	long bad = 0;

	cp_reserve(nz, n / 2 + 1);
	while (i + 1 < n) {
		uint32_t u = be ? (uint32_t)s[i] << 8 | s[i + 1] : (uint32_t)s[i + 1] << 8 | s[i];

		if (u >= 0xd800 && u <= 0xdbff && i + 3 < n) {
			uint32_t w = be ? (uint32_t)s[i + 2] << 8 | s[i + 3] : (uint32_t)s[i + 3] << 8 | s[i + 2];
			if (w >= 0xdc00 && w <= 0xdfff) {
				cp_push(nz, 0x10000 + ((u - 0xd800) << 10) + (w - 0xdc00), 4);
				i += 4;
				continue;
			}
		}
		if (u >= 0xd800 && u <= 0xdfff) {
			u = 0xfffd;
			bad++;
		}
		cp_push(nz, u, 2);
		i += 2;
	}
	if (i < n) {
		cp_push(nz, 0xfffd, 1);
		bad++;
	}
	return bad;
}

static long
decode_8bit(struct lp_norm *nz, const unsigned char *s, size_t n)
{
	const uint32_t *tab = nz->sb.cp;
	size_t i;
	long bad = 0;

	cp_reserve(nz, n);
	for (i = 0; i < n; i++) {
		uint32_t c = tab[s[i]];
		if (c == UNMAPPED) {
			c = 0xfffd;
			bad++;
		}
		nz->cp[i] = c;
		nz->olen[i] = 1;
	}
	nz->ncp = n;
	return bad;
}

/* The 8-bit fast path: nonzero when every byte of s is plain and no word
 * mixes scripts; text and map are then the line's normalized form. */
static int
fast_8bit(struct lp_norm *nz, const struct lp_normopt *opt, const unsigned char *s, size_t n)
{
	const struct sbcs *sb = &nz->sb;
	struct lp_buf *t = &nz->text;
	struct lp_seg *seg;
	unsigned prev = 0, bad = 0, c, x;
	size_t i = 0, k = 0;
	char *o;

	if (opt->join_hyphens) {
		size_t e = n;
		while (e > 0 && (sb->cp[s[e - 1]] == ' ' || sb->cp[s[e - 1]] == '\t'))
			e--;
		if (e > 0 && sb->cp[s[e - 1]] == '-')
			return 0;
	}
	/* One pass, without a branch per byte (a branch at every change of
	 * UTF-8 length, at every word of a Cyrillic line, cost more than the
	 * rest).  The check: a byte of class 4, or two letters of different
	 * scripts side by side -- which every word that mixes scripts has
	 * somewhere -- sends the line to the slow path.  The map: runs of
	 * bytes of one UTF-8 length, where a run starts noted by writing the
	 * index every time and keeping it only when the length changes; a run
	 * of 1-byte characters is one identity segment, a run of K characters
	 * of L bytes one L:1*K segment.  ASCII is copied eight bytes at a time
	 * where the page keeps it: inside those no letters of two scripts
	 * meet, and a NUL stops the step. */
	lp_buf_reserve(t, n * 4 + 8);
	cp_reserve(nz, n + 1);
	o = t->p + t->len;
	{
		uint32_t *start = nz->cp;
		uint8_t *len = nz->olen;
		unsigned last = 0, l;

		while (i < n) {
			if (sb->ascii && i + 8 <= n) {
				uint64_t w;
				memcpy(&w, s + i, 8);
				if (!((w & 0x8080808080808080u) |
				      ((w - 0x0101010101010101u) & ~w & 0x8080808080808080u))) {
					x = prev | sb->fast[s[i]];
					bad |= x & (x >> 1) & 1;
					prev = sb->fast[s[i + 7]] & 3;
					memcpy(o, &w, 8);
					o += 8;
					start[k] = (uint32_t)i;
					len[k] = 1;
					k += last != 1;
					last = 1;
					i += 8;
					continue;
				}
			}
			{
				size_t e = i + 8 < n ? i + 8 : n;
				for (; i < e; i++) {
					uint32_t en = sb->ent[s[i]];
					memcpy(o, &en, 4);
					l = en >> 24 & 3;
					c = en >> 26;
					o += l;
					x = prev | c;
					bad |= (c >> 2) | (x & (x >> 1) & 1);
					prev = c & 3;
					start[k] = (uint32_t)i;
					len[k] = (uint8_t)l;
					k += l != last;
					last = l;
				}
			}
		}
		start[k] = (uint32_t)n;
		if (bad)
			return 0;
		if (nz->map.cap < k) {
			nz->map.cap = k;
			nz->map.seg = lp_xrealloc(nz->map.seg, k * sizeof *nz->map.seg);
		}
		seg = nz->map.seg;
		nz->span8 = n;
		{
			size_t r, out = 0;
			for (r = 0; r < k; r++) {
				uint32_t cnt = start[r + 1] - start[r];
				l = len[r];
				seg[r] = l == 1 ? (struct lp_seg){ cnt, cnt, 1 } : (struct lp_seg){ l, 1, cnt };
				/* the language guess reads the characters that end
				 * within the first LP_LANG_SPAN bytes of UTF-8 */
				if (nz->span8 == n && out + (size_t)cnt * l > LP_LANG_SPAN)
					nz->span8 = start[r] + (LP_LANG_SPAN - out) / l;
				out += (size_t)cnt * l;
			}
		}
	}
	t->len = (size_t)(o - t->p);
	nz->map.nseg = k;
	return 1;
}

struct run {
	struct lp_norm *nz;
	const struct lp_sink *sink;
	const char *doc;
	enum family fam;
	struct lp_docstats *st;
	struct lp_langctx lang;
	long lineno;
	long nuls;          /* NUL characters, shown as U+FFFD */
	uint64_t linestart; /* original offset of the current raw line */
	unsigned pending;   /* flags for the next record: LP_CONT, LP_HYPHEN */
};

/* Decode, normalize and send line[0..n) (the raw bytes: nz->raw, or the
 * read buffer when the whole line is there) as one L record; `more` says
 * the line goes on in the next record (LP_CONT). */
static void
emit(struct run *r, const char *line, size_t n, int more)
{
	struct lp_norm *nz = r->nz;
	struct lp_normstats ns = { 0 };
	struct lp_line l;
	const unsigned char *raw = (const unsigned char *)line;
	int hy = 0, plain = 0;
	/* a hyphen that ends a piece of a long line is not a line-end hyphen */
	struct lp_normopt opt = nz->cfg.opt;

	if (more)
		opt.join_hyphens = 0;

	nz->text.len = 0;
	lp_map_clear(&nz->map);
	memset(&l, 0, sizeof l);
	if (nz->cfg.slow_only) {
		/* tests: no fast path */
	} else if (r->fam == F_UTF8 && (plain = lp_normalize_scan(&opt, (const char *)raw, n)) == 1) {
		/* already normal: the text is the line as read */
		lp_map_add(&nz->map, (uint32_t)n, (uint32_t)n);
		l.text = n ? line : "";
		l.len = n;
	} else if (plain == 2) {
		/* normal but for no-break spaces and em dashes */
		lp_normalize_separators((const char *)raw, n, &nz->text, &nz->map);
	} else if (r->fam == F_8BIT && fast_8bit(nz, &opt, raw, n)) {
		plain = 3;
	}
	if (!plain) {
		nz->text.len = 0;
		lp_map_clear(&nz->map);
		nz->ncp = 0;
		if (r->fam == F_UTF8)
			r->st->invalid += decode_utf8(nz, raw, n);
		else if (r->fam == F_8BIT)
			r->st->invalid += decode_8bit(nz, raw, n);
		else
			r->st->invalid += decode_utf16(nz, r->fam == F_UTF16BE, raw, n);
		{
			size_t k;
			for (k = 0; k < nz->ncp; k++)
				r->nuls += nz->cp[k] == 0;
		}
		hy = lp_normalize(&opt, nz->cp, nz->olen, nz->ncp, &nz->text, &nz->map, &ns);
		r->st->repairs += ns.repairs;
	}
	if (!l.text) {
		l.text = nz->text.p ? nz->text.p : "";
		l.len = nz->text.len;
	}
	l.doc = r->doc;
	l.lineno = r->lineno;
	l.start = r->linestart;
	l.end = r->linestart + n;
	{
		/* "en", "ru", "kk" or "und": the NUL fits (snprintf here was
		 * a third of the time of a windows-1251 file) */
		const char *lang = plain == 3 /* 8-bit fast path: raw bytes are shorter */
		                   ? lp_lang_span_8bit(&r->lang, raw, nz->span8, nz->sb.lang)
		                   : lp_lang_line(&r->lang, l.text, l.len);
		size_t k = 0;

		do
			l.lang[k] = lang[k];
		while (lang[k++] && k < sizeof l.lang);
	}
	l.flags = r->pending | (hy ? LP_HYPHEN : 0);
	l.map = nz->map;
	if (r->sink->line)
		r->sink->line(r->sink->ctx, &l);
	r->pending = more ? LP_CONT : 0;
	r->linestart += n;
}

#define SENTENCE_WINDOW (64 * 1024)

/* The code unit at p[at]: a byte, or a UTF-16 unit (0x100 and up for
 * anything but ASCII, which is all the caller looks for). */
static unsigned
unit_at(enum family fam, const unsigned char *p, size_t at)
{
	if (fam == F_UTF16LE)
		return p[at + 1] ? 0x100 : p[at];
	if (fam == F_UTF16BE)
		return p[at] ? 0x100 : p[at + 1];
	return p[at];
}

/* The raw line has reached line_max with no terminator: send its first
 * line_max bytes or a little less -- never inside a UTF-8 sequence or a
 * surrogate pair, and after a sentence end or at least a space when there
 * is one near the end -- and keep the rest for the next piece. */
static void
split_long(struct run *r)
{
	struct lp_buf *b = &r->nz->raw;
	const unsigned char *p = (const unsigned char *)b->p;
	size_t unit = r->fam == F_UTF16LE || r->fam == F_UTF16BE ? 2 : 1;
	size_t lim = b->len < r->nz->cfg.line_max ? b->len : r->nz->cfg.line_max;
	size_t cut = lim - lim % unit, k;
	int steps;

	if (r->fam == F_UTF8) {
		/* the sequence around the cut: whole before it, or moved after */
		size_t j = cut;
		for (steps = 0; steps < 3 && j > 0 && (p[j - 1] & 0xc0) == 0x80; steps++)
			j--;
		if (j > 0 && p[j - 1] >= 0xc0 && j - 1 + (size_t)lp_u8len(p[j - 1]) > cut)
			cut = j - 1;
	} else if (unit == 2 && cut >= 2) {
		unsigned hi = r->fam == F_UTF16LE ? p[cut - 1] : p[cut - 2];
		if (hi >= 0xd8 && hi <= 0xdb)
			cut -= 2;
	}
	/* after a sentence end if there is one in the last 64 KiB (the tagger
	 * may start a new paragraph at a piece: no phrase then spans the cut),
	 * else after a space in the last 1024 bytes */
	{
		size_t best = 0, window = cut / 2 < SENTENCE_WINDOW ? cut / 2 : SENTENCE_WINDOW;
		for (k = cut; k > 2 * unit && cut - k < window; k -= unit) {
			unsigned a = unit_at(r->fam, p, k - 2 * unit), c = unit_at(r->fam, p, k - unit);
			if (c == ' ' && (a == '.' || a == '!' || a == '?' || a == ';')) {
				best = k;
				break;
			}
		}
		for (k = cut; !best && k > unit && cut - k < 1024; k -= unit)
			if (unit_at(r->fam, p, k - unit) == ' ')
				best = k;
		if (best)
			cut = best;
	}
	if (cut == 0)
		cut = lim - lim % unit;
	emit(r, b->p, cut, 1);
	memmove(b->p, b->p + cut, b->len - cut);
	b->len -= cut;
}

/* Find the first line terminator in s[0..n): returns its position and sets
 * *tlen to its length in bytes, 0 when a CR ends the buffer (a CRLF may be
 * cut in two), or returns n when there is none. */
static size_t
find_eol(enum family fam, const char *s, size_t n, size_t *tlen)
{
	if (fam == F_UTF8 || fam == F_8BIT) {
		size_t at = n;
#ifdef __SSE2__
		/* LF and CR in one pass, sixteen bytes a step */
		const __m128i lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');
		size_t i = 0;

		for (; i + 16 <= n; i += 16) {
			__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
			int m = _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(x, lf), _mm_cmpeq_epi8(x, cr)));
			if (m) {
				at = i + (size_t)__builtin_ctz((unsigned)m);
				break;
			}
		}
		if (at == n)
			for (; i < n; i++)
				if (s[i] == '\n' || s[i] == '\r') {
					at = i;
					break;
				}
#else
		const char *lf = memchr(s, '\n', n);
		const char *cr = memchr(s, '\r', lf ? (size_t)(lf - s) : n);

		at = cr ? (size_t)(cr - s) : lf ? (size_t)(lf - s) : n;
#endif
		if (at < n && s[at] == '\r') {
			*tlen = at + 1 < n ? (s[at + 1] == '\n' ? 2 : 1) : 0;
			return at;
		}
		*tlen = 1;
		return at;
	}
	{
		size_t i, lo = fam == F_UTF16LE ? 0 : 1;
		for (i = 0; i + 1 < n; i += 2) {
			unsigned char c = (unsigned char)s[i + lo], z = (unsigned char)s[i + 1 - lo];
			if (z != 0 || (c != '\n' && c != '\r'))
				continue;
			if (c == '\n') {
				*tlen = 2;
				return i;
			}
			if (i + 3 < n) {
				*tlen = (s[i + 2 + lo] == '\n' && s[i + 3 - lo] == 0) ? 4 : 2;
				return i;
			}
			*tlen = 0;
			return i;
		}
		return n;
	}
}

/* Settle one file's encoding from --from or from detection: its family,
 * the name the D record shows, and the BOM bytes to skip.  A BOM is skipped
 * only when it agrees with the encoding. */
static int
settle(struct lp_norm *nz, const unsigned char *buf, size_t have, const char *doc,
       const char **enc, enum family *fam, size_t *bom)
{
	const char *from = nz->cfg.from;
	int le = have >= 2 && buf[0] == 0xff && buf[1] == 0xfe;
	int be = have >= 2 && buf[0] == 0xfe && buf[1] == 0xff;

	*bom = 0;
	if (!from) {
		*enc = lp_detect(buf, have, bom);
		*fam = family_of(*enc);
	} else {
		*enc = from;
		*fam = family_of(from);
	}
	switch (*fam) {
	case F_UTF8:
		*enc = "UTF-8";
		*bom = have >= 3 && buf[0] == 0xef && buf[1] == 0xbb && buf[2] == 0xbf ? 3 : 0;
		break;
	case F_UTF16:
		/* "UTF-16": the BOM decides; without one the zero bytes do, as
		 * detection reads them; failing that big-endian, as RFC 2781 says */
		if (le || be)
			*fam = le ? F_UTF16LE : F_UTF16BE;
		else {
			size_t b;
			*fam = !strcmp(lp_detect(buf, have, &b), "UTF-16LE") ? F_UTF16LE : F_UTF16BE;
		}
		/* fall through */
	case F_UTF16LE:
	case F_UTF16BE:
		*enc = *fam == F_UTF16LE ? "UTF-16LE" : "UTF-16BE";
		*bom = (*fam == F_UTF16LE && le) || (*fam == F_UTF16BE && be) ? 2 : 0;
		break;
	default:
		if (load_sbcs(nz, *enc)) {
			if (doc) /* NULL: lp_norm_settle_fd, which says nothing */
				lp_warn("%s: unsupported encoding '%s'", doc, *enc);
			return -1;
		}
		*bom = 0;
	}
	return 0;
}

static ssize_t
read_full(int fd, char *buf, size_t n)
{
	size_t got = 0;

	while (got < n) {
		ssize_t r = read(fd, buf + got, n - got);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (r == 0)
			break;
		got += (size_t)r;
	}
	return (ssize_t)got;
}

/* read_full, or from nz->mem. */
static ssize_t
nz_read(struct lp_norm *nz, int fd, char *buf, size_t n)
{
	if (!nz->mem)
		return read_full(fd, buf, n);
	if (n > nz->memlen - nz->mempos)
		n = nz->memlen - nz->mempos;
	memcpy(buf, nz->mem + nz->mempos, n);
	nz->mempos += n;
	return (ssize_t)n;
}

/* Not an error (grep's "binary file matches"): every line is still
 * sent, with U+FFFD for NUL, which the record stream cannot carry. */
void
lp_norm_notes(const char *doc, long nuls, long invalid)
{
	if (nuls)
		lp_note("%s: binary file (%ld NUL%s shown as U+FFFD)", doc, nuls, nuls == 1 ? "" : "s");
	if (invalid)
		lp_note("%s: %ld invalid byte sequence%s replaced by U+FFFD", doc, invalid,
		        invalid == 1 ? "" : "s");
}

long
lp_norm_nuls(const struct lp_norm *nz)
{
	return nz->nuls;
}

int
lp_norm_settle_fd(struct lp_norm *nz, int fd, const char **enc, size_t *bom)
{
	enum family fam;
	size_t have = 0;

	while (have < nz->rcap) {
		ssize_t n = pread(fd, nz->rbuf + have, nz->rcap - have, (off_t)have);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			break;
		have += (size_t)n;
	}
	return settle(nz, (const unsigned char *)nz->rbuf, have, NULL, enc, &fam, bom);
}

int
lp_norm_mem(struct lp_norm *nz, const char *buf, size_t n, const char *doc,
            const struct lp_sink *sink, struct lp_docstats *st)
{
	int rc;

	nz->mem = buf;
	nz->memlen = n;
	nz->mempos = 0;
	nz->quiet = 1;
	rc = lp_norm_fd(nz, -1, doc, sink, st);
	nz->mem = NULL;
	nz->quiet = 0;
	return rc;
}

int
lp_norm_fd(struct lp_norm *nz, int fd, const char *doc, const struct lp_sink *sink,
           struct lp_docstats *st)
{
	struct run r = { 0 };
	const char *enc;
	enum family fam;
	size_t bom = 0, have, off;
	ssize_t got;
	int eof = 0, drained, rc = 0;
	size_t first = nz->rcap, want, stash = 0;

	memset(st, 0, sizeof *st);
	st->doc = doc;
	got = nz_read(nz, fd, nz->rbuf, first);
	if (got < 0) {
		lp_warn("%s: read error:", doc);
		return -1;
	}
	have = (size_t)got;
	eof = have < first;
	if (settle(nz, (const unsigned char *)nz->rbuf, have, doc, &enc, &fam, &bom))
		return -1;
	st->enc = enc;
	if (sink->doc_begin)
		sink->doc_begin(sink->ctx, doc, enc);

	r.nz = nz;
	r.sink = sink;
	r.doc = doc;
	r.fam = fam;
	r.st = st;
	r.lineno = 1;
	r.linestart = bom;
	st->bytes = have;
	off = bom;
	nz->raw.len = 0;
	/* The detection sample is handed on bufsize bytes at a time, like every
	 * later read, so a small --buffer-size cuts small files at every byte.
	 * eof: nothing follows rbuf[0..have); drained: the file is all read. */
	drained = eof;
	if (have > bom + nz->cfg.bufsize) {
		stash = have - bom - nz->cfg.bufsize;
		have = bom + nz->cfg.bufsize;
		eof = 0;
	}
	for (;;) {
		while (off < have) {
			size_t tlen, at = find_eol(r.fam, nz->rbuf + off, have - off, &tlen);

			if (at < have - off && tlen == 0 && !eof)
				break; /* a CR at the end of the buffer: wait for what follows */
			if (at == have - off) {
				/* no terminator in this buffer */
				size_t take = have - off;
				if (r.fam != F_UTF8 && r.fam != F_8BIT)
					take -= take % 2;
				lp_buf_add(&nz->raw, nz->rbuf + off, take);
				off += take;
				while (nz->raw.len >= nz->cfg.line_max)
					split_long(&r);
				break;
			}
			if (tlen == 0)
				tlen = r.fam == F_UTF8 || r.fam == F_8BIT ? 1 : 2;
			if (nz->raw.len == 0 && at <= nz->cfg.line_max) {
				/* the whole line is in the buffer: no copy */
				emit(&r, nz->rbuf + off, at, 0);
			} else {
				lp_buf_add(&nz->raw, nz->rbuf + off, at);
				while (nz->raw.len > nz->cfg.line_max)
					split_long(&r);
				emit(&r, nz->raw.p, nz->raw.len, 0);
				nz->raw.len = 0;
			}
			r.linestart += tlen;
			r.lineno++;
			st->lines++;
			off += at + tlen;
		}
		if (eof)
			break;
		/* keep what was not consumed (a CR, half a UTF-16 unit) */
		memmove(nz->rbuf, nz->rbuf + off, have + stash - off);
		have -= off;
		off = 0;
		if (stash) {
			want = stash < nz->cfg.bufsize ? stash : nz->cfg.bufsize;
			have += want;
			stash -= want;
			eof = drained && !stash;
			continue;
		}
		want = nz->rcap - have < nz->cfg.bufsize ? nz->rcap - have : nz->cfg.bufsize;
		got = nz_read(nz, fd, nz->rbuf + have, want);
		if (got < 0) {
			lp_warn("%s: read error:", doc);
			rc = -1;
			break;
		}
		st->bytes += (uint64_t)got;
		eof = (size_t)got < want;
		have += (size_t)got;
	}
	/* an odd byte left at the end of UTF-16 input is kept as U+FFFD */
	if (off < have)
		lp_buf_add(&nz->raw, nz->rbuf + off, have - off);
	if (nz->raw.len > 0 || r.pending) {
		emit(&r, nz->raw.p, nz->raw.len, 0);
		nz->raw.len = 0;
		st->lines++;
	}
	nz->nuls = r.nuls;
	if (!nz->quiet)
		lp_norm_notes(doc, r.nuls, st->invalid);
	if (sink->doc_end)
		sink->doc_end(sink->ctx, st);
	return rc;
}
