package org.mltrading.ui.chart;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import java.util.ArrayList;
import java.util.List;

/**
 * A candlestick chart with volume and order/fill markers, drawn in the browser by TradingView
 * lightweight-charts through the {@code <mlt-candle-chart>} custom element.
 *
 * <p>The element is a static ES module ({@value #MODULE}, next to the library unpacked there at build
 * time): Vaadin runs from its pre-compiled bundle here, so {@code @JsModule} cannot be used (STACK.md,
 * ADR 0014). The component keeps what it last sent (bars, markers, theme) so that a re-attached
 * element — a new DOM node — is redrawn completely.
 */
@Tag("mlt-candle-chart")
public class CandlestickChart extends Component implements HasSize {

    static final String MODULE = "/mlt-chart/candle-chart.js";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** More pending live bars than this are sent as one redraw. */
    private static final int MAX_INCREMENTAL_UPDATES = 20;

    /** Bars a long-running chart keeps: live bars beyond it drop the oldest (the browser keeps its own). */
    static final int MAX_BARS = 2_000;

    private final ArrayList<ChartBar> bars = new ArrayList<>();
    private final List<ChartBar> pendingUpdates = new ArrayList<>();
    private boolean flushScheduled;
    private boolean redrawPending;
    private List<ChartMarker> markers = List.of();
    private List<ChartPrediction> predictions = List.of();
    private List<ChartSentiment> sentiment = List.of();
    private boolean dark;

    public CandlestickChart() {
        setWidthFull();
        setHeight("360px");
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        attachEvent.getUI().getPage().addJsModule(MODULE);
        pendingUpdates.clear(); // the full state follows
        redrawPending = false;
        call("setTheme", dark ? "dark" : "light");
        call("setBars", bars);
        call("setMarkers", markers);
        call("setPredictions", predictions);
        call("setSentiment", sentiment);
    }

    /** Replaces all bars (ascending by time). */
    public void setBars(List<ChartBar> bars) {
        this.bars.clear();
        this.bars.addAll(bars.size() > MAX_BARS ? bars.subList(bars.size() - MAX_BARS, bars.size()) : bars);
        this.bars.trimToSize();
        pendingUpdates.clear();
        redrawPending = false;
        call("setBars", this.bars);
    }

    /**
     * The live bar: same time as the last bar replaces it, a later one is appended. Updates are
     * coalesced and sent once per response to the browser (beforeClientResponse), so a burst, or a
     * browser that is not fetching (asleep, disconnected), never piles up JavaScript calls on the server.
     */
    public void updateBar(ChartBar bar) {
        // changed in place, not copied per tick: the list is only read under the UI's lock
        long lastTime = bars.isEmpty() ? Long.MIN_VALUE : bars.get(bars.size() - 1).time();
        if (bar.time() < lastTime) {
            return; // the library refuses updates older than the last bar
        }
        if (bar.time() == lastTime) {
            bars.set(bars.size() - 1, bar);
        } else {
            bars.add(bar);
            if (bars.size() > MAX_BARS) {
                bars.remove(0);
            }
        }
        if (!isAttached()) {
            return;
        }
        if (!pendingUpdates.isEmpty() && pendingUpdates.get(pendingUpdates.size() - 1).time() == bar.time()) {
            pendingUpdates.set(pendingUpdates.size() - 1, bar);
        } else if (redrawPending || pendingUpdates.size() >= MAX_INCREMENTAL_UPDATES) {
            pendingUpdates.clear(); // too many for increments: one redraw, and no growing backlog
            redrawPending = true;
        } else {
            pendingUpdates.add(bar);
        }
        if (!flushScheduled) {
            flushScheduled = true;
            getElement().getNode().runWhenAttached(ui -> ui.beforeClientResponse(this, context -> flushUpdates()));
        }
    }

    private void flushUpdates() {
        flushScheduled = false;
        List<ChartBar> updates = List.copyOf(pendingUpdates);
        pendingUpdates.clear();
        if (redrawPending) {
            redrawPending = false;
            call("setBars", bars);
        } else {
            updates.forEach(update -> call("updateBar", update));
        }
    }

    /** Replaces the markers (ascending by time). */
    public void setMarkers(List<ChartMarker> markers) {
        this.markers = List.copyOf(markers);
        call("setMarkers", this.markers);
    }

    /** Replaces the prediction overlay (ascending by time; empty removes it). */
    public void setPredictions(List<ChartPrediction> predictions) {
        this.predictions = List.copyOf(predictions);
        call("setPredictions", this.predictions);
    }

    /** Replaces the news-sentiment pane under the candles (ascending by time; empty clears it). */
    public void setSentiment(List<ChartSentiment> sentiment) {
        this.sentiment = List.copyOf(sentiment);
        call("setSentiment", this.sentiment);
    }

    public List<ChartSentiment> sentiment() {
        return sentiment;
    }

    /**
     * Names the model version the overlay shows (e.g. {@code momentum@1}) in the element's
     * {@code data-prediction-model} attribute (for the reader of the page and the browser tests);
     * null removes it.
     */
    public void setPredictionModel(String modelVersion) {
        if (modelVersion == null) {
            getElement().removeAttribute("data-prediction-model");
        } else {
            getElement().setAttribute("data-prediction-model", modelVersion);
        }
    }

    public List<ChartPrediction> predictions() {
        return predictions;
    }

    public void setDark(boolean dark) {
        this.dark = dark;
        call("setTheme", dark ? "dark" : "light");
    }

    /** The bars last sent to the browser (what the chart shows). */
    public List<ChartBar> bars() {
        return java.util.Collections.unmodifiableList(bars);
    }

    public List<ChartMarker> markers() {
        return markers;
    }

    /** Calls a method of the element once the module has defined it (the first call may come earlier). */
    private void call(String method, Object argument) {
        if (!isAttached()) {
            return;
        }
        String json;
        try {
            json = JSON.writeValueAsString(argument);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("chart data is not serialisable", e);
        }
        getElement().executeJs("customElements.whenDefined('mlt-candle-chart').then(() => this." + method
                + "(JSON.parse($0)))", json);
    }
}
