/*
 * parallel.c - documents on worker threads, rows in input order.
 *
 * A ring of `cap` job slots is the bounded queue: the calling thread adds
 * documents at the tail and writes finished ones from the head; workers
 * take them in between, in order.  Memory stays bounded whatever the input:
 * at most `cap` documents are in flight (16 a worker, so one long document
 * at the head does not leave the others idle), a worker holds one line of
 * its document and one paragraph (norm.c's and tag.c's own bounds), and a
 * document's rows past `spill` bytes (8 MiB over all slots) go to an
 * unlinked temporary file.
 *
 * Assumes what `run` assumes of the stages: a document's rows depend only
 * on that document (lp_tagger_doc_begin resets the tagger and every
 * engine), so any worker may tag any document.  An engine that kept state
 * from one document to the next would break -j; none may.
 *
 * One large regular file (twice the block size or more), when it is the
 * whole input (lp_parcfg.blocks), goes another way, big_file: workers
 * normalize, frame and prepare blocks of it (tag.c's lp_tagger_prepare:
 * each paragraph's lines, text, context-free hits and refs scans), cut
 * after an empty line, where -j 1's normalizer holds no state but the
 * language guess's context and its framer no paragraph; the calling thread
 * tags their paragraphs in order (lp_tagger_take), carrying the document
 * context, and settles each block's first languages from the guesses the
 * worker made from every possible context.  Exactness rests on those
 * conditions, checked per block (take_block); a block that fails one, and
 * the rest of the file, go to the fallback (renormalize): the calling
 * thread normalizes the file as -j 1 does, skipping what is tagged, and
 * uses a worker's paragraph only when it frames the same one
 * (lp_tagger_reuse).
 */
#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <pthread.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "escape.h"
#include "parallel.h"
#include "record.h"
#include "tagger.h"
#include "util.h"

#define SPILL_TOTAL (8u * 1024 * 1024) /* rows in memory over all slots */
#define SPILL_MIN (128u * 1024)
#define SLOTS_PER_WORKER 16 /* a long document at the head must not idle the others */
#define SLOTS_MAX 512       /* each queued document holds an open file */
#define STACK_SIZE (4u * 1024 * 1024)
#define DOCID_MAX 4096
#define COPY_BUF (64 * 1024)
#define BLOCK_DEFAULT (512u * 1024) /* bytes of a large document a worker prepares at once */
#define CUT_WINDOW (64 * 1024)
#define NPREV 4     /* what lp_langctx.prev can be: NULL, "en", "ru", "kk" */
#define FIX_MAX 4096 /* lines of a block whose language is not settled, at most */

/* A line of a block before the language guess settles: its language when
 * the line before the block had prev_name[v] as its context. */
struct bfix {
	uint64_t start;
	char lang[NPREV][4];
};

static const char *const prev_name[NPREV] = { NULL, "en", "ru", "kk" };

struct job {
	char *doc;
	int fd;
	int pipe;       /* fd is fed by lp_par_mapper: read it to its end */
	int done;       /* set by the worker, under the lock */
	struct lp_buf mem; /* rows not yet spilled */
	int spillfd;    /* -1, or the unlinked file holding the first rows */
	int failed;
	struct lp_docstats st;
	uint64_t rows;
	int block;         /* a block of the large document: records to prep */
	uint64_t boff;     /* its original bytes: [boff, boff + blen) */
	size_t blen;
	uint64_t id;
	struct lp_buf prep;
	/* what the calling thread needs to take the block's lines as they are */
	int inexact;       /* an end of it is no line boundary after an empty line */
	int unsure;        /* its lines may not be what -j 1 sends: see run_block */
	struct lp_docstats bst;
	long nuls;
	struct lp_buf fixes; /* struct bfix: the first lines, until the languages agree */
	size_t nfix;
	int conv, over;    /* the languages agree from some line on; too many fixes kept */
	int vconv[NPREV];  /* the guess from that context agrees with the one from none */
	signed char fin[NPREV]; /* by the language before the block: the one after it */
	char last[4];      /* the language of its last line */
};

struct worker {
	struct lp_par *par;
	pthread_t th;
	int started;
	struct lp_norm *nz;
	struct lp_tagger *t;
	struct lp_sink tagsink;
	struct job *cur;
	struct lp_norm *bnz;  /* for blocks: the large document's encoding forced */
	char benc[64];
	struct lp_buf bbuf;   /* the block's bytes */
	struct lp_langctx lc[NPREV]; /* the guess from each starting context */
	size_t line_max;
};

struct lp_par {
	struct lp_parcfg cfg;
	size_t spill;
	pthread_mutex_t mu;
	pthread_cond_t work, done;
	struct job *ring;
	size_t cap;
	size_t head, take, tail; /* written < head <= take <= tail: sequence numbers */
	int closing;
	struct worker *w;
	int nw;
	struct lp_parstats st;
	/* a large document, tagged in blocks (big_file) */
	size_t block;            /* block size */
	struct lp_tagger *mt;    /* the calling thread's tagger, in document order */
	struct lp_norm *mnz;
	struct lp_buf mout;      /* its rows not yet written */
	uint64_t mrows;
	int bigfd;
	const char *bigdoc;
	uint64_t bigsize, next, nextid;
	char enc[64];            /* "" until its D record */
	struct lp_prepblock cur;
	int loaded;              /* workers with their patterns loaded */
	int next_inexact;        /* the next block's start is no sure cut */
	uint64_t skip_to;        /* the fallback: lines before this are tagged already */
	int fresh;               /* the fallback tags the document from its start */
	struct lp_buf fixbuf;    /* struct lp_langfix for the block being taken */
};

