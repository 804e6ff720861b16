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

    private List<ChartBar> bars = List.of();
    private List<ChartMarker> markers = List.of();
    private boolean dark;

    public CandlestickChart() {
        setWidthFull();
        setHeight("360px");
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        attachEvent.getUI().getPage().addJsModule(MODULE);
        call("setTheme", dark ? "dark" : "light");
        call("setBars", bars);
        call("setMarkers", markers);
    }

    /** Replaces all bars (ascending by time). */
    public void setBars(List<ChartBar> bars) {
        this.bars = new ArrayList<>(bars);
        call("setBars", this.bars);
    }

    /** The live bar: same time as the last bar replaces it, a later one is appended. */
    public void updateBar(ChartBar bar) {
        List<ChartBar> next = new ArrayList<>(bars);
        long lastTime = next.isEmpty() ? Long.MIN_VALUE : next.get(next.size() - 1).time();
        if (bar.time() < lastTime) {
            return; // the library refuses updates older than the last bar
        }
        if (bar.time() == lastTime) {
            next.set(next.size() - 1, bar);
        } else {
            next.add(bar);
        }
        bars = next;
        call("updateBar", bar);
    }

    /** Replaces the markers (ascending by time). */
    public void setMarkers(List<ChartMarker> markers) {
        this.markers = List.copyOf(markers);
        call("setMarkers", this.markers);
    }

    public void setDark(boolean dark) {
        this.dark = dark;
        call("setTheme", dark ? "dark" : "light");
    }

    /** The bars last sent to the browser (what the chart shows). */
    public List<ChartBar> bars() {
        return bars;
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
