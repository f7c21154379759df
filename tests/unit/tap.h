/*
 * tap.h - what every unit program prints: one "ok - NAME" or "not ok -
 * NAME" line per check, which tests/run.sh counts, with any detail on
 * stderr; main returns `fails != 0`.
 */
#ifndef LP_TAP_H
#define LP_TAP_H

#include <stdio.h>

static int fails;

static inline void
check_detail(int ok, const char *name, const char *detail)
{
	printf("%sok - %s\n", ok ? "" : "not ", name);
	if (!ok) {
		if (detail)
			fprintf(stderr, "  %s\n", detail);
		fails++;
	}
}

static inline void
check(int ok, const char *name)
{
	check_detail(ok, name, NULL);
}

#endif