/* ---- a worker's side ---- */

static void
spill(struct job *j)
{
	if (j->spillfd < 0) {
		const char *dir = getenv("TMPDIR");
		size_t n = strlen(dir && *dir ? dir : "/tmp") + 32;
		char *path = lp_xmalloc(n);

		snprintf(path, n, "%s/lexpipe-rows-XXXXXX", dir && *dir ? dir : "/tmp");
		j->spillfd = mkstemp(path);
		if (j->spillfd < 0)
			lp_die("%s:", path);
		unlink(path);
		free(path);
	}
	{
		size_t off = 0;
		while (off < j->mem.len) {
			ssize_t w = write(j->spillfd, j->mem.p + off, j->mem.len - off);
			if (w < 0 && errno == EINTR)
				continue;
			if (w <= 0)
				lp_die("temporary file for rows: write error:");
			off += (size_t)w;
		}
	}
	j->mem.len = 0;
}

static void
w_ann(void *ctx, const struct lp_ann *a)
{
	struct worker *w = ctx;
	struct job *j = w->cur;

	if (w->par->cfg.fmt) {
		/* the writers of format.c keep no state: each thread has its buffer */
		struct lp_str f[LP_NCOLS];
		char nums[5][24];

		lp_fmt_ann_fields(a, f, nums);
		lp_fmt_row(w->par->cfg.fmt, f, &j->mem);
	} else {
		lp_rec_ann(&j->mem, a, "");
	}
	j->rows++;
	if (j->mem.len >= w->par->spill)
		spill(j);
}

/* A block's lines: numbered from the block's start, offsets from the file's. */
static void
b_doc(void *ctx, const char *doc, const char *enc)
{
	struct worker *w = ctx;

	(void)enc;
	lp_tagger_doc_begin(w->t, doc);
}

static int
prev_index(const char *prev)
{
	int v;

	for (v = 1; v < NPREV; v++)
		if (prev && !strcmp(prev, prev_name[v]))
			return v;
	return prev ? -1 : 0;
}

/* The language guess carries from line to line (lp_langctx.prev), and the
 * block's first lines had none before them here: from each other context
 * the line before the block may have left, guess the lines again until
 * the guess from that context agrees with the one from none (from then on
 * they are the same: the guess is a function of the line and the context)
 * and keep each line's guesses until all agree -- normally after a line or
 * two; a Russian text can keep a "kk" start apart for long, and past
 * FIX_MAX lines that start is given up.  The guess from no context must be
 * what norm.c gave (its windows-1251 path reads raw bytes), or the block is
 * unsure. */
static void
b_lang(struct worker *w, struct job *j, const struct lp_line *l, uint64_t start)
{
	struct bfix fx;
	int v, open = 0;

	memset(&fx, 0, sizeof fx);
	fx.start = start;
	snprintf(fx.lang[0], sizeof fx.lang[0], "%s", lp_lang_line(&w->lc[0], l->text, l->len));
	if (strncmp(fx.lang[0], l->lang, sizeof fx.lang[0]))
		j->unsure = 1;
	for (v = 1; v < NPREV; v++) {
		if (j->vconv[v]) {
			memcpy(fx.lang[v], fx.lang[0], sizeof fx.lang[v]);
			continue;
		}
		snprintf(fx.lang[v], sizeof fx.lang[v], "%s", lp_lang_line(&w->lc[v], l->text, l->len));
		if (prev_index(w->lc[v].prev) == prev_index(w->lc[0].prev))
			j->vconv[v] = 1;
		else
			open = 1;
	}
	if (j->nfix < FIX_MAX) {
		lp_buf_add(&j->fixes, &fx, sizeof fx);
		j->nfix++;
	} else {
		j->over = 1;
	}
	j->conv = !open;
}

static void
b_line(void *ctx, const struct lp_line *l)
{
	struct worker *w = ctx;
	struct job *j = w->cur;
	struct lp_line c = *l;

	c.start += j->boff;
	c.end += j->boff;
	/* a piece of a long line: where norm.c splits it depends on where its
	 * reads end, which differ here (a line of exactly line_max bytes is
	 * split or not) */
	if ((l->flags & LP_CONT) || l->end - l->start >= w->line_max)
		j->unsure = 1;
	if (!j->conv && !j->over)
		b_lang(w, j, l, c.start);
	memcpy(j->last, l->lang, sizeof j->last);
	lp_tagger_line(w->t, &c);
}

static void
b_end(void *ctx, const struct lp_docstats *st)
{
	struct worker *w = ctx;

	(void)st;
	lp_tagger_flush(w->t);
}

