/*
 * offmap.c - the offset map from normalized bytes back to original bytes.
 *
 * Carried from the first stage on, so no stage ever re-derives offsets by
 * comparing cleaned text with the original (the source of years of offset
 * bugs in earlier citation tools).  Most lines are one identity segment.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexpipe.h"
#include "util.h"

void
lp_map_clear(struct lp_map *m)
{
	m->nseg = 0;
}

void
lp_map_free(struct lp_map *m)
{
	free(m->seg);
	m->seg = NULL;
	m->nseg = m->cap = 0;
}

static void
push(struct lp_map *m, uint32_t n, uint32_t o, uint32_t k)
{
	if (m->nseg == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 16;
		m->seg = lp_xrealloc(m->seg, m->cap * sizeof *m->seg);
	}
	m->seg[m->nseg++] = (struct lp_seg){ n, o, k };
}

void
lp_map_add(struct lp_map *m, uint32_t n, uint32_t o)
{
	struct lp_seg *last = m->nseg ? &m->seg[m->nseg - 1] : NULL;

	if (n == 0 && o == 0)
		return;
	if (n == o) {
		/* identity segments always have k == 1 and grow in place */
		if (last && last->n == last->o && last->k == 1 && last->n <= UINT32_MAX - n) {
			last->n += n;
			last->o += o;
		} else {
			push(m, n, o, 1);
		}
		return;
	}
	if (last && last->n == n && last->o == o && last->k < UINT32_MAX)
		last->k++;
	else
		push(m, n, o, 1);
}

void
lp_map_copy(struct lp_map *dst, const struct lp_map *src)
{
	if (dst->cap < src->nseg) {
		dst->cap = src->nseg;
		dst->seg = lp_xrealloc(dst->seg, dst->cap * sizeof *dst->seg);
	}
	if (src->nseg)
		memcpy(dst->seg, src->seg, src->nseg * sizeof *src->seg);
	dst->nseg = src->nseg;
}

uint64_t
lp_map_orig(const struct lp_map *m, size_t off, int is_end)
{
	uint64_t p = 0, q = 0;
	size_t i;

	for (i = 0; i < m->nseg; i++) {
		const struct lp_seg *s = &m->seg[i];
		uint64_t len = (uint64_t)s->n * s->k, olen = (uint64_t)s->o * s->k;

		if (len > 0 && (is_end ? off <= p + len : off < p + len)) {
			uint64_t d = off - p;

			if (s->n == s->o)
				return q + d;
			if (is_end)
				return q + (d + s->n - 1) / s->n * s->o;
			return q + d / s->n * s->o;
		}
		p += len;
		q += olen;
	}
	return q;
}

uint64_t
lp_map_total_n(const struct lp_map *m)
{
	uint64_t t = 0;
	size_t i;

	for (i = 0; i < m->nseg; i++)
		t += (uint64_t)m->seg[i].n * m->seg[i].k;
	return t;
}

uint64_t
lp_map_total_o(const struct lp_map *m)
{
	uint64_t t = 0;
	size_t i;

	for (i = 0; i < m->nseg; i++)
		t += (uint64_t)m->seg[i].o * m->seg[i].k;
	return t;
}

size_t
lp_map_format(const struct lp_map *m, char *buf, size_t cap)
{
	size_t i, len = 0;

	if (cap)
		buf[0] = '\0';
	for (i = 0; i < m->nseg; i++) {
		const struct lp_seg *s = &m->seg[i];
		char item[48], *d;
		int w = 0;

		/* straight into buf when an item of any size fits (33 bytes) */
		d = len + 34 <= cap ? buf + len : item;
		if (i)
			d[w++] = ',';
		if (s->n == s->o) {
			w += (int)lp_put_u32(d + w, s->n);
		} else {
			if (s->n < 10 && s->o < 10) {
				/* "2:1", "3:1", "1:2": most items of a decoded line */
				d[w] = (char)('0' + s->n);
				d[w + 1] = ':';
				d[w + 2] = (char)('0' + s->o);
				w += 3;
			} else {
				w += (int)lp_put_u32(d + w, s->n);
				d[w++] = ':';
				w += (int)lp_put_u32(d + w, s->o);
			}
			if (s->k != 1) {
				d[w++] = '*';
				w += (int)lp_put_u32(d + w, s->k);
			}
		}
		d[w] = '\0';
		if (d == item && len + (size_t)w < cap)
			memcpy(buf + len, item, (size_t)w + 1);
		len += (size_t)w;
	}
	return len; /* like snprintf: the length needed */
}

static int
number(const char **s, const char *end, uint32_t *v)
{
	uint64_t x = 0;
	const char *p = *s;

	if (p == end || *p < '0' || *p > '9')
		return -1;
	while (p < end && *p >= '0' && *p <= '9') {
		x = x * 10 + (uint64_t)(*p++ - '0');
		if (x > UINT32_MAX)
			return -1;
	}
	*s = p;
	*v = (uint32_t)x;
	return 0;
}

int
lp_map_parse(struct lp_map *m, const char *s, size_t len)
{
	const char *end = s + len;

	lp_map_clear(m);
	if (len == 0)
		return 0;
	for (;;) {
		uint32_t n, o, k = 1;

		if (number(&s, end, &n))
			return -1;
		o = n;
		if (s < end && *s == ':') {
			s++;
			if (number(&s, end, &o))
				return -1;
			if (s < end && *s == '*') {
				s++;
				if (number(&s, end, &k) || k == 0)
					return -1;
			}
		}
		if (n == o) {
			/* byte-for-byte runs always have k == 1 */
			if ((uint64_t)n * k > UINT32_MAX)
				return -1;
			if (n)
				push(m, n * k, n * k, 1);
		} else {
			push(m, n, o, k);
		}
		if (s == end)
			return 0;
		if (*s++ != ',')
			return -1;
	}
}
