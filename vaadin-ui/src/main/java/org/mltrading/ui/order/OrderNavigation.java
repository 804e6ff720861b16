package org.mltrading.ui.order;

import com.vaadin.flow.component.UI;

/** How other features open the order screens (the views themselves stay package-private). */
public final class OrderNavigation {

    private OrderNavigation() {
    }

    public static void toOrders() {
        UI.getCurrent().navigate(OrdersView.class);
    }
}
