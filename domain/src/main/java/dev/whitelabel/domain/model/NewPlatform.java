package dev.whitelabel.domain.model;

import dev.whitelabel.domain.error.Input;

/** A platform to create together with its first white-label admin. */
public record NewPlatform(String name, EmailAddress adminEmail, String adminName) {

    public NewPlatform {
        name = DisplayName.require(Input.NAME, name);
        adminName = DisplayName.require(Input.ADMIN_NAME, adminName);
    }
}
