package org.mltrading.ui.risk;

import static org.mltrading.ui.shell.Formats.percent;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.progressbar.ProgressBarVariant;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.mltrading.ui.graphql.GraphQlApiException;
import org.mltrading.ui.security.AccessTokens;
import org.mltrading.ui.shell.InstrumentFormat;
import org.mltrading.ui.shell.MainLayout;
import org.mltrading.ui.shell.NotificationCenter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The risk officer's page: the firm-wide kill switch and the firm's value at risk; every account with its
 * state, limits and their utilisation, the breaches first, the kill switch (halt with a reason / resume)
 * per account and its limits editor; limit rises waiting for a second officer (approve / reject). Live: the
 * {@code riskUpdated} subscription replaces an account's row after every change of it (utilisation,
 * breaches, proposals), pushed at most every {@link #PUSH_INTERVAL}; the firm's VaR follows at most every
 * {@link #VAR_INTERVAL}.
 */
@Route(value = "risk", layout = MainLayout.class)
@PageTitle("Risk | ML Trading Platform")
@RolesAllowed("RISK_OFFICER")
class RiskView extends VerticalLayout {

    private static final Logger log = LoggerFactory.getLogger(RiskView.class);

    static final java.time.Duration PUSH_INTERVAL = java.time.Duration.ofMillis(500);
    static final java.time.Duration VAR_INTERVAL = java.time.Duration.ofSeconds(10);

    private final RiskClient risk;
    private final NotificationCenter notifications;
    private final Grid<RiskAccount> accounts = new Grid<>();
    private final Grid<LimitUsage.Usage> breaches = new Grid<>();
    private final Grid<PendingLimits> proposals = new Grid<>();
    private final Span firmState = new Span();
    private final Span firmVar = new Span();
    private final Button firmSwitch = new Button();
    private final java.util.Map<String, RiskAccount> byId = new java.util.TreeMap<>();
    private RiskClient.FirmState firm;
    private org.mltrading.ui.graphql.SubscriptionChannel channel;
    private reactor.core.Disposable liveUpdates;
    private org.springframework.security.core.context.SecurityContext userContext;
    private volatile long varComputedAt;

    /** A proposal with its account, as the approvals grid lists it. */
    record PendingLimits(RiskAccount account, RiskAccount.Proposal proposal) {
    }

    RiskView(RiskClient risk, NotificationCenter notifications) {
        this.risk = risk;
        this.notifications = notifications;
        setId("risk");
        setSizeFull();

        breaches.setId("risk-breaches");
        breaches.addThemeVariants(GridVariant.LUMO_COMPACT);
        breaches.addColumn(LimitUsage.Usage::accountId).setHeader("Account").setKey("account");
        breaches.addColumn(LimitUsage.Usage::limit).setHeader("Limit").setKey("limit");
        breaches.addColumn(usage -> percent(usage.fraction())).setHeader("Used").setKey("used");
        breaches.setEmptyStateText("No limit is breached.");
        breaches.setAllRowsVisible(true);

        accounts.setId("risk-accounts");
        accounts.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        // Column widths are set, not left to equal flex shares: at 1440 px the usage columns squeezed
        // the headers to "Gross e…" and the kill switch to "H". Text columns size to their content,
        // usage columns get the room of bar + percentage, and the kill switch is pinned to the right
        // edge so it stays reachable when the grid scrolls sideways on narrow screens.
        accounts.addColumn(RiskAccount::id).setHeader("Account").setKey("id").setAutoWidth(true).setFlexGrow(1)
                .setFrozen(true);
        accounts.addColumn(RiskAccount::owner).setHeader("Owner").setKey("owner").setAutoWidth(true).setFlexGrow(0);
        accounts.addColumn(a -> InstrumentFormat.money(a.equity(), a.currency())).setHeader("Equity").setKey("equity").setAutoWidth(true)
                .setFlexGrow(0).setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        accounts.addComponentColumn(RiskView::state).setHeader("State").setKey("state").setAutoWidth(true)
                .setFlexGrow(0).setTooltipGenerator(a -> a.tradingStateReason() == null ? "" : a.tradingStateReason());
        accounts.addColumn(a -> a.limits() == null ? "" : InstrumentFormat.money(a.limits().maxGrossExposure(), a.currency()))
                .setHeader("Max gross exposure").setKey("maxGross").setAutoWidth(true).setFlexGrow(0)
                .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        accounts.addComponentColumn(this::limitsButton).setHeader("Limits").setKey("limits").setAutoWidth(true)
                .setFlexGrow(0);
        usageColumn(0, "Gross exposure", "grossUsed");
        usageColumn(1, "Daily loss", "lossUsed");
        usageColumn(2, "Largest position", "positionUsed");
        accounts.addComponentColumn(this::killSwitch).setHeader("Kill switch").setKey("killSwitch")
                .setWidth(KILL_SWITCH_WIDTH).setFlexGrow(0).setFrozenToEnd(true);
        accounts.setEmptyStateText("No accounts.");
        accounts.setSizeFull();

        proposals.setId("risk-proposals");
        proposals.addThemeVariants(GridVariant.LUMO_COMPACT);
        proposals.addColumn(p -> p.account().id()).setHeader("Account").setKey("account").setAutoWidth(true);
        proposals.addColumn(p -> p.proposal().proposedBy()).setHeader("Proposed by").setKey("proposedBy").setAutoWidth(true);
        proposals.addColumn(p -> LimitChanges.describe(p.account().limits(), p.proposal().limits(), p.account().currency()))
                .setHeader("Change").setKey("change").setFlexGrow(1);
        proposals.addColumn(p -> p.proposal().reason() == null ? "" : p.proposal().reason()).setHeader("Reason").setKey("reason")
                .setAutoWidth(true);
        proposals.addComponentColumn(this::decision).setHeader("Decision").setKey("decision").setAutoWidth(true).setFlexGrow(0);
        proposals.setEmptyStateText("No limit rise waits for approval.");
        proposals.setAllRowsVisible(true);

        firmState.setId("firm-state");
        firmVar.setId("firm-var");
        firmSwitch.setId("firm-switch");
        firmSwitch.addThemeVariants(ButtonVariant.LUMO_SMALL);
        firmSwitch.addClickListener(click -> confirmFirmSwitch());
        HorizontalLayout firmBar = new HorizontalLayout(new Span("Firm:"), firmState, firmSwitch, firmVar);
        firmBar.setId("firm-bar");
        firmBar.setAlignItems(Alignment.CENTER);

        add(new H3("Risk"), firmBar, new H4("Breaches"), breaches, new H4("Limit rises awaiting approval"), proposals,
                new H4("Accounts"), accounts);
        expand(accounts);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        userContext = org.springframework.security.core.context.SecurityContextHolder.getContext();
        refresh();
        listen(attachEvent.getUI());
    }

    @Override
    protected void onDetach(com.vaadin.flow.component.DetachEvent detachEvent) {
        if (liveUpdates != null) {
            liveUpdates.dispose();
            liveUpdates = null;
        }
        if (channel != null) {
            channel.close();
            channel = null;
        }
        super.onDetach(detachEvent);
    }

    private void refresh() {
        List<RiskAccount> all;
        try {
            all = risk.accounts();
        } catch (RuntimeException failure) {
            showError("Accounts could not be loaded", failure);
            return;
        }
        byId.clear();
        all.forEach(account -> byId.put(account.id(), account));
        showAccounts();
        refreshFirm();
        refreshVar();
    }

    private void showAccounts() {
        List<RiskAccount> all = List.copyOf(byId.values());
        accounts.setItems(all);
        breaches.setItems(LimitUsage.breaches(all));
        proposals.setItems(all.stream().flatMap(account -> account.proposals().stream()
                .map(proposal -> new PendingLimits(account, proposal))).toList());
    }

    /** Each change of an account replaces its row; bursts are pushed at most every PUSH_INTERVAL. */
    private void listen(com.vaadin.flow.component.UI ui) {
        try {
            channel = risk.openChannel();
            var updates = channel == null ? null : risk.updates(channel);
            if (updates == null) {
                return; // no live channel (the API's WebSocket is unavailable): the page still works on demand
            }
            liveUpdates = updates.bufferTimeout(256, PUSH_INTERVAL).filter(batch -> !batch.isEmpty())
                    .subscribe(batch -> access(ui, () -> {
                        boolean wasBreached = !breaches.getListDataView().getItems().toList().isEmpty();
                        batch.forEach(account -> byId.put(account.id(), account));
                        showAccounts();
                        if (!wasBreached && !LimitUsage.breaches(List.copyOf(byId.values())).isEmpty()) {
                            notifications.post(NotificationCenter.Level.WARNING, "A limit is breached");
                        }
                        if (System.currentTimeMillis() - varComputedAt > VAR_INTERVAL.toMillis()) {
                            refreshVar();
                        }
                    }), failure -> access(ui, () -> showError("Live risk updates stopped", failure)));
        } catch (RuntimeException failure) {
            showError("Live risk updates are unavailable", failure);
        }
    }

    private void access(com.vaadin.flow.component.UI ui, com.vaadin.flow.server.Command command) {
        org.springframework.security.core.context.SecurityContext user = userContext;
        ui.access(() -> {
            var previous = org.springframework.security.core.context.SecurityContextHolder.getContext();
            if (user != null) {
                org.springframework.security.core.context.SecurityContextHolder.setContext(user);
            }
            try {
                command.execute();
            } finally {
                org.springframework.security.core.context.SecurityContextHolder.setContext(previous);
            }
        });
    }

    private void refreshFirm() {
        try {
            firm = risk.firmState();
        } catch (RuntimeException failure) {
            showError("The firm's trading state could not be loaded", failure);
            return;
        }
        if (firm == null) {
            firmState.setText("unknown");
            return;
        }
        firmState.setText(firm.halted() ? "HALTED" : "ACTIVE");
        firmState.getElement().getThemeList().clear();
        firmState.getElement().getThemeList().add(firm.halted() ? "badge error primary" : "badge success");
        firmState.setTitle(firm.reason() == null ? "" : firm.reason());
        firmSwitch.setText(firm.halted() ? "Resume the firm" : "Halt the firm");
        firmSwitch.removeThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_PRIMARY);
        firmSwitch.addThemeVariants(firm.halted() ? ButtonVariant.LUMO_SUCCESS : ButtonVariant.LUMO_ERROR);
    }

    private void refreshVar() {
        varComputedAt = System.currentTimeMillis();
        try {
            RiskClient.FirmVar var = risk.firmVar();
            if (var == null) {
                firmVar.setText("");
                return;
            }
            firmVar.setText("VaR 1 day (historical): 95 % " + InstrumentFormat.money(var.var95(), var.currency())
                    + ", 99 % " + InstrumentFormat.money(var.var99(), var.currency()));
        } catch (RuntimeException failure) {
            firmVar.setText("VaR: " + (failure instanceof GraphQlApiException api ? api.userMessage() : "unavailable"));
        }
    }

    private void confirmFirmSwitch() {
        if (firm != null && firm.halted()) {
            reasonDialog("resume-firm", "Resume trading firm-wide?", "Every account accepts new orders again (accounts"
                            + " halted on their own stay halted)." + (firm.reason() == null ? "" : " It was halted: " + firm.reason() + "."),
                    "Resume the firm", "Stay halted", ButtonVariant.LUMO_SUCCESS, reason -> {
                        risk.resumeFirm(reason);
                        notifications.post(NotificationCenter.Level.INFO, "Trading resumed firm-wide");
                    }, "Firm-wide trading could not be resumed");
        } else {
            reasonDialog("halt-firm", "Halt trading firm-wide?", "Every new order of every account is refused until a"
                            + " risk officer resumes the firm. Working orders and account states stay as they are.",
                    "Halt the firm", "Keep trading", ButtonVariant.LUMO_ERROR, reason -> {
                        risk.haltFirm(reason);
                        notifications.post(NotificationCenter.Level.WARNING, "Trading halted firm-wide");
                    }, "Firm-wide trading could not be halted");
        }
    }

    private Button limitsButton(RiskAccount account) {
        // an icon, not a word: the grid must still fit 1440 px beside the menu
        Button edit = new Button(com.vaadin.flow.component.icon.VaadinIcon.EDIT.create(),
                click -> new LimitsDialog(account, risk, this::afterLimits).open());
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        edit.setAriaLabel("Edit the limits of " + account.id());
        edit.setTooltipText("Edit limits");
        edit.setId("limits-" + account.id());
        edit.setEnabled(account.limits() != null);
        return edit;
    }

    private void afterLimits(RiskAccount changed, boolean proposed) {
        byId.put(changed.id(), changed);
        showAccounts();
        notifications.post(proposed ? NotificationCenter.Level.WARNING : NotificationCenter.Level.INFO, proposed
                ? "Limit rise on " + changed.id() + " proposed: it waits for a second risk officer"
                : "Limits of " + changed.id() + " applied");
    }

    private HorizontalLayout decision(PendingLimits pending) {
        String id = pending.account().id() + "-" + pending.proposal().id();
        Button approve = new Button("Approve", click -> {
            try {
                RiskAccount changed = risk.approveLimits(pending.account().id(), pending.proposal().id());
                byId.put(changed.id(), changed);
                showAccounts();
                notifications.post(NotificationCenter.Level.INFO, "Limits of " + changed.id() + " approved and applied");
            } catch (RuntimeException failure) {
                showError("The limits could not be approved", failure);
            }
        });
        approve.setId("approve-" + id);
        approve.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_SUCCESS);
        Button reject = new Button("Reject", click -> reasonDialog("reject-limits", "Reject the limits proposed for "
                        + pending.account().id() + "?", "Nothing changes; the proposer sees why.", "Reject", "Keep open",
                ButtonVariant.LUMO_ERROR, reason -> risk.rejectLimits(pending.account().id(), pending.proposal().id(), reason),
                "The proposal could not be rejected"));
        reject.setId("reject-" + id);
        reject.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return new HorizontalLayout(approve, reject);
    }

    /** The state as a badge; the reason (free text, possibly long) is in the cell's tooltip. */
    private static Span state(RiskAccount account) {
        Span state = new Span(account.tradingState());
        state.getElement().getThemeList().add(account.halted() ? "badge error" : "badge success");
        return state;
    }

    /** The widest kill-switch button ("Resume trading", small) with the cell's padding. */
    static final String KILL_SWITCH_WIDTH = "140px";
    /**
     * Bar (46 px) + "100.0 %" + spacing; the header ("Gross exposure") fits too. With these widths
     * all columns fit the 1440 px window next to the side menu (the 160 px of the first attempt
     * pushed "Largest position" under the pinned kill switch, seen in the browser screenshot); 124 px since
     * the limits editor's column joined them.
     */
    static final String USAGE_WIDTH = "124px";

    private void usageColumn(int which, String header, String key) {
        accounts.addComponentColumn(a -> usageBar(a, which)).setHeader(header).setKey(key)
                .setWidth(USAGE_WIDTH).setFlexGrow(0);
    }

    private static HorizontalLayout usageBar(RiskAccount account, int which) {
        List<LimitUsage.Usage> usages = LimitUsage.of(account);
        if (usages.size() <= which) {
            return new HorizontalLayout(new Span("no limits"));
        }
        LimitUsage.Usage usage = usages.get(which);
        ProgressBar bar = new ProgressBar(0, 1, Math.min(1.0, usage.fraction().doubleValue()));
        bar.setWidth("46px");
        if (usage.level() == LimitUsage.Level.BREACH) {
            bar.addThemeVariants(ProgressBarVariant.LUMO_ERROR);
        } else if (usage.level() == LimitUsage.Level.WARNING) {
            bar.addThemeVariants(ProgressBarVariant.LUMO_CONTRAST);
        } else {
            bar.addThemeVariants(ProgressBarVariant.LUMO_SUCCESS);
        }
        HorizontalLayout cell = new HorizontalLayout(bar, new Span(percent(usage.fraction())));
        cell.setAlignItems(Alignment.CENTER);
        return cell;
    }

    private Button killSwitch(RiskAccount account) {
        if (account.halted()) {
            Button resume = new Button("Resume trading", click -> confirmResume(account));
            resume.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_SUCCESS);
            resume.setId("resume-" + account.id());
            return resume;
        }
        Button halt = new Button("Halt trading", click -> confirmHalt(account));
        halt.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        halt.setId("halt-" + account.id());
        return halt;
    }

    private void confirmHalt(RiskAccount account) {
        reasonDialog("halt", "Halt trading on " + account.id() + "?",
                "Every new order of the account is refused until trading is resumed.",
                "Halt trading", "Keep trading", ButtonVariant.LUMO_ERROR, reason -> {
                    risk.halt(account.id(), reason);
                    notifications.post(NotificationCenter.Level.WARNING, "Trading halted on " + account.id());
                }, "Trading could not be halted");
    }

    /** Resuming is as deliberate as halting: a reason (recorded with the state change) and a confirmation. */
    private void confirmResume(RiskAccount account) {
        reasonDialog("resume", "Resume trading on " + account.id() + "?",
                "The account accepts new orders again." + (account.tradingStateReason() == null ? ""
                        : " It was halted: " + account.tradingStateReason() + "."),
                "Resume trading", "Stay halted", ButtonVariant.LUMO_SUCCESS, reason -> {
                    risk.resume(account.id(), reason);
                    notifications.post(NotificationCenter.Level.INFO, "Trading resumed on " + account.id());
                }, "Trading could not be resumed");
    }

    /** Ids: {@code <kind>-dialog}, {@code <kind>-reason}, {@code <kind>-confirm} (browser tests). */
    private void reasonDialog(String kind, String title, String explanation, String confirmText, String cancelText,
                              ButtonVariant tone, java.util.function.Consumer<String> action, String failureText) {
        Dialog dialog = new Dialog();
        dialog.setId(kind + "-dialog");
        dialog.setHeaderTitle(title);
        dialog.setWidth("460px");
        TextField reason = new TextField("Reason");
        reason.setId(kind + "-reason");
        reason.setRequired(true);
        reason.setWidthFull();
        // the value reaches the server as typed, so the confirm button sees it even without a blur
        reason.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.EAGER);
        dialog.add(new Span(explanation), reason);
        Button confirm = new Button(confirmText, click -> {
            if (reason.getValue().isBlank()) {
                reason.setErrorMessage("Give a reason: it is recorded and shown to the trader.");
                reason.setInvalid(true);
                return;
            }
            try {
                action.accept(reason.getValue().trim());
                dialog.close();
                refresh();
            } catch (RuntimeException failure) {
                showError(failureText, failure);
            }
        });
        confirm.setId(kind + "-confirm");
        confirm.addThemeVariants(tone, ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(cancelText, click -> dialog.close()), confirm);
        dialog.open();
        reason.focus();
    }

    private void showError(String what, Throwable failure) {
        String detail = failure instanceof GraphQlApiException api ? api.userMessage()
                : failure instanceof AccessTokens.NotLoggedInException n ? n.getMessage() : "An unexpected error occurred.";
        log.warn("{}: {}", what, failure.toString());
        Notification notification = new Notification(what + ". " + detail, 8000, Notification.Position.TOP_CENTER);
        notification.setId("api-error");
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.open();
    }
}
