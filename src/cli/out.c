// SPDX-License-Identifier: GPL-2.0-only
#include "out.h"

#include <stdarg.h>

void vp_put(struct vp_out *o, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (vfprintf(o->f, fmt, ap) < 0)
		o->err = -1;
	va_end(ap);
}
