/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * How the core says no.  A refusal carries the kernel check that refuses,
 * its errno and the kernel's own message, so that the CLI can name them.
 */
#ifndef VP_ERROR_H
#define VP_ERROR_H

#include <stdarg.h>

enum vp_status {
	VP_OK = 0,
	VP_REFUSED,	/* the kernel would refuse or fail this layout */
	VP_UNSUPPORTED,	/* a combination the model does not cover */
	VP_BADINPUT,	/* an input value no kernel accepts (e.g. --align) */
	VP_INTERNAL,	/* a broken invariant: a bug in vmemplan */
};

struct vp_error {
	enum vp_status status;
	int kerrno;		/* positive errno the kernel returns, 0 if none */
	const char *where;	/* "drivers/nvdimm/pfn_devs.c:nd_pfn_init" */
	char msg[384];		/* why, in one sentence */
};

/* Fills err and returns err->status. */
enum vp_status vp_fail(struct vp_error *err, enum vp_status st, int kerrno,
		       const char *where, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* "EINVAL" for EINVAL, etc.; only the errnos the model uses. */
const char *vp_errno_name(int kerrno);

#endif
