/*
 * escape.c - PostgreSQL COPY text escaping of record and TSV fields.
 */
#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "escape.h"

/* The bytes a field cannot hold raw; a table keeps the scan branch-light,
 * since every byte of every L record's text passes through here. */
static const unsigned char special[256] = { ['\t'] = 't', ['\n'] = 'n', ['\r'] = 'r', ['\\'] = '\\' };

/* The position of the first byte of s[i..n) that needs an escape, or n.
 * Sixteen bytes a step with SSE2 (every x86-64 has it), else eight with
 * a word-at-a-time test. */
static size_t
next_special(const unsigned char *u, size_t i, size_t n)
{
#ifdef __SSE2__
	const __m128i bs = _mm_set1_epi8('\\'), lim = _mm_set1_epi8(0x0d);

	while (i + 16 <= n) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(u + i));
		/* x <= 0x0d (unsigned) or x == '\\' */
		int m = _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(x, bs),
		                                       _mm_cmpeq_epi8(_mm_min_epu8(x, lim), x)));
		while (m) {
			size_t j = i + (size_t)__builtin_ctz((unsigned)m);
			if (special[u[j]])
				return j;
			m &= m - 1;
		}
		i += 16;
	}
#endif
	/* eight bytes at a time while none is below 0x0e or a backslash */
	while (i + 8 <= n) {
		uint64_t x, y;
		memcpy(&x, u + i, 8);
		y = x ^ 0x5c5c5c5c5c5c5c5cu;
		if ((((x - 0x0e0e0e0e0e0e0e0eu) & ~x) | ((y - 0x0101010101010101u) & ~y)) &
		    0x8080808080808080u)
			break;
		i += 8;
	}
	for (; i < n; i++)
		if (special[u[i]])
			return i;
	return n;
}

void
lp_escape(struct lp_buf *b, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, run = 0;

	lp_buf_reserve(b, n);
	while ((i = next_special(u, i, n)) < n) {
		lp_buf_add(b, s + run, i - run);
		lp_buf_addc(b, '\\');
		lp_buf_addc(b, (char)special[u[i]]);
		run = ++i;
	}
	lp_buf_add(b, s + run, n - run);
}

char *
lp_escape_to(char *d, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, run = 0;

	if (n == 0)
		return d; /* a blank line's text */
#ifdef __SSE2__
	/* Copy sixteen bytes a step while none needs an escape (a line's
	 * text, the bulk of what norm writes, usually has none): one pass,
	 * with the store in it.  d has room for 2 * n bytes, so a whole
	 * block may be stored while i + 16 <= n.  A block with a byte below
	 * 0x0e or a backslash goes a byte at a time. */
	const __m128i bs = _mm_set1_epi8('\\'), lim = _mm_set1_epi8(0x0d);
	int verbatim = 0; /* the last block was copied as it was */

	while (i + 16 <= n) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(u + i));
		int m = _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(x, bs),
		                                       _mm_cmpeq_epi8(_mm_min_epu8(x, lim), x)));
		if (!m) {
			_mm_storeu_si128((__m128i *)(void *)d, x);
			d += 16;
			i += 16;
			verbatim = 1;
			continue;
		}
		verbatim = 0;
		{
			size_t e = i + 16;
			for (; i < e; i++) {
				unsigned char c = u[i], t = special[c];
				if (t) {
					*d++ = '\\';
					*d++ = (char)t;
				} else {
					*d++ = (char)c;
				}
			}
		}
	}
	if (verbatim && i < n) {
		/* the rest, r < 16 bytes, as the last sixteen of s: the bytes
		 * before the rest were copied as they were, so a store that
		 * ends where the rest ends writes them again, unchanged */
		size_t r = n - i;
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(u + n - 16));
		int m = _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(x, bs),
		                                       _mm_cmpeq_epi8(_mm_min_epu8(x, lim), x)));
		if (!(m >> (16 - r))) {
			_mm_storeu_si128((__m128i *)(void *)(d + r - 16), x);
			return d + r;
		}
	}
	run = i;
#endif
	while ((i = next_special(u, i, n)) < n) {
		memcpy(d, s + run, i - run);
		d += i - run;
		*d++ = '\\';
		*d++ = (char)special[u[i]];
		run = ++i;
	}
	if (n > run)
		memcpy(d, s + run, n - run);
	return d + (n - run);
}

size_t
lp_unescape(char *s, size_t n)
{
	char *bs = memchr(s, '\\', n);
	size_t i, o;

	if (!bs)
		return n;
	for (i = o = (size_t)(bs - s); i < n; i++) {
		if (s[i] != '\\' || i + 1 == n) {
			s[o++] = s[i];
			continue;
		}
		switch (s[++i]) {
		case 't': s[o++] = '\t'; break;
		case 'n': s[o++] = '\n'; break;
		case 'r': s[o++] = '\r'; break;
		case 'b': s[o++] = '\b'; break;
		case 'f': s[o++] = '\f'; break;
		case 'v': s[o++] = '\v'; break;
		default: s[o++] = s[i]; break;
		}
	}
	return o;
}
