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

/** The 95 % interval band's fill (orange at 18 % over the chart); exported for the pixel check of the tests. */
const BAND_RGB = [255, 152, 0];
const BAND_ALPHA = 0.18;

/**
 * The prediction interval as a filled band: a series primitive (lightweight-charts' plugin API; the
 * library has no band series) attached to the forecast line. It draws one polygon through the upper
 * bounds left to right and back through the lower bounds, behind the series ('bottom' z-order), and
 * widens the price scale's autoscale range to the band so a wide interval is never cut off.
 */
class IntervalBand {
  constructor(host) {
    this._host = host;
    this._points = [];
    this._views = [{ zOrder: () => 'bottom', renderer: () => this }];
  }

  attached({ chart, series, requestUpdate }) {
    this._chart = chart;
    this._series = series;
    this._requestUpdate = requestUpdate;
  }

  detached() {
    this._chart = null;
    this._series = null;
  }

  setPoints(points) {
    this._points = points;
    this._host.dataset.bandPoints = String(points.length);
    if (this._requestUpdate) {
      this._requestUpdate();
    }
  }

  paneViews() {
    return this._views;
  }

  autoscaleInfo() {
    if (this._points.length === 0) {
      return null;
    }
    let minValue = Infinity;
    let maxValue = -Infinity;
    for (const p of this._points) {
      minValue = Math.min(minValue, p.lower);
      maxValue = Math.max(maxValue, p.upper);
    }
    return { priceRange: { minValue, maxValue } };
  }

  /** The band's vertices in CSS pixels of the pane, [{x, yValue, yLower, yUpper}], visible points only. */
  coordinates() {
    if (!this._chart || !this._series) {
      return [];
    }
    const timeScale = this._chart.timeScale();
    const out = [];
    for (const p of this._points) {
      const x = timeScale.timeToCoordinate(p.time);
      const yLower = this._series.priceToCoordinate(p.lower);
      const yUpper = this._series.priceToCoordinate(p.upper);
      const yValue = this._series.priceToCoordinate(p.value);
      if (x !== null && yLower !== null && yUpper !== null && yValue !== null) {
        out.push({ x, yValue, yLower, yUpper });
      }
    }
    return out;
  }

