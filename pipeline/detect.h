/* detect.h: guess the character encoding of a sample of a text file.
 *
 * lexpipe reads Russian, Kazakh and English legal text that arrives in
 * whatever encoding the sender's system used.  lp_detect() looks at the
 * first bytes once and names an iconv(3) encoding to decode the file with.
 * It is a pure function: no I/O, no allocation, no mutable state, so it is
 * safe to call from several threads at once. */
#ifndef LP_DETECT_H
#define LP_DETECT_H

#include <stddef.h>

/* Guess the encoding of a file from a sample of its first bytes (the caller
 * passes up to 64 KiB; may be short, e.g. one 60-letter sentence, or empty).
 * Returns a static iconv name, one of: "UTF-8", "UTF-16LE", "UTF-16BE",
 * "CP1251", "KOI8-R", "KOI8-U", "CP866", "ISO-8859-5", "MACCYRILLIC",
 * "RK1048", "PT154".  *bom_len is set to the number of leading BOM bytes
 * the decoder must skip (3 for UTF-8 BOM, 2 for UTF-16 BOMs, else 0).
 * Pure ASCII or empty input is "UTF-8". */
const char *lp_detect(const unsigned char *buf, size_t len, size_t *bom_len);

#endif
