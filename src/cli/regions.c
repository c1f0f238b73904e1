// SPDX-License-Identifier: GPL-2.0-only
/* The regions of a device as the text bar and the SVG picture draw it. */
#include "render.h"

void vp_device_regions(const struct vp_result *r,
		       const struct vp_device_result *d,
		       struct vp_region rg[VP_NREGIONS])
{
	uint64_t info = r->arch.info_block_reserve, pad;

	if (info > d->layout.dataoff)
		info = d->layout.dataoff;
	/* dataoff = info block + memmap used + everything the alignment and
	 * the unused reserve leave between them and the data. */
	pad = d->layout.dataoff - info - d->altmap_bytes;
	rg[0] = (struct vp_region){ "info block", "#6c757d", info, 0, 'i' };
	rg[1] = (struct vp_region){ "memmap", "#d9534f", d->altmap_bytes, 0,
				    'm' };
	rg[2] = (struct vp_region){ "padding", "#f0ad4e", pad, 0, 'p' };
	rg[3] = (struct vp_region){ "data", "#5cb85c", d->layout.usable_bytes,
				    0, 'd' };
	rg[4] = (struct vp_region){ "end_trunc", "#adb5bd",
				    d->layout.end_trunc + d->layout.start_pad,
				    0, 't' };
}
