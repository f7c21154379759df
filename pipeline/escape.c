/*
 * escape.c - PostgreSQL COPY text escaping of record and TSV fields.
 */
#include <stdint.h>
#include <string.h>

#include "escape.h"

/* The bytes a field cannot hold raw; a table keeps the scan branch-light,
 * since every byte of every L record's text passes through here. */
static const unsigned char special[256] = { ['\t'] = 't', ['\n'] = 'n', ['\r'] = 'r', ['\\'] = '\\' };

void
lp_escape(struct lp_buf *b, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i, run = 0;

	lp_buf_reserve(b, n);
	for (i = 0; i < n; i++) {
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
		if (i >= n)
			break;
		if (!special[u[i]])
			continue;
		lp_buf_add(b, s + run, i - run);
		lp_buf_addc(b, '\\');
		lp_buf_addc(b, (char)special[u[i]]);
		run = i + 1;
	}
	lp_buf_add(b, s + run, n - run);
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