/* Normalize and frame one block of the large document and prepare its
 * paragraphs (tag.c's records); the calling thread uses those that it
 * frames the same. */
static void
run_block(struct worker *w, struct job *j)
{
	struct lp_par *p = w->par;
	struct lp_sink sink;
	struct lp_docstats st;
	size_t got = 0;

	w->cur = j;
	lp_buf_reserve(&w->bbuf, j->blen + 1);
	while (got < j->blen) {
		ssize_t n = pread(p->bigfd, w->bbuf.p + got, j->blen - got, (off_t)(j->boff + got));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break; /* the calling thread reports read errors; a short block only matches less */
		got += (size_t)n;
	}
	/* a block starting with what a BOM would be has it skipped */
	if (got < j->blen || (got >= 2 && ((unsigned char)w->bbuf.p[0] == 0xff || (unsigned char)w->bbuf.p[0] == 0xfe) &&
	                      ((unsigned char)w->bbuf.p[1] == 0xff || (unsigned char)w->bbuf.p[1] == 0xfe)) ||
	    (got >= 3 && !memcmp(w->bbuf.p, "\xef\xbb\xbf", 3)))
		j->unsure = 1;
	if (!w->bnz || strcmp(w->benc, p->enc)) {
		struct lp_normcfg cfg = *p->cfg.norm;

		lp_norm_free(w->bnz);
		snprintf(w->benc, sizeof w->benc, "%s", p->enc);
		cfg.from = w->benc;
		w->bnz = lp_norm_new(&cfg);
		w->line_max = cfg.line_max ? cfg.line_max : LP_LINE_MAX_DEFAULT;
		if (w->line_max < 16)
			w->line_max = 16;
	}
	{
		int v;
		for (v = 0; v < NPREV; v++)
			w->lc[v].prev = prev_name[v];
	}
	j->fixes.len = 0;
	j->nfix = 0;
	j->conv = j->over = 0;
	memset(j->vconv, 0, sizeof j->vconv);
	j->vconv[0] = 1;
	j->last[0] = '\0';
	memset(&sink, 0, sizeof sink);
	sink.ctx = w;
	sink.doc_begin = b_doc;
	sink.line = b_line;
	sink.doc_end = b_end;
	j->prep.len = 0;
	/* the records hold the text and a little more: grown from nothing
	 * they were copied over and over */
	lp_buf_reserve(&j->prep, 2 * got + 4096);
	lp_tagger_prepare(w->t, &j->prep);
	if (lp_norm_mem(w->bnz, w->bbuf.p, got, p->bigdoc, &sink, &st) < 0)
		j->unsure = 1;
	lp_tagger_flush(w->t);
	lp_tagger_prepare(w->t, NULL);
	j->bst = st;
	j->nuls = lp_norm_nuls(w->bnz);
	{
		/* the context after the block, by the one before it: once the
		 * guesses agree, a line's language is its context after it */
		int v;
		for (v = 0; v < NPREV; v++)
			j->fin[v] = (signed char)(j->vconv[v] ? prev_index(j->last[0] && strcmp(j->last, "und") ? j->last : NULL)
			                                      : j->over ? -1 : prev_index(w->lc[v].prev));
	}
	if (w->bbuf.cap > 4 * p->block)
		lp_buf_free(&w->bbuf);
	w->cur = NULL;
}

