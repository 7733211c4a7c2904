package dev.whitelabel.domain.model;

/** ADMINs are a platform's white-label admins; USERs are its platform users. */
public enum Role {
    ADMIN,
    USER
}
