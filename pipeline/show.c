/*
 * show.c - highlight annotations in the text they came from (show.h).
 *
 * Lines wait in a window until they are final: the tag stage writes a
 * paragraph's A records right after its last L record, so when an L record
 * follows an A record every waiting line has all its annotations.  A
 * document without any annotation would wait to its end, so the window
 * also lets its oldest line go past SHOW_WINDOW_LINES or SHOW_WINDOW_BYTES;
 * both exceed the tag stage's paragraph bounds, so no annotation can refer
 * to a line that has gone.
 */
#include <stdlib.h>
#include <string.h>

#include "record.h"
#include "show.h"
#include "util.h"

#define SHOW_WINDOW_LINES 1024
#define SHOW_WINDOW_BYTES (1024 * 1024)

enum { K_REF, K_ACT, K_RESTRICT, K_PENALTY, K_OTHER, NKINDS };
static const char *const kind_names[NKINDS] = { "ref", "act", "restrict", "penalty", "other" };
static const char *const kind_about[NKINDS] = {
	"reference to a provision", "reference to an act", "restrictive language", "penalty", "other rules",
};
/* terminal: ANSI SGR; page: background, underline */
static const char *const kind_sgr[NKINDS] = { "1;34", "1;35", "1;33", "1;31", "1;36" };
static const char *const kind_bg[NKINDS] = { "#bcd9ff", "#e3c8ff", "#ffd28a", "#ff9e9e", "#cfeee8" };
static const char *const kind_ul[NKINDS] = { "#1f6feb", "#8250df", "#bf8700", "#cf222e", "#1b7c6f" };

struct span {
	size_t s, e;   /* bytes of the line text */
	size_t mlen;   /* the whole match's length: the shortest wins where spans overlap */
	int kind;
	int first;     /* the span where the match starts (carries the note) */
	char *title;
};

struct sline {
	long lineno;
	unsigned flags;
	char *text;
	size_t len;
	struct span *sp;
	size_t nsp, csp;
};

struct docinfo {
	char *doc;
	long rows[NKINDS];
};

struct lp_show {
	struct lp_showcfg cfg;
	struct sline *l;
	size_t n, cap, bytes;
	int after_ann;
	char *doc;
	long ndoc;
	struct docinfo *docs;
	size_t ndocs, cdocs;
	struct lp_buf out;
};

static void
flush_out(struct lp_show *s)
{
	lp_out(s->out.p, s->out.len);
	s->out.len = 0;
}

static void
puts_(struct lp_show *s, const char *t)
{
	lp_buf_add(&s->out, t, strlen(t));
}

static void
html(struct lp_buf *b, const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		switch (p[i]) {
		case '&': lp_buf_add(b, "&amp;", 5); break;
		case '<': lp_buf_add(b, "&lt;", 4); break;
		case '>': lp_buf_add(b, "&gt;", 4); break;
		case '"': lp_buf_add(b, "&quot;", 6); break;
		case '\'': lp_buf_add(b, "&#39;", 5); break;
		case '\t': lp_buf_add(b, "    ", 4); break;
		default:
			if ((unsigned char)p[i] < 0x20 || p[i] == 0x7f)
				lp_buf_add(b, "\xef\xbf\xbd", 3); /* no control bytes in a page or a terminal */
			else
				lp_buf_addc(b, p[i]);
		}
	}
}

/* Terminal text: control bytes (an escape sequence in a hostile document) shown as U+FFFD. */
static void
plain(struct lp_buf *b, const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (p[i] == '\t')
			lp_buf_add(b, "    ", 4);
		else if ((unsigned char)p[i] < 0x20 || p[i] == 0x7f)
			lp_buf_add(b, "\xef\xbf\xbd", 3);
		else
			lp_buf_addc(b, p[i]);
	}
}

static int
kind_of(const char *k)
{
	int i;

	for (i = 0; i < K_OTHER; i++)
		if (!strcmp(k, kind_names[i]))
			return i;
	return K_OTHER;
}

