/*
 * norm.h - the first stage: read a file in any supported encoding, split it
 * into lines, decode and normalize each, and hand D, L and E records to a sink.
 */
#ifndef LP_NORM_H
#define LP_NORM_H

#include "lexpipe.h"
#include "normalize.h"

#define LP_BUFSIZE_DEFAULT (64 * 1024)
#define LP_LINE_MAX_DEFAULT (1024 * 1024)

struct lp_normcfg {
	const char *from;  /* encoding forced with --from, or NULL to detect */
	size_t bufsize;    /* read size; small values in tests hit every boundary */
	size_t line_max;   /* raw bytes of one line before it is split (LP_CONT) */
	struct lp_normopt opt;
	int slow_only;     /* every line through lp_normalize(): tests compare the fast paths with it */
};

struct lp_norm;

struct lp_norm *lp_norm_new(const struct lp_normcfg *cfg);
void lp_norm_free(struct lp_norm *nz);
/* Process one open file.  Returns 0, or -1 after printing why (unknown
 * encoding, read error); what was read before an error is still sent. */
int lp_norm_fd(struct lp_norm *nz, int fd, const char *doc, const struct lp_sink *sink,
               struct lp_docstats *st);

/* The same for the n bytes at buf (a block of a file, run -j: its
 * encoding is forced with cfg.from), with no notes. */
int lp_norm_mem(struct lp_norm *nz, const char *buf, size_t n, const char *doc,
                const struct lp_sink *sink, struct lp_docstats *st);

/* For `run -j` over blocks of one file (parallel.c), which the calling
 * thread does not read through lp_norm_fd.  lp_norm_settle_fd: the encoding
 * lp_norm_fd would settle for the file open at fd (read with pread, from
 * its start) and the BOM bytes it would skip; -1, saying nothing, on a read
 * error or an unsupported encoding.  lp_norm_nuls: the NUL characters of
 * the last file or block.  lp_norm_notes: the notes lp_norm_fd prints at a
 * file's end, for these counts. */
int lp_norm_settle_fd(struct lp_norm *nz, int fd, const char **enc, size_t *bom);
long lp_norm_nuls(const struct lp_norm *nz);
void lp_norm_notes(const char *doc, long nuls, long invalid);

#endif
