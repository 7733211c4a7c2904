package dev.whitelabel.domain.model;

/** A user with the hash of their password, for login only. */
public record PasswordCredential(User user, String passwordHash) {

    @Override
    public String toString() {
        return "PasswordCredential[user=" + user.id() + ", passwordHash=<hidden>]";
    }
}