static void
run_job(struct worker *w, struct job *j)
{
	if (j->block) {
		run_block(w, j);
		return;
	}
	w->cur = j;
	if (lp_norm_fd(w->nz, j->fd, j->doc, &w->tagsink, &j->st) < 0)
		j->failed = 1;
	lp_tagger_flush(w->t);
	if (j->pipe) {
		/* the feeder writes the whole record whatever happened here */
		char buf[4096];
		ssize_t n;
		while ((n = read(j->fd, buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR))
			;
	}
	close(j->fd);
	j->fd = -1;
	w->cur = NULL;
}

static int
load_worker(struct worker *w)
{
	struct lp_par *p = w->par;
	struct lp_sink out;

	memset(&out, 0, sizeof out);
	out.ctx = w;
	out.ann = w_ann;
	w->t = lp_tagger_new(p->cfg.patdir, p->cfg.sets, p->cfg.nsets, &out);
	if (!w->t)
		return -1;
	lp_tagger_sink(w->t, &w->tagsink);
	w->nz = lp_norm_new(p->cfg.norm);
	return 0;
}

static void *
worker_main(void *arg)
{
	struct worker *w = arg;
	struct lp_par *p = w->par;

	if (!w->t && load_worker(w))
		lp_die("cannot load the patterns again");
	pthread_mutex_lock(&p->mu);
	p->loaded++;
	pthread_cond_broadcast(&p->done);
	pthread_mutex_unlock(&p->mu);
	for (;;) {
		struct job *j;

		pthread_mutex_lock(&p->mu);
		while (p->take == p->tail && !p->closing)
			pthread_cond_wait(&p->work, &p->mu);
		if (p->take == p->tail) {
			pthread_mutex_unlock(&p->mu);
			return NULL;
		}
		j = &p->ring[p->take++ % p->cap];
		pthread_mutex_unlock(&p->mu);

		run_job(w, j);

		pthread_mutex_lock(&p->mu);
		j->done = 1;
		pthread_cond_broadcast(&p->done);
		pthread_mutex_unlock(&p->mu);
	}
}

/* ---- the calling thread's side ---- */

static void
write_job(struct lp_par *p, struct job *j)
{
	if (j->spillfd >= 0) {
		char *buf = lp_xmalloc(COPY_BUF);
		ssize_t n;

		if (lseek(j->spillfd, 0, SEEK_SET) < 0)
			lp_die("temporary file for rows:");
		while ((n = read(j->spillfd, buf, COPY_BUF)) != 0) {
			if (n < 0) {
				if (errno == EINTR)
					continue;
				lp_die("temporary file for rows: read error:");
			}
			lp_out(buf, (size_t)n);
		}
		free(buf);
		close(j->spillfd);
		j->spillfd = -1;
	}
	lp_out(j->mem.p, j->mem.len);
	lp_out_check();
	if (j->st.enc)
		p->st.docs++;
	p->st.lines += (uint64_t)j->st.lines;
	p->st.bytes += j->st.bytes;
	p->st.invalid += (uint64_t)j->st.invalid;
	p->st.repairs += (uint64_t)j->st.repairs;
	p->st.rows += j->rows;
	p->st.failed += (uint64_t)j->failed;
	/* the slot is reused: keep a buffer of ordinary size, drop a big one */
	if (j->mem.cap > 2 * p->spill)
		lp_buf_free(&j->mem);
	j->mem.len = 0;
	free(j->doc);
	j->doc = NULL;
}

/* Write the finished documents at the head; called with the lock held,
 * which it drops while writing. */
static void
write_ready(struct lp_par *p)
{
	while (p->head < p->take && p->ring[p->head % p->cap].done) {
		struct job *j = &p->ring[p->head % p->cap];

		pthread_mutex_unlock(&p->mu);
		write_job(p, j);
		pthread_mutex_lock(&p->mu);
		j->done = 0;
		p->head++;
	}
}

static void m_ann(void *ctx, const struct lp_ann *a);

/* The calling thread's tagger, for a large file. */
static void
load_main(struct lp_par *p)
{
	struct lp_sink out;

	memset(&out, 0, sizeof out);
	out.ctx = p;
	out.ann = m_ann;
	p->mt = lp_tagger_new(p->cfg.patdir, p->cfg.sets, p->cfg.nsets, &out);
	if (!p->mt)
		lp_die("cannot load the patterns again");
	p->mnz = lp_norm_new(p->cfg.norm);
}

struct lp_par *
lp_par_new(const struct lp_parcfg *cfg)
{
	struct lp_par *p = lp_xmalloc(sizeof *p);
	pthread_attr_t attr;
	size_t i;
	int k;

	memset(p, 0, sizeof *p);
	p->cfg = *cfg;
	p->cfg.patdir = lp_xstrdup(cfg->patdir); /* a large file loads them again, later */
	p->nw = cfg->jobs > 0 ? cfg->jobs : 1;
	/* the writer waits for the document at the head; meanwhile the other
	 * workers go on with the ones behind it, as far as the ring reaches */
	p->cap = SLOTS_PER_WORKER * (size_t)p->nw;
	if (p->cap > SLOTS_MAX)
		p->cap = SLOTS_MAX > 2 * (size_t)p->nw ? SLOTS_MAX : 2 * (size_t)p->nw;
	p->spill = cfg->spill ? cfg->spill : SPILL_TOTAL / p->cap;
	p->block = cfg->block ? cfg->block : BLOCK_DEFAULT;
	p->bigfd = -1;
	if (p->spill < SPILL_MIN)
		p->spill = SPILL_MIN;
	p->ring = lp_xmalloc(p->cap * sizeof *p->ring);
	memset(p->ring, 0, p->cap * sizeof *p->ring);
	for (i = 0; i < p->cap; i++)
		p->ring[i].spillfd = p->ring[i].fd = -1;
	p->w = lp_xmalloc((size_t)p->nw * sizeof *p->w);
	memset(p->w, 0, (size_t)p->nw * sizeof *p->w);
#ifdef M_ARENA_MAX
	/* one malloc arena: per-thread arenas reserve 64 MiB of address space
	 * each, which a `ulimit -v` bound would count; the hot path does not
	 * allocate, so the shared arena costs nothing measurable */
	mallopt(M_ARENA_MAX, 1);
#endif
	for (k = 0; k < p->nw; k++)
		p->w[k].par = p;
	/* The first worker's patterns are loaded here, so errors in them are
	 * printed once; then the other workers load theirs on their threads.
	 * Loading registers regexes with prefilter.c, which must not happen
	 * while a thread tags: lp_par_new returns when every load is done, and
	 * this thread's own tagger for a large file is loaded here too, while
	 * the workers load theirs, when one file is the input (cfg.blocks);
	 * else by big_file, while the workers are idle. */
	if (load_worker(&p->w[0])) {
		lp_par_finish(p, NULL);
		return NULL;
	}
	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->work, NULL);
	pthread_cond_init(&p->done, NULL);
	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, STACK_SIZE);
	for (k = 0; k < p->nw; k++) {
		int e = pthread_create(&p->w[k].th, &attr, worker_main, &p->w[k]);
		if (e) {
			errno = e;
			lp_die("cannot start a thread:");
		}
		p->w[k].started = 1;
	}
	pthread_attr_destroy(&attr);
	if (cfg->blocks && p->nw > 1)
		load_main(p); /* while the workers load theirs */
	pthread_mutex_lock(&p->mu);
	while (p->loaded < p->nw)
		pthread_cond_wait(&p->done, &p->mu);
	pthread_mutex_unlock(&p->mu);
	return p;
}

