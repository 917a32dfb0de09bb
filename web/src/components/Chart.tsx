import {
  BarChart,
  CustomChart,
  FunnelChart,
  HeatmapChart,
  LineChart,
  SankeyChart,
  ScatterChart,
} from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  MarkPointComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';

echarts.use([
  BarChart,
  CustomChart,
  FunnelChart,
  HeatmapChart,
  LineChart,
  SankeyChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  MarkPointComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

/**
 * One ECharts chart; only the modules registered above are bundled. No animation: the figures appear at once
 * (and screenshots show them).
 */
export function Chart({
  option,
  height = 320,
  testId,
}: {
  option: object;
  height?: number;
  testId?: string;
}) {
  return (
    <div className="chart" data-testid={testId}>
      <ReactEChartsCore
        echarts={echarts}
        option={{ animation: false, ...option }}
        style={{ height }}
        notMerge
      />
    </div>
  );
}
