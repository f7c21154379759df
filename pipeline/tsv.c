/*
 * tsv.c - the row-writing stage.  Rows come from A records (the pipe path:
 * fields unescaped by the reader) or from struct lp_ann (the in-process
 * path: lp_fmt_ann_fields); both meet in write_row, so `run` and
 * `norm | tag | tsv` write the same bytes in every format.
 *
 * --context N needs the text around a match, which an annotation carries
 * only as its sentence.  The stage therefore keeps the recent lines of the
 * current document, joined as the tag stage joins a paragraph's lines (a
 * space, none after a removed hyphen or before a continuation piece), and
 * cuts N characters either side of the match out of them.  The tag stage
 * writes a paragraph's A records before the next paragraph's first line,
 * so after the match the context ends with the match's paragraph; before
 * it, it goes back to the last blank line or the document's start, as far
 * as the window keeps (WINDOW_BYTES plus 4N bytes).
 */
#include <stdlib.h>
#include <string.h>

#include "record.h"
#include "tsv.h"
#include "util.h"

#define WINDOW_BYTES (512 * 1024) /* more than a paragraph of the tag stage */
#define WINDOW_LINES 1024

struct wline {
	size_t off, len; /* in win.text */
	long lineno;
	unsigned flags;
};

static struct lp_fmtcfg cfg;
static struct lp_buf rowbuf;

static struct {
	char *doc;
	struct lp_buf text;
	struct wline *l;
	size_t n, cap, first; /* live lines are l[first..n) */
	struct lp_buf ctx;
} win;

static struct lp_sink next_sink; /* lp_tsv_tee's downstream */

static void
write_row(const struct lp_str f[LP_NCOLS])
{
	rowbuf.len = 0;
	lp_fmt_row(&cfg, f, &rowbuf);
	lp_out(rowbuf.p, rowbuf.len);
}

/* ---- the window of lines, for --context ---- */

static void
win_clear(void)
{
	win.text.len = 0;
	win.n = win.first = 0;
}

static void
win_doc(const char *doc)
{
	if (!win.doc || strcmp(win.doc, doc)) {
		free(win.doc);
		win.doc = lp_xstrdup(doc);
	}
	win_clear();
}

static int
blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return 0;
	return 1;
}

/* Drop the oldest lines past the bounds; compact when half is dead. */
static void
win_trim(void)
{
	size_t keep = WINDOW_BYTES + 4 * (size_t)cfg.context;

	while (win.n - win.first > 1 &&
	       (win.n - win.first > WINDOW_LINES || win.text.len - win.l[win.first + 1].off > keep))
		win.first++;
	if (win.first > 0 && win.l[win.first].off > win.text.len / 2) {
		size_t d = win.l[win.first].off, i;

		memmove(win.text.p, win.text.p + d, win.text.len - d);
		win.text.len -= d;
		for (i = win.first; i < win.n; i++)
			win.l[i].off -= d;
		memmove(win.l, win.l + win.first, (win.n - win.first) * sizeof *win.l);
		win.n -= win.first;
		win.first = 0;
	}
}

static void
win_line(const struct lp_line *l)
{
	struct wline *w;

	if (!win.doc || strcmp(win.doc, l->doc))
		win_doc(l->doc);
	if (blank(l->text, l->len) && !(l->flags & LP_CONT)) {
		win_clear(); /* a paragraph ends here: context never crosses it */
		return;
	}
	if (win.n > win.first && !(l->flags & LP_CONT) && !(win.l[win.n - 1].flags & LP_HYPHEN))
		lp_buf_addc(&win.text, ' ');
	if (win.n == win.cap) {
		win.cap = win.cap ? win.cap * 2 : 64;
		win.l = lp_xrealloc(win.l, win.cap * sizeof *win.l);
	}
	w = &win.l[win.n++];
	w->off = win.text.len;
	w->len = l->len;
	w->lineno = l->lineno;
	w->flags = l->flags;
	lp_buf_add(&win.text, l->text, l->len);
	win_trim();
}

/* N characters either side of the match, from the window; 0 when the
 * match's line is not there (then the row keeps its sentence). */
static int
win_context(const char *doc, long line, long col, size_t mlen, struct lp_str *out)
{
	size_t i, s, e, a, b;
	const struct wline *w = NULL;
	long k;

	if (!win.doc || strcmp(win.doc, doc))
		return 0;
	for (i = win.first; i < win.n; i++) {
		if (win.l[i].lineno != line)
			continue;
		/* a long line comes in pieces that share its number; col counts in its piece */
		w = &win.l[i];
		if (lp_u8_col_off(win.text.p + w->off, w->len, col) < w->len)
			break;
	}
	if (!w)
		return 0;
	s = w->off + lp_u8_col_off(win.text.p + w->off, w->len, col);
	e = s + mlen > win.text.len ? win.text.len : s + mlen;
	a = win.l[win.first].off;
	b = win.text.len;
	for (k = 0; k < cfg.context && s > a; k++)
		do
			s--;
		while (s > a && ((unsigned char)win.text.p[s] & 0xc0) == 0x80);
	for (k = 0; k < cfg.context && e < b; k++)
		do
			e++;
		while (e < b && ((unsigned char)win.text.p[e] & 0xc0) == 0x80);
	win.ctx.len = 0;
	lp_buf_add(&win.ctx, win.text.p + s, e - s);
	*out = (struct lp_str){ win.ctx.p, win.ctx.len };
	return 1;
}

/* ---- the in-process path ---- */

