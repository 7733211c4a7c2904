package dev.whitelabel.domain.model;

/** How many live tokens a logout revoked: 0 when they were all revoked already. */
public record LogoutResult(int revokedTokens) {

    /** What every adapter answers an admin's logout with, as the public API document words it. */
    public static final String ADMIN_LOGOUT_MESSAGE = "User logged out successfully.";
}