void
lp_par_drain(struct lp_par *p)
{
	pthread_mutex_lock(&p->mu);
	write_ready(p);
	pthread_mutex_unlock(&p->mu);
}

static void
add(struct lp_par *p, const char *doc, int fd, int is_pipe)
{
	struct job *j;

	pthread_mutex_lock(&p->mu);
	for (;;) {
		write_ready(p);
		if (p->tail - p->head < p->cap)
			break;
		pthread_cond_wait(&p->done, &p->mu);
	}
	j = &p->ring[p->tail % p->cap];
	j->doc = lp_xstrdup(doc);
	j->fd = fd;
	j->pipe = is_pipe;
	j->done = 0;
	j->failed = 0;
	j->rows = 0;
	memset(&j->st, 0, sizeof j->st);
	p->tail++;
	pthread_cond_signal(&p->work);
	pthread_mutex_unlock(&p->mu);
}

/* ---- one large document in blocks ---- */

/* The end of the block that starts at from: after the first empty line
 * (two line ends in a row, in code units) past from + block, where norm.c
 * has just ended a line and the framer a paragraph, so a worker that
 * starts there from scratch sends the lines -j 1 sends (but for the
 * language guess, which the calling thread settles).  Not before what a
 * BOM would be (a worker would skip it), nor between a CR and an LF.
 * When there is none within a block's length, the cut is at from + block
 * and *exact is 0: the next block is then tagged by the fallback. */
static uint64_t
find_cut(struct lp_par *p, uint64_t from, int *exact)
{
	static const char *const pat8[] = { "\n\n", "\n\r\n", "\r\r", NULL };
	static const char *const le[] = { "\n\0\n\0", "\n\0\r\0\n\0", NULL };
	static const char *const be[] = { "\0\n\0\n", "\0\n\0\r\0\n", NULL };
	static const size_t len8[] = { 2, 3, 2 }, len16[] = { 4, 6 };
	int u16 = !strcmp(p->enc, "UTF-16LE") || !strcmp(p->enc, "UTF-16BE");
	const char *const *pat = !strcmp(p->enc, "UTF-16LE") ? le : !strcmp(p->enc, "UTF-16BE") ? be : pat8;
	const size_t *plen = u16 ? len16 : len8;
	uint64_t target = from + p->block, pos;
	char *buf;

	*exact = 1;
	if (target >= p->bigsize || p->bigsize - target < p->block / 4)
		return p->bigsize;
	if (u16)
		target -= target % 2;
	buf = lp_xmalloc(CUT_WINDOW);
	for (pos = target; pos < p->bigsize && pos - target < p->block; pos += CUT_WINDOW - 16) {
		ssize_t n = pread(p->bigfd, buf, CUT_WINDOW, (off_t)pos);
		size_t i;
		int k;

		if (n <= 0)
			break;
		for (i = 0; i < (size_t)n; i += u16 ? 2 : 1)
			for (k = 0; pat[k]; k++) {
				size_t c = i + plen[k];
				const unsigned char *u = (const unsigned char *)buf + c;

				/* the three bytes after the cut must be here to look at */
				if (c + 3 > (size_t)n || memcmp(buf + i, pat[k], plen[k]))
					continue;
				if (!memcmp(u, "\xef\xbb\xbf", 3) || (u[0] == 0xff && u[1] == 0xfe) ||
				    (u[0] == 0xfe && u[1] == 0xff) || (pat[k] == pat8[2] && u[0] == '\n'))
					continue;
				free(buf);
				return pos + c;
			}
	}
	free(buf);
	*exact = 0;
	return target;
}

/* Queue blocks while fewer than two a worker are in flight; lock held. */
static void
dispatch(struct lp_par *p)
{
	while (p->next < p->bigsize && p->tail - p->head < 2 * (size_t)p->nw + 2 &&
	       p->tail - p->head < p->cap) {
		struct job *j = &p->ring[p->tail % p->cap];
		uint64_t end;
		int exact;

		pthread_mutex_unlock(&p->mu);
		end = find_cut(p, p->next, &exact);
		pthread_mutex_lock(&p->mu);
		j->block = 1;
		j->boff = p->next;
		j->blen = (size_t)(end - p->next);
		j->id = ++p->nextid;
		j->done = 0;
		j->prep.len = 0;
		/* a block cut inside a paragraph or line at either end */
		j->inexact = p->next_inexact || !exact;
		j->unsure = 0;
		p->next_inexact = !exact;
		p->next = end;
		p->tail++;
		pthread_cond_signal(&p->work);
	}
}

