/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The exit-status contract (also in vmemplan(1), EXIT STATUS).  Exit codes
 * are never derived from errno.
 */
#ifndef VP_EXITCODES_H
#define VP_EXITCODES_H

enum {
	VP_EXIT_OK = 0,		/* planned, and the kernel accepts the layout */
	VP_EXIT_REFUSED = 1,	/* the kernel would refuse or fail it */
	VP_EXIT_USAGE = 64,	/* bad option or value (EX_USAGE, argp's) */
	VP_EXIT_INTERNAL = 70,	/* a broken invariant (EX_SOFTWARE) */
	VP_EXIT_IO = 74,	/* output could not be written (EX_IOERR) */
};

#endif
