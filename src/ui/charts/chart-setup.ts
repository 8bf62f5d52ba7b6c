import { CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip, type Plugin } from 'chart.js';
import { BarWithErrorBar, BarWithErrorBarsController } from 'chartjs-chart-error-bars';

/**
 * Chart.js with only what the charts use (tree-shaken), and the maintained error-bar plugin
 * (chartjs-chart-error-bars) for the 95 % intervals. No animation: a chart is drawn in one frame,
 * for the page's "ready" and for print.
 */
Chart.register(CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip, Legend, BarWithErrorBarsController, BarWithErrorBar);
Chart.defaults.animation = false;
Chart.defaults.color = '#1a1a1a';

export { Chart };

/**
 * Okabe & Ito's palette (2008), told apart by readers with any common colour-vision deficiency;
 * the charts add patterns, point shapes, dashes and direct labels so it holds in greyscale print.
 */
export const OKABE_ITO = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#F0E442', '#000000'] as const;
export const POINT_STYLES = ['circle', 'triangle', 'rect', 'rectRot', 'crossRot', 'star', 'rectRounded', 'cross'] as const;
export const DASHES: number[][] = [[], [6, 3], [2, 2], [8, 3, 2, 3], [1, 3], [10, 4]];

/** Diagonal hatching on a colour: a sample's bars stay apart from a census's in greyscale. */
export function hatch(color: string): CanvasPattern | string {
  const tile = document.createElement('canvas');
  tile.width = tile.height = 8;
  const ctx = tile.getContext('2d');
  if (!ctx) return color;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, 8, 8);
  ctx.strokeStyle = color;
  ctx.lineWidth = 3;
  ctx.beginPath();
  ctx.moveTo(-2, 10);
  ctx.lineTo(10, -2);
  ctx.moveTo(6, 10);
  ctx.lineTo(10, 6);
  ctx.moveTo(-2, 2);
  ctx.lineTo(2, -2);
  ctx.stroke();
  return ctx.createPattern(tile, 'repeat') ?? color;
}

/** Writes each bar's label (the rate) just past its interval: read without the axis, and in greyscale. */
export const directLabels = (labels: readonly string[]): Plugin<'barWithErrorBars'> => ({
  id: 'directLabels',
  afterDatasetsDraw(chart) {
    const { ctx } = chart;
    const meta = chart.getDatasetMeta(0);
    const scale = chart.scales.x!;
    const data = chart.data.datasets[0]!.data as { xMax?: number; x: number }[];
    ctx.save();
    ctx.fillStyle = '#1a1a1a';
    ctx.font = '12px sans-serif';
    ctx.textBaseline = 'middle';
    meta.data.forEach((bar, i) => {
      const point = data[i];
      if (!point || !labels[i]) return;
      // The chart keeps room to the right of 100 % (layout padding) for the label.
      ctx.textAlign = 'left';
      ctx.fillText(labels[i]!, scale.getPixelForValue(Math.max(point.xMax ?? point.x, point.x)) + 6, bar.y);
    });
    ctx.restore();
  },
});