/* Drop a finished block; lock held. */
static void
retire(struct lp_par *p)
{
	struct job *j = &p->ring[p->head % p->cap];

	while (!j->done)
		pthread_cond_wait(&p->done, &p->mu);
	/* the ring's slots go round: a slot must not keep a block's records */
	lp_buf_free(&j->prep);
	lp_buf_free(&j->fixes);
	j->block = 0;
	j->done = 0;
	p->head++;
}

/* tag.c asks for the block holding the paragraph that starts at start. */
static const struct lp_prepblock *
get_block(void *ctx, uint64_t start)
{
	struct lp_par *p = ctx;
	struct job *j;

	if (!p->enc[0])
		return NULL;
	pthread_mutex_lock(&p->mu);
	while (p->head < p->tail) {
		j = &p->ring[p->head % p->cap];
		if (j->boff + j->blen > start)
			break;
		retire(p);
	}
	dispatch(p);
	if (p->head == p->tail || (j = &p->ring[p->head % p->cap])->boff > start) {
		pthread_mutex_unlock(&p->mu);
		return NULL;
	}
	while (!j->done)
		pthread_cond_wait(&p->done, &p->mu);
	pthread_mutex_unlock(&p->mu);
	p->cur.p = j->prep.p ? j->prep.p : "";
	p->cur.len = j->prep.len;
	p->cur.id = j->id;
	return &p->cur;
}

static void
m_ann(void *ctx, const struct lp_ann *a)
{
	struct lp_par *p = ctx;
	struct lp_str f[LP_NCOLS];
	char nums[5][24];

	if (p->cfg.fmt) {
		lp_fmt_ann_fields(a, f, nums);
		lp_fmt_row(p->cfg.fmt, f, &p->mout);
	} else {
		lp_rec_ann(&p->mout, a, "");
	}
	p->mrows++;
	if (p->mout.len >= COPY_BUF) {
		lp_out(p->mout.p, p->mout.len);
		p->mout.len = 0;
	}
}

static void
m_doc(void *ctx, const char *doc, const char *enc)
{
	struct lp_par *p = ctx;

	snprintf(p->enc, sizeof p->enc, "%s", enc ? enc : "");
	pthread_mutex_lock(&p->mu);
	dispatch(p);
	pthread_mutex_unlock(&p->mu);
	if (p->fresh)
		lp_tagger_doc_begin(p->mt, doc);
}

static void
m_line(void *ctx, const struct lp_line *l)
{
	struct lp_par *p = ctx;

	if (l->start >= p->skip_to)
		lp_tagger_line(p->mt, l);
}

static void
m_end(void *ctx, const struct lp_docstats *st)
{
	struct lp_par *p = ctx;

	(void)st;
	lp_tagger_flush(p->mt);
}

/* The fallback, as -j 1 would but for the blocks the workers prepared: the
 * calling thread reads, normalizes and frames the file itself -- from its
 * start, skipping the lines before skip_to, which are tagged already (fresh
 * 0) -- and tags each paragraph, with a worker's record when the worker
 * framed the paragraph the same (the context-free engines' hits, the refs
 * pre-scan), else from scratch.  Returns what lp_norm_fd returns. */
static int
renormalize(struct lp_par *p, const char *doc, int fd, struct lp_docstats *st)
{
	struct lp_sink sink;
	int rc;

	memset(&sink, 0, sizeof sink);
	sink.ctx = p;
	sink.doc_begin = m_doc;
	sink.line = m_line;
	sink.doc_end = m_end;
	lp_tagger_reuse(p->mt, get_block, p);
	rc = lp_norm_fd(p->mnz, fd, doc, &sink, st);
	lp_tagger_flush(p->mt);
	lp_tagger_reuse(p->mt, NULL, NULL);
	return rc;
}

/* Tag the block at the head from its records: its lines are -j 1's, and
 * *prev, the language context before it, picks its first lines' languages
 * (then the one after it).  0, or -1 when the block cannot be taken so:
 * the fallback tags it and what follows. */
static int
take_block(struct lp_par *p, struct job *j, int *prev, long *lbase)
{
	size_t pos, i;
	int v = *prev;

	if (j->inexact || j->unsure || v < 0 || j->fin[v] < 0)
		return -1;
	if (j->boff + j->blen == p->bigsize) {
		/* the last block: the file has not grown since (a line read to
		 * a longer end would be another line) */
		char c;
		if (pread(p->bigfd, &c, 1, (off_t)p->bigsize) != 0)
			return -1;
	}
	p->fixbuf.len = 0;
	if (v != 0)
		for (i = 0; i < j->nfix; i++) {
			struct bfix fx;
			struct lp_langfix lf;

			memcpy(&fx, j->fixes.p + i * sizeof fx, sizeof fx);
			if (!strncmp(fx.lang[v], fx.lang[0], sizeof fx.lang[0]))
				continue;
			memset(&lf, 0, sizeof lf);
			lf.start = fx.start;
			memcpy(lf.lang, fx.lang[v], sizeof lf.lang);
			lp_buf_add(&p->fixbuf, &lf, sizeof lf);
		}
	for (pos = 0; pos < j->prep.len;)
		pos += lp_tagger_take(p->mt, j->prep.p + pos, *lbase, (const struct lp_langfix *)(void *)p->fixbuf.p,
		                      p->fixbuf.len / sizeof(struct lp_langfix));
	*lbase += j->bst.lines;
	*prev = j->fin[v];
	return 0;
}

