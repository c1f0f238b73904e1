// SPDX-License-Identifier: GPL-2.0-only
/*
 * SVG 1.1 pictures, written by hand: the layout of a device (to scale
 * where a region is wide enough to see, widened and labelled where not)
 * with the memmap's split between the device and DRAM, and the overhead
 * curve of a --sweep, one line per --compare combination.
 */
#include <inttypes.h>
#include <math.h>
#include <string.h>

#include "../core/units.h"
#include "many.h"
#include "out.h"
#include "render.h"


/* Text content or an attribute value, XML-escaped. */
static void esc(struct vp_out *o, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&':
			vp_put(o, "&amp;");
			break;
		case '<':
			vp_put(o, "&lt;");
			break;
		case '>':
			vp_put(o, "&gt;");
			break;
		case '"':
			vp_put(o, "&quot;");
			break;
		default:
			if (fputc(*s, o->f) == EOF)
				o->err = -1;
		}
	}
}

static void text(struct vp_out *o, double x, double y, const char *anchor,
		 unsigned size, const char *weight, const char *s)
{
	vp_put(o, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%u\"%s%s%s>",
	    x, y, anchor, size, weight ? " font-weight=\"" : "",
	    weight ? weight : "", weight ? "\"" : "");
	esc(o, s);
	vp_put(o, "</text>\n");
}

static void header(struct vp_out *o, unsigned w, unsigned h)
{
	vp_put(o, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n"
	       "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" "
	       "\"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n"
	       "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" "
	       "width=\"%u\" height=\"%u\" viewBox=\"0 0 %u %u\" "
	       "font-family=\"DejaVu Sans, Verdana, sans-serif\">\n"
	       "<rect x=\"0\" y=\"0\" width=\"%u\" height=\"%u\" fill=\"#ffffff\"/>\n",
	    w, h, w, h, w, h);
}

/* ---- the layout of a device ------------------------------------------ */

#define PW 900		/* picture width */
#define BX 20.0		/* bar left */
#define BW 860.0	/* bar width */
#define MINW 56.0	/* narrowest drawn region */
#define PLAN_H 200	/* height of one device's picture */

/* Widths on a bar of BW: to scale, but every non-empty region at least
 * MINW wide, taken from the widest.  Returns whether the scale broke. */
static bool widths(struct vp_region *rg, unsigned n)
{
	uint64_t total = 0;
	unsigned i, big = 0;
	double used = 0;
	bool broken = false;

	for (i = 0; i < n; i++) {
		total += rg[i].bytes;
		if (rg[i].bytes > rg[big].bytes)
			big = i;
	}
	for (i = 0; i < n; i++) {
		rg[i].w = total ? BW * (double)rg[i].bytes / (double)total : 0;
		if (i != big && rg[i].bytes && rg[i].w < MINW) {
			rg[i].w = MINW;
			broken = true;
		}
		if (i != big)
			used += rg[i].w;
	}
	rg[big].w = BW - used;
	return broken;
}

/* The regions side by side, and under the bar a legend: a swatch, the
 * name and the size of each region (narrow regions cannot hold a label). */
static void bar(struct vp_out *o, struct vp_region *rg, unsigned n, double y,
		double h, bool broken)
{
	double x = BX, lx = BX;
	unsigned i;
	char lab[96], sz[VP_IEC_BUFSZ];

	for (i = 0; i < n; i++) {
		if (!rg[i].bytes)
			continue;
		vp_put(o, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" stroke=\"#ffffff\" stroke-width=\"1\"/>\n",
		    x, y, rg[i].w, h, rg[i].color);
		/* A break in the widest region when the scale is broken. */
		if (broken && rg[i].w > 4 * MINW) {
			double m = x + rg[i].w / 2;

			vp_put(o, "<polyline points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f\" fill=\"none\" stroke=\"#ffffff\" stroke-width=\"3\"/>\n",
			    m - 6, y - 2, m + 2, y + h / 3, m - 4, y + 2 * h / 3,
			    m + 4, y + h + 2);
		}
		x += rg[i].w;
		snprintf(lab, sizeof(lab), "%s %s", rg[i].name,
			 vp_format_iec(rg[i].bytes, sz, sizeof(sz)));
		vp_put(o, "<rect x=\"%.1f\" y=\"%.1f\" width=\"10\" height=\"10\" fill=\"%s\"/>\n",
		    lx, y + h + 8, rg[i].color);
		text(o, lx + 14, y + h + 17, "start", 11, NULL, lab);
		/* About 6.5 px per character at 11 px. */
		lx += 14 + 6.5 * (double)strlen(lab) + 18;
	}
}

