/*
 * normalize.h - one decoded line in, normalized UTF-8 and its offset map out.
 */
#ifndef LP_NORMALIZE_H
#define LP_NORMALIZE_H

#include <stddef.h>
#include <stdint.h>

#include "lang.h"
#include "lexpipe.h"
#include "util.h"

struct lp_normopt {
	int nfkc;         /* compatibility composition, superscripts and subscripts kept */
	int join_hyphens; /* a word broken by a hyphen at line end joins the next line */
};

struct lp_normstats {
	long repairs; /* lookalike letters put back into their word's script */
};

/*
 * Normalize n code points whose original byte lengths are olen[]: the Word,
 * PDF and web fixes, script repair, then NFC (or NFKC).  cp[] is used as
 * scratch.  Appends to text and map, which the caller has cleared.  Returns
 * nonzero when the line ended in a hyphen that join_hyphens removed.
 */
int lp_normalize(const struct lp_normopt *opt, uint32_t *cp, const uint8_t *olen,
                 size_t n, struct lp_buf *text, struct lp_map *map,
                 struct lp_normstats *st);

/* What a code point is to the fast path. */
enum lp_plain {
	LP_PLAIN_NO,       /* needs lp_normalize: a fix, a mark, not NFC, a repair */
	LP_PLAIN_OTHER,    /* stays as it is and is not a letter: ends a word */
	LP_PLAIN_LATIN,    /* stays as it is; a Latin letter */
	LP_PLAIN_CYRILLIC, /* stays as it is; a Cyrillic letter */
};
enum lp_plain lp_plain_cp(const struct lp_normopt *opt, uint32_t c);
/* A space or range-dash variant that normalization replaces by one plain
 * character (' ' or U+2013): that character; else 0.  They separate words,
 * so a fast path may substitute them without looking at their neighbours. */
uint32_t lp_fix_separator(uint32_t c);

/*
 * The fast path: nonzero when the UTF-8 line s[0..n) is valid and already
 * normal -- no fix applies, every character is NFC (NFKC) as it stands and
 * no word mixes scripts -- so its normalized text is s itself and its map one
 * identity segment.  A byte scan: no decoding into code points, no tables
 * beyond one lookup per non-ASCII character.
 */
int lp_normalize_is_plain(const struct lp_normopt *opt, const char *s, size_t n);

/*
 * The same scan, with one more answer: 0 when s[0..n) needs lp_normalize(),
 * 1 when it is already normal (lp_normalize_is_plain), 2 when it would be
 * but for spaces and dashes that lp_fix_separator() replaces -- no-break
 * spaces and em dashes, which Word puts everywhere.  Such a line is then
 * normalized by lp_normalize_separators(): the same text and map as
 * lp_normalize() gives, from a copy with substitutions.
 */
int lp_normalize_scan(const struct lp_normopt *opt, const char *s, size_t n);
/* The same answer a character at a time, without SIMD: what
 * tests/unit/norm_scan.c compares lp_normalize_scan() with. */
int lp_normalize_scan_ref(const struct lp_normopt *opt, const char *s, size_t n);
/* The SSE2 scan, which lp_normalize_scan() leaves for an AVX2 one where
 * the processor has AVX2: the tests ask both. */
int lp_normalize_scan_sse2(const struct lp_normopt *opt, const char *s, size_t n);
void lp_normalize_separators(const char *s, size_t n, struct lp_buf *text, struct lp_map *map);

#endif
