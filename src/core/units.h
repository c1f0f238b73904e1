/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Sizes and addresses: one strict parser and one formatter, shared by every
 * option.  Pure: no I/O, no allocation, no locale.
 */
#ifndef VP_UNITS_H
#define VP_UNITS_H

#include <stddef.h>
#include <stdint.h>

enum vp_parse_status {
	VP_PARSE_OK = 0,
	VP_PARSE_EMPTY,		/* "" */
	VP_PARSE_SYNTAX,	/* not digits, sign, fraction, whitespace, ... */
	VP_PARSE_OCTAL,		/* "010G": a leading zero reads as octal elsewhere */
	VP_PARSE_SUFFIX,	/* unknown suffix such as "1X" */
	VP_PARSE_DECIMAL_UNIT,	/* "1TB": SI units are refused, see vp_parse_size */
	VP_PARSE_OVERFLOW,	/* does not fit in 64 bits */
};

/*
 * SIZE := DIGITS [SUFFIX]
 * DIGITS: decimal, no sign, no leading zero unless the number is 0.
 * SUFFIX: K M G T P E (either case) or KiB MiB GiB TiB PiB EiB; all binary.
 * "KB", "MB", ... are refused rather than guessed: ndctl reads them as
 * binary, util-linux as decimal.  A bare number is bytes.
 */
enum vp_parse_status vp_parse_size(const char *s, uint64_t *out);

/* ADDR := SIZE | 0x HEXDIGITS (1 to 16 digits). */
enum vp_parse_status vp_parse_addr(const char *s, uint64_t *out);

/* One line naming what is wrong, for an error message. */
const char *vp_parse_strerror(enum vp_parse_status st);

/*
 * IEC rendering: "1 TiB" or "1026 MiB" when exact (the largest binary unit
 * that divides the value and leaves fewer than 100000 of it), otherwise two
 * decimals truncated, never rounded up ("1022.99 GiB"), so that a capacity
 * is never overstated.  Returns buf.
 */
#define VP_IEC_BUFSZ 32
char *vp_format_iec(uint64_t bytes, char *buf, size_t len);

/* The form "ndctl create-namespace --size" takes: the largest of the
 * suffixes T, G, M, K that divides the value exactly ("1040M"), else the
 * plain number of bytes. */
char *vp_format_ndctl(uint64_t bytes, char *buf, size_t len);

#endif