static void plan_picture(struct vp_out *o, const struct vp_result *r,
			 const struct vp_device_result *d, const char *title,
			 double y0)
{
	const struct vp_input *in = &r->in;
	struct vp_region rg[5], mm[2];
	char line[320], a[VP_IEC_BUFSZ], b[VP_IEC_BUFSZ];
	bool broken;

	snprintf(line, sizeof(line), "%s%s%s%s%s%s%s, %s pages, kernel %s, %s map=%s",
		 title && *title ? title : "", title && *title ? ": " : "",
		 r->ndev > 1 ? d->name : "", r->ndev > 1 ? ": " : "",
		 vp_arch_name(in->arch),
		 in->arch == VP_ARCH_X86_64 ? "" : " ",
		 in->arch == VP_ARCH_X86_64 ? "" : vp_mmu_name(in->mmu),
		 in->page_shift == 16 ? "64K" : "4K", in->kernel.name,
		 vp_mode_name(d->mode), vp_map_name(d->map));
	text(o, BX, y0 + 18, "start", 14, "bold", line);
	{
		char c[VP_IEC_BUFSZ], e[VP_IEC_BUFSZ];

		snprintf(line, sizeof(line), "device %s at %#" PRIx64 ": %s usable, %s of struct pages on the device, %s in DRAM",
			 vp_format_iec(d->size, a, sizeof(a)), d->start,
			 vp_format_iec(d->layout.usable_bytes, b, sizeof(b)),
			 vp_format_iec(d->altmap_bytes, c, sizeof(c)),
			 vp_format_iec(d->dram_bytes, e, sizeof(e)));
		text(o, BX, y0 + 36, "start", 12, NULL, line);
	}
	vp_device_regions(r, d, rg);
	broken = widths(rg, 5);
	text(o, BX, y0 + 58, "start", 12, NULL, "the device, from its first byte:");
	bar(o, rg, 5, y0 + 64, 30, broken);
	if (broken)
		text(o, PW - BX, y0 + 58, "end", 10, NULL,
		     "narrow regions widened: not to scale where the bar is broken");
	mm[0] = (struct vp_region){ "on the device", "#d9534f", d->altmap_bytes, 0, 0 };
	mm[1] = (struct vp_region){ "in DRAM", "#0275d8", d->dram_bytes, 0, 0 };
	text(o, BX, y0 + 136, "start", 12, NULL,
	     "its struct pages (the memmap), where they live:");
	if (d->altmap_bytes || d->dram_bytes) {
		bool b2 = widths(mm, 2);

		bar(o, mm, 2, y0 + 142, 16, b2);
	}
}

int vp_render_svg_plans(FILE *f, const struct vp_result *const *r,
			const char (*titles)[320], unsigned n)
{
	struct vp_out o = { f, 0 };
	unsigned i, h = 0;

	for (i = 0; i < n; i++)
		h += r[i] ? PLAN_H * r[i]->ndev : 30;
	header(&o, PW, h + 10);
	for (i = 0, h = 0; i < n; i++) {
		if (r[i]) {
			unsigned d;

			for (d = 0; d < r[i]->ndev; d++) {
				plan_picture(&o, r[i], &r[i]->dev[d],
					     titles ? titles[i] : NULL, h);
				h += PLAN_H;
			}
		} else {
			text(&o, BX, h + 20, "start", 12, NULL, titles[i]);
			h += 30;
		}
	}
	vp_put(&o, "</svg>\n");
	return o.err;
}

/* ---- the sweep chart ------------------------------------------------- */

#define CW 900
#define CH 520
#define X0 90.0
#define X1 640.0
#define Y0 50.0
#define Y1 440.0

/* Dash patterns, so that series with the same numbers stay visible. */
static const char *const dashes[] = { "none", "9,5", "3,4", "12,4,3,4" };

static const char *const palette[] = {
	"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b",
	"#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
};

struct axis {
	double lo, hi;
	bool log;
};

static double scale(const struct axis *a, double v, double p0, double p1)
{
	double t;

	if (a->hi <= a->lo)
		return (p0 + p1) / 2;
	t = a->log ? (log2(v) - log2(a->lo)) / (log2(a->hi) - log2(a->lo)) :
		     (v - a->lo) / (a->hi - a->lo);
	return p0 + t * (p1 - p0);
}

/* A step of 1, 2 or 5 times a power of ten giving about 6 ticks. */
static double nice_step(double range)
{
	double s = pow(10, floor(log10(range / 6))), m;

	for (m = 1; m <= 10; m = m == 1 ? 2 : m == 2 ? 5 : 10)
		if (range / (s * m) <= 7)
			return s * m;
	return s * 10;
}

