// <mlt-candle-chart>: a candlestick + volume chart drawn by TradingView lightweight-charts (Apache-2.0,
// unpacked next to this file at build time from the npm tarball, see vaadin-ui/pom.xml and ADR 0014).
// The Java side (org.mltrading.ui.chart.CandlestickChart) owns the data; this element only draws it.
// Loaded as a static ES module (no Vaadin frontend build, see STACK.md).
import {
  createChart,
  createSeriesMarkers,
  CandlestickSeries,
  HistogramSeries,
  LineSeries,
} from './lightweight-charts/lightweight-charts.standalone.production.mjs';

const UP = '#26a69a';
const DOWN = '#ef5350';
const THEMES = {
  light: { background: '#ffffff', text: '#1f2937', grid: '#eef0f3' },
  dark: { background: '#1b1f27', text: '#d1d5db', grid: '#2a2f3a' },
};

function volumePoint(bar) {
  return { time: bar.time, value: bar.volume, color: bar.close >= bar.open ? UP + '80' : DOWN + '80' };
}

class MltCandleChart extends HTMLElement {
  connectedCallback() {
    if (this._chart) {
      return;
    }
    this.style.display = 'block';
    this.style.position = 'relative';
    this._chart = createChart(this, {
      autoSize: true,
      // a fixed spacing instead of fitContent(): fitContent right after attach squeezes the bars
      timeScale: { timeVisible: true, secondsVisible: true, barSpacing: 8, rightOffset: 4 },
      rightPriceScale: { scaleMargins: { top: 0.1, bottom: 0.25 } },
      crosshair: { mode: 0 },
    });
    this._candles = this._chart.addSeries(CandlestickSeries, {
      upColor: UP, downColor: DOWN, borderVisible: false, wickUpColor: UP, wickDownColor: DOWN,
    });
    this._volume = this._chart.addSeries(HistogramSeries, {
      priceFormat: { type: 'volume' }, priceScaleId: 'volume', lastValueVisible: false, priceLineVisible: false,
    });
    this._chart.priceScale('volume').applyOptions({ scaleMargins: { top: 0.8, bottom: 0 } });
    this._markers = createSeriesMarkers(this._candles, []);
    // The prediction overlay: the forecast close and its 95 % interval band (dashed bounds).
    const line = { lastValueVisible: false, priceLineVisible: false, crosshairMarkerVisible: false };
    this._prediction = this._chart.addSeries(LineSeries, { ...line, color: '#ff9800', lineWidth: 2 });
    this._upper = this._chart.addSeries(LineSeries, { ...line, color: '#ff980099', lineWidth: 1, lineStyle: 2 });
    this._lower = this._chart.addSeries(LineSeries, { ...line, color: '#ff980099', lineWidth: 1, lineStyle: 2 });
    this.setTheme(this.getAttribute('theme') || 'light');
  }

  disconnectedCallback() {
    if (this._chart) {
      this._chart.remove();
      this._chart = null;
    }
  }

  /** Replaces every bar: [{time (epoch s), open, high, low, close, volume}], ascending. */
  setBars(bars) {
    this._candles.setData(bars.map(({ time, open, high, low, close }) => ({ time, open, high, low, close })));
    this._volume.setData(bars.map(volumePoint));
    this._chart.timeScale().scrollToRealTime();
  }

  /** The live bar: updates the last bar (same time) or appends one (later time). */
  updateBar(bar) {
    const { time, open, high, low, close } = bar;
    this._candles.update({ time, open, high, low, close });
    this._volume.update(volumePoint(bar));
  }

  /** [{time, side: 'BUY'|'SELL', text, kind: 'order'|'fill'}], ascending by time. */
  setMarkers(markers) {
    this._markers.setMarkers(markers.map((m) => ({
      time: m.time,
      position: m.side === 'BUY' ? 'belowBar' : 'aboveBar',
      color: m.kind === 'fill' ? (m.side === 'BUY' ? '#1565c0' : '#ad1457') : '#9e9e9e',
      shape: m.side === 'BUY' ? 'arrowUp' : 'arrowDown',
      text: m.text,
    })));
  }

  /** [{time, value, lower, upper}] as prices, ascending by time; [] removes the overlay. */
  setPredictions(points) {
    this._prediction.setData(points.map((p) => ({ time: p.time, value: p.value })));
    this._upper.setData(points.map((p) => ({ time: p.time, value: p.upper })));
    this._lower.setData(points.map((p) => ({ time: p.time, value: p.lower })));
  }

  setTheme(name) {
    const theme = THEMES[name] || THEMES.light;
    this._chart.applyOptions({
      layout: { background: { color: theme.background }, textColor: theme.text },
      grid: { vertLines: { color: theme.grid }, horzLines: { color: theme.grid } },
    });
  }

  /** How many candles are drawn (browser tests read it). */
  barCount() {
    return this._candles ? this._candles.data().length : 0;
  }
}

if (!customElements.get('mlt-candle-chart')) {
  customElements.define('mlt-candle-chart', MltCandleChart);
}
