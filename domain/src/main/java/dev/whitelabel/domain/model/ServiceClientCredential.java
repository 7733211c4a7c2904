package dev.whitelabel.domain.model;

/** What authenticating a service client needs: the client and the SHA-256 of its secret. */
public record ServiceClientCredential(ServiceClient client, TokenDigest secretDigest) {}