/* ---- the page ---- */

static void
page_begin(struct lp_show *s)
{
	int i;
	char t[512];

	puts_(s, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n"
	         "<meta name=\"generator\" content=\"lexpipe " LP_VERSION "\">\n"
	         "<title>lexpipe: annotations for review</title>\n<style>\n"
	         "body{font:15px/1.45 system-ui,sans-serif;margin:0;display:flex;flex-direction:column;color:#1f2328}\n"
	         "header{order:-2;padding:8px 16px;background:#f6f8fa;border-bottom:1px solid #d0d7de}\n"
	         "header h1{font-size:18px;margin:0 0 6px}\n"
	         "nav{order:-1;padding:6px 16px;border-bottom:1px solid #d0d7de}\n"
	         "nav h2,section h2{font-size:15px;margin:8px 0 4px}\nnav ol{margin:0;padding-left:22px}\n"
	         "section{padding:0 16px 12px}\n"
	         "pre{font:14px/1.6 ui-monospace,'DejaVu Sans Mono',monospace;white-space:pre-wrap;margin:0}\n"
	         ".l{display:block;padding-left:5em;text-indent:-5em}\n"
	         ".n{display:inline-block;width:4em;text-indent:0;color:#8c959f;text-align:right;margin-right:1em;user-select:none}\n"
	         "mark{border-radius:2px;padding:1px 0;color:inherit}\n"
	         ".legend span{display:inline-block;margin-right:10px;padding:1px 6px}\n");
	for (i = 0; i < NKINDS; i++) {
		snprintf(t, sizeof t, ".k-%s{background:%s;border-bottom:2px solid %s}\n", kind_names[i],
		         kind_bg[i], kind_ul[i]);
		puts_(s, t);
	}
	puts_(s, "</style></head><body>\n<header><h1>lexpipe: annotations for review</h1>\n"
	         "<div class=\"legend\">");
	for (i = 0; i < NKINDS; i++) {
		snprintf(t, sizeof t, "<span class=\"k-%s\"><b>%s</b> %s</span>", kind_names[i],
		         kind_names[i], kind_about[i]);
		puts_(s, t);
	}
	puts_(s, "</div>\n<div>Highlights are drawn on the normalized text, at each row's line and column; "
	         "hover over one for its canonical ID, label and rule. Line numbers are those of the original file.</div>"
	         "</header>\n");
	flush_out(s);
}

static void
page_end(struct lp_show *s)
{
	size_t i;
	int k;
	char t[160];

	if (s->doc)
		puts_(s, "</pre></section>\n");
	/* written last, shown first (CSS order): the counts are known only now */
	puts_(s, "<nav><h2>Documents</h2><ol>\n");
	for (i = 0; i < s->ndocs; i++) {
		snprintf(t, sizeof t, "<li><a href=\"#doc%zu\">", i + 1);
		puts_(s, t);
		html(&s->out, s->docs[i].doc, strlen(s->docs[i].doc));
		puts_(s, "</a>");
		for (k = 0; k < NKINDS; k++) {
			if (!s->docs[i].rows[k])
				continue;
			snprintf(t, sizeof t, " <span class=\"k-%s\">%s %ld</span>", kind_names[k], kind_names[k],
			         s->docs[i].rows[k]);
			puts_(s, t);
		}
		puts_(s, "</li>\n");
	}
	puts_(s, "</ol></nav>\n</body></html>\n");
	flush_out(s);
}

/* ---- lines ---- */

static int
cmpspan(const void *a, const void *b)
{
	const struct span *x = a, *y = b;

	return x->s < y->s ? -1 : x->s > y->s;
}

