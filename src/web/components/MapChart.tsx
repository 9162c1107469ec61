/**
 * The ECharts part of WilayahMap, loaded lazily so ECharts (the largest dependency) is fetched only by screens
 * that show a map. Only the map series, tooltip and visual map are registered, with the canvas renderer.
 */
import { MapChart as EMapChart, type MapSeriesOption } from 'echarts/charts';
import { TooltipComponent, VisualMapContinuousComponent, VisualMapPiecewiseComponent, type TooltipComponentOption, type VisualMapComponentOption } from 'echarts/components';
import { init, registerMap, use, type ComposeOption, type ECharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { CHOROPLETH_RAMP, distinctColours, escapeHtml, valueRange, type MapLevel, type WilayahCollection } from '../lib/map';

use([EMapChart, TooltipComponent, VisualMapContinuousComponent, VisualMapPiecewiseComponent, CanvasRenderer]);

type Option = ComposeOption<MapSeriesOption | TooltipComponentOption | VisualMapComponentOption>;

export interface MapCategory {
  value: number;
  label: string;
  color: string;
}

export interface MapChartProps {
  collection: WilayahCollection;
  level: MapLevel;
  values?: Record<string, number>;
  categories?: MapCategory[];
  /** Name of the values (tooltip, scale). */
  valueLabel: string;
  lowLabel: string;
  highLabel: string;
  noDataLabel: string;
  formatValue: (value: number) => string;
  onSelect?: (kode: string) => void;
  showScale: boolean;
}

let mapCounter = 0;
const registered = new WeakMap<WilayahCollection, string>();

function mapNameFor(collection: WilayahCollection): string {
  const existing = registered.get(collection);
  if (existing) return existing;
  mapCounter += 1;
  const name = `pamong-wilayah-${mapCounter}`;
  // GeoJSON as ECharts expects it; the features were checked by readCollection.
  registerMap(name, collection as unknown as Parameters<typeof registerMap>[1]);
  registered.set(collection, name);
  return name;
}

export default function MapChart(props: MapChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ECharts | null>(null);
  const optionRef = useRef<Option | null>(null);
  const onSelectRef = useRef(props.onSelect);
  onSelectRef.current = props.onSelect;

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    let chart: ECharts | null = null;
    // ECharts 6 throws while laying out a map in a zero-sized box (a non-invertible transform), which happens
    // while the page is still being laid out or the box is hidden: create and resize only with a real size.
    const ready = (): ECharts | null => {
      if (container.clientWidth === 0 || container.clientHeight === 0) return null;
      if (!chart) {
        chart = init(container, undefined, { renderer: 'canvas' });
        chart.on('click', (params) => {
          if (typeof params.name === 'string' && params.name) onSelectRef.current?.(params.name);
        });
        chartRef.current = chart;
        if (optionRef.current) chart.setOption(optionRef.current, { notMerge: true });
      }
      return chart;
    };
    const observer = new ResizeObserver(() => ready()?.resize());
    observer.observe(container);
    ready();
    return () => {
      observer.disconnect();
      chart?.dispose();
      chartRef.current = null;
    };
  }, []);

  const { collection, level, values, categories, valueLabel, lowLabel, highLabel, noDataLabel, formatValue, showScale } = props;

  useEffect(() => {
    const names = new Map(collection.features.map((f) => [f.properties.code, f.properties.name]));
    const hasValues = values !== undefined;
    const colours = hasValues ? {} : distinctColours(collection.features, level);
    const categoryOf = new Map((categories ?? []).map((c) => [c.value, c]));
    const range = valueRange(values);

    const data = collection.features.map((feature) => {
      const code = feature.properties.code;
      const value = values?.[code];
      if (!hasValues) return { name: code, value: 0, itemStyle: { areaColor: colours[code] } };
      if (value === undefined) return { name: code, value: Number.NaN, itemStyle: { areaColor: '#eef1f4' } };
      return { name: code, value };
    });

    let visualMap: VisualMapComponentOption | undefined;
    if (hasValues && categories && categories.length > 0) {
      visualMap = {
        type: 'piecewise',
        show: showScale,
        pieces: categories.map((c) => ({ value: c.value, label: c.label, color: c.color })),
        left: 8,
        bottom: 8,
        textStyle: { color: '#1f2933' },
      };
    } else if (hasValues && range) {
      visualMap = {
        type: 'continuous',
        show: showScale,
        min: range.min,
        max: range.max,
        text: [highLabel, lowLabel],
        inRange: { color: [...CHOROPLETH_RAMP] },
        calculable: false,
        orient: 'horizontal',
        left: 8,
        bottom: 8,
        itemHeight: 120,
        textStyle: { color: '#1f2933' },
      };
    }

    const option: Option = {
      animation: false,
      tooltip: {
        trigger: 'item',
        confine: true,
        formatter: (params: unknown) => {
          const { name, value } = params as { name: string; value: number };
          const title = escapeHtml(names.get(name) ?? name);
          if (!hasValues) return title;
          if (value === undefined || Number.isNaN(value)) return `${title}<br/>${escapeHtml(noDataLabel)}`;
          const category = categoryOf.get(value);
          return `${title}<br/>${escapeHtml(valueLabel)}: ${escapeHtml(category ? category.label : formatValue(value))}`;
        },
      },
      visualMap,
      series: [
        {
          type: 'map',
          map: mapNameFor(collection),
          nameProperty: 'code',
          roam: false,
          selectedMode: false,
          layoutCenter: ['50%', '50%'],
          layoutSize: '95%',
          aspectScale: 1,
          itemStyle: { borderColor: '#ffffff', borderWidth: level === 'kecamatan' ? 1.5 : 0.8, areaColor: '#d9e2ec' },
          emphasis: {
            itemStyle: { areaColor: '#f6c453', borderColor: '#0b3d5c', borderWidth: 1.5 },
            label: { show: true, color: '#10212e', fontWeight: 'bold', formatter: (p: { name: string }) => names.get(p.name) ?? p.name },
          },
          label: {
            show: level === 'kecamatan',
            color: '#10212e',
            fontSize: 11,
            formatter: (p: { name: string }) => names.get(p.name) ?? p.name,
          },
          data,
        },
      ],
    };
    optionRef.current = option;
    chartRef.current?.setOption(option, { notMerge: true });
  }, [collection, level, values, categories, valueLabel, lowLabel, highLabel, noDataLabel, formatValue, showScale]);

  return <div ref={containerRef} className="map-canvas" />;
}