/* One large regular file: workers normalize, frame and prepare blocks of
 * it (cut after an empty line, where -j 1's normalizer and framer hold no
 * state but the language context); the calling thread tags their records
 * in order, carrying the document context (refs' title, headings,
 * aliases) and settling the first lines' languages of each block, and
 * writes the rows.  A block whose lines may differ from -j 1's (inexact or
 * unsure) and all after it go to the fallback, renormalize. */
static void
big_file(struct lp_par *p, const char *doc, int fd, uint64_t size)
{
	struct lp_docstats st, sum;
	const char *enc;
	size_t bom;
	long nuls = 0, lbase = 0;
	int failed = 0, prev = 0, fell = 0;

	pthread_mutex_lock(&p->mu);
	while (p->head < p->tail) {
		write_ready(p);
		if (p->head < p->tail)
			pthread_cond_wait(&p->done, &p->mu);
	}
	pthread_mutex_unlock(&p->mu);
	if (!p->mt)
		load_main(p); /* the queue is empty, so no worker tags while this loads */
	p->bigfd = fd;
	p->bigdoc = doc;
	p->bigsize = size;
	p->next = 0;
	p->next_inexact = 0;
	p->enc[0] = '\0';
	p->mrows = 0;
	p->skip_to = 0;
	p->fresh = 1;
	memset(&sum, 0, sizeof sum);
	if (lp_norm_settle_fd(p->mnz, fd, &enc, &bom) < 0) {
		/* a read error or an unknown encoding: lp_norm_fd says which */
		failed = renormalize(p, doc, fd, &st) < 0;
		goto done;
	}
	snprintf(p->enc, sizeof p->enc, "%s", enc);
	lp_tagger_doc_begin(p->mt, doc);
	pthread_mutex_lock(&p->mu);
	p->next = bom;
	dispatch(p);
	while (p->head < p->tail) {
		struct job *j = &p->ring[p->head % p->cap];

		while (!j->done)
			pthread_cond_wait(&p->done, &p->mu);
		pthread_mutex_unlock(&p->mu);
		if (take_block(p, j, &prev, &lbase) < 0) {
			/* from this block on, as -j 1 does */
			p->skip_to = j->boff;
			p->fresh = 0;
			fell = 1;
			failed = renormalize(p, doc, fd, &st) < 0;
			pthread_mutex_lock(&p->mu);
			break;
		}
		sum.lines += j->bst.lines;
		sum.bytes += j->bst.bytes;
		sum.invalid += j->bst.invalid;
		sum.repairs += j->bst.repairs;
		nuls += j->nuls;
		pthread_mutex_lock(&p->mu);
		retire(p);
		dispatch(p);
	}
	pthread_mutex_unlock(&p->mu);
	if (!fell) {
		st = sum;
		st.doc = doc;
		st.enc = p->enc;
		st.bytes += bom;
		lp_norm_notes(doc, nuls, st.invalid);
	}
done:
	lp_out(p->mout.p, p->mout.len);
	p->mout.len = 0;
	lp_out_check();
	pthread_mutex_lock(&p->mu);
	p->next = p->bigsize; /* no more blocks */
	while (p->head < p->tail)
		retire(p);
	pthread_mutex_unlock(&p->mu);
	if (st.enc)
		p->st.docs++;
	p->st.lines += (uint64_t)st.lines;
	p->st.bytes += st.bytes;
	p->st.invalid += (uint64_t)st.invalid;
	p->st.repairs += (uint64_t)st.repairs;
	p->st.rows += p->mrows;
	p->st.failed += (uint64_t)failed;
	p->bigfd = -1;
	p->bigdoc = NULL;
	close(fd);
}

void
lp_par_add(struct lp_par *p, const char *doc, int fd)
{
	struct stat sb;

	if (p->cfg.blocks && p->nw > 1 && !fstat(fd, &sb) && S_ISREG(sb.st_mode) && (uint64_t)sb.st_size >= 2 * (uint64_t)p->block) {
		big_file(p, doc, fd, (uint64_t)sb.st_size);
		return;
	}
	add(p, doc, fd, 0);
}

