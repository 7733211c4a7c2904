package dev.whitelabel.domain.error;

public final class NotWhiteLabelAdmin extends WhitelabelException {
    public NotWhiteLabelAdmin() {
        super("You are not a white label admin.");
    }

    @Override
    public <R> R mappedBy(ErrorMapper<R> mapper) {
        return mapper.of(this);
    }
}
