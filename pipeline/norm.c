/*
 * norm.c - the norm stage: fixed-size reads, line splitting on LF, CR and
 * CRLF (in code units, so UTF-16 works too), decoding with iconv, then
 * normalize.c.  Lines longer than line_max are sent in pieces, each after
 * the first flagged LP_CONT, so memory stays bounded for any input.
 *
 * Offsets: every decoded code point carries the number of original bytes it
 * came from, known from the encoding (1 for the 8-bit pages, 2 or 4 for
 * UTF-16, the sequence length for UTF-8); normalize.c turns those into the
 * line's offset map.  Bytes that do not decode become U+FFFD and keep their
 * original length, so offsets stay exact after them.
 */
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <strings.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "detect.h"
#include "norm.h"
#include "util.h"

#define DETECT_SAMPLE (64 * 1024)

enum family { F_UTF8, F_8BIT, F_UTF16LE, F_UTF16BE };

struct lp_norm {
	struct lp_normcfg cfg;
	char *rbuf;            /* read buffer of rcap bytes: reads are cfg.bufsize at most */
	size_t rcap;
	struct lp_buf raw;     /* the current line's raw bytes */
	uint32_t *cp;          /* decoded code points of the current line */
	uint8_t *olen;         /* original bytes of each */
	size_t ncp, cpcap;
	char *u32;             /* iconv output */
	size_t u32cap;
	struct lp_buf text;
	struct lp_map map;
	iconv_t cd;
	char cdname[32];
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
	nz->cd = (iconv_t)-1;
	return nz;
}

void
lp_norm_free(struct lp_norm *nz)
{
	if (!nz)
		return;
	if (nz->cd != (iconv_t)-1)
		iconv_close(nz->cd);
	free(nz->rbuf);
	lp_buf_free(&nz->raw);
	free(nz->cp);
	free(nz->olen);
	free(nz->u32);
	lp_buf_free(&nz->text);
	lp_map_free(&nz->map);
	free(nz);
}

