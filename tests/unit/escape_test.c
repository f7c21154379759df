/*
 * escape_test.c - lp_escape() looks for the bytes to escape sixteen (or
 * eight) bytes at a time; this compares it with escaping byte by byte, on
 * random strings of every length up to 80 that mix all 256 byte values,
 * runs of the four special bytes and of the bytes next to them (0x0c,
 * 0x0e, 0x5b, 0x5d, 0x8d, 0xdc), at every alignment.  And the record
 * writer's digits: every power of ten and its neighbours.
 */
#include <stdio.h>
#include <string.h>

#include "escape.h"
#include "record.h"
#include "tap.h"

static size_t
ref_escape(const unsigned char *s, size_t n, char *out)
{
	size_t i, o = 0;

	for (i = 0; i < n; i++) {
		char e = s[i] == '\t' ? 't' : s[i] == '\n' ? 'n' : s[i] == '\r' ? 'r' : s[i] == '\\' ? '\\' : 0;
		if (e) {
			out[o++] = '\\';
			out[o++] = e;
		} else {
			out[o++] = (char)s[i];
		}
	}
	return o;
}

int
main(int argc, char **argv)
{
	static const unsigned char near[] = { '\t', '\n', '\r', '\\', 0x0c, 0x0e, 0x5b, 0x5d, 0x8d, 0xdc, 'a', 0xd0 };
	unsigned seed = 99;
	long t, wrong = 0;
	char detail[256] = "";
	struct lp_buf b = { 0 };

	(void)argc;
	(void)argv;
	for (t = 0; t < 200000; t++) {
		unsigned char s[100];
		char want[200];
		size_t n, i, off, wn;

		seed = seed * 1103515245u + 12345u;
		n = (seed >> 8) % 81;
		off = (seed >> 20) % 16;
		for (i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			s[off + i] = (seed >> 12) % 3 ? near[(seed >> 16) % sizeof near] : (unsigned char)(seed >> 16);
		}
		wn = ref_escape(s + off, n, want);
		b.len = 0;
		lp_escape(&b, (const char *)s + off, n);
		if ((b.len != wn || memcmp(b.p, want, wn)) && !wrong++)
			snprintf(detail, sizeof detail, "a string of %zu bytes at offset %zu escapes wrongly", n, off);
	}
	check_detail(wrong == 0, "lp_escape agrees with byte-by-byte escaping on 200000 random strings", detail);
	lp_buf_free(&b);
	{
		/* lp_escape_to copies sixteen bytes a step while none needs an
		 * escape, and ends with a store of the last sixteen when the
		 * block before was copied as it was: strings of 0 to 300 bytes
		 * with no special byte, one in 200, one in 20, one in 3 (so
		 * whole clean blocks occur, and specials in the last block),
		 * at every alignment; nothing may be written past 2n bytes */
		static const unsigned dens[] = { 0, 200, 20, 3 };
		long wrong2 = 0, clean = 0;

		detail[0] = 0;
		for (t = 0; t < 200000; t++) {
			unsigned char s[320];
			char want[640], got[700];
			size_t n, i, off, wn, k;
			unsigned d;
			char *end;

			seed = seed * 1103515245u + 12345u;
			n = (seed >> 8) % 301;
			off = (seed >> 20) % 16;
			d = dens[(seed >> 28) % 4];
			for (i = 0; i < n; i++) {
				seed = seed * 1103515245u + 12345u;
				if (d && (seed >> 10) % d == 0)
					s[off + i] = near[(seed >> 16) % 5];
				else
					s[off + i] = (unsigned char)(0x0e + (seed >> 16) % 0xf0);
				if (s[off + i] == '\\')
					s[off + i] = 'x';
			}
			if (n && d == 0 && n % 16 && n > 16)
				s[off + n - 1] = (seed >> 4) & 1 ? '\t' : s[off + n - 1]; /* a special in the tail */
			wn = ref_escape(s + off, n, want);
			clean += wn == n;
			memset(got, 0x55, sizeof got);
			end = lp_escape_to(got, (const char *)s + off, n);
			for (k = 2 * n; k < sizeof got; k++)
				if ((unsigned char)got[k] != 0x55)
					break;
			if (((size_t)(end - got) != wn || memcmp(got, want, wn) || k < sizeof got) && !wrong2++)
				snprintf(detail, sizeof detail, "lp_escape_to: %zu bytes at offset %zu (density 1/%u)%s", n,
				         off, d, k < sizeof got ? ": wrote past 2n" : "");
		}
		check_detail(wrong2 == 0 && clean > 50000, "lp_escape_to agrees with byte-by-byte escaping on 200000 random strings, clean and not",
		             detail);
	}
	{
		/* numbers in an L record: lineno, start, end */
		uint64_t v = 1;
		int k, bad = 0;
		struct lp_line l;
		struct lp_buf r = { 0 };

		memset(&l, 0, sizeof l);
		l.doc = "d";
		strcpy(l.lang, "en");
		for (k = 0; k < 20; k++, v *= 10) {
			uint64_t x;
			for (x = v - 1; x <= v + 1; x++) {
				char want[100];
				r.len = 0;
				l.lineno = (long)(x % 1000000007);
				l.start = x;
				l.end = x + 1;
				lp_rec_line(&r, &l);
				snprintf(want, sizeof want, "L\td\t%ld\t%llu\t%llu\ten\t-\t\t\n", l.lineno,
				         (unsigned long long)x, (unsigned long long)(x + 1));
				if (r.len != strlen(want) || memcmp(r.p, want, r.len)) {
					if (!bad++)
						snprintf(detail, sizeof detail, "%llu: %.*s", (unsigned long long)x, (int)r.len, r.p);
				}
			}
		}
		check_detail(!bad, "L record numbers are written as printf writes them", detail);
		lp_buf_free(&r);
	}
	{
		/* a whole L record, against one put together field by field;
		 * texts on both sides of the 64 KiB the writer reserves for */
		static char text[70000];
		struct lp_line l;
		struct lp_buf r = { 0 }, want = { 0 };
		struct lp_seg seg[3] = { { 5, 5, 1 }, { 2, 1, 7 }, { 1, 2, 1 } };
		int bad = 0, k2;
		static const size_t lens[] = { 0, 1, 15, 16, 17, 1000, 65535, 65536, 65537, 69999 };

		memset(&l, 0, sizeof l);
		for (k2 = 0; k2 < 10; k2++) {
			size_t i;
			char num[80];
			for (i = 0; i < lens[k2]; i++) {
				seed = seed * 1103515245u + 12345u;
				text[i] = (char)near[(seed >> 16) % sizeof near];
			}
			l.doc = k2 & 1 ? "a\tb\\c.txt" : "doc";
			l.lineno = k2 == 3 ? -5 : 42;
			l.start = 123456789;
			l.end = l.start + lens[k2];
			strcpy(l.lang, k2 == 9 ? "e\\n" : k2 == 5 ? "x\ty" : k2 & 2 ? "kk" : "und");
			l.flags = (unsigned)k2 % 4;
			l.map.seg = seg;
			l.map.nseg = (size_t)k2 % 4;
			l.text = text;
			l.len = lens[k2];
			r.len = 0;
			lp_rec_line(&r, &l);
			want.len = 0;
			lp_buf_add(&want, "L\t", 2);
			lp_escape(&want, l.doc, strlen(l.doc));
			snprintf(num, sizeof num, "\t%ld\t%llu\t%llu\t", l.lineno, (unsigned long long)l.start,
			         (unsigned long long)l.end);
			lp_buf_add(&want, num, strlen(num));
			lp_escape(&want, l.lang, strlen(l.lang));
			snprintf(num, sizeof num, "\t%s\t",
			         l.flags == 0 ? "-" : l.flags == 1 ? "c" : l.flags == 2 ? "h" : "ch");
			lp_buf_add(&want, num, strlen(num));
			{
				char m[200];
				size_t ml = lp_map_format(&l.map, m, sizeof m);
				lp_buf_add(&want, m, ml);
			}
			lp_buf_addc(&want, '\t');
			lp_escape(&want, text, lens[k2]);
			lp_buf_addc(&want, '\n');
			if ((r.len != want.len || memcmp(r.p, want.p, r.len)) && !bad++)
				snprintf(detail, sizeof detail, "a text of %zu bytes", lens[k2]);
		}
		check_detail(!bad, "an L record is its fields escaped and joined by tabs", detail);
		lp_buf_free(&r);
		lp_buf_free(&want);
	}
	return fails != 0;
}