/* The span drawn over byte i: the shortest match covering it, or -1. */
static int
top_span(const struct sline *l, size_t i)
{
	size_t j;
	int best = -1;

	for (j = 0; j < l->nsp; j++)
		if (l->sp[j].s <= i && i < l->sp[j].e && (best < 0 || l->sp[j].mlen < l->sp[best].mlen))
			best = (int)j;
	return best;
}

static void
write_line(struct lp_show *s, struct sline *l)
{
	struct lp_buf *b = &s->out;
	size_t i = 0, j;
	char t[64];

	if (l->nsp)
		qsort(l->sp, l->nsp, sizeof *l->sp, cmpspan);
	if (s->cfg.html) {
		/* a long line's later pieces: no number of their own */
		if (l->flags & LP_CONT)
			snprintf(t, sizeof t, "<span class=\"l\"><span class=\"n\"></span>");
		else
			snprintf(t, sizeof t, "<span class=\"l\"><span class=\"n\">%ld</span>", l->lineno);
		puts_(s, t);
	} else if (!(l->flags & LP_CONT)) {
		if (s->cfg.color)
			snprintf(t, sizeof t, "\033[2m%6ld\033[0m  ", l->lineno);
		else
			snprintf(t, sizeof t, "%6ld  ", l->lineno);
		puts_(s, t);
	}
	while (i < l->len) {
		int top = top_span(l, i);
		size_t e = l->len;

		/* the run up to the next place where the top span can change */
		for (j = 0; j < l->nsp; j++) {
			if (l->sp[j].s > i && l->sp[j].s < e)
				e = l->sp[j].s;
			if (l->sp[j].e > i && l->sp[j].e < e)
				e = l->sp[j].e;
		}
		if (top < 0) {
			(s->cfg.html ? html : plain)(b, l->text + i, e - i);
		} else if (s->cfg.html) {
			const struct span *sp = &l->sp[top];
			puts_(s, "<mark class=\"k-");
			puts_(s, kind_names[sp->kind]);
			puts_(s, "\" title=\"");
			/* every annotation over this run, innermost first */
			html(b, sp->title, strlen(sp->title));
			for (j = 0; j < l->nsp; j++)
				if ((int)j != top && l->sp[j].s <= i && i < l->sp[j].e) {
					lp_buf_add(b, "&#10;", 5);
					html(b, l->sp[j].title, strlen(l->sp[j].title));
				}
			puts_(s, "\">");
			html(b, l->text + i, e - i);
			puts_(s, "</mark>");
		} else {
			const struct span *sp = &l->sp[top];
			int opens = sp->s == i, closes = sp->e == e;
			if (s->cfg.color) {
				snprintf(t, sizeof t, "\033[%s;4m", kind_sgr[sp->kind]);
				puts_(s, t);
			}
			if (opens)
				puts_(s, "\xe2\x9f\xa6"); /* ⟦ */
			plain(b, l->text + i, e - i);
			if (closes)
				puts_(s, "\xe2\x9f\xa7"); /* ⟧ */
			if (s->cfg.color)
				puts_(s, "\033[0m");
		}
		i = e;
	}
	if (s->cfg.html)
		puts_(s, "</span>"); /* a block: no newline in the pre */
	else
		lp_buf_addc(b, '\n');
	if (!s->cfg.html) {
		/* under the line, what each annotation starting on it says */
		for (j = 0; j < l->nsp; j++) {
			if (!l->sp[j].first)
				continue;
			if (s->cfg.color) {
				snprintf(t, sizeof t, "        \033[%sm\xe2\x86\xb3 ", kind_sgr[l->sp[j].kind]);
				puts_(s, t);
			} else {
				puts_(s, "        \xe2\x86\xb3 ");
			}
			plain(b, l->sp[j].title, strlen(l->sp[j].title));
			puts_(s, s->cfg.color ? "\033[0m\n" : "\n");
		}
	}
	flush_out(s);
}

static void
free_line(struct sline *l)
{
	size_t j;

	for (j = 0; j < l->nsp; j++)
		free(l->sp[j].title);
	free(l->sp);
	free(l->text);
}

