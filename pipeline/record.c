/*
 * record.c - write and read the record stream.
 *
 * The reader hands back exactly what the writer was given: a test proves
 * the round trip, and `lexpipe run` relies on it to give the same bytes as
 * the chain of filters.
 */
#include <inttypes.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "escape.h"
#include "record.h"

static void
addnum(struct lp_buf *b, uint64_t v)
{
	char t[20];

	lp_buf_add(b, t, lp_put_u64(t, v));
}

static void
addsnum(struct lp_buf *b, long v)
{
	if (v < 0) {
		lp_buf_addc(b, '-');
		addnum(b, v == LONG_MIN ? (uint64_t)LONG_MAX + 1 : (uint64_t)-v);
		return;
	}
	addnum(b, (uint64_t)v);
}

static void
addf(struct lp_buf *b, const char *s)
{
	lp_buf_addc(b, '\t');
	lp_escape(b, s ? s : "", s ? strlen(s) : 0);
}

static void
addfs(struct lp_buf *b, struct lp_str s)
{
	lp_buf_addc(b, '\t');
	lp_escape(b, s.p ? s.p : "", s.p ? s.n : 0);
}

void
lp_rec_doc(struct lp_buf *b, const char *doc, const char *enc)
{
	lp_buf_addc(b, 'D');
	addf(b, doc);
	addf(b, enc);
	lp_buf_addc(b, '\n');
}

/* One L record, written with one reservation and no call per field: on a
 * file of short lines the fixed cost of a record was a third of `lexpipe
 * norm`'s time.  A long text (past SHORT_TEXT) is escaped by lp_escape,
 * which grows the buffer as it goes, rather than reserving twice its size. */
#define SHORT_TEXT (64 * 1024)

void
lp_rec_line(struct lp_buf *b, const struct lp_line *l)
{
	const char *doc = l->doc ? l->doc : "";
	size_t dl = strlen(doc), need, tl = l->len <= SHORT_TEXT ? l->len : 0;
	char *p;

	/* L, the doc, three numbers, lang, flags, tabs, the map, the text */
	need = 2 + 2 * dl + 3 * 22 + 2 * sizeof l->lang + 8 + l->map.nseg * 33 + 1 + 2 * tl + 2;
	lp_buf_reserve(b, need);
	p = b->p + b->len;
	*p++ = 'L';
	*p++ = '\t';
	p = lp_escape_to(p, doc, dl);
	*p++ = '\t';
	if (l->lineno < 0) {
		*p++ = '-';
		p += lp_put_u64(p, l->lineno == LONG_MIN ? (uint64_t)LONG_MAX + 1 : (uint64_t)-l->lineno);
	} else {
		p += lp_put_u64(p, (uint64_t)l->lineno);
	}
	*p++ = '\t';
	{
		/* start, then end: the same digits again for a blank line */
		size_t k = lp_put_u64(p, l->start);
		p += k;
		*p++ = '\t';
		if (l->end == l->start)
			memcpy(p, p - k - 1, k), p += k;
		else
			p += lp_put_u64(p, l->end);
	}
	*p++ = '\t';
	{
		/* norm's "en", "ru", "kk", "und" need no escape: no call */
		size_t k;
		for (k = 0; k < sizeof l->lang && l->lang[k] >= 'a' && l->lang[k] <= 'z'; k++)
			*p++ = l->lang[k];
		if (k < sizeof l->lang && l->lang[k])
			p = lp_escape_to(p, l->lang + k, strnlen(l->lang + k, sizeof l->lang - k));
	}
	*p++ = '\t';
	if (l->flags & LP_CONT)
		*p++ = 'c';
	if (l->flags & LP_HYPHEN)
		*p++ = 'h';
	if (!l->flags)
		*p++ = '-';
	*p++ = '\t';
	p += lp_map_format(&l->map, p, l->map.nseg * 33 + 1);
	*p++ = '\t';
	if (l->len == tl) {
		p = lp_escape_to(p, l->text, l->len);
		*p++ = '\n';
		b->len = (size_t)(p - b->p);
		return;
	}
	b->len = (size_t)(p - b->p);
	lp_escape(b, l->text, l->len);
	lp_buf_addc(b, '\n');
}

void
lp_rec_end(struct lp_buf *b, const struct lp_docstats *st)
{
	lp_buf_addc(b, 'E');
	addf(b, st->doc);
	addf(b, st->enc);
	lp_buf_addc(b, '\t');
	addsnum(b, st->lines);
	lp_buf_addc(b, '\t');
	addnum(b, st->bytes);
	lp_buf_addc(b, '\t');
	addsnum(b, st->invalid);
	lp_buf_addc(b, '\t');
	addsnum(b, st->repairs);
	lp_buf_addc(b, '\n');
}

