package dev.whitelabel.domain.error;

/** No such user, a user of another platform, or an admin: the same refusal for each. */
public final class UserNotFound extends WhitelabelException {
    public UserNotFound() {
        super("User not found.");
    }

    @Override
    public <R> R mappedBy(ErrorMapper<R> mapper) {
        return mapper.of(this);
    }
}
