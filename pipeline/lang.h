/*
 * lang.h - the language of a normalized line: en, ru, kk or und.
 */
#ifndef LP_LANG_H
#define LP_LANG_H

#include <stddef.h>
#include <stdint.h>

/* What one document has said so far: lines without evidence of their own
 * (no letters, or Cyrillic words that Russian and Kazakh share) take the
 * language of the line before them. */
struct lp_langctx {
	const char *prev; /* NULL at the start of a document */
};

/* Only the first LP_LANG_SPAN bytes of a line's UTF-8 are read. */
#define LP_LANG_SPAN 256

/* Language of one normalized line (valid UTF-8); updates ctx. */
const char *lp_lang_line(struct lp_langctx *ctx, const char *s, size_t n);

/* The same for a line of a single-byte encoding (norm.c's fast path), read
 * through tab, which lp_lang_table_8bit() makes from the page's code points:
 * lp_lang_span_8bit() below gives the answer lp_lang_line() gives for the
 * line's UTF-8 form, from half the bytes. */
void lp_lang_table_8bit(const uint32_t cp[256], uint16_t tab[256]);

/* The i-th entry of the lists the words vote with, in the order they are
 * listed: Kazakh words, Russian words, then endings (*ending set); *lang
 * is 'k' or 'r'.  NULL past the last.  For tests/unit/lang_test.c, which
 * checks the keyed lookup against plain string comparison. */
const char *lp_lang_entry(size_t i, char *lang, int *ending);

/* The language of s[0..n), cut already to the characters whose UTF-8 ends
 * within the first LP_LANG_SPAN bytes (norm.c's fast path knows where that
 * is from the text it made). */
const char *lp_lang_span_8bit(struct lp_langctx *ctx, const unsigned char *s, size_t n,
                              const uint16_t tab[256]);

/* The same for a line on its own, with no document around it. */
const char *lp_guess_lang(const char *s, size_t n);

#endif