/* Write and drop the first k waiting lines. */
static void
release(struct lp_show *s, size_t k)
{
	size_t i;

	for (i = 0; i < k; i++) {
		write_line(s, &s->l[i]);
		s->bytes -= s->l[i].len;
		free_line(&s->l[i]);
	}
	if (k)
		memmove(s->l, s->l + k, (s->n - k) * sizeof *s->l);
	s->n -= k;
}

static void
doc_end(struct lp_show *s)
{
	release(s, s->n);
}

static void
doc_begin(struct lp_show *s, const char *doc)
{
	char t[64];
	struct docinfo *d;

	doc_end(s);
	if (s->cfg.html && s->doc)
		puts_(s, "</pre></section>\n");
	free(s->doc);
	s->doc = lp_xstrdup(doc);
	if (s->ndocs == s->cdocs) {
		s->cdocs = s->cdocs ? 2 * s->cdocs : 16;
		s->docs = lp_xrealloc(s->docs, s->cdocs * sizeof *s->docs);
	}
	d = &s->docs[s->ndocs++];
	memset(d, 0, sizeof *d);
	d->doc = lp_xstrdup(doc);
	if (s->cfg.html) {
		snprintf(t, sizeof t, "<section id=\"doc%zu\"><h2>", s->ndocs);
		puts_(s, t);
		html(&s->out, doc, strlen(doc));
		puts_(s, "</h2><pre>");
	} else {
		if (s->ndocs > 1)
			puts_(s, "\n");
		puts_(s, s->cfg.color ? "\033[1m== " : "== ");
		plain(&s->out, doc, strlen(doc));
		puts_(s, s->cfg.color ? " ==\033[0m\n" : " ==\n");
	}
	flush_out(s);
}

static void
add_line(struct lp_show *s, const struct lp_line *l)
{
	struct sline *n;

	if (s->after_ann) /* the last paragraph's rows have all come */
		release(s, s->n);
	s->after_ann = 0;
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 64;
		s->l = lp_xrealloc(s->l, s->cap * sizeof *s->l);
	}
	n = &s->l[s->n++];
	memset(n, 0, sizeof *n);
	n->lineno = l->lineno;
	n->flags = l->flags;
	n->text = lp_xstrndup(l->text, l->len);
	n->len = l->len;
	s->bytes += l->len;
	if (s->n > SHOW_WINDOW_LINES || s->bytes > SHOW_WINDOW_BYTES)
		release(s, 1);
}

static void
add_span(struct sline *l, size_t a, size_t e, size_t mlen, int kind, int first, const char *title)
{
	struct span *sp;

	if (l->nsp == l->csp) {
		l->csp = l->csp ? 2 * l->csp : 4;
		l->sp = lp_xrealloc(l->sp, l->csp * sizeof *l->sp);
	}
	sp = &l->sp[l->nsp++];
	sp->s = a;
	sp->e = e;
	sp->mlen = mlen;
	sp->kind = kind;
	sp->first = first;
	sp->title = lp_xstrdup(title);
}

