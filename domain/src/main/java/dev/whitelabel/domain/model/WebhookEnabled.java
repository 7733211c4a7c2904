package dev.whitelabel.domain.model;

/** An endpoint sent to again, and how many of its deliveries that were held while it was disabled are due now. */
public record WebhookEnabled(WebhookEndpoint endpoint, int resumedDeliveries) {}
