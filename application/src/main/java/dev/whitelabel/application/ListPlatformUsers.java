package dev.whitelabel.application;

import dev.whitelabel.domain.error.Input;
import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.Page;
import dev.whitelabel.domain.model.PageRequest;
import dev.whitelabel.domain.model.Text;
import dev.whitelabel.domain.model.User;
import dev.whitelabel.domain.port.in.ListPlatformUsersUseCase;
import dev.whitelabel.domain.port.out.UserDirectory;
import java.util.Locale;
import java.util.Optional;

final class ListPlatformUsers implements ListPlatformUsersUseCase {

    private final UserDirectory users;

    ListPlatformUsers(UserDirectory users) {
        this.users = users;
    }

    @Override
    public Page<User> list(Actor actor, Optional<String> emailContains, PageRequest page) {
        var search = emailContains
                .map(text -> Text.requireStorable(Input.SEARCH, text))
                .map(String::strip)
                .filter(text -> !text.isEmpty())
                .map(text -> text.toLowerCase(Locale.ROOT));
        return users.listPlatformUsers(actor.platformId(), search, page);
    }
}
