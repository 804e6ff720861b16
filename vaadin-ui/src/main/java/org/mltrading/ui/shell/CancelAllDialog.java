package org.mltrading.ui.shell;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;

/**
 * The question before cancelling several orders at once (desk blotter, orders page): how many, a
 * destructive confirm that says the count again, and a way out. Ids: {@code <idPrefix>-dialog} and
 * {@code <idPrefix>-confirm} (browser tests click them).
 */
public final class CancelAllDialog {

    private CancelAllDialog() {
    }

    /** {@code kind}: the word for the orders, e.g. "working" or "open". */
    public static void open(String idPrefix, int count, String kind, Runnable onConfirm) {
        Dialog dialog = new Dialog();
        dialog.setId(idPrefix + "-dialog");
        dialog.setHeaderTitle("Cancel all " + count + " " + kind + " orders?");
        Button confirm = new Button("Cancel " + count + " orders", click -> {
            dialog.close();
            onConfirm.run();
        });
        confirm.setId(idPrefix + "-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Keep them", click -> dialog.close()), confirm);
        dialog.open();
    }
}
