import { useEffect, useRef } from 'react';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';

// Only the pieces a bar chart needs, so the bundle carries no unused chart types.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);
// Axis and legend text as dark as the page's text (Chart.js's default grey is too light to read well).
Chart.defaults.color = '#1a1a1a';

export interface BarSeries {
  label: string;
  data: number[];
  /** Colours told apart also by people with red-green colour blindness (blue / orange / grey). */
  color: string;
}

/**
 * A bar chart on a canvas (Chart.js). The canvas is an image with a summary as its name; the
 * numbers themselves are in the table the caller always shows next to it (WCAG 1.1.1).
 */
export function BarChart(props: { labels: string[]; series: BarSeries[]; summary: string; tableId: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const key = JSON.stringify([props.labels, props.series]);
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const chart = new Chart(canvas, {
      type: 'bar',
      data: {
        labels: props.labels,
        datasets: props.series.map((s) => ({ label: s.label, data: s.data, backgroundColor: s.color, borderColor: s.color })),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        locale: 'it-IT',
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
        plugins: { legend: { display: props.series.length > 1 } },
      },
    });
    return () => chart.destroy();
    // `key` stands for labels and series: a new array with the same numbers must not redraw.
  }, [key]);
  return (
    <div className="g-chart">
      <canvas ref={ref} role="img" aria-label={props.summary} aria-describedby={props.tableId}>
        {props.summary}
      </canvas>
    </div>
  );
}
