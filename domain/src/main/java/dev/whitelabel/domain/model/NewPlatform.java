package dev.whitelabel.domain.model;

/** A platform to create together with its first white-label admin. */
public record NewPlatform(String name, EmailAddress adminEmail, String adminName) {

    public NewPlatform {
        name = DisplayName.require("name", name);
        adminName = DisplayName.require("admin_name", adminName);
    }
}
