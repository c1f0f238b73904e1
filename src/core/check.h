/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The invariants every result satisfies in every kernel era.  A result that
 * breaks one is a bug in vmemplan and is never printed (exit 70).
 */
#ifndef VP_CHECK_H
#define VP_CHECK_H

#include "error.h"

struct vp_result;

enum vp_status vp_check(const struct vp_result *r, struct vp_error *err);

#endif
