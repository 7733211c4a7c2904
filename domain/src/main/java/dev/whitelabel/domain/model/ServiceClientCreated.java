package dev.whitelabel.domain.model;

/** A new service client with its secret, which is shown this once and stored only as a digest. */
public record ServiceClientCreated(ServiceClient client, String secret) {

    @Override
    public String toString() {
        return "ServiceClientCreated[client=" + client + ", secret=<hidden>]";
    }
}
