package org.mltrading.ui.compliance;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The events of a search or a timeline: business names of the types, UTC times on a 24-hour clock,
 * the payload in words (wrapped, never cut off); a click opens every field and the who/why ids.
 */
final class AuditEventGrid {

    static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private AuditEventGrid() {
    }

    static Grid<AuditEvent> create(String id, boolean withAggregate) {
        Grid<AuditEvent> grid = new Grid<>();
        grid.setId(id);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(event -> event.timestamp() == null ? "" : TIMESTAMP.format(event.timestamp()))
                .setHeader("Time (UTC)").setKey("time").setAutoWidth(true).setFlexGrow(0);
        if (withAggregate) {
            grid.addColumn(AuditEvent::aggregateId).setHeader("Order or account").setKey("aggregate").setWidth("12em")
                    .setFlexGrow(0);
        }
        grid.addColumn(AuditEvent::sequence).setHeader("Seq").setKey("sequence").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEvent::typeLabel).setHeader("Event").setKey("type").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(event -> event.actor() == null ? "(none)" : event.actor()
                        + (event.actorType() == null ? "" : " (" + event.actorType() + ")"))
                .setHeader("Actor").setKey("actor").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEvent::payloadSummary).setHeader("Details (click a row for all fields)").setKey("payload")
                .setFlexGrow(1);
        grid.setItemDetailsRenderer(new ComponentRenderer<>(AuditEventGrid::details));
        grid.setDetailsVisibleOnClick(true);
        grid.setEmptyStateText("No events match these criteria.");
        return grid;
    }

    /** Every field of the payload on its own line, then the ids that tie the event to the rest. */
    static Div details(AuditEvent event) {
        List<EventPayloads.Field> lines = new ArrayList<>(EventPayloads.fields(event.payload()));
        lines.add(new EventPayloads.Field("Stored type", event.type()));
        lines.add(new EventPayloads.Field("Event id", event.eventId()));
        addIfPresent(lines, "Roles of the actor", event.roles());
        addIfPresent(lines, "Correlation id", event.correlationId());
        addIfPresent(lines, "Causation id", event.causationId());
        if (event.chainSequence() != null) {
            lines.add(new EventPayloads.Field("Hash-chain position", event.chainSequence().toString()));
        }
        Div details = new Div();
        details.addClassName("audit-event-details");
        details.getStyle().set("display", "grid").set("grid-template-columns", "max-content 1fr")
                .set("column-gap", "var(--lumo-space-m)").set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("font-size", "var(--lumo-font-size-s)");
        for (EventPayloads.Field line : lines) {
            Span label = new Span(line.label());
            label.getStyle().set("color", "var(--lumo-secondary-text-color)");
            details.add(label, new Span(line.value()));
        }
        return details;
    }

    private static void addIfPresent(List<EventPayloads.Field> lines, String label, String value) {
        if (value != null && !value.isBlank()) {
            lines.add(new EventPayloads.Field(label, value));
        }
    }
}
