package dev.whitelabel.application;

import dev.whitelabel.domain.error.Input;
import dev.whitelabel.domain.error.InvalidInput;
import dev.whitelabel.domain.error.Violation.Rule;
import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.NewPlatform;
import dev.whitelabel.domain.model.NewToken;
import dev.whitelabel.domain.model.Platform;
import dev.whitelabel.domain.model.PlatformCreated;
import dev.whitelabel.domain.model.Role;
import dev.whitelabel.domain.model.User;
import dev.whitelabel.domain.port.in.CreatePlatformUseCase;
import dev.whitelabel.domain.port.out.PlatformStore;
import dev.whitelabel.domain.port.out.Transactions;
import dev.whitelabel.domain.port.out.UserDirectory;
import dev.whitelabel.domain.port.out.UserEntry;
import java.time.Clock;
import java.util.Optional;

final class CreatePlatform implements CreatePlatformUseCase {

    private final PlatformStore platforms;
    private final UserDirectory users;
    private final TokenIssuer tokenIssuer;
    private final Transactions transactions;
    private final Clock clock;

    CreatePlatform(
            PlatformStore platforms,
            UserDirectory users,
            TokenIssuer tokenIssuer,
            Transactions transactions,
            Clock clock) {
        this.platforms = platforms;
        this.users = users;
        this.tokenIssuer = tokenIssuer;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public PlatformCreated create(NewPlatform request) {
        return transactions.inTransaction(() -> {
            var now = clock.instant();
            Platform platform = platforms.add(request.name(), now);
            var entry = new UserEntry(
                    platform.id(),
                    request.adminName(),
                    request.adminEmail(),
                    Optional.empty(),
                    Optional.empty(),
                    Role.ADMIN,
                    now);
            // A new platform has no users yet, so its first email cannot be taken.
            User admin = users.add(entry).orElseThrow(() -> InvalidInput.of(Input.ADMIN_EMAIL, Rule.TAKEN));
            var token =
                    tokenIssuer.issue(Actor.operator(platform.id()), admin, NewToken.named(NewToken.DEFAULT_NAME), now);
            return new PlatformCreated(platform, admin, token);
        });
    }
}
