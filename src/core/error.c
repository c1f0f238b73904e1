// SPDX-License-Identifier: GPL-2.0-only
#include "error.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

enum vp_status vp_fail(struct vp_error *err, enum vp_status st, int kerrno,
		       const char *where, const char *fmt, ...)
{
	va_list ap;

	err->status = st;
	err->kerrno = kerrno;
	err->where = where;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return st;
}

const char *vp_errno_name(int kerrno)
{
	switch (kerrno) {
	case 0:
		return "";
	case EINVAL:
		return "EINVAL";
	case ENXIO:
		return "ENXIO";
	case ENOMEM:
		return "ENOMEM";
	case E2BIG:
		return "E2BIG";
	case EEXIST:
		return "EEXIST";
	case ENOSPC:
		return "ENOSPC";
	case ENODEV:
		return "ENODEV";
	case EBUSY:
		return "EBUSY";
	}
	return "E?";
}
