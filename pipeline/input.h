/*
 * input.h - naming inputs: files, standard input, and directory trees.
 */
#ifndef LP_INPUT_H
#define LP_INPUT_H

/* Called for each file; path "-" is standard input.  fd is open for reading. */
typedef void (*lp_file_fn)(void *ctx, const char *path, int fd);

/* Open each argument (or "-" when there are none) and call fn.  With walk,
 * directories are walked recursively in byte order of names; without it, a
 * directory is an error.  Failures are reported and remembered in lp_status. */
void lp_each_input(char **args, int nargs, int walk, lp_file_fn fn, void *ctx);

#endif
