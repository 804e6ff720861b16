package org.mltrading.ui.alert;

import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.spring.annotation.VaadinSessionScope;
import org.mltrading.ui.graphql.SubscriptionChannel;
import org.mltrading.ui.security.AccessTokens;
import org.mltrading.ui.shell.NotificationCenter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;

/**
 * The platform's notifications (alerts that fired) under the bell, for the whole session: the unread ones
 * when the session starts (so the count survives a new session and other tabs), then live from the
 * {@code notifications} subscription. Each is posted once (keyed by its id) to the session's
 * {@link NotificationCenter}, which every tab's shell shows.
 */
@Component
@VaadinSessionScope
public class PlatformNotifications implements org.mltrading.ui.shell.ShellAttached {

    private static final Logger log = LoggerFactory.getLogger(PlatformNotifications.class);

    private final AlertClient alerts;
    private final NotificationCenter center;
    private SubscriptionChannel channel;
    private Disposable live;

    public PlatformNotifications(AlertClient alerts, NotificationCenter center) {
        this.alerts = alerts;
        this.center = center;
    }

    @Override
    public void shellAttached() {
        start();
    }

    /** Starts once per session (later calls do nothing); the caller is on a UI thread of the session. */
    public synchronized void start() {
        if (channel != null) {
            return;
        }
        VaadinSession session = VaadinSession.getCurrent();
        Authentication user;
        try {
            user = AccessTokens.currentUser();
        } catch (RuntimeException notLoggedIn) {
            return;
        }
        try {
            channel = alerts.openChannel(user);
            if (channel == null) {
                return;
            }
            live = alerts.live(channel).subscribe(notification -> session.access(() -> post(notification)),
                    failure -> log.warn("live notifications stopped: {}", failure.toString()));
            alerts.unread(user).forEach(this::post);
        } catch (RuntimeException failure) {
            log.warn("notifications are unavailable: {}", failure.toString());
        }
    }

    private void post(AlertClient.Notification notification) {
        center.post(NotificationCenter.Level.WARNING, notification.title() + ": " + notification.body(),
                "platform:" + notification.id());
    }

    @jakarta.annotation.PreDestroy
    synchronized void stop() {
        if (live != null) {
            live.dispose();
        }
        if (channel != null) {
            channel.close();
        }
    }
}
