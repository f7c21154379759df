/*
 * normalize.h - one decoded line in, normalized UTF-8 and its offset map out.
 */
#ifndef LP_NORMALIZE_H
#define LP_NORMALIZE_H

#include <stddef.h>
#include <stdint.h>

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
 * PDF and web fixes, script repair, then NFC (or NFKC).  Appends to text and
 * map, which the caller has cleared.  Returns nonzero when the line ended in
 * a hyphen that join_hyphens removed.
 */
int lp_normalize(const struct lp_normopt *opt, uint32_t *cp, const uint8_t *olen,
                 size_t n, struct lp_buf *text, struct lp_map *map,
                 struct lp_normstats *st);

/* Language of a normalized line: "en", "ru", "kk" or "und". */
const char *lp_guess_lang(const char *text, size_t len);

#endif
