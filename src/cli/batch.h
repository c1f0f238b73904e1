/* SPDX-License-Identifier: GPL-2.0-only */
/* --batch: JSON plans in, JSON results out, one per line. */
#ifndef VP_BATCH_H
#define VP_BATCH_H

#include <stdio.h>

#include "../core/input.h"

/* Plans every line of in; returns the exit status (exitcodes.h): 0 when
 * every line was planned and accepted, 1 when any line gave an error
 * object, 70 when any of those was an internal error, 74 when output
 * failed. */
int vp_batch(FILE *in, FILE *out, const struct vp_input *defaults,
	     unsigned given);

#endif
