package dev.whitelabel.domain.model;

import java.util.Arrays;
import java.util.Optional;

/** What a webhook endpoint can be told of; its wire name is the Standard Webhooks {@code type}. */
public enum WebhookEventType {
    /** One token ended: an admin's logout by token id, an API key deleted, a user's own logout, RFC 7009. */
    TOKEN_REVOKED("token.revoked"),
    /** Every token of a user ended at once. */
    USER_LOGGED_OUT("user.logged_out");

    private final String wireName;

    WebhookEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<WebhookEventType> ofWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }
}
