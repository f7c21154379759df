/*
 * fuzz.h - what the harnesses in tests/fuzz/ share.
 *
 * Each harness defines LLVMFuzzerTestOneInput.  Built with clang and
 * -fsanitize=fuzzer it is a libFuzzer target (`make fuzz`); built with
 * driver.c instead it replays files (seeds and reproducers) with any
 * compiler, so `make check` runs the reproducers even where clang is missing.
 *
 * A harness checks more than "no crash": every invariant the next stage
 * relies on is asserted with fz_fail(), which aborts, so libFuzzer keeps the
 * input as a crash and the replay driver fails.
 */
#ifndef FZ_FUZZ_H
#define FZ_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#include "lexpipe.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Abort with a message: an invariant does not hold. */
void fz_fail(const char *fmt, ...);
/* Send lexpipe's own messages (stderr stdio stream) to /dev/null, unless
 * FUZZ_VERBOSE is set; sanitizer reports still reach fd 2. */
void fz_quiet(void);
/* An fd positioned at 0 holding data[0..n): an in-memory file, reused. */
int fz_file(const uint8_t *data, size_t n);
/* Take one byte of parameters from the front of the input (0 when empty). */
unsigned fz_byte(const uint8_t **data, size_t *size);

/* The repository (for patterns/), compiled in by the Makefile. */
#ifndef FZ_TOP
#define FZ_TOP "."
#endif

/* Reference line splitting: content spans [start, end) of every line, split
 * on LF, CR and CRLF in code units of 1 byte or (unit16 = 1 LE, 2 BE) 2
 * bytes, from offset from.  Written independently of norm.c, to check it. */
struct fz_span {
	uint64_t start, end;
};
size_t fz_lines(const uint8_t *d, size_t n, size_t from, int unit16, struct fz_span **out);

#endif
