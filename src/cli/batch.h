/* SPDX-License-Identifier: GPL-2.0-only */
/* --batch: JSON plans in, JSON results out, one per line. */
#ifndef VP_BATCH_H
#define VP_BATCH_H

#include <stdio.h>

#include <json-c/json.h>

#include "../core/error.h"
#include "../core/input.h"

/* Plans every line of in; returns the exit status (exitcodes.h): 0 when
 * every line was planned and accepted, 1 when any line gave an error
 * object, 70 when any of those was an internal error, 74 when output
 * failed. */
int vp_batch(FILE *in, FILE *out, const struct vp_input *defaults,
	     unsigned given);

/* One plan object (a batch line, or a --plan file) onto *in, which holds
 * the defaults; given: the options given before (1u << enum vp_value_key).
 * Returns 0, or -1 with err (VP_BADINPUT) naming the key or the step. */
int vp_read_plan(json_object *obj, struct vp_input *in, unsigned given,
		 struct vp_error *err);
/* --plan FILE ("-": standard input): one JSON object of that schema. */
int vp_read_plan_file(const char *path, struct vp_input *in, unsigned given,
		      struct vp_error *err);

#endif
