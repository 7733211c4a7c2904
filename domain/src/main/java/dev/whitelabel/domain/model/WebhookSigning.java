package dev.whitelabel.domain.model;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What an endpoint's secret ({@code whsec_} and the base64 of its key) vouches for, as Standard
 * Webhooks prescribes: the signature of a message, and the message's id.
 */
public final class WebhookSigning {

    public static final String SECRET_PREFIX = "whsec_";
    private static final String MESSAGE_ID_PREFIX = "msg_";
    /** Characters of base64url, 144 bits: ids of different events never meet. */
    private static final int MESSAGE_ID_LENGTH = 24;

    private WebhookSigning() {}

    /** Base64 of HMAC-SHA256 over {@code content} with the endpoint's key. */
    public static String signature(String secret, String content) {
        return Base64.getEncoder().encodeToString(hmac(secret, content));
    }

    /**
     * The {@code webhook-id} of an event sent to an endpoint, derived rather than stored: the same on
     * every retry, different for every endpoint (each has its own key) and telling nothing but that.
     */
    public static String messageId(String secret, long auditEventId) {
        String mac = Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(secret, "webhook-id." + auditEventId));
        return MESSAGE_ID_PREFIX + mac.substring(0, MESSAGE_ID_LENGTH);
    }

    private static byte[] hmac(String secret, String content) {
        byte[] key = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
