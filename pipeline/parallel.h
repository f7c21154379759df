/*
 * parallel.h - `lexpipe run -j N` and `lexpipe run --mapper`: documents
 * tagged on N threads, rows written in input order.
 *
 * Each worker thread has its own lp_norm and lp_tagger, so the stages need
 * no locks; what they share is read-only (patterns are loaded once per
 * worker) or the process-wide lp_status and stderr, whose messages are
 * written whole.  A document's rows go to its own buffer (spilled to an
 * unlinked temporary file past a bound) and the calling thread writes the
 * buffers in the order the documents were added, so the output is
 * byte-identical to `-j 1`: the tagger's context restarts at every
 * document.  A large regular file given alone is the exception: workers prepare blocks
 * of it (lines, context-free hits and scans: tag.c's records) and the
 * calling thread tags it in order from them, carrying the context and the
 * language guess's (big_file in parallel.c).
 */
#ifndef LP_PARALLEL_H
#define LP_PARALLEL_H

#include <stdint.h>

#include "format.h"
#include "norm.h"

struct lp_parcfg {
	const struct lp_normcfg *norm;
	const char *patdir;
	char **sets;
	int nsets;
	const struct lp_fmtcfg *fmt; /* the rows' format (format.h); NULL: default TSV */
	int jobs;     /* worker threads, at least 1 */
	size_t spill; /* bytes of one document's rows held in memory (0: a default) */
	size_t block; /* a regular file of twice this or more is tagged in blocks of about this (0: a default) */
	int blocks;   /* split such a file into blocks: set when it is the only input, since
	               * documents side by side keep the threads busier than blocks do */
};

/* Totals over every document, for --counters. */
struct lp_parstats {
	uint64_t docs, lines, bytes, rows, invalid, repairs, failed;
};

struct lp_par;

/* Load the patterns for every worker and start the threads; NULL after
 * printing why. */
struct lp_par *lp_par_new(const struct lp_parcfg *cfg);
/* Queue one document read from fd (taken over: closed when done; doc is
 * copied).  Blocks while the queue is full, writing finished documents
 * meanwhile. */
void lp_par_add(struct lp_par *p, const char *doc, int fd);
/* Write what is finished, without waiting. */
void lp_par_drain(struct lp_par *p);
/* Wait for every document, write the rest, stop the threads, free; *st
 * gets the totals when not NULL. */
void lp_par_finish(struct lp_par *p, struct lp_parstats *st);

/* `run --mapper`: read records "docid<TAB>text" (one document a line,
 * both fields escaped as in the record stream) from fd and queue each as a
 * document named docid whose bytes are the unescaped text.  Returns 0, or
 * -1 after a read error; malformed records are reported and skipped. */
int lp_par_mapper(struct lp_par *p, int fd, const char *name);

#endif
