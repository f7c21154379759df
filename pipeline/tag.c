/*
 * tag.c - the tag stage's frame: paragraphs, engines, and the conversion of
 * hits into annotations.
 *
 * Paragraphs: hard-wrapped text breaks phrases across lines ("section 6 of"
 * / "article 44"), so lines are joined into paragraphs before tagging.  A
 * line continues the paragraph unless it is blank, belongs to another
 * document, starts like a heading or a numbered item, or follows a line that
 * ended a sentence while it starts a new one.  Paragraphs are capped
 * (PARA_MAX_BYTES, PARA_MAX_LINES) so memory stays bounded.
 */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "escape.h"
#include "normalize.h"
#include "prefilter.h"
#include "sentence.h"
#include "tagger.h"

#define PARA_MAX_BYTES (256 * 1024)
#define PARA_MAX_LINES 512

struct pline {
	size_t off, len; /* in the paragraph text */
	long lineno;
	uint64_t start;
	char lang[4];
	unsigned flags;
	long col0; /* characters of the same original line in earlier LP_CONT pieces */
	struct lp_map map;
};

struct hitrec {
	struct lp_hit h;
	size_t coff, voff, poff; /* strings in the arena */
	size_t seq;
};

struct set {
	char *name;
	const struct lp_engine *eng;
	void *st;
	struct lp_rules rules;
};

struct lp_tagger {
	struct lp_sink out;
	struct set *sets;
	int nsets;
	struct lp_docctx ctx;
	char *doc;
	struct lp_buf text;
	struct pline *lines;
	size_t nlines, lcap;
	struct hitrec *hits;
	size_t nhits, hcap;
	struct lp_buf arena;
	size_t *refs; /* indices of the ref hits with a canonical ID, in start order */
	size_t nrefs, rcap;
	struct lp_sentences sents; /* of the paragraph, for the hits' contexts */
	int verbose_check;
	long linecol; /* characters sent so far of the current original line */
	int only;     /* the one set to tag with (patterns --check), or -1 for all */
	struct lp_buf *prep; /* preparing (a worker of run -j): records go here */
	const struct lp_prepblock *(*get)(void *ctx, uint64_t start); /* reusing */
	void *getctx;
	uint64_t curid;      /* the block the cursor is in */
	size_t curpos;       /* the cursor: a record's offset in that block */
	int havecur;
};

static long chars(const char *s, size_t n);

static int
cmpstr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
load_set(struct set *s, const char *patdir, const char *name)
{
	size_t pl = strlen(patdir) + strlen(name) + 2;
	char *dir = lp_xmalloc(pl);
	int errs;

	snprintf(dir, pl, "%s/%s", patdir, name);
	s->name = lp_xstrdup(name);
	s->eng = lp_engine_for(name);
	errs = lp_rules_load(dir, &s->rules);
	if (!errs) {
		s->st = s->eng->load(&s->rules, dir);
		if (!s->st)
			errs = 1;
	}
	free(dir);
	return errs;
}

struct lp_tagger *
lp_tagger_new(const char *patdir, char **sets, int nsets, const struct lp_sink *out)
{
	struct lp_tagger *t = lp_xmalloc(sizeof *t);
	char **names = NULL;
	int n = 0, i, errs = 0;

	memset(t, 0, sizeof *t);
	t->only = -1;
	if (out)
		t->out = *out;
	if (nsets > 0) {
		names = lp_xmalloc((size_t)nsets * sizeof *names);
		for (i = 0; i < nsets; i++)
			names[n++] = lp_xstrdup(sets[i]);
	} else {
		DIR *d = opendir(patdir);
		struct dirent *e;

		if (!d) {
			lp_warn("%s:", patdir);
			free(t);
			return NULL;
		}
		while ((e = readdir(d))) {
			struct stat sb;
			size_t pl = strlen(patdir) + strlen(e->d_name) + 2;
			char *p;

			if (e->d_name[0] == '.')
				continue;
			p = lp_xmalloc(pl);
			snprintf(p, pl, "%s/%s", patdir, e->d_name);
			if (!stat(p, &sb) && S_ISDIR(sb.st_mode)) {
				names = lp_xrealloc(names, (size_t)(n + 1) * sizeof *names);
				names[n++] = lp_xstrdup(e->d_name);
			}
			free(p);
		}
		closedir(d);
		/* refs first: its headings and citations give the other sets
		 * their provision; then the rest in name order */
		if (n)
			qsort(names, (size_t)n, sizeof *names, cmpstr);
		for (i = 0; i < n; i++)
			if (!strcmp(names[i], "refs") && i > 0) {
				char *r = names[i];
				memmove(names + 1, names, (size_t)i * sizeof *names);
				names[0] = r;
			}
	}
	t->sets = lp_xmalloc((size_t)(n ? n : 1) * sizeof *t->sets);
	memset(t->sets, 0, (size_t)(n ? n : 1) * sizeof *t->sets);
	t->nsets = n;
	for (i = 0; i < n; i++) {
		errs += load_set(&t->sets[i], patdir, names[i]);
		free(names[i]);
	}
	free(names);
	if (errs) {
		lp_tagger_free(t);
		return NULL;
	}
	return t;
}