static enum family
family_of(const char *enc)
{
	if (!strcasecmp(enc, "UTF-8") || !strcasecmp(enc, "UTF8"))
		return F_UTF8;
	if (!strcasecmp(enc, "UTF-16LE"))
		return F_UTF16LE;
	if (!strcasecmp(enc, "UTF-16BE"))
		return F_UTF16BE;
	return F_8BIT;
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

/* Any other encoding, through iconv into UTF-32LE. */
static long
decode_iconv(struct lp_norm *nz, enum family fam, const char *s, size_t n)
{
	size_t unit = fam == F_8BIT ? 1 : 2;
	long bad = 0;
	char *in = (char *)s;
	size_t inleft = n;

	cp_reserve(nz, n + 1);
	if (nz->u32cap < n * 4 + 16) {
		nz->u32cap = n * 4 + 16;
		nz->u32 = lp_xrealloc(nz->u32, nz->u32cap);
	}
	iconv(nz->cd, NULL, NULL, NULL, NULL);
	while (inleft > 0) {
		char *out = nz->u32;
		size_t outleft = nz->u32cap, r, k, got;
		int err;

		r = iconv(nz->cd, &in, &inleft, &out, &outleft);
		err = r == (size_t)-1 ? errno : 0;
		got = (size_t)(out - nz->u32) / 4;
		for (k = 0; k < got; k++) {
			const unsigned char *u = (const unsigned char *)nz->u32 + 4 * k;
			uint32_t v = (uint32_t)u[0] | (uint32_t)u[1] << 8 | (uint32_t)u[2] << 16 | (uint32_t)u[3] << 24;

			cp_push(nz, v, (uint8_t)(unit == 1 ? 1 : v > 0xffff ? 4 : 2));
		}
		if (!err)
			break;
		if (err == E2BIG)
			continue;
		/* EILSEQ, or EINVAL for a sequence cut off at the line's end:
		 * one unit becomes U+FFFD, its bytes kept in the map */
		{
			size_t skip = inleft < unit ? inleft : unit;
			cp_push(nz, 0xfffd, (uint8_t)skip);
			bad++;
			in += skip;
			inleft -= skip;
		}
	}
	return bad;
}

struct run {
	struct lp_norm *nz;
	const struct lp_sink *sink;
	const char *doc;
	enum family fam;
	struct lp_docstats *st;
	long lineno;
	uint64_t linestart; /* original offset of the current raw line */
	unsigned pending;   /* flags for the next record: LP_CONT, LP_HYPHEN */
};

static void
emit(struct run *r, int more)
{
	struct lp_norm *nz = r->nz;
	struct lp_normstats ns = { 0 };
	struct lp_line l;
	int hy;

	nz->ncp = 0;
	if (r->fam == F_UTF8)
		r->st->invalid += decode_utf8(nz, (unsigned char *)nz->raw.p, nz->raw.len);
	else
		r->st->invalid += decode_iconv(nz, r->fam, nz->raw.p, nz->raw.len);
	nz->text.len = 0;
	lp_map_clear(&nz->map);
	hy = lp_normalize(&nz->cfg.opt, nz->cp, nz->olen, nz->ncp, &nz->text, &nz->map, &ns);
	r->st->repairs += ns.repairs;

	memset(&l, 0, sizeof l);
	l.doc = r->doc;
	l.lineno = r->lineno;
	l.start = r->linestart;
	l.end = r->linestart + nz->raw.len;
	snprintf(l.lang, sizeof l.lang, "%s", lp_guess_lang(nz->text.p, nz->text.len));
	l.flags = r->pending | (hy && !more ? LP_HYPHEN : 0);
	l.map = nz->map;
	l.text = nz->text.p ? nz->text.p : "";
	l.len = nz->text.len;
	if (r->sink->line)
		r->sink->line(r->sink->ctx, &l);
	r->pending = more ? LP_CONT : 0;
	r->linestart += nz->raw.len;
	nz->raw.len = 0;
}

/* A full raw line buffer with no terminator yet: send all but a tail that
 * must stay whole (an unfinished UTF-8 sequence or surrogate pair), cutting
 * after a space when there is one near the end, so words stay whole. */
static void
split_long(struct run *r)
{
	struct lp_buf *b = &r->nz->raw;
	size_t unit = r->fam == F_UTF16LE || r->fam == F_UTF16BE ? 2 : 1;
	size_t cut = b->len - b->len % unit, k, keep;

	if (r->fam == F_UTF8) {
		while (cut > 0 && ((unsigned char)b->p[cut - 1] & 0xc0) == 0x80 && b->len - cut < 4)
			cut--;
		if (cut > 0 && (unsigned char)b->p[cut - 1] >= 0xc0)
			cut--;
	} else if (unit == 2 && cut >= 2) {
		unsigned hi = r->fam == F_UTF16LE ? (unsigned char)b->p[cut - 1] : (unsigned char)b->p[cut - 2];
		if (hi >= 0xd8 && hi <= 0xdb)
			cut -= 2;
	}
	for (k = cut; k > unit && cut - k < 1024; k -= unit) {
		size_t at = k - unit;
		int sp = unit == 1 ? b->p[at] == ' ' :
		         r->fam == F_UTF16LE ? (b->p[at] == ' ' && b->p[at + 1] == 0) :
		         (b->p[at] == 0 && b->p[at + 1] == ' ');
		if (sp) {
			cut = k;
			break;
		}
	}
	if (cut == 0)
		cut = b->len - b->len % unit;
	keep = b->len - cut;
	{
		char tail[1024 + 8];
		memcpy(tail, b->p + cut, keep);
		b->len = cut;
		emit(r, 1);
		lp_buf_add(b, tail, keep);
	}
}

/* Find the first line terminator in s[0..n): returns its position and sets
 * *tlen to its length in bytes, 0 when a CR ends the buffer (a CRLF may be
 * cut in two), or returns n when there is none. */
static size_t
find_eol(enum family fam, const char *s, size_t n, size_t *tlen)
{
	if (fam == F_UTF8 || fam == F_8BIT) {
		const char *lf = memchr(s, '\n', n);
		size_t end = lf ? (size_t)(lf - s) : n;
		const char *cr = memchr(s, '\r', end);

		if (cr) {
			size_t at = (size_t)(cr - s);
			*tlen = at + 1 < n ? (s[at + 1] == '\n' ? 2 : 1) : 0;
			return at;
		}
		*tlen = 1;
		return end;
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

static int
open_codec(struct lp_norm *nz, const char *enc, const char *doc)
{
	if (family_of(enc) == F_UTF8)
		return 0;
	if (nz->cd != (iconv_t)-1 && !strcmp(nz->cdname, enc))
		return 0;
	if (nz->cd != (iconv_t)-1)
		iconv_close(nz->cd);
	nz->cd = iconv_open("UTF-32LE", enc);
	if (nz->cd == (iconv_t)-1) {
		nz->cdname[0] = '\0';
		lp_warn("%s: unknown encoding '%s'", doc, enc);
		return -1;
	}
	snprintf(nz->cdname, sizeof nz->cdname, "%s", enc);
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

int
lp_norm_fd(struct lp_norm *nz, int fd, const char *doc, const struct lp_sink *sink,
           struct lp_docstats *st)
{
	struct run r = { 0 };
	const char *enc = nz->cfg.from;
	size_t bom = 0, have, off;
	ssize_t got;
	int eof = 0, drained, rc = 0;
	size_t first = nz->rcap, want, stash = 0;

	memset(st, 0, sizeof *st);
	st->doc = doc;
	got = read_full(fd, nz->rbuf, first);
	if (got < 0) {
		lp_warn("%s: read error:", doc);
		return -1;
	}
	have = (size_t)got;
	eof = have < first;
	{
		size_t b = 0;
		const char *d = lp_detect((const unsigned char *)nz->rbuf, have, &b);
		if (!enc)
			enc = d;
		/* a BOM agreeing with the forced encoding is still not text */
		if ((family_of(enc) == F_UTF8 && b == 3 && family_of(d) == F_UTF8) ||
		    (family_of(enc) == family_of(d) && b == 2 && strcmp(d, "UTF-8")))
			bom = b;
	}
	if (open_codec(nz, enc, doc))
		return -1;
	st->enc = enc;
	if (sink->doc_begin)
		sink->doc_begin(sink->ctx, doc, enc);

	r.nz = nz;
	r.sink = sink;
	r.doc = doc;
	r.fam = family_of(enc);
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
			lp_buf_add(&nz->raw, nz->rbuf + off, at);
			while (nz->raw.len > nz->cfg.line_max)
				split_long(&r);
			emit(&r, 0);
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
		got = read_full(fd, nz->rbuf + have, want);
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
		emit(&r, 0);
		st->lines++;
	}
	if (st->invalid)
		lp_note("%s: %ld invalid byte sequence%s replaced by U+FFFD", doc, st->invalid,
		        st->invalid == 1 ? "" : "s");
	if (sink->doc_end)
		sink->doc_end(sink->ctx, st);
	return rc;
}
