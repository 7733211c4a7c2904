package dev.whitelabel.domain.error;

public final class NotWhiteLabelAdmin extends WhitelabelException {
    public NotWhiteLabelAdmin() {
        super("You are not a white label admin.");
    }

    @Override
    public <R> R answeredBy(Refusals<R> refusals) {
        return refusals.of(this);
    }
}
