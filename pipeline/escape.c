/*
 * escape.c - PostgreSQL COPY text escaping of record and TSV fields.
 */
#include <string.h>

#include "escape.h"

void
lp_escape(struct lp_buf *b, const char *s, size_t n)
{
	size_t i, run = 0;

	lp_buf_reserve(b, n);
	for (i = 0; i < n; i++) {
		char e;

		switch (s[i]) {
		case '\t': e = 't'; break;
		case '\n': e = 'n'; break;
		case '\r': e = 'r'; break;
		case '\\': e = '\\'; break;
		default: continue;
		}
		lp_buf_add(b, s + run, i - run);
		lp_buf_addc(b, '\\');
		lp_buf_addc(b, e);
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
