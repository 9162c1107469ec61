/**
 * Line and bar charts for the budget screens (the S-curve, deviation bars, revenue path), with ECharts loaded
 * only by screens that draw one (see LazyChart). Each chart carries a text summary for screen readers; the
 * canvas itself is hidden from them.
 */
import { BarChart, LineChart, type BarSeriesOption, type LineSeriesOption } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, type GridComponentOption, type LegendComponentOption, type TooltipComponentOption } from 'echarts/components';
import { init, use, type ComposeOption, type ECharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

use([LineChart, BarChart, GridComponent, LegendComponent, TooltipComponent, MarkLineComponent, CanvasRenderer]);

type Option = ComposeOption<LineSeriesOption | BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

export interface ChartSeries {
  name: string;
  type: 'line' | 'bar';
  data: Array<number | null>;
  color: string;
  dashed?: boolean;
  area?: boolean;
}

export interface ChartProps {
  categories: string[];
  series: ChartSeries[];
  /** Formats axis and tooltip values. */
  format: (value: number) => string;
  horizontal?: boolean;
  max?: number;
  height: number;
  /** A vertical marker (e.g. the as-of month). */
  markIndex?: number;
}

export default function EChart({ categories, series, format, horizontal = false, max, height, markIndex }: ChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ECharts | null>(null);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const chart = init(element, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    const narrow = (ref.current?.clientWidth ?? 800) < 520;
    const valueAxis = { type: 'value' as const, max, axisLabel: { formatter: (v: number) => format(v), fontSize: 11 }, splitLine: { lineStyle: { color: '#e5e9ee' } } };
    const categoryAxis = { type: 'category' as const, data: categories, axisLabel: { fontSize: 11, interval: horizontal ? 0 : narrow ? 1 : 0, width: horizontal ? (narrow ? 90 : 200) : undefined, overflow: 'truncate' as const }, axisTick: { alignWithLabel: true } };
    const option: Option = {
      animation: false,
      grid: { left: horizontal ? (narrow ? 96 : 210) : 48, right: 16, top: 36, bottom: 28, containLabel: false },
      legend: { top: 0, left: 0, itemWidth: 14, itemHeight: 8, textStyle: { fontSize: 11 } },
      tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? format(v) : '–') },
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? { ...categoryAxis, inverse: true } : valueAxis,
      series: series.map((s, index) =>
        s.type === 'line'
          ? {
              type: 'line',
              name: s.name,
              data: s.data,
              color: s.color,
              symbolSize: 5,
              lineStyle: { width: 2.5, type: s.dashed ? 'dashed' : 'solid' },
              areaStyle: s.area ? { opacity: 0.08 } : undefined,
              connectNulls: false,
              markLine:
                index === 0 && markIndex !== undefined
                  ? { silent: true, symbol: 'none', label: { show: false }, lineStyle: { color: '#8a96a3', type: 'dotted' }, data: [{ xAxis: markIndex }] }
                  : undefined,
            }
          : { type: 'bar', name: s.name, data: s.data, color: s.color, barMaxWidth: 18 },
      ),
    };
    chart.setOption(option, true);
  }, [categories, series, format, horizontal, max, markIndex]);

  return <div ref={ref} className="bud-chart-canvas" style={{ height }} aria-hidden="true" />;
}
