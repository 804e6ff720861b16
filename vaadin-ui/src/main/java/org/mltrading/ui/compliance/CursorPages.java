package org.mltrading.ui.compliance;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Forward/back paging over a cursor-paged query (Relay style: {@code first}, {@code after}): the
 * cursor that opened each page shown so far, so "previous" goes back without the server having to
 * page backwards. Shared by the compliance searches.
 */
final class CursorPages {

    /** Cursor ("after") of each page shown so far; the top is the current page's, "" the first page's. */
    private final Deque<String> pageStarts = new ArrayDeque<>();
    private AuditEventPage.PageInfo current;

    /** Back to the first page of a new search. */
    void restart() {
        pageStarts.clear();
        pageStarts.push("");
        current = null;
    }

    /** The {@code after} cursor of the current page; empty for the first. */
    String after() {
        return pageStarts.isEmpty() ? "" : pageStarts.peek();
    }

    /** Records what the server answered for the current page. */
    void shown(AuditEventPage.PageInfo pageInfo) {
        current = pageInfo;
    }

    boolean hasNext() {
        return current != null && current.hasNextPage() && current.endCursor() != null;
    }

    boolean hasPrevious() {
        return pageStarts.size() > 1;
    }

    void next() {
        if (!hasNext()) {
            throw new IllegalStateException("There is no next page");
        }
        pageStarts.push(current.endCursor());
    }

    void previous() {
        if (!hasPrevious()) {
            throw new IllegalStateException("There is no previous page");
        }
        pageStarts.pop();
    }

    /** 1 for the first page. */
    int pageNumber() {
        return Math.max(1, pageStarts.size());
    }
}
