/*
 * script.h - Latin/Cyrillic lookalike repair inside words.
 *
 * Text that went through OCR, old fonts or careless typing mixes scripts
 * inside one word: a Latin `a` or `K` in a Russian word, a Latin `i` for
 * the Kazakh `і`, a Cyrillic `о` in an English word.  Such a word matches no
 * pattern and sorts apart from its twins, so norm puts each lookalike back
 * into the script of the rest of its word.  README.md, "Normalization",
 * lists the rules.
 */
#ifndef LP_SCRIPT_H
#define LP_SCRIPT_H

#include <stddef.h>
#include <stdint.h>

enum lp_script { LP_SC_OTHER, LP_SC_LATIN, LP_SC_CYRILLIC };

/* The script a code point counts for when words are told apart: Latin
 * letters up to U+02AF (IPA included, for ə and ɵ), Cyrillic letters
 * U+0400-U+052F; everything else, letters of other scripts included, is
 * LP_SC_OTHER and ends a word.  The fast path in normalize.c classifies
 * UTF-8 bytes the same way (tests/unit/norm_fast.c proves it). */
enum lp_script lp_script_of(uint32_t c);

/* Code points that sit inside words without being letters of either script:
 * combining marks, and `skip` (the marker normalize.c leaves where it
 * removed a character, so "зак<soft hyphen>он" is still one word). */
#define LP_SCRIPT_SKIP 0xffffffffu

/* Nonzero for a combining mark (Mn, Mc, Me): inside a word, even one of
 * combining class 0 (U+0488, U+0489, which NFC leaves alone), so the fast
 * path, which takes such a character for a word's end, must not skip it. */
int lp_script_mark(uint32_t c);

/* Nonzero for characters repaired even in a word that mixes nothing (the
 * Kazakh font letters ќ ћ ј ѕ, and ¥): the fast path must not skip them. */
int lp_script_special(uint32_t c);

/*
 * Repair the words of cp[0..n) in place; one code point is only ever
 * replaced by one code point, so offsets stay where they were.  Returns the
 * number of code points changed.
 */
long lp_script_repair(uint32_t *cp, size_t n);

#endif
