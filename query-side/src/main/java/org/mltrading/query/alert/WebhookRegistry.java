package org.mltrading.query.alert;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.mltrading.query.graphql.ApiException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Integrators' webhook endpoints. A URL must be http(s) with a host that resolves only to public addresses:
 * loopback, private, link-local and other internal ranges are refused (WEBHOOK_URL_NOT_ALLOWED) so a webhook
 * cannot make the platform call its own internals — unless {@code platform.webhooks.allow-private-addresses}
 * (the local profile sets it, for demo receivers on this machine).
 */
@Component
class WebhookRegistry {

    static final int MAX_PER_OWNER = 20;

    private final MongoTemplate mongo;
    private final boolean allowPrivate;

    WebhookRegistry(MongoTemplate mongo, @Value("${platform.webhooks.allow-private-addresses:false}") boolean allowPrivate) {
        this.mongo = mongo;
        this.allowPrivate = allowPrivate;
    }

    WebhookView register(String owner, String url) {
        URI uri = check(url);
        if (mine(owner).size() >= MAX_PER_OWNER) {
            throw new ApiException("WEBHOOK_LIMIT_REACHED", "at most " + MAX_PER_OWNER + " webhooks per client");
        }
        WebhookView webhook = new WebhookView("wh_" + UUID.randomUUID().toString().replace("-", ""), owner, uri.toString(),
                WebhookSignature.newSecret(), Instant.now(), true);
        mongo.insert(webhook);
        return webhook;
    }

    List<WebhookView> mine(String owner) {
        return mongo.find(new Query(Criteria.where("owner").is(owner).and("active").is(true)), WebhookView.class);
    }

    URI check(String url) {
        URI uri;
        try {
            uri = URI.create(url == null ? "" : url.strip());
        } catch (IllegalArgumentException e) {
            throw new ApiException("WEBHOOK_INVALID_URL", "not a URL: " + url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getUserInfo() != null) {
            throw new ApiException("WEBHOOK_INVALID_URL", "a webhook URL is http(s)://host[:port]/path without credentials");
        }
        if (!allowPrivate) {
            InetAddress[] addresses;
            try {
                addresses = InetAddress.getAllByName(uri.getHost());
            } catch (UnknownHostException e) {
                throw new ApiException("WEBHOOK_INVALID_URL", "the host " + uri.getHost() + " does not resolve");
            }
            for (InetAddress address : addresses) {
                if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                        || address.isAnyLocalAddress() || address.isMulticastAddress() || uniqueLocal(address)) {
                    throw new ApiException("WEBHOOK_URL_NOT_ALLOWED", uri.getHost() + " resolves to an internal address ("
                            + address.getHostAddress() + "): webhooks go to public receivers only");
                }
            }
        }
        return uri;
    }

    /** IPv6 unique local addresses (fc00::/7), which InetAddress does not call site-local. */
    private static boolean uniqueLocal(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
    }
}