void
lp_tagger_free(struct lp_tagger *t)
{
	int i;
	size_t j;

	if (!t)
		return;
	for (i = 0; i < t->nsets; i++) {
		if (t->sets[i].st)
			t->sets[i].eng->free(t->sets[i].st);
		lp_rules_free(&t->sets[i].rules);
		free(t->sets[i].name);
	}
	free(t->sets);
	for (j = 0; j < t->lcap; j++)
		lp_map_free(&t->lines[j].map);
	free(t->lines);
	free(t->hits);
	free(t->refs);
	lp_sentences_free(&t->sents);
	lp_buf_free(&t->text);
	lp_buf_free(&t->arena);
	lp_buf_free(&t->ctx.provision);
	free(t->doc);
	free(t);
}

void
lp_tagger_doc_begin(struct lp_tagger *t, const char *doc)
{
	int i;

	lp_tagger_flush(t);
	free(t->doc);
	t->doc = lp_xstrdup(doc);
	t->ctx.doc = t->doc;
	t->ctx.provision.len = 0;
	for (i = 0; i < t->nsets; i++)
		if (t->sets[i].eng->doc_begin)
			t->sets[i].eng->doc_begin(t->sets[i].st, &t->ctx);
}

/* ---- paragraph assembly ---- */

static int
is_blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return 0;
	return 1;
}

static size_t
skip_space(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return i;
}

/* "12." "3)" "102-3." "а)" "•": the start of a numbered item or a list line. */
static int
starts_item(const char *s, size_t n)
{
	size_t i = skip_space(s, n), d = i;
	int l;

	while (d < n && ((s[d] >= '0' && s[d] <= '9') || (d > i && s[d] == '-' && d + 1 < n && s[d + 1] >= '0' && s[d + 1] <= '9')))
		d++;
	if (d > i && d < n && (s[d] == ')' || (s[d] == '.' && (d + 1 == n || s[d + 1] == ' '))))
		return 1;
	if (i < n && (unsigned char)s[i] >= 0x80) {
		uint32_t c = lp_u8dec(s + i, n - i, &l);
		if (c == 0x2022 || c == 0x25cf || c == 0x2013)
			return 1;
		/* "а)" "б)": a Cyrillic letter item */
		if (c >= 0x430 && c <= 0x44f && i + (size_t)l < n && s[i + (size_t)l] == ')')
			return 1;
	} else if (i + 1 < n && s[i] >= 'a' && s[i] <= 'z' && s[i + 1] == ')') {
		return 1;
	}
	return 0;
}

/* What ends a heading's designator: the line's end, a full stop, a dash. */
static int
heading_end(const char *s, size_t n, size_t d)
{
	while (d < n && s[d] == ' ')
		d++;
	return d == n || s[d] == '.' || s[d] == ':' || s[d] == '-' ||
	       (n - d >= 3 && !memcmp(s + d, "\xe2\x80\x93", 3));
}

/* Headings start with the unit word and a number: "Статья 44.", "Article 44.",
 * "44-бап.", "Глава 3", "Chapter 3", "3-тарау". */
static int
starts_heading(const char *s, size_t n)
{
	static const char *const words[] = { "Статья ", "СТАТЬЯ ", "Article ", "ARTICLE ",
		"Глава ", "ГЛАВА ", "Chapter ", "CHAPTER ", NULL };
	size_t i = skip_space(s, n), d;
	int k;

	for (k = 0; words[k]; k++) {
		size_t wl = strlen(words[k]);
		if (n - i > wl && !memcmp(s + i, words[k], wl) && s[i + wl] >= '0' && s[i + wl] <= '9') {
			/* "Article 488 of the CAO ..." continuing a wrapped
			 * citation is no heading: the number must end the line
			 * or be followed by a full stop or a dash */
			d = i + wl;
			while (d < n && ((s[d] >= '0' && s[d] <= '9') || s[d] == '-'))
				d++;
			return heading_end(s, n, d);
		}
	}
	d = i;
	while (d < n && ((s[d] >= '0' && s[d] <= '9') || s[d] == '-'))
		d++;
	if (d > i && s[d - 1] == '-' && d < n) {
		static const char *const kk[] = { "бап", "тарау", "БАП", "ТАРАУ", NULL };
		for (k = 0; kk[k]; k++)
			if (n - d >= strlen(kk[k]) && !memcmp(s + d, kk[k], strlen(kk[k])))
				return heading_end(s, n, d + strlen(kk[k]));
	}
	return 0;
}

static int
ends_sentence(const char *s, size_t n)
{
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '"' || s[n - 1] == ')'))
		n--;
	if (n >= 2 && (unsigned char)s[n - 2] == 0xc2 && (unsigned char)s[n - 1] == 0xbb) /* » */
		n -= 2;
	return n > 0 && strchr(".!?;:", s[n - 1]) != NULL;
}