void
lp_rec_ann(struct lp_buf *b, const struct lp_ann *a, const char *prefix)
{
	lp_buf_add(b, prefix, strlen(prefix));
	lp_escape(b, a->doc, strlen(a->doc));
	lp_buf_addc(b, '\t');
	addsnum(b, a->line);
	lp_buf_addc(b, '\t');
	addsnum(b, a->col);
	lp_buf_addc(b, '\t');
	addnum(b, a->start);
	lp_buf_addc(b, '\t');
	addnum(b, a->end);
	addf(b, a->lang);
	addf(b, a->kind);
	addf(b, a->label);
	addfs(b, a->canonical);
	addfs(b, a->value);
	lp_buf_addc(b, '\t');
	if (a->kind && (!strcmp(a->kind, "restrict") || !strcmp(a->kind, "penalty")))
		lp_buf_addc(b, a->negated ? '1' : '0');
	addfs(b, a->provision);
	addf(b, a->rule);
	addfs(b, a->match);
	addfs(b, a->context);
	lp_buf_addc(b, '\n');
}

/* The writer sink: one buffer, reused.  L records -- all but a few of
 * what norm writes -- are held until WBUF_HOLD bytes have gathered, then
 * written in one piece (a write per record was a tenth of `lexpipe norm`);
 * any other record first writes what is held, then itself, so the order
 * on stdout is the order of the calls as long as nothing else writes to
 * stdout between two lines (only norm sends lines to this sink, and it
 * writes nothing else).  A terminal gets each line as it is made. */
#define WBUF_HOLD (64 * 1024)
static struct lp_buf wbuf;
static int w_tty = -1;

static void
w_flush(void)
{
	lp_out(wbuf.p, wbuf.len);
	wbuf.len = 0;
}

static void
w_free(void)
{
	/* an exit in the middle of a document still writes its lines, as
	 * stdio would have */
	if (wbuf.len)
		w_flush();
	lp_buf_free(&wbuf);
}

static void
w_doc(void *ctx, const char *doc, const char *enc)
{
	(void)ctx;
	lp_rec_doc(&wbuf, doc, enc);
	w_flush();
}

static void
w_line(void *ctx, const struct lp_line *l)
{
	(void)ctx;
	lp_rec_line(&wbuf, l);
	if (w_tty < 0)
		w_tty = isatty(STDOUT_FILENO);
	if (wbuf.len >= WBUF_HOLD || w_tty)
		w_flush();
}

static void
w_end(void *ctx, const struct lp_docstats *st)
{
	(void)ctx;
	lp_rec_end(&wbuf, st);
	w_flush();
	lp_out_check();
}

static void
w_ann(void *ctx, const struct lp_ann *a)
{
	(void)ctx;
	lp_rec_ann(&wbuf, a, "A\t");
	w_flush();
}

static void
w_raw(void *ctx, const char *rec, size_t len)
{
	(void)ctx;
	lp_out(rec, len);
	lp_out("\n", 1);
}

void
lp_writer_sink(struct lp_sink *s)
{
	static int registered;

	if (!registered++)
		atexit(w_free); /* valgrind --errors-for-leak-kinds=all sees nothing */
	memset(s, 0, sizeof *s);
	s->doc_begin = w_doc;
	s->line = w_line;
	s->doc_end = w_end;
	s->ann = w_ann;
	s->other = w_raw;
	s->raw = w_raw;
}

void
lp_reader_init(struct lp_reader *r, FILE *fp, const char *name)
{
	memset(r, 0, sizeof *r);
	r->fp = fp;
	r->name = name;
	r->max = LP_RECORD_MAX_DEFAULT;
}

void
lp_reader_free(struct lp_reader *r)
{
	free(r->buf);
	lp_buf_free(&r->raw);
	r->buf = NULL;
}

/* Refill the chunk; returns bytes available, 0 at end, -1 on error. */
static long
refill(struct lp_reader *r)
{
	size_t n;

	if (r->cpos < r->clen)
		return (long)(r->clen - r->cpos);
	n = fread(r->chunk, 1, sizeof r->chunk, r->fp);
	r->cpos = 0;
	r->clen = n;
	if (n == 0)
		return ferror(r->fp) ? -1 : 0;
	return (long)n;
}

