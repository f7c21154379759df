/*
 * progress.h - `lexpipe run`'s progress line on stderr: files done, MB
 * done, MB/s, time left.  Only when stderr is a terminal; otherwise every
 * call is a no-op and nothing is written, so logs and pipes stay clean.
 * The line is redrawn as each file is done (at most five times a second)
 * and erased at the end.
 */
#ifndef LP_PROGRESS_H
#define LP_PROGRESS_H

#include <stdint.h>

struct lp_progress;

/* Sizes the inputs (directories walked) for the time left; NULL when
 * stderr is not a terminal. */
struct lp_progress *lp_progress_new(char **args, int nargs);
/* One file is done; bytes is what was read of it. */
void lp_progress_file(struct lp_progress *p, uint64_t bytes);
/* Erase the line and free. */
void lp_progress_end(struct lp_progress *p);

#endif
