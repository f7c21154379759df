/*
 * format.h - one annotation row in the output formats of `lexpipe tsv` and
 * `lexpipe run`: TSV (COPY text escaping), CSV (RFC 4180), JSON Lines, and
 * the CSV for Excel (UTF-16LE with a BOM, tab-separated).
 *
 * Every row, from whichever path, goes through lp_fmt_row with the fifteen
 * field values UNESCAPED (what the text says, with lengths): the pipe path
 * unescapes the A record's fields, the in-process path converts a struct
 * lp_ann with lp_fmt_ann_fields.  So `run` and `norm | tag | tsv` cannot
 * write different bytes.  The writers append to a caller's buffer and keep
 * no state, so threads may call them with buffers of their own.
 */
#ifndef LP_FORMAT_H
#define LP_FORMAT_H

#include "lexpipe.h"
#include "util.h"

#define LP_NCOLS 15 /* the columns of a row: the fields of an A record */
#define LP_COLS_MAX 64

enum lp_col {
	LP_COL_DOC, LP_COL_LINE, LP_COL_COL, LP_COL_START, LP_COL_END, LP_COL_LANG,
	LP_COL_KIND, LP_COL_LABEL, LP_COL_CANONICAL, LP_COL_VALUE, LP_COL_NEGATED,
	LP_COL_PROVISION, LP_COL_RULE, LP_COL_MATCH, LP_COL_CONTEXT
};

/* The column names, as in the TSV header and the JSON keys. */
extern const char *const lp_col_names[LP_NCOLS];

enum lp_format { LP_FMT_TSV, LP_FMT_CSV, LP_FMT_JSONL, LP_FMT_EXCEL };

struct lp_fmtcfg {
	enum lp_format format;
	int header;                /* write the header row (not in jsonl) */
	int cols[LP_COLS_MAX];     /* columns in output order ... */
	int ncols;                 /* ... or every column in order when 0 */
	const char *null;          /* written for an empty field; NULL: leave it empty */
	long context;              /* characters either side of the match instead of the sentence; -1: the sentence */
};

void lp_fmt_defaults(struct lp_fmtcfg *c);
/* "tsv", "csv", "jsonl", "excel": 0, or -1 for another name. */
int lp_fmt_parse_format(const char *s, enum lp_format *f);
/* A comma-separated list of column names: 0, or -1 with *bad set to the
 * first unknown name (a pointer into list, up to the next comma). */
int lp_fmt_parse_fields(struct lp_fmtcfg *c, const char *list, const char **bad);

/* What goes before the first row: the BOM of the Excel format, the header. */
void lp_fmt_begin(const struct lp_fmtcfg *c, struct lp_buf *out);
/* Append one row, line end included.  f[i] is the value of column i. */
void lp_fmt_row(const struct lp_fmtcfg *c, const struct lp_str f[LP_NCOLS], struct lp_buf *out);

/* The fifteen values of an annotation.  nums is scratch for the four
 * numbers and the negated flag; it must live as long as f is used. */
void lp_fmt_ann_fields(const struct lp_ann *a, struct lp_str f[LP_NCOLS], char nums[5][24]);

/* Both in one: append the row of an annotation (for writers of their own,
 * such as the parallel path's per-document buffers). */
void lp_fmt_ann(const struct lp_fmtcfg *c, const struct lp_ann *a, struct lp_buf *out);

/* Spreadsheet safety (OWASP "CSV injection"): 1 when a cell with this value
 * needs a leading apostrophe so no spreadsheet runs it as a formula. */
int lp_fmt_needs_quote_mark(const char *s, size_t n);

#endif