void
lp_par_finish(struct lp_par *p, struct lp_parstats *st)
{
	int k;
	size_t i;

	if (!p)
		return;
	if (p->nw > 0 && p->w[p->nw - 1].started) {
		pthread_mutex_lock(&p->mu);
		while (p->head < p->tail) {
			write_ready(p);
			if (p->head < p->tail)
				pthread_cond_wait(&p->done, &p->mu);
		}
		p->closing = 1;
		pthread_cond_broadcast(&p->work);
		pthread_mutex_unlock(&p->mu);
	}
	for (k = 0; k < p->nw; k++) {
		if (p->w[k].started)
			pthread_join(p->w[k].th, NULL);
		lp_tagger_free(p->w[k].t);
		lp_norm_free(p->w[k].nz);
		lp_norm_free(p->w[k].bnz);
		lp_buf_free(&p->w[k].bbuf);
	}
	lp_tagger_free(p->mt);
	lp_norm_free(p->mnz);
	lp_buf_free(&p->mout);
	lp_buf_free(&p->fixbuf);
	if (p->nw > 0 && p->w[p->nw - 1].started) {
		pthread_mutex_destroy(&p->mu);
		pthread_cond_destroy(&p->work);
		pthread_cond_destroy(&p->done);
	}
	for (i = 0; i < p->cap; i++) {
		lp_buf_free(&p->ring[i].mem);
		lp_buf_free(&p->ring[i].prep);
		lp_buf_free(&p->ring[i].fixes);
	}
	if (st)
		*st = p->st;
	free(p->ring);
	free(p->w);
	free((char *)p->cfg.patdir);
	free(p);
}

/* ---- the mapper: records "docid<TAB>text" in, documents out ---- */

struct feed {
	int wfd;
	char buf[COPY_BUF];
	size_t len;
};

static void
feed_flush(struct feed *f)
{
	size_t off = 0;

	while (off < f->len) {
		ssize_t w = write(f->wfd, f->buf + off, f->len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			lp_die("pipe to a worker: write error:");
		off += (size_t)w;
	}
	f->len = 0;
}

static void
feed_byte(struct feed *f, char c)
{
	if (f->len == sizeof f->buf)
		feed_flush(f);
	f->buf[f->len++] = c;
}

int
lp_par_mapper(struct lp_par *p, int fd, const char *name)
{
	enum { S_ID, S_TEXT, S_SKIP } state = S_ID;
	struct lp_buf id = { 0 };
	struct feed *f = lp_xmalloc(sizeof *f);
	char *in = lp_xmalloc(COPY_BUF);
	long recno = 1;
	int esc = 0, cr = 0, rc = 0;
	ssize_t n;

	f->wfd = -1;
	f->len = 0;
	for (;;) {
		ssize_t i;

		n = read(fd, in, COPY_BUF);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			lp_warn("%s: read error:", name);
			rc = -1;
		}
		if (n <= 0)
			break;
		for (i = 0; i < n; i++) {
			char c = in[i];

			if (state == S_SKIP) {
				if (c == '\n') {
					state = S_ID;
					recno++;
				}
				continue;
			}
			if (state == S_ID) {
				if (c == '\n') {
					if (id.len > 0 && !(id.len == 1 && id.p[0] == '\r'))
						lp_warn("%s:%ld: no tab: a record is docid<TAB>text", name, recno);
					id.len = 0;
					recno++;
				} else if (c == '\t') {
					int pfd[2];

					id.len = lp_unescape(id.p ? id.p : (char *)"", id.len);
					lp_buf_addc(&id, '\0');
					if (pipe(pfd) < 0)
						lp_die("pipe:");
					/* the write end must not leak into a worker's pipe
					 * reads: it is ours alone */
					fcntl(pfd[1], F_SETFD, FD_CLOEXEC);
					add(p, id.p, pfd[0], 1);
					f->wfd = pfd[1];
					id.len = 0;
					state = S_TEXT;
					esc = cr = 0;
				} else if (id.len >= DOCID_MAX) {
					lp_warn("%s:%ld: docid longer than %d bytes; record skipped", name, recno, DOCID_MAX);
					id.len = 0;
					state = S_SKIP;
				} else {
					lp_buf_addc(&id, c);
				}
				continue;
			}
			/* S_TEXT: unescape as the record stream does; a raw CR
			 * before the newline belongs to the line end */
			if (cr && c != '\n')
				feed_byte(f, '\r');
			cr = 0;
			if (esc) {
				esc = 0;
				switch (c) {
				case 't': c = '\t'; break;
				case 'n': c = '\n'; break;
				case 'r': c = '\r'; break;
				case 'b': c = '\b'; break;
				case 'f': c = '\f'; break;
				case 'v': c = '\v'; break;
				case '\n': feed_byte(f, '\\'); goto end; /* a trailing backslash */
				default: break;
				}
				feed_byte(f, c);
			} else if (c == '\\') {
				esc = 1;
			} else if (c == '\r') {
				cr = 1;
			} else if (c == '\n') {
end:
				feed_flush(f);
				close(f->wfd);
				f->wfd = -1;
				state = S_ID;
				recno++;
				if ((recno & 63) == 0)
					lp_par_drain(p);
			} else {
				feed_byte(f, c);
			}
		}
	}
	if (state == S_TEXT) {
		/* the last record had no newline */
		if (esc)
			feed_byte(f, '\\');
		if (cr)
			feed_byte(f, '\r');
		feed_flush(f);
		close(f->wfd);
	} else if (state == S_ID && id.len > 0) {
		lp_warn("%s:%ld: no tab: a record is docid<TAB>text", name, recno);
	}
	lp_buf_free(&id);
	free(in);
	free(f);
	return rc;
}
