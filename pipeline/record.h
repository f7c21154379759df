/*
 * record.h - the record stream between stages (specified in README.md).
 *
 *   D doc enc
 *   L doc line start end lang flags map text
 *   E doc enc lines bytes invalid repairs
 *   A doc line col start end lang kind label canonical value negated provision rule match context
 *
 * One record a line, fields separated by tabs and escaped as PostgreSQL COPY
 * text.  Records of any other type, and lines starting with '#', pass through
 * every stage untouched.
 */
#ifndef LP_RECORD_H
#define LP_RECORD_H

#include <stdio.h>

#include "lexpipe.h"
#include "util.h"

#define LP_ANN_FIELDS 15
#define LP_RECORD_MAX_DEFAULT (64u * 1024 * 1024)

/* Writers: append one record, newline included, to b. */
void lp_rec_doc(struct lp_buf *b, const char *doc, const char *enc);
void lp_rec_line(struct lp_buf *b, const struct lp_line *l);
void lp_rec_end(struct lp_buf *b, const struct lp_docstats *st);
/* prefix: "A\t" in the record stream, "" for a TSV row */
void lp_rec_ann(struct lp_buf *b, const struct lp_ann *a, const char *prefix);

/* A sink that writes records to stdout. */
void lp_writer_sink(struct lp_sink *s);

/* The reader: one record at a time from a stream, fields unescaped. */
struct lp_reader {
	FILE *fp;
	const char *name; /* for messages: "-" for stdin */
	long recno;       /* 1-based number of the current record */
	size_t max;       /* longest record accepted */
	char chunk[64 * 1024]; /* read buffer */
	size_t cpos, clen;
	char *buf;
	size_t cap, len;  /* the record, without its newline */
	struct lp_buf raw; /* a copy of the record as read, when keep_raw is set */
	int keep_raw;
	char *f[24];      /* fields, NUL-terminated in buf after unescaping */
	size_t flen[24];
	int nf;
	int toolong;      /* the record was longer than max and was skipped */
};

void lp_reader_init(struct lp_reader *r, FILE *fp, const char *name);
void lp_reader_free(struct lp_reader *r);
/* Read the next record: 1, or 0 at end of input, or -1 on a read error. */
int lp_reader_next(struct lp_reader *r);
/* Split and unescape the current record. */
void lp_reader_split(struct lp_reader *r);

/* Parse an L record that lp_reader_split has split; 0, or -1 with *why set. */
int lp_parse_line(struct lp_reader *r, struct lp_line *l, const char **why);

#endif