/* f: the A record's fields after the type (doc line col ... context). */
static void
add_ann(struct lp_show *s, char **f, size_t *fl)
{
	long line = atol(f[1]), col = atol(f[2]);
	size_t i, off, left = fl[13];
	int kind = kind_of(f[6]), found = -1, first = 1;
	struct lp_buf t = { 0 };

	s->after_ann = 1;
	if (s->ndocs)
		s->docs[s->ndocs - 1].rows[kind]++;
	for (i = 0; i < s->n; i++)
		if (s->l[i].lineno == line) {
			found = (int)i;
			if (lp_u8_col_off(s->l[i].text, s->l[i].len, col) < s->l[i].len)
				break; /* of a long line's pieces, the one holding col */
		}
	if (found < 0) {
		lp_note("show: %s:%ld: the line of an annotation is not in the stream; not shown", f[0], line);
		return;
	}
	/* the note: kind label canonical value negated, and the rule */
	lp_buf_add(&t, f[6], fl[6]);
	lp_buf_addc(&t, ' ');
	lp_buf_add(&t, f[7], fl[7]);
	if (fl[8]) {
		lp_buf_add(&t, " ", 1);
		lp_buf_add(&t, f[8], fl[8]);
	}
	if (fl[9]) {
		lp_buf_add(&t, " ", 1);
		lp_buf_add(&t, f[9], fl[9]);
	}
	if (fl[10] == 1 && f[10][0] == '1')
		lp_buf_add(&t, " (negated)", 10);
	if (fl[11]) {
		lp_buf_add(&t, " under ", 7);
		lp_buf_add(&t, f[11], fl[11]);
	}
	lp_buf_add(&t, " [", 2);
	lp_buf_add(&t, f[12], fl[12]);
	lp_buf_add(&t, "]", 2); /* with its NUL: t.p is a string */
	/* the match, across line ends joined as the tag stage joins them */
	i = (size_t)found;
	off = lp_u8_col_off(s->l[i].text, s->l[i].len, col);
	for (;;) {
		struct sline *l = &s->l[i];
		size_t take = l->len - off < left ? l->len - off : left;

		if (take || left == 0) {
			add_span(l, off, off + take, fl[13], kind, first, t.p);
			first = 0; /* the note goes under the line where the match starts */
		}
		left -= take;
		if (left == 0 || ++i == s->n)
			break;
		if (!(s->l[i].flags & LP_CONT) && !(l->flags & LP_HYPHEN))
			left--; /* the space between two lines */
		off = 0;
	}
	lp_buf_free(&t);
}

struct lp_show *
lp_show_new(const struct lp_showcfg *cfg)
{
	struct lp_show *s = lp_xmalloc(sizeof *s);

	memset(s, 0, sizeof *s);
	s->cfg = *cfg;
	if (s->cfg.html)
		page_begin(s);
	return s;
}

void
lp_show_read(struct lp_show *s, FILE *fp, const char *name)
{
	struct lp_reader r;
	struct lp_line l;
	int rc;

	memset(&l, 0, sizeof l);
	lp_reader_init(&r, fp, name);
	while ((rc = lp_reader_next(&r)) > 0) {
		const char *why;

		if (r.toolong) {
			lp_warn("%s:%ld: record too long; dropped", name, r.recno);
			continue;
		}
		if (r.len < 2 || r.buf[1] != '\t')
			continue;
		switch (r.buf[0]) {
		case 'D':
			lp_reader_split(&r);
			doc_begin(s, r.f[1]);
			break;
		case 'L':
			lp_reader_split(&r);
			if (lp_parse_line(&r, &l, &why)) {
				lp_warn("%s:%ld: malformed record: %s", name, r.recno, why);
				break;
			}
			if (!s->doc || strcmp(s->doc, l.doc))
				doc_begin(s, l.doc);
			add_line(s, &l);
			break;
		case 'A':
			lp_reader_split(&r);
			if (r.nf != LP_ANN_FIELDS + 1) {
				lp_warn("%s:%ld: malformed record: an A record has 16 fields", name, r.recno);
				break;
			}
			add_ann(s, r.f + 1, r.flen + 1);
			break;
		case 'E':
			doc_end(s);
			break;
		}
	}
	if (rc < 0)
		lp_warn("%s: read error:", name);
	lp_map_free(&l.map);
	lp_reader_free(&r);
}

void
lp_show_finish(struct lp_show *s)
{
	size_t i;

	doc_end(s);
	if (s->cfg.html)
		page_end(s);
	flush_out(s);
	for (i = 0; i < s->ndocs; i++)
		free(s->docs[i].doc);
	free(s->docs);
	free(s->doc);
	free(s->l);
	lp_buf_free(&s->out);
	free(s);
}
