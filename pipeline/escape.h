/*
 * escape.h - field escaping for the record stream and TSV output.
 *
 * The text format of PostgreSQL COPY: a field never holds a raw tab,
 * newline, carriage return or backslash; they are written \t \n \r \\.
 */
#ifndef LP_ESCAPE_H
#define LP_ESCAPE_H

#include <stddef.h>

#include "util.h"

/* Append s[0..n) escaped to b. */
void lp_escape(struct lp_buf *b, const char *s, size_t n);
/* The same into d, which has room for 2 * n bytes; returns the end. */
char *lp_escape_to(char *d, const char *s, size_t n);
/* Unescape s[0..n) in place; returns the new length.  Besides the four
 * escapes written, \b \f \v are accepted as COPY does; an unknown escape
 * keeps the character after the backslash. */
size_t lp_unescape(char *s, size_t n);

#endif
