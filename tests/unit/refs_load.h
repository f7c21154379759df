/*
 * refs_load.h - for the refs unit programs: load a vocabulary from the
 * text of one pattern file, written to a temporary directory.
 */
#ifndef LP_REFS_LOAD_H
#define LP_REFS_LOAD_H

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "refs.h"
#include "rules.h"

/* The errors of loading text as rules and then as a refs vocabulary (v and
 * rs filled); -1 when the temporary file cannot be made. */
static inline int
load_text(const char *text, struct refs_vocab *v, struct lp_rules *rs)
{
	char dir[] = "/tmp/lexpipe_refs_test.XXXXXX", path[64];
	FILE *fp;
	int errs;

	if (!mkdtemp(dir))
		return -1;
	snprintf(path, sizeof path, "%s/t.pat", dir);
	fp = fopen(path, "w");
	fputs(text, fp);
	fclose(fp);
	errs = lp_rules_load(dir, rs);
	if (!errs)
		errs = lp_refs_vocab_load(v, rs);
	unlink(path);
	rmdir(dir);
	return errs;
}

#endif