int vp_render_svg_sweep(FILE *f, const struct vp_options *opt,
			const struct vp_row *rows, unsigned ncombo,
			unsigned npts)
{
	struct vp_out o = { f, 0 };
	struct axis xa = { (double)opt->sweep.from, 0, opt->sweep.step == 0 };
	struct axis ya = { 0, 0, false };
	unsigned c, i;
	double step, t;
	char buf[320], sz[VP_IEC_BUFSZ];

	for (i = 0; i < ncombo * npts; i++) {
		if ((double)rows[i].size > xa.hi)
			xa.hi = (double)rows[i].size;
		if (rows[i].status == VP_OK && rows[i].overhead > ya.hi)
			ya.hi = rows[i].overhead;
	}
	step = nice_step(ya.hi > 0 ? ya.hi : 1);
	ya.hi = ceil((ya.hi > 0 ? ya.hi : 1) / step) * step;
	header(&o, CW, CH);
	{
		char to[VP_IEC_BUFSZ];

		snprintf(buf, sizeof(buf), "Overhead against device size, %s to %s",
			 vp_format_iec(opt->sweep.from, sz, sizeof(sz)),
			 vp_format_iec(opt->sweep.to, to, sizeof(to)));
		text(&o, X0, 28, "start", 15, "bold", buf);
	}
	/* Axes, grid and ticks. */
	vp_put(&o, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"#333333\"/>\n",
	    X0, Y0, X1 - X0, Y1 - Y0);
	for (t = 0; t <= ya.hi + step / 2; t += step) {
		double y = scale(&ya, t, Y1, Y0);

		vp_put(&o, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#dddddd\"/>\n",
		    X0, y, X1, y);
		snprintf(buf, sizeof(buf), "%g%%", t);
		text(&o, X0 - 6, y + 4, "end", 11, NULL, buf);
	}
	if (xa.log) {
		double v, every = 1;
		unsigned nt = 0;

		for (v = pow(2, ceil(log2(xa.lo))); v <= xa.hi; v *= 2)
			nt++;
		while (nt / every > 8)
			every *= 2;
		nt = 0;
		for (v = pow(2, ceil(log2(xa.lo))); v <= xa.hi; v *= 2, nt++) {
			double x = scale(&xa, v, X0, X1);

			if (fmod(nt, every) != 0)
				continue;
			vp_put(&o, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#dddddd\"/>\n",
			    x, Y0, x, Y1);
			text(&o, x, Y1 + 16, "middle", 11, NULL,
			     vp_format_iec((uint64_t)v, sz, sizeof(sz)));
		}
	} else {
		/* Ticks at the multiples of a power of two, at most 8 (one
		 * when the sweep has one size). */
		double st = 1, v;

		while ((xa.hi - xa.lo) / st > 8)
			st *= 2;
		if (xa.hi <= xa.lo)
			st = xa.hi > 0 ? xa.hi : 1;
		for (v = ceil(xa.lo / st) * st; v <= xa.hi && v + st > v;
		     v += st) {
			double x = scale(&xa, v, X0, X1);

			vp_put(&o, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#dddddd\"/>\n",
			    x, Y0, x, Y1);
			text(&o, x, Y1 + 16, "middle", 11, NULL,
			     vp_format_iec((uint64_t)v, sz, sizeof(sz)));
		}
	}
	text(&o, (X0 + X1) / 2, Y1 + 38, "middle", 12, NULL,
	     xa.log ? "device size (log scale)" : "device size");
	vp_put(&o, "<text x=\"20\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"12\" transform=\"rotate(-90 20 %.1f)\">overhead: (size - usable + struct pages in DRAM) / size</text>\n",
	    (Y0 + Y1) / 2, (Y0 + Y1) / 2);
	/* One line per combination; refused sizes break the line. */
	for (c = 0; c < ncombo; c++) {
		const char *col = palette[c % (sizeof(palette) / sizeof(palette[0]))];
		bool open = false;

		for (i = 0; i < npts; i++) {
			const struct vp_row *r = &rows[c * npts + i];

			if (r->status != VP_OK) {
				if (open)
					vp_put(&o, "\"/>\n");
				open = false;
				continue;
			}
			if (!open)
				vp_put(&o, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"%s\" stroke-dasharray=\"%s\" points=\"",
				    col, c % 4 ? "2" : "3", dashes[c % 4]);
			vp_put(&o, "%s%.1f,%.1f", open ? " " : "",
			    scale(&xa, (double)r->size, X0, X1),
			    scale(&ya, r->overhead, Y1, Y0));
			open = true;
		}
		if (open)
			vp_put(&o, "\"/>\n");
		for (i = 0; i < npts; i++) {
			const struct vp_row *r = &rows[c * npts + i];

			if (r->status == VP_OK)
				vp_put(&o, "<rect x=\"%.1f\" y=\"%.1f\" width=\"5\" height=\"5\" fill=\"%s\"/>\n",
				    scale(&xa, (double)r->size, X0, X1) - 2.5,
				    scale(&ya, r->overhead, Y1, Y0) - 2.5, col);
		}
		/* Legend. */
		vp_combo_label(opt, c, buf, sizeof(buf));
		vp_put(&o, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%s\" stroke-dasharray=\"%s\"/>\n",
		    X1 + 16, Y0 + 10 + 20.0 * c, X1 + 40, Y0 + 10 + 20.0 * c,
		    col, c % 4 ? "2" : "3", dashes[c % 4]);
		text(&o, X1 + 46, Y0 + 14 + 20.0 * c, "start", 11, NULL,
		     *buf ? buf : "this configuration");
	}
	vp_put(&o, "</svg>\n");
	return o.err;
}
