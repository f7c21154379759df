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
 */
#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <pthread.h>
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
};

struct worker {
	struct lp_par *par;
	pthread_t th;
	int started;
	struct lp_norm *nz;
	struct lp_tagger *t;
	struct lp_sink tagsink;
	struct job *cur;
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

static void
run_job(struct worker *w, struct job *j)
{
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

static void *
worker_main(void *arg)
{
	struct worker *w = arg;
	struct lp_par *p = w->par;

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

struct lp_par *
lp_par_new(const struct lp_parcfg *cfg)
{
	struct lp_par *p = lp_xmalloc(sizeof *p);
	pthread_attr_t attr;
	size_t i;
	int k;

	memset(p, 0, sizeof *p);
	p->cfg = *cfg;
	p->nw = cfg->jobs > 0 ? cfg->jobs : 1;
	/* the writer waits for the document at the head; meanwhile the other
	 * workers go on with the ones behind it, as far as the ring reaches */
	p->cap = SLOTS_PER_WORKER * (size_t)p->nw;
	if (p->cap > SLOTS_MAX)
		p->cap = SLOTS_MAX > 2 * (size_t)p->nw ? SLOTS_MAX : 2 * (size_t)p->nw;
	p->spill = cfg->spill ? cfg->spill : SPILL_TOTAL / p->cap;
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
	for (k = 0; k < p->nw; k++) {
		struct worker *w = &p->w[k];
		struct lp_sink out;

		memset(&out, 0, sizeof out);
		out.ctx = w;
		out.ann = w_ann;
		w->par = p;
		w->t = lp_tagger_new(cfg->patdir, cfg->sets, cfg->nsets, &out);
		if (!w->t) {
			lp_par_finish(p, NULL);
			return NULL;
		}
		lp_tagger_sink(w->t, &w->tagsink);
		w->nz = lp_norm_new(cfg->norm);
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

void
lp_par_add(struct lp_par *p, const char *doc, int fd)
{
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
	}
	if (p->nw > 0 && p->w[p->nw - 1].started) {
		pthread_mutex_destroy(&p->mu);
		pthread_cond_destroy(&p->work);
		pthread_cond_destroy(&p->done);
	}
	for (i = 0; i < p->cap; i++)
		lp_buf_free(&p->ring[i].mem);
	if (st)
		*st = p->st;
	free(p->ring);
	free(p->w);
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