static int
starts_sentence(const char *s, size_t n)
{
	size_t i = skip_space(s, n);
	int l;
	uint32_t c;

	if (i == n)
		return 0;
	c = lp_u8dec(s + i, n - i, &l);
	if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || strchr("(\"'", (int)c))
		return 1;
	return (c >= 0x400 && c <= 0x42f) || c == 0xab /* « */ || c == 0x2013 ||
	       c == 0x406 || c == 0x4d8 || c == 0x492 || c == 0x49a || c == 0x4a2 ||
	       c == 0x4e8 || c == 0x4b0 || c == 0x4ae || c == 0x4ba;
}

static int
continues(const struct lp_tagger *t, const struct lp_line *l)
{
	const struct pline *prev;
	const char *pt;

	if (t->nlines == 0 || strcmp(t->doc ? t->doc : "", l->doc))
		return 0;
	if (t->text.len + l->len > PARA_MAX_BYTES || t->nlines >= PARA_MAX_LINES)
		return 0;
	if (l->flags & LP_CONT)
		return 1;
	prev = &t->lines[t->nlines - 1];
	if (prev->flags & LP_HYPHEN)
		return 1;
	if (starts_item(l->text, l->len) || starts_heading(l->text, l->len))
		return 0;
	pt = t->text.p + t->lines[0].off;
	if (starts_heading(pt, t->lines[0].len) && t->nlines == 1)
		return 0;
	return !(ends_sentence(t->text.p + prev->off, prev->len) && starts_sentence(l->text, l->len));
}

void
lp_tagger_line(struct lp_tagger *t, const struct lp_line *l)
{
	struct pline *pl;

	if (!t->doc || strcmp(t->doc, l->doc))
		lp_tagger_doc_begin(t, l->doc);
	if (is_blank(l->text, l->len) && !(l->flags & LP_CONT)) {
		lp_tagger_flush(t);
		return;
	}
	if (!continues(t, l))
		lp_tagger_flush(t);
	if (t->nlines > 0 && !(l->flags & LP_CONT) && !(t->lines[t->nlines - 1].flags & LP_HYPHEN))
		lp_buf_addc(&t->text, ' ');
	if (t->nlines == t->lcap) {
		size_t old = t->lcap;
		t->lcap = t->lcap ? t->lcap * 2 : 16;
		t->lines = lp_xrealloc(t->lines, t->lcap * sizeof *t->lines);
		memset(t->lines + old, 0, (t->lcap - old) * sizeof *t->lines);
	}
	pl = &t->lines[t->nlines++];
	pl->off = t->text.len;
	pl->len = l->len;
	pl->lineno = l->lineno;
	pl->start = l->start;
	memcpy(pl->lang, l->lang, sizeof pl->lang);
	pl->flags = l->flags;
	/* a long line comes in LP_CONT pieces: columns count from its start */
	if (!(l->flags & LP_CONT))
		t->linecol = 0;
	pl->col0 = t->linecol;
	t->linecol += chars(l->text, l->len);
	lp_map_copy(&pl->map, &l->map);
	lp_buf_add(&t->text, l->text, l->len);
}

/* ---- hits to annotations ---- */

void
lp_para_hit(struct lp_para *p, const struct lp_hit *h)
{
	struct lp_tagger *t = p->t;
	struct hitrec *r;

	if (h->end <= h->start || h->end > p->len)
		return;
	if (t->nhits == t->hcap) {
		t->hcap = t->hcap ? t->hcap * 2 : 32;
		t->hits = lp_xrealloc(t->hits, t->hcap * sizeof *t->hits);
	}
	r = &t->hits[t->nhits];
	r->h = *h;
	r->seq = t->nhits++;
	lp_buf_reserve(&t->arena, 1); /* never NULL: emit_hits adds offsets to it */
	r->coff = t->arena.len;
	lp_buf_add(&t->arena, h->canonical.p, h->canonical.p ? h->canonical.n : 0);
	r->voff = t->arena.len;
	lp_buf_add(&t->arena, h->value.p, h->value.p ? h->value.n : 0);
	r->poff = t->arena.len;
	lp_buf_add(&t->arena, h->provision.p, h->provision.p ? h->provision.n : 0);
	r->h.canonical.n = h->canonical.p ? h->canonical.n : 0;
	r->h.value.n = h->value.p ? h->value.n : 0;
	r->h.provision.n = h->provision.p ? h->provision.n : 0;
}