static void
t_ann(void *ctx, const struct lp_ann *a)
{
	struct lp_str f[LP_NCOLS];
	char nums[5][24];

	(void)ctx;
	lp_fmt_ann_fields(a, f, nums);
	if (cfg.context >= 0)
		win_context(a->doc, a->line, a->col, a->match.n, &f[LP_COL_CONTEXT]);
	write_row(f);
}

static void
t_doc(void *ctx, const char *doc, const char *enc)
{
	(void)ctx;
	(void)enc;
	if (cfg.context >= 0)
		win_doc(doc);
}

static void
t_line(void *ctx, const struct lp_line *l)
{
	(void)ctx;
	if (cfg.context >= 0)
		win_line(l);
}

static void
t_end(void *ctx, const struct lp_docstats *st)
{
	(void)ctx;
	(void)st;
	lp_out_check();
}

void
lp_tsv_sink(struct lp_sink *s, const struct lp_fmtcfg *c)
{
	cfg = *c;
	memset(s, 0, sizeof *s);
	s->ann = t_ann;
	s->doc_begin = t_doc;
	s->line = t_line;
	s->doc_end = t_end;
}

void
lp_tsv_begin(const struct lp_fmtcfg *c)
{
	cfg = *c;
	rowbuf.len = 0;
	lp_fmt_begin(&cfg, &rowbuf);
	lp_out(rowbuf.p, rowbuf.len);
}

static void
tee_doc(void *ctx, const char *doc, const char *enc)
{
	if (next_sink.doc_begin)
		next_sink.doc_begin(next_sink.ctx, doc, enc);
	t_doc(ctx, doc, enc);
}

static void
tee_line(void *ctx, const struct lp_line *l)
{
	if (next_sink.line)
		next_sink.line(next_sink.ctx, l);
	t_line(ctx, l);
}

static void
tee_end(void *ctx, const struct lp_docstats *st)
{
	if (next_sink.doc_end)
		next_sink.doc_end(next_sink.ctx, st);
	t_end(ctx, st);
}

void
lp_tsv_tee(struct lp_sink *tee, const struct lp_sink *next)
{
	next_sink = *next;
	memset(tee, 0, sizeof *tee);
	tee->doc_begin = tee_doc;
	tee->line = tee_line;
	tee->doc_end = tee_end;
	tee->ann = next->ann;
	tee->other = next->other;
	tee->raw = next->raw;
}

/* ---- the pipe path ---- */

static void
malformed(const struct lp_reader *r, const char *why)
{
	lp_warn("%s:%ld: malformed record: %s", r->name, r->recno, why);
}

/* The default TSV row of an A record is its fields as they stand, when
 * escaping what unescaping gives changes nothing: no backslash (an escape,
 * perhaps one the writer would spell differently) and no raw CR (which the
 * row escapes).  1 when r was written so, without unescaping a field. */
static int
verbatim(struct lp_reader *r)
{
	const char *p = r->buf + 2, *end = r->buf + r->len;
	int tabs = 0;

	if (cfg.format != LP_FMT_TSV || cfg.ncols || cfg.null || cfg.context >= 0)
		return 0;
	if (memchr(p, '\\', (size_t)(end - p)) || memchr(p, '\r', (size_t)(end - p)))
		return 0;
	while ((p = memchr(p, '\t', (size_t)(end - p)))) {
		tabs++;
		p++;
	}
	if (tabs != LP_ANN_FIELDS - 1)
		return 0;
	rowbuf.len = 0;
	lp_buf_add(&rowbuf, r->buf + 2, r->len - 2);
	lp_buf_addc(&rowbuf, '\n');
	lp_out(rowbuf.p, rowbuf.len);
	return 1;
}

static void
read_ann(struct lp_reader *r)
{
	struct lp_str f[LP_NCOLS];
	int i;

	if (verbatim(r))
		return;
	lp_reader_split(r);
	if (r->nf != LP_ANN_FIELDS + 1) {
		malformed(r, "an A record has 16 fields");
		return;
	}
	for (i = 0; i < LP_NCOLS; i++)
		f[i] = (struct lp_str){ r->f[i + 1], r->flen[i + 1] };
	if (cfg.context >= 0)
		win_context(r->f[1], atol(r->f[2]), atol(r->f[3]), r->flen[14], &f[LP_COL_CONTEXT]);
	write_row(f);
}

void
lp_tsv_read(FILE *fp, const char *name)
{
	struct lp_reader r;
	struct lp_line l;
	int rc;

	memset(&l, 0, sizeof l);
	lp_reader_init(&r, fp, name);
	while ((rc = lp_reader_next(&r)) > 0) {
		const char *why;

		if (r.toolong) {
			malformed(&r, "record too long; dropped");
			continue;
		}
		if (r.len < 2 || r.buf[1] != '\t')
			continue;
		if (r.buf[0] == 'A') {
			read_ann(&r);
		} else if (cfg.context >= 0 && r.buf[0] == 'L') {
			lp_reader_split(&r);
			if (lp_parse_line(&r, &l, &why) == 0)
				win_line(&l);
			else
				malformed(&r, why);
		} else if (cfg.context >= 0 && r.buf[0] == 'D') {
			lp_reader_split(&r);
			win_doc(r.f[1]);
		}
	}
	if (rc < 0)
		lp_warn("%s: read error:", name);
	lp_map_free(&l.map);
	lp_reader_free(&r);
}

void
lp_tsv_free(void)
{
	lp_buf_free(&rowbuf);
	lp_buf_free(&win.text);
	lp_buf_free(&win.ctx);
	free(win.l);
	free(win.doc);
	memset(&win, 0, sizeof win);
}
