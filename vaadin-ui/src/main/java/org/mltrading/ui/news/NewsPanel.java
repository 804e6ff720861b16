package org.mltrading.ui.news;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The desk's news panel: time, source, headline, a sentiment badge (green positive, red negative, grey
 * neutral, with the score) and the instruments, newest first. The desk feeds it (stored items on
 * attach, live ones from the subscription).
 */
public final class NewsPanel extends VerticalLayout {

    static final int CAPACITY = 100;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final NewsFeed feed = new NewsFeed(CAPACITY);
    private final Grid<NewsFeed.Item> grid = new Grid<>();

    public NewsPanel() {
        grid.setId("news");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(item -> TIME.format(item.publishedAt())).setHeader("Time (UTC)").setKey("time").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(NewsPanel::badge).setHeader("Sentiment").setKey("sentiment").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(NewsFeed.Item::headline).setHeader("Headline").setKey("headline").setFlexGrow(1);
        grid.addColumn(item -> String.join(", ", item.symbols())).setHeader("Instruments").setKey("symbols")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(item -> item.source() + (item.kind().equals("SOCIAL") ? " (social)" : ""))
                .setHeader("Source").setKey("source").setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText("No news in the last day.");
        grid.setSizeFull();
        add(grid);
        setPadding(false);
        setSpacing(false);
        setSizeFull();
    }

    /** Shows stored items (replacing what is shown). */
    public void load(List<NewsFeed.Item> items) {
        feed.load(items);
        grid.setItems(feed.items());
    }

    /** Adds live items; the grid is redrawn only when one is new. */
    public void add(List<NewsFeed.Item> items) {
        boolean changed = false;
        for (NewsFeed.Item item : items) {
            changed |= feed.add(item);
        }
        if (changed) {
            grid.setItems(feed.items());
        }
    }

    public List<NewsFeed.Item> items() {
        return feed.items();
    }

    /** The sentiment badge of an item (its theme says the colour; data-label says the label to tests). */
    public static Span badge(NewsFeed.Item item) {
        Span badge = new Span(switch (item.label()) {
            case "POSITIVE" -> "Positive ";
            case "NEGATIVE" -> "Negative ";
            default -> "Neutral ";
        } + item.scoreText());
        badge.getElement().getThemeList().add(switch (item.label()) {
            case "POSITIVE" -> "badge success";
            case "NEGATIVE" -> "badge error";
            default -> "badge contrast";
        });
        badge.addClassName("sentiment-badge");
        badge.getElement().setAttribute("data-label", item.label());
        badge.getElement().setAttribute("data-news-id", item.id());
        return badge;
    }
}
