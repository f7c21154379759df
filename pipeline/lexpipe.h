/*
 * lexpipe.h - the types every stage shares: lines, offset maps, annotations,
 * and the sink through which one stage hands records to the next.
 *
 * A stage never needs to know whether its neighbour is in the same process
 * (`lexpipe run`) or at the other end of a pipe (`lexpipe norm | lexpipe tag`):
 * both paths go through a struct lp_sink, and the pipe path serializes with
 * record.c, whose reader gives back exactly what the writer was given.
 */
#ifndef LEXPIPE_H
#define LEXPIPE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define LP_VERSION "0.1.0"

/*
 * Offset map: how the bytes of a normalized line correspond to the bytes of
 * the original file.  A segment stands for k repetitions of "n normalized
 * bytes came from o original bytes".  A segment with n == o maps byte for
 * byte and may be entered anywhere; any other segment is atomic: an offset
 * inside it rounds outwards to its edges.  n == 0 is text that normalization
 * removed (a soft hyphen, a zero-width space); o == 0 is text it inserted.
 */
struct lp_seg {
	uint32_t n, o, k;
};

struct lp_map {
	struct lp_seg *seg;
	size_t nseg, cap;
};

void lp_map_clear(struct lp_map *m);
void lp_map_free(struct lp_map *m);
/* Append one segment, merging it with the last one where the result means the same. */
void lp_map_add(struct lp_map *m, uint32_t n, uint32_t o);
void lp_map_copy(struct lp_map *dst, const struct lp_map *src);
/* Original offset, relative to the line start, of normalized offset `off`.
 * `is_end` rounds outwards at the end of a span and skips removed text at its
 * start, so a span never takes in bytes that normalization dropped at its edges. */
uint64_t lp_map_orig(const struct lp_map *m, size_t off, int is_end);
/* Text form, as in an L record: items joined by ','; "N" is N bytes byte for
 * byte, "N:O" one atomic segment, "N:O*K" K of them. */
size_t lp_map_format(const struct lp_map *m, char *buf, size_t cap);
int lp_map_parse(struct lp_map *m, const char *s, size_t len);
uint64_t lp_map_total_n(const struct lp_map *m);
uint64_t lp_map_total_o(const struct lp_map *m);

/* Line flags. */
#define LP_CONT 1u   /* this record continues the previous record's line (long-line split) */
#define LP_HYPHEN 2u /* a line-end hyphen was removed: the next line joins without a space */

/* One normalized line: an L record. */
struct lp_line {
	const char *doc;
	long lineno;         /* 1-based line in the original file */
	uint64_t start, end; /* original bytes of the line's content, end exclusive */
	char lang[4];        /* en, ru, kk, und */
	unsigned flags;
	struct lp_map map;
	const char *text; /* normalized UTF-8, no terminator; not NUL-terminated */
	size_t len;
};

/* Per-document counts, as in an E record. */
struct lp_docstats {
	const char *doc;
	const char *enc;
	long lines;
	uint64_t bytes;
	long invalid; /* bytes or sequences replaced by U+FFFD */
	long repairs; /* lookalike letters repaired to the word's script */
};

/* A string that is not NUL-terminated. */
struct lp_str {
	const char *p;
	size_t n;
};

/* One annotation: an A record, and one row of `lexpipe tsv`. */
struct lp_ann {
	const char *doc;
	long line, col;
	uint64_t start, end;
	const char *lang;
	const char *kind, *label;
	struct lp_str canonical, value;
	int negated;
	struct lp_str provision;
	const char *rule;
	struct lp_str match, context;
};

/*
 * Where a stage sends what it produces.  Any callback may be NULL.  `raw`
 * arguments carry the record as read when the producer is a record reader,
 * so a stage passes through, byte for byte, what it does not change.
 */
struct lp_sink {
	void *ctx;
	void (*doc_begin)(void *ctx, const char *doc, const char *enc);
	void (*line)(void *ctx, const struct lp_line *l);
	void (*doc_end)(void *ctx, const struct lp_docstats *st);
	void (*ann)(void *ctx, const struct lp_ann *a);
	void (*other)(void *ctx, const char *rec, size_t len);
	/* raw pass-through of a record the producer read (NULL: re-serialize) */
	void (*raw)(void *ctx, const char *rec, size_t len);
};

#endif