  draw(target) {
    const vertices = this.coordinates();
    this._host.dataset.bandDrawn = String(vertices.length);
    if (vertices.length < 2) {
      return;
    }
    target.useMediaCoordinateSpace(({ context }) => {
      context.beginPath();
      context.moveTo(vertices[0].x, vertices[0].yUpper);
      for (let i = 1; i < vertices.length; i++) {
        context.lineTo(vertices[i].x, vertices[i].yUpper);
      }
      for (let i = vertices.length - 1; i >= 0; i--) {
        context.lineTo(vertices[i].x, vertices[i].yLower);
      }
      context.closePath();
      context.fillStyle = `rgba(${BAND_RGB.join(', ')}, ${BAND_ALPHA})`;
      context.fill();
    });
  }
}

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
    // The prediction overlay: the forecast close, its 95 % interval as a filled band, dashed bounds.
    const line = { lastValueVisible: false, priceLineVisible: false, crosshairMarkerVisible: false };
    this._prediction = this._chart.addSeries(LineSeries, { ...line, color: '#ff9800', lineWidth: 2 });
    this._band = new IntervalBand(this);
    this._prediction.attachPrimitive(this._band);
    this._upper = this._chart.addSeries(LineSeries, { ...line, color: '#ff980099', lineWidth: 1, lineStyle: 2 });
    this._lower = this._chart.addSeries(LineSeries, { ...line, color: '#ff980099', lineWidth: 1, lineStyle: 2 });
    // news sentiment per bar in its own pane under the candles (mean score in [-1, 1])
    this._sentiment = this._chart.addSeries(HistogramSeries, {
      priceFormat: { type: 'price', precision: 2, minMove: 0.01 }, lastValueVisible: false, priceLineVisible: false,
      title: 'news sentiment',
    }, 1);
    const panes = this._chart.panes();
    if (panes.length > 1) {
      panes[1].setHeight(60);
    }
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

  /**
   * [{time, side, text, kind}], ascending by time: kind 'order'|'fill' with side 'BUY'|'SELL', or kind
   * 'news' with side its sentiment 'POSITIVE'|'NEGATIVE'|'NEUTRAL' (a dot above the bar).
   */
  setMarkers(markers) {
    this._markers.setMarkers(markers.map((m) => (m.kind === 'news' ? {
      time: m.time,
      position: 'aboveBar',
      color: m.side === 'POSITIVE' ? '#2e7d32' : m.side === 'NEGATIVE' ? '#c62828' : '#757575',
      shape: 'circle',
      text: m.text,
    } : {
      time: m.time,
      position: m.side === 'BUY' ? 'belowBar' : 'aboveBar',
      color: m.kind === 'fill' ? (m.side === 'BUY' ? '#1565c0' : '#ad1457') : '#9e9e9e',
      shape: m.side === 'BUY' ? 'arrowUp' : 'arrowDown',
      text: m.text,
    })));
  }

  /** [{time, value, count}] ascending by time: the mean news sentiment of each bar with news; [] clears it. */
  setSentiment(points) {
    this._sentiment.setData(points.filter((p) => p.count > 0).map((p) => ({
      time: p.time, value: p.value, color: p.value >= 0.05 ? '#2e7d32' : p.value <= -0.05 ? '#c62828' : '#9e9e9e',
    })));
  }

  /** [{time, value, lower, upper}] as prices, ascending by time; [] removes the overlay. */
  setPredictions(points) {
    this._prediction.setData(points.map((p) => ({ time: p.time, value: p.value })));
    this._upper.setData(points.map((p) => ({ time: p.time, value: p.upper })));
    this._lower.setData(points.map((p) => ({ time: p.time, value: p.lower })));
    this._band.setPoints(points);
  }

  setTheme(name) {
    const theme = THEMES[name] || THEMES.light;
    this._themeBackground = [1, 3, 5].map((k) => parseInt(theme.background.substring(k, k + 2), 16));
    this._chart.applyOptions({
      layout: { background: { color: theme.background }, textColor: theme.text },
      grid: { vertLines: { color: theme.grid }, horzLines: { color: theme.grid } },
    });
  }

  /**
   * For the browser tests: the colours of the pane's canvas inside the band, [[r, g, b, a], ...], at up
   * to {@code max} places half-way between two band points (between candles) and half-way between the
   * forecast and the upper bound (away from the lines), tallest segments first; and what the band's fill
   * over the theme's background looks like. Reads the canvas the chart draws its series on.
   */
  bandSamples(max = 8) {
    const vertices = this._band.coordinates();
    const places = [];
    for (let i = 0; i + 1 < vertices.length; i++) {
      const a = vertices[i];
      const b = vertices[i + 1];
      const yValue = (a.yValue + b.yValue) / 2;
      const yUpper = (a.yUpper + b.yUpper) / 2;
      places.push({ x: (a.x + b.x) / 2, y: (yValue + yUpper) / 2, height: Math.abs(yValue - yUpper) });
    }
    places.sort((p, q) => q.height - p.height);
    // the pane is drawn on two canvases of its size: the series one (opaque background) and a
    // transparent one on top (crosshair); the series canvas is the one that is opaque at the place
    const canvases = Array.from(this.querySelectorAll('canvas')).filter((c) => c.width > 0 && c.height > 0);
    const area = Math.max(0, ...canvases.map((c) => c.width * c.height));
    const pane = canvases.filter((c) => c.width * c.height === area);
    const background = this._themeBackground;
    const expected = [0, 1, 2].map((k) => Math.round(BAND_RGB[k] * BAND_ALPHA + background[k] * (1 - BAND_ALPHA)));
    // timeToCoordinate answers for forecasts scrolled out of view too (negative x or past the pane's
    // width): a canvas read there is transparent black, so only places inside the pane are sampled
    const size = pane.length === 0 ? { width: 0, height: 0 } : pane[0].getBoundingClientRect();
    const inside = (p) => p.x >= 2 && p.x <= size.width - 2 && p.y >= 2 && p.y <= size.height - 2;
    const samples = places.filter(inside).slice(0, max).filter((p) => p.height >= 6).map((p) => pane
      .map((canvas) => {
        const ratio = canvas.width / canvas.getBoundingClientRect().width;
        return Array.from(canvas.getContext('2d')
          .getImageData(Math.round(p.x * ratio), Math.round(p.y * ratio), 1, 1).data);
      })
      .sort((u, v) => v[3] - u[3])[0]);
    return { expected, samples };
  }

  /**
   * The bar interval the chart shows, in seconds: the shortest gap between two drawn candles (browser
   * tests read it; 0 with fewer than two candles). A count cannot tell intervals apart once history is
   * stored: 500 one-minute bars and 500 one-second bars look alike.
   */
  barSeconds() {
    const data = this._candles ? this._candles.data() : [];
    let shortest = 0;
    for (let i = 1; i < data.length; i++) {
      const gap = data[i].time - data[i - 1].time;
      if (gap > 0 && (shortest === 0 || gap < shortest)) shortest = gap;
    }
    return shortest;
  }

  /** How many candles are drawn (browser tests read it). */
  barCount() {
    return this._candles ? this._candles.data().length : 0;
  }
}

if (!customElements.get('mlt-candle-chart')) {
  customElements.define('mlt-candle-chart', MltCandleChart);
}