int
lp_reader_next(struct lp_reader *r)
{
	int any = 0;

	r->len = 0;
	r->nf = 0;
	r->toolong = 0;
	for (;;) {
		long avail = refill(r);
		char *start, *nl;
		size_t take;

		if (avail < 0)
			return -1;
		if (avail == 0) {
			if (!any)
				return 0;
			break; /* a last record with no newline */
		}
		any = 1;
		start = r->chunk + r->cpos;
		nl = memchr(start, '\n', (size_t)avail);
		take = nl ? (size_t)(nl - start) : (size_t)avail;
		if (!r->toolong && r->len + take > r->max) {
			r->toolong = 1; /* keep reading to the newline, keep nothing */
			r->len = 0;
		}
		if (!r->toolong) {
			if (r->cap < r->len + take + 1) {
				while (r->cap < r->len + take + 1)
					r->cap = r->cap ? r->cap * 2 : 4096;
				r->buf = lp_xrealloc(r->buf, r->cap);
			}
			memcpy(r->buf + r->len, start, take);
			r->len += take;
		}
		r->cpos += take + (nl ? 1 : 0);
		if (nl)
			break;
	}
	r->recno++;
	if (!r->buf) {
		r->cap = 16;
		r->buf = lp_xmalloc(r->cap);
	}
	r->buf[r->len] = '\0';
	if (r->keep_raw) {
		r->raw.len = 0;
		lp_buf_add(&r->raw, r->buf, r->len);
	}
	return 1;
}

void
lp_reader_split(struct lp_reader *r)
{
	char *p = r->buf, *end = r->buf + r->len;

	r->nf = 0;
	for (;;) {
		char *t = memchr(p, '\t', (size_t)(end - p));
		char *fe = t ? t : end;

		if (r->nf < (int)(sizeof r->f / sizeof r->f[0])) {
			r->f[r->nf] = p;
			r->flen[r->nf] = lp_unescape(p, (size_t)(fe - p));
			p[r->flen[r->nf]] = '\0';
		}
		r->nf++;
		if (!t)
			break;
		p = t + 1;
	}
}

/* Decimal digits only: no sign, no space, no overflow (strtoull takes all three). */
static int
parse_u64(const char *s, uint64_t *v)
{
	uint64_t x = 0;

	if (!*s)
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9' || x > (UINT64_MAX - (uint64_t)(*s - '0')) / 10)
			return -1;
		x = x * 10 + (uint64_t)(*s - '0');
	}
	*v = x;
	return 0;
}

/* The common case of lp_u8valid, fast: how far s holds only ASCII (eight
 * bytes at a time) and valid two-byte sequences (Cyrillic, Kazakh), always
 * a character boundary; lp_u8valid has the last word on the rest. */
static size_t
u8_plain(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;

	while (i < n) {
		unsigned char c;

		if (i + 8 <= n) {
			uint64_t x;
			memcpy(&x, u + i, 8);
			if (!(x & 0x8080808080808080u)) {
				i += 8;
				continue;
			}
		}
		c = u[i];
		if (c < 0x80)
			i++;
		else if (c >= 0xc2 && c <= 0xdf && i + 1 < n && (u[i + 1] & 0xc0) == 0x80)
			i += 2;
		else
			return i;
	}
	return n;
}

int
lp_parse_line(struct lp_reader *r, struct lp_line *l, const char **why)
{
	static char whybuf[80];
	uint64_t n;
	const char *f;
	size_t ok;

	if (r->nf != 9) {
		*why = "an L record has 9 fields";
		return -1;
	}
	l->doc = r->f[1];
	if (parse_u64(r->f[2], &n) || n == 0 || n > LONG_MAX) {
		*why = "bad line number";
		return -1;
	}
	l->lineno = (long)n;
	if (parse_u64(r->f[3], &l->start) || parse_u64(r->f[4], &l->end) || l->end < l->start) {
		*why = "bad byte offsets";
		return -1;
	}
	/* en, ru, kk, und: two or three small letters, as the engines expect */
	if (r->flen[5] < 2 || r->flen[5] > 3 || strspn(r->f[5], "abcdefghijklmnopqrstuvwxyz") != r->flen[5]) {
		*why = "bad language";
		return -1;
	}
	snprintf(l->lang, sizeof l->lang, "%s", r->f[5]);
	l->flags = 0;
	for (f = r->f[6]; *f; f++) {
		if (*f == 'c')
			l->flags |= LP_CONT;
		else if (*f == 'h')
			l->flags |= LP_HYPHEN;
		else if (*f != '-') {
			*why = "bad flags";
			return -1;
		}
	}
	if (lp_map_parse(&l->map, r->f[7], r->flen[7])) {
		*why = "bad offset map";
		return -1;
	}
	l->text = r->f[8];
	l->len = r->flen[8];
	/* later stages match with PCRE2_NO_UTF_CHECK: invalid UTF-8 stops here */
	ok = u8_plain(l->text, l->len);
	if (ok < l->len)
		ok += lp_u8valid(l->text + ok, l->len - ok);
	if (ok != l->len) {
		snprintf(whybuf, sizeof whybuf, "text is not valid UTF-8 (byte %zu of the text)", ok + 1);
		*why = whybuf;
		return -1;
	}
	if (lp_map_total_n(&l->map) != l->len) {
		*why = "offset map does not cover the text";
		return -1;
	}
	if (lp_map_total_o(&l->map) != l->end - l->start) {
		*why = "offset map does not cover the original bytes";
		return -1;
	}
	return 0;
}
