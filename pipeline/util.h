/*
 * util.h - messages, exit status and checked allocation.
 *
 * Messages follow sbase: "lexpipe: what" and, when the format ends in ':',
 * the system's reason.  Errors are remembered in lp_status so a run goes on
 * with the next file and still exits 2 (grep's convention).
 */
#ifndef LP_UTIL_H
#define LP_UTIL_H

#include <stddef.h>
#include <stdint.h>

extern const char *lp_argv0;
extern _Atomic int lp_status; /* 0, or 2 once anything failed */

void lp_die(const char *fmt, ...);  /* message, exit 2 */
void lp_warn(const char *fmt, ...); /* message, status 2 */
void lp_note(const char *fmt, ...); /* message only */

void *lp_xmalloc(size_t n);
void *lp_xrealloc(void *p, size_t n);
char *lp_xstrdup(const char *s);
char *lp_xstrndup(const char *s, size_t n);

/* A growable byte buffer; the owner frees b->p. */
struct lp_buf {
	char *p;
	size_t len, cap;
};
void lp_buf_reserve(struct lp_buf *b, size_t extra);
void lp_buf_add(struct lp_buf *b, const void *p, size_t n);
void lp_buf_addc(struct lp_buf *b, char c);
void lp_buf_free(struct lp_buf *b);

/* Write all of p to stdout through stdio; a write error is found by lp_fshut. */
void lp_out(const void *p, size_t n);
/* For commands that write many small rows or records (run, tag, tsv):
 * stdout gets a 1 MiB buffer when it is not a terminal. */
void lp_out_buffered(void);
/* Die now if an earlier write failed, so a full disk stops a long run early. */
void lp_out_check(void);
/* Flush and check stdout; exit 2 with a message on failure.  With
 * lp_out_open, then rename the temporary file to FILE. */
void lp_fshut(void);
/* -o FILE ("-": stdout): output goes to a temporary file beside FILE, renamed
 * to FILE by lp_fshut.  An interrupt (SIGINT, SIGTERM, SIGHUP), a write
 * error or any exit before lp_fshut removes it, and FILE is left as it was;
 * so does a failed run that wrote nothing. */
void lp_out_open(const char *path);

/* UTF-8: length of the sequence starting with byte c (1 for invalid lead bytes). */
int lp_u8len(unsigned char c);
/* Encode code point into dst (4 bytes room); returns length. */
int lp_u8enc(uint32_t cp, char *dst);
/* Byte offset of the 1-based character column col in s[0..n), or n when
 * the text is shorter (the col column of a row, turned back into bytes). */
size_t lp_u8_col_off(const char *s, size_t n, long col);
/* Decode one code point at s (valid UTF-8 assumed, as after `norm`); *len gets its length. */
uint32_t lp_u8dec(const char *s, size_t n, int *len);
/* Length of the longest prefix of s[0..n) that is strict UTF-8 (no overlong
 * forms, surrogates or values past U+10FFFF): n when all of it is valid. */
size_t lp_u8valid(const char *s, size_t n);

/* Decimal digits of v at d, most significant first, no terminator (room for
 * 10 / 20 bytes); returns their count.  Two digits a step from a table, in
 * 32-bit arithmetic below 2^32: numbers are most of what the record writer,
 * the offset maps and the row formatter write, and snprintf per number was
 * a tenth of `lexpipe norm`'s time. */
extern const char lp_digit_pairs[201];

static inline size_t
lp_put_u32(char *d, uint32_t v)
{
	size_t n = v < 10 ? 1 : v < 100 ? 2 : v < 1000 ? 3 : v < 10000 ? 4 : v < 100000 ? 5 :
	           v < 1000000 ? 6 : v < 10000000 ? 7 : v < 100000000 ? 8 : v < 1000000000 ? 9 : 10;
	char *p = d + n;

	while (v >= 100) {
		uint32_t q = v / 100;
		p -= 2;
		__builtin_memcpy(p, lp_digit_pairs + 2 * (v - q * 100), 2);
		v = q;
	}
	if (v >= 10)
		__builtin_memcpy(p - 2, lp_digit_pairs + 2 * v, 2);
	else
		p[-1] = (char)('0' + v);
	return n;
}

static inline size_t
lp_put_u64(char *d, uint64_t v)
{
	char t[20];
	size_t n = 20;

	if (v <= UINT32_MAX)
		return lp_put_u32(d, (uint32_t)v);
	while (v >= 100) {
		n -= 2;
		__builtin_memcpy(t + n, lp_digit_pairs + 2 * (v % 100), 2);
		v /= 100;
	}
	if (v >= 10) {
		n -= 2;
		__builtin_memcpy(t + n, lp_digit_pairs + 2 * v, 2);
	} else {
		t[--n] = (char)('0' + v);
	}
	__builtin_memcpy(d, t + n, 20 - n);
	return 20 - n;
}

/* strchr(".!?", c) without the call, for the sentence finders (sentence.c,
 * penalty.c) at every space they look at: the string's terminating NUL
 * counts too, as it does for strchr, so the answers stay those of strchr. */
static inline int
lp_sentence_mark(char c)
{
	return c == '.' || c == '!' || c == '?' || c == '\0';
}

/* How many of the eight bytes w (in memory order) are, from the first,
 * letters U+0410..U+044F (А..я) in UTF-8: 0 to 4.  The Russian alphabet
 * but ё, four letters tested at once: each 16-bit lane (lead byte low)
 * must be D0 90..BF or D1 80..8F. */
static inline unsigned
lp_u8_cyr_run(uint64_t w)
{
	uint64_t t, x;

	/* little-endian lanes; on a big-endian machine swap them first */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	w = __builtin_bswap64(w);
#endif
	t = ((w & 0x0001000100010001u) << 6 | (w >> 8 & 0x003f003f003f003fu)) + 0x0030003000300030u;
	/* a lane is zero where its letter is one */
	x = ((w & 0xc0fec0fec0fec0feu) ^ 0x80d080d080d080d0u) | ((t & 0xffc0ffc0ffc0ffc0u) ^ 0x0040004000400040u);
	return x ? (unsigned)__builtin_ctzll(x) >> 4 : 4;
}

#endif