static size_t
line_at(const struct lp_tagger *t, size_t off)
{
	size_t lo = 0, hi = t->nlines;

	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (t->lines[mid].off <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

const char *
lp_para_lang_at(const struct lp_para *p, size_t off)
{
	return p->t->nlines ? p->t->lines[line_at(p->t, off)].lang : "und";
}

static int
cmphit(const void *a, const void *b)
{
	const struct hitrec *x = a, *y = b;

	if (x->h.start != y->h.start)
		return x->h.start < y->h.start ? -1 : 1;
	if (x->h.end != y->h.end)
		return x->h.end > y->h.end ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Characters in s[0..n): bytes that are not UTF-8 continuation bytes
 * (10xxxxxx), eight at a time. */
static long
chars(const char *s, size_t n)
{
	long c = (long)n;
	size_t i = 0;

	for (; i + 8 <= n; i += 8) {
		uint64_t x, cont;
		memcpy(&x, s + i, 8);
		cont = (x & ~(x << 1) & 0x8080808080808080u) >> 7; /* 1 per continuation byte */
		c -= (long)((cont * 0x0101010101010101u) >> 56);
	}
	for (; i < n; i++)
		c -= ((unsigned char)s[i] & 0xc0) == 0x80;
	return c;
}

static void
emit_hits(struct lp_tagger *t)
{
	size_t i, j;
	const char *text = t->text.p;
	/* columns are counted from the last hit on the same line, not from the
	 * line start: hits come sorted, and a line can be a megabyte long */
	size_t cline = (size_t)-1, coff = 0;
	long ccol = 0;

	if (t->nhits)
		qsort(t->hits, t->nhits, sizeof *t->hits, cmphit);
	lp_sentences_text(&t->sents, text, t->text.len); /* asked in the hits' order */
	t->nrefs = 0;
	for (i = 0; i < t->nhits; i++) {
		if (strcmp(t->hits[i].h.kind, "ref") || !t->hits[i].h.canonical.n)
			continue;
		if (t->nrefs == t->rcap) {
			t->rcap = t->rcap ? t->rcap * 2 : 16;
			t->refs = lp_xrealloc(t->refs, t->rcap * sizeof *t->refs);
		}
		t->refs[t->nrefs++] = i;
	}
	for (i = 0; i < t->nhits; i++) {
		struct hitrec *r = &t->hits[i];
		const struct lp_hit *h = &r->h;
		size_t li = line_at(t, h->start), lj = line_at(t, h->end - 1), ss, se;
		const struct pline *a, *b;
		struct lp_ann ann;

		if (h->start >= t->lines[li].off + t->lines[li].len && li + 1 < t->nlines)
			li++; /* a match starting on the space that joins two lines */
		if (li > lj)
			continue; /* the match is only that space: no original bytes */
		a = &t->lines[li];
		b = &t->lines[lj];
		lp_sentence(&t->sents, h->start, h->end, &ss, &se);
		memset(&ann, 0, sizeof ann);
		ann.doc = t->doc;
		ann.line = a->lineno;
		{
			size_t at = h->start > a->off ? h->start : a->off;
			if (cline != li || at < coff) {
				cline = li;
				coff = a->off;
				ccol = 1 + a->col0;
			}
			ccol += chars(text + coff, at - coff);
			coff = at;
			ann.col = ccol;
		}
		ann.start = a->start + lp_map_orig(&a->map, h->start > a->off ? h->start - a->off : 0, 0);
		ann.end = b->start + lp_map_orig(&b->map, h->end - b->off > b->len ? b->len : h->end - b->off, 1);
		ann.lang = a->lang;
		ann.kind = h->kind;
		ann.label = h->label;
		ann.canonical = (struct lp_str){ t->arena.p + r->coff, h->canonical.n };
		ann.value = (struct lp_str){ t->arena.p + r->voff, h->value.n };
		ann.negated = h->negated;
		ann.provision = (struct lp_str){ t->arena.p + r->poff, h->provision.n };
		if (ann.provision.n == 0 && strcmp(h->kind, "ref") && strcmp(h->kind, "act")) {
			/* a restriction or penalty belongs to the provision cited in its sentence */
			size_t lo = 0, hi = t->nrefs;

			/* the first ref starting in the sentence: a binary search, so a
			 * paragraph of thousands of rows stays linear-logarithmic */
			while (lo < hi) {
				size_t mid = (lo + hi) / 2;
				if (t->hits[t->refs[mid]].h.start < ss)
					lo = mid + 1;
				else
					hi = mid;
			}
			for (j = lo; j < t->nrefs && t->hits[t->refs[j]].h.start < se; j++) {
				const struct hitrec *q = &t->hits[t->refs[j]];
				if (q->h.end <= se) {
					ann.provision = (struct lp_str){ t->arena.p + q->coff, q->h.canonical.n };
					break;
				}
			}
		}
		if (ann.provision.n == 0)
			ann.provision = (struct lp_str){ t->ctx.provision.p, t->ctx.provision.len };
		ann.rule = h->rule;
		ann.match = (struct lp_str){ text + h->start, h->end - h->start };
		ann.context = (struct lp_str){ text + ss, se - ss };
		if (t->out.ann)
			t->out.ann(t->out.ctx, &ann);
	}
}

/* The paragraph this thread's engines are tagging, for lp_tagging_line. */
static _Thread_local const struct lp_para *tagging;

long
lp_tagging_line(const char *s, size_t off)
{
	const struct lp_para *p = tagging;

	if (!p || s != p->text || off > p->len || p->t->nlines == 0)
		return 0;
	return p->t->lines[line_at(p->t, off)].lineno;
}

static void
tag_para(struct lp_tagger *t, struct lp_para *p, int only)
{
	int i;

	tagging = p;
	lp_prefilter_para(p->text, p->len); /* regexes skip a paragraph without their words */
	for (i = 0; i < t->nsets; i++)
		if (only < 0 || only == i)
			t->sets[i].eng->tag(t->sets[i].st, p);
	tagging = NULL;
	lp_prefilter_para(NULL, 0);
}

/* A slot that once held a long line's map keeps its capacity; give large
 * ones back, so crafted input cannot grow every slot to the largest line. */
static void
release_large(struct lp_tagger *t)
{
	size_t j;

	for (j = 0; j < t->nlines; j++)
		if (t->lines[j].map.cap > 4096)
			lp_map_free(&t->lines[j].map);
	if (t->text.cap > 4 * PARA_MAX_BYTES) {
		lp_buf_free(&t->text);
	}
}

/* ---- prepared paragraphs: run -j over blocks of one document ---- */

/* A record: the header, nlines recline, the lines' map segments, the text,
 * then per set a size_t length and that many bytes (the prescan, or the
 * hits as rechit with their strings after each); every part starts on an
 * 8-byte boundary.  The lines are all lp_tagger_take needs to stand in for
 * lp_tagger_line. */
struct rechead {
	uint64_t start;   /* original offset of the first line */
	size_t len;       /* of the whole record */
	size_t tlen, nlines, nseg;
};
struct recline {
	uint64_t start;
	size_t off, len;
	long lineno;      /* as the preparing tagger got it: from its block's start */
	long col0;
	unsigned flags;
	uint32_t nseg;
	char lang[4];
};
struct rechit {
	size_t start, end, cn, vn, pn;
	const char *kind, *label, *rule; /* owned by the preparing tagger's engines */
	int negated;
};

#define ALIGN8(n) (((n) + 7) & ~(size_t)7)

/* Where a record's text starts, and where its sets' part does. */
static size_t
rec_text(const struct rechead *h)
{
	return ALIGN8(sizeof *h + h->nlines * sizeof(struct recline) + h->nseg * sizeof(struct lp_seg));
}

static size_t
rec_sets(const struct rechead *h)
{
	return ALIGN8(rec_text(h) + h->tlen);
}

static void
pad8(struct lp_buf *b)
{
	static const char zero[8];

	if (b->len % 8)
		lp_buf_add(b, zero, 8 - b->len % 8);
}

void
lp_tagger_prepare(struct lp_tagger *t, struct lp_buf *out)
{
	t->prep = out;
}

void
lp_tagger_reuse(struct lp_tagger *t, const struct lp_prepblock *(*get)(void *ctx, uint64_t start), void *ctx)
{
	t->get = get;
	t->getctx = ctx;
	t->havecur = 0;
}

/* Frame the paragraph as a record: the context-free engines' hits, the
 * others' prescans. */
static void
prepare_para(struct lp_tagger *t, struct lp_para *p)
{
	struct lp_buf *b = t->prep;
	struct rechead h;
	size_t h0, i, k;
	int si;

	pad8(b);
	h0 = b->len;
	memset(&h, 0, sizeof h);
	lp_buf_add(b, &h, sizeof h);
	h.nseg = 0;
	for (i = 0; i < t->nlines; i++) {
		const struct pline *pl = &t->lines[i];
		struct recline rl;

		memset(&rl, 0, sizeof rl);
		rl.start = pl->start;
		rl.off = pl->off;
		rl.len = pl->len;
		rl.lineno = pl->lineno;
		rl.col0 = pl->col0;
		rl.flags = pl->flags;
		rl.nseg = (uint32_t)pl->map.nseg;
		memcpy(rl.lang, pl->lang, sizeof rl.lang);
		lp_buf_add(b, &rl, sizeof rl);
		h.nseg += pl->map.nseg;
	}
	for (i = 0; i < t->nlines; i++)
		if (t->lines[i].map.nseg)
			lp_buf_add(b, t->lines[i].map.seg, t->lines[i].map.nseg * sizeof(struct lp_seg));
	pad8(b);
	lp_buf_add(b, t->text.p, t->text.len);
	tagging = p;
	lp_prefilter_para(p->text, p->len);
	for (si = 0; si < t->nsets; si++) {
		const struct lp_engine *e = t->sets[si].eng;
		size_t l0, n;

		pad8(b);
		l0 = b->len;
		n = 0;
		lp_buf_add(b, &n, sizeof n);
		if (e->prescan && e->tag_pre) {
			e->prescan(t->sets[si].st, p, b);
		} else {
			t->nhits = 0;
			t->arena.len = 0;
			e->tag(t->sets[si].st, p);
			for (k = 0; k < t->nhits; k++) {
				const struct hitrec *r = &t->hits[k];
				struct rechit rh;

				memset(&rh, 0, sizeof rh);
				rh.start = r->h.start;
				rh.end = r->h.end;
				rh.cn = r->h.canonical.n;
				rh.vn = r->h.value.n;
				rh.pn = r->h.provision.n;
				rh.kind = r->h.kind;
				rh.label = r->h.label;
				rh.rule = r->h.rule;
				rh.negated = r->h.negated;
				lp_buf_add(b, &rh, sizeof rh);
				lp_buf_add(b, t->arena.p + r->coff, rh.cn);
				lp_buf_add(b, t->arena.p + r->voff, rh.vn);
				lp_buf_add(b, t->arena.p + r->poff, rh.pn);
			}
		}
		n = b->len - l0 - sizeof n;
		memcpy(b->p + l0, &n, sizeof n);
	}
	tagging = NULL;
	lp_prefilter_para(NULL, 0);
	t->nhits = 0;
	t->arena.len = 0;
	pad8(b);
	h.start = t->lines[0].start;
	h.len = b->len - h0;
	h.tlen = t->text.len;
	h.nlines = t->nlines;
	memcpy(b->p + h0, &h, sizeof h);
}

/* The record of the paragraph now framed, when one was prepared from the
 * same lines and text; else NULL. */
static const char *
find_record(struct lp_tagger *t)
{
	const struct lp_prepblock *b = t->get(t->getctx, t->lines[0].start);
	struct rechead h;
	const char *r;
	size_t i;
	long first = 0;

	if (!b)
		return NULL;
	if (!t->havecur || b->id != t->curid) {
		t->curid = b->id;
		t->curpos = 0;
		t->havecur = 1;
	}
	for (;;) {
		if (t->curpos + sizeof h > b->len)
			return NULL;
		memcpy(&h, b->p + t->curpos, sizeof h);
		if (h.start >= t->lines[0].start)
			break;
		t->curpos += h.len;
	}
	if (h.start != t->lines[0].start || h.tlen != t->text.len || h.nlines != t->nlines)
		return NULL;
	r = b->p + t->curpos + sizeof h;
	for (i = 0; i < t->nlines; i++, r += sizeof(struct recline)) {
		struct recline rl;
		memcpy(&rl, r, sizeof rl);
		if (i == 0)
			first = rl.lineno;
		if (rl.off != t->lines[i].off || rl.lineno - first != t->lines[i].lineno - t->lines[0].lineno ||
		    strncmp(rl.lang, t->lines[i].lang, sizeof rl.lang))
			return NULL;
	}
	r = b->p + t->curpos + rec_text(&h);
	if (t->text.len && memcmp(r, t->text.p, t->text.len))
		return NULL;
	return b->p + t->curpos;
}

/* Tag the paragraph from its record: hits in the order tag_para makes them. */
static void
tag_reused(struct lp_tagger *t, struct lp_para *p, const char *rec)
{
	struct rechead h;
	size_t off;
	int si;

	memcpy(&h, rec, sizeof h);
	off = rec_sets(&h);
	tagging = p;
	for (si = 0; si < t->nsets; si++) {
		const struct lp_engine *e = t->sets[si].eng;
		const char *q;
		size_t n;

		off = (off + 7) & ~(size_t)7;
		memcpy(&n, rec + off, sizeof n);
		q = rec + off + sizeof n;
		off += sizeof n + n;
		if (e->prescan && e->tag_pre) {
			e->tag_pre(t->sets[si].st, p, q, n);
			continue;
		}
		while (n > 0) {
			struct rechit rh;
			struct lp_hit hit;
			size_t l;

			memcpy(&rh, q, sizeof rh);
			memset(&hit, 0, sizeof hit);
			hit.start = rh.start;
			hit.end = rh.end;
			hit.kind = rh.kind;
			hit.label = rh.label;
			hit.rule = rh.rule;
			hit.negated = rh.negated;
			q += sizeof rh;
			hit.canonical = (struct lp_str){ q, rh.cn };
			hit.value = (struct lp_str){ q + rh.cn, rh.vn };
			hit.provision = (struct lp_str){ q + rh.cn + rh.vn, rh.pn };
			l = sizeof rh + rh.cn + rh.vn + rh.pn;
			q += rh.cn + rh.vn + rh.pn;
			n -= l;
			lp_para_hit(p, &hit);
		}
	}
	tagging = NULL;
}

static void para_of(struct lp_tagger *t, struct lp_para *p);

size_t
lp_tagger_take(struct lp_tagger *t, const char *rec, long lbase, const struct lp_langfix *fix, size_t nfix)
{
	struct rechead h;
	const char *q, *sq;
	struct lp_para p;
	size_t i, f = 0;
	int differ = 0;

	lp_tagger_flush(t);
	memcpy(&h, rec, sizeof h);
	if (h.nlines > t->lcap) {
		size_t old = t->lcap;
		while (t->lcap < h.nlines)
			t->lcap = t->lcap ? t->lcap * 2 : 16;
		t->lines = lp_xrealloc(t->lines, t->lcap * sizeof *t->lines);
		memset(t->lines + old, 0, (t->lcap - old) * sizeof *t->lines);
	}
	q = rec + sizeof h;
	sq = q + h.nlines * sizeof(struct recline);
	for (i = 0; i < h.nlines; i++) {
		struct pline *pl = &t->lines[i];
		struct recline rl;

		memcpy(&rl, q + i * sizeof rl, sizeof rl);
		pl->off = rl.off;
		pl->len = rl.len;
		pl->lineno = lbase + rl.lineno;
		pl->start = rl.start;
		pl->flags = rl.flags;
		pl->col0 = rl.col0;
		memcpy(pl->lang, rl.lang, sizeof pl->lang);
		/* the language the line takes from the one before it, when the
		 * preparing worker could not know that one */
		while (f < nfix && fix[f].start < rl.start)
			f++;
		if (f < nfix && fix[f].start == rl.start && strncmp(pl->lang, fix[f].lang, sizeof pl->lang)) {
			memcpy(pl->lang, fix[f].lang, sizeof pl->lang);
			differ = 1;
		}
		if (pl->map.cap < rl.nseg) {
			pl->map.cap = rl.nseg;
			pl->map.seg = lp_xrealloc(pl->map.seg, pl->map.cap * sizeof *pl->map.seg);
		}
		if (rl.nseg)
			memcpy(pl->map.seg, sq, rl.nseg * sizeof *pl->map.seg);
		pl->map.nseg = rl.nseg;
		sq += rl.nseg * sizeof(struct lp_seg);
	}
	t->nlines = h.nlines;
	t->text.len = 0;
	lp_buf_add(&t->text, rec + rec_text(&h), h.tlen);
	lp_buf_reserve(&t->text, 1);
	para_of(t, &p);
	t->nhits = 0;
	t->arena.len = 0;
	/* a line's language is another than the engines saw: tag afresh */
	if (differ)
		tag_para(t, &p, t->only);
	else
		tag_reused(t, &p, rec);
	emit_hits(t);
	release_large(t);
	t->nlines = 0;
	t->text.len = 0;
	t->nhits = 0;
	return h.len;
}

static void
para_of(struct lp_tagger *t, struct lp_para *p)
{
	memset(p, 0, sizeof *p);
	p->doc = t->doc;
	p->text = t->text.p;
	p->len = t->text.len;
	p->lang = t->lines[0].lang;
	p->ctx = &t->ctx;
	p->t = t;
}

void
lp_tagger_flush(struct lp_tagger *t)
{
	struct lp_para p;
	const char *rec;

	if (t->nlines == 0)
		return;
	memset(&p, 0, sizeof p);
	p.doc = t->doc;
	p.text = t->text.p;
	p.len = t->text.len;
	p.lang = t->lines[0].lang;
	p.ctx = &t->ctx;
	p.t = t;
	t->nhits = 0;
	t->arena.len = 0;
	if (t->prep) {
		prepare_para(t, &p);
		release_large(t);
		t->nlines = 0;
		t->text.len = 0;
		return;
	}
	if (t->get && (rec = find_record(t)))
		tag_reused(t, &p, rec);
	else
		tag_para(t, &p, t->only);
	emit_hits(t);
	release_large(t);
	t->nlines = 0;
	t->text.len = 0;
	t->nhits = 0;
}

/* ---- the sink for `run` ---- */

static void
s_doc(void *ctx, const char *doc, const char *enc)
{
	(void)enc;
	lp_tagger_doc_begin(ctx, doc);
}

static void
s_line(void *ctx, const struct lp_line *l)
{
	lp_tagger_line(ctx, l);
}

static void
s_end(void *ctx, const struct lp_docstats *st)
{
	(void)st;
	lp_tagger_flush(ctx);
}

void
lp_tagger_sink(struct lp_tagger *t, struct lp_sink *s)
{
	memset(s, 0, sizeof *s);
	s->ctx = t;
	s->doc_begin = s_doc;
	s->line = s_line;
	s->doc_end = s_end;
}

/* ---- example checking ---- */

struct collect {
	struct lp_buf got; /* summaries, one per line */
	int n;
	int from_rule;
	const char *rule;
};

static void
summary(struct lp_buf *b, const struct lp_ann *a)
{
	if (a->canonical.n) {
		lp_buf_add(b, a->canonical.p, a->canonical.n);
	} else {
		lp_buf_add(b, a->label, strlen(a->label));
		if (a->value.n) {
			lp_buf_addc(b, ' ');
			lp_buf_add(b, a->value.p, a->value.n);
		}
		if (a->negated)
			lp_buf_add(b, " negated", 8);
	}
	lp_buf_addc(b, '\n');
}

static void
c_ann(void *ctx, const struct lp_ann *a)
{
	struct collect *c = ctx;

	summary(&c->got, a);
	c->n++;
	if (!strcmp(a->rule, c->rule))
		c->from_rule = 1;
}

static int
cmpline(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sort the newline-separated items of b in place into a canonical string. */
static void
sort_items(struct lp_buf *b)
{
	char **items = NULL, *p, *copy;
	size_t n = 0, i, len = 0;

	lp_buf_addc(b, '\0');
	copy = lp_xstrdup(b->p);
	for (p = strtok(copy, "\n"); p; p = strtok(NULL, "\n")) {
		items = lp_xrealloc(items, (n + 1) * sizeof *items);
		items[n++] = p;
	}
	if (n)
		qsort(items, n, sizeof *items, cmpline);
	b->len = 0;
	for (i = 0; i < n; i++) {
		lp_buf_add(b, items[i], strlen(items[i]));
		lp_buf_add(b, i + 1 < n ? "; " : "", i + 1 < n ? 2 : 0);
		len++;
	}
	lp_buf_addc(b, '\0');
	b->len--;
	free(items);
	free(copy);
}

/* A rule with "role vocabulary" (a word list, an act of a catalogue) never
 * fires on its own: its examples show it at work inside other rules' hits. */
static int
is_vocabulary(const struct lp_rule *r)
{
	const char *role = lp_rule_get(r, "role", NULL);

	return role && !strcmp(role, "vocabulary");
}

static int
check_one(struct lp_tagger *t, int si, const struct lp_rule *r, const struct lp_kv *kv, int positive)
{
	struct collect c;
	struct lp_sink saved = t->out;
	struct lp_buf want = { 0 };
	char *text = lp_xstrdup(kv->val), *arrow = NULL, *line;
	size_t tlen;
	long lineno = 1;
	uint64_t off = 0;
	int fail = 0;

	memset(&c, 0, sizeof c);
	c.rule = r->id;
	if (positive) {
		char *a = strstr(text, " => ");
		/* the last " => " separates text from expectation */
		while (a) {
			arrow = a;
			a = strstr(a + 1, " => ");
		}
		if (!arrow) {
			lp_note("%s:%d: example without ' => expected'", r->file, kv->line);
			free(text);
			return 1;
		}
		*arrow = '\0';
		{
			char *e = arrow + 4, *s;
			for (s = strtok(e, ";"); s; s = strtok(NULL, ";")) {
				while (*s == ' ')
					s++;
				size_t l = strlen(s);
				while (l > 0 && s[l - 1] == ' ')
					l--;
				if (l == 0 || (l == 1 && *s == '-'))
					continue; /* "=> -" expects nothing */
				lp_buf_add(&want, s, l);
				lp_buf_addc(&want, '\n');
			}
		}
	}
	tlen = lp_unescape(text, strlen(text));
	text[tlen] = '\0';
	t->out.ctx = &c;
	t->out.ann = c_ann;
	free(t->doc);
	t->doc = lp_xstrdup(r->file);
	t->ctx.doc = t->doc;
	t->ctx.provision.len = 0;
	if (t->sets[si].eng->doc_begin)
		t->sets[si].eng->doc_begin(t->sets[si].st, &t->ctx);
	t->only = si;
	for (line = text; line;) {
		char *nl = strchr(line, '\n');
		size_t ll = nl ? (size_t)(nl - line) : strlen(line);
		struct lp_line l;

		memset(&l, 0, sizeof l);
		l.doc = t->doc;
		l.lineno = lineno++;
		l.start = off;
		l.end = off + ll;
		snprintf(l.lang, sizeof l.lang, "%s", lp_guess_lang(line, ll));
		lp_map_add(&l.map, (uint32_t)ll, (uint32_t)ll);
		l.text = line;
		l.len = ll;
		lp_tagger_line(t, &l); /* tags the paragraph it ends with set si only */
		lp_map_free(&l.map);
		off += ll + 1;
		line = nl ? nl + 1 : NULL;
	}
	lp_tagger_flush(t);
	t->only = -1;
	t->out = saved;
	sort_items(&c.got);
	sort_items(&want);
	if (positive) {
		if (strcmp(c.got.p, want.p)) {
			lp_note("%s:%d: rule %s: example \"%s\": want [%s], got [%s]", r->file, kv->line,
			        r->id, text, want.p, c.got.p);
			fail = 1;
		} else if (!c.from_rule && want.len && !is_vocabulary(r)) {
			lp_note("%s:%d: rule %s: example \"%s\" is matched, but by another rule", r->file,
			        kv->line, r->id, text);
			fail = 1;
		}
	} else if (c.n) {
		lp_note("%s:%d: rule %s: counter-example \"%s\" is matched: [%s]", r->file, kv->line,
		        r->id, text, c.got.p);
		fail = 1;
	}
	if (!fail && t->verbose_check)
		printf("ok %s:%d %s\n", r->file, kv->line, r->id);
	lp_buf_free(&c.got);
	lp_buf_free(&want);
	free(text);
	return fail;
}

int
lp_tagger_check(struct lp_tagger *t, int verbose)
{
	int i, fails = 0;
	size_t j, k;

	t->verbose_check = verbose;
	for (i = 0; i < t->nsets; i++) {
		const struct lp_rules *rs = &t->sets[i].rules;
		for (j = 0; j < rs->n; j++) {
			const struct lp_rule *r = &rs->r[j];
			int nex = 0;
			for (k = 0; k < r->nkv; k++) {
				if (!strcmp(r->kv[k].key, "example")) {
					fails += check_one(t, i, r, &r->kv[k], 1);
					nex++;
				} else if (!strcmp(r->kv[k].key, "not")) {
					fails += check_one(t, i, r, &r->kv[k], 0);
				}
			}
			if (nex == 0) {
				lp_note("%s:%d: rule %s has no example", r->file, r->line, r->id);
				fails++;
			}
		}
	}
	return fails;
}
