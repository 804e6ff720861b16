package org.mltrading.ui.compliance;

import java.util.List;

/** One page of the event-history search: the events and the cursor to continue after them. */
public record AuditEventPage(List<Edge> edges, PageInfo pageInfo) {

    public record Edge(String cursor, AuditEvent node) {
    }

    public record PageInfo(boolean hasNextPage, String endCursor) {
    }

    public List<AuditEvent> events() {
        return edges.stream().map(Edge::node).toList();
    }
}
