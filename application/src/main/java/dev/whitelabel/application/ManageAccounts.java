package dev.whitelabel.application;

import dev.whitelabel.domain.error.Input;
import dev.whitelabel.domain.error.InvalidInput;
import dev.whitelabel.domain.error.Violation.Rule;
import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.AuditEvent.AuditAction;
import dev.whitelabel.domain.model.AuthenticatedUser;
import dev.whitelabel.domain.model.EmailAddress;
import dev.whitelabel.domain.model.LogoutResult;
import dev.whitelabel.domain.model.Password;
import dev.whitelabel.domain.model.PasswordCredential;
import dev.whitelabel.domain.model.User;
import dev.whitelabel.domain.port.in.ChangeOwnPasswordCommand;
import dev.whitelabel.domain.port.in.ChangeOwnPasswordUseCase;
import dev.whitelabel.domain.port.in.DeleteUserUseCase;
import dev.whitelabel.domain.port.in.DisableUserUseCase;
import dev.whitelabel.domain.port.in.EnableUserUseCase;
import dev.whitelabel.domain.port.in.SetPasswordCommand;
import dev.whitelabel.domain.port.in.SetPasswordUseCase;
import dev.whitelabel.domain.port.out.PasswordHasher;
import dev.whitelabel.domain.port.out.TokenStore;
import dev.whitelabel.domain.port.out.Transactions;
import dev.whitelabel.domain.port.out.UserDirectory;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Passwords are hashed before the transaction opens: BCrypt is slow by design, and a transaction
 * that waits on it holds the user's row lock as long.
 */
final class ManageAccounts
        implements ChangeOwnPasswordUseCase,
                SetPasswordUseCase,
                DisableUserUseCase,
                EnableUserUseCase,
                DeleteUserUseCase {

    private final PlatformUsers platformUsers;
    private final UserDirectory users;
    private final TokenStore tokens;
    private final PasswordHasher passwordHasher;
    private final Revocations revocations;
    private final LoginThrottling throttling;
    private final Transactions transactions;
    private final Clock clock;

    ManageAccounts(
            PlatformUsers platformUsers,
            UserDirectory users,
            TokenStore tokens,
            PasswordHasher passwordHasher,
            Revocations revocations,
            LoginThrottling throttling,
            Transactions transactions,
            Clock clock) {
        this.platformUsers = platformUsers;
        this.users = users;
        this.tokens = tokens;
        this.passwordHasher = passwordHasher;
        this.revocations = revocations;
        this.throttling = throttling;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public LogoutResult changeOwnPassword(ChangeOwnPasswordCommand command) {
        AuthenticatedUser caller = command.caller();
        String currentPassword = command.currentPassword();
        Password password = command.password();
        var user = caller.user();
        // a stolen token must not make the current password guessable: these guesses count as failed logins
        var attempt = throttling.begin(user.platformId(), new EmailAddress(user.email()), Optional.empty());
        boolean matches = users.findPasswordCredential(user.platformId(), user.id())
                .map(PasswordCredential::passwordHash)
                .filter(hash -> Password.fitsTheHash(currentPassword) && passwordHasher.matches(currentPassword, hash))
                .isPresent();
        if (!matches) {
            throw InvalidInput.of(Input.CURRENT_PASSWORD, Rule.INCORRECT);
        }
        String hash = passwordHasher.hash(password.value());
        var self = Actor.tokenOwner(caller);
        return transactions.inTransaction(() -> {
            var now = clock.instant();
            throttling.succeeded(attempt);
            users.setPasswordHash(user.platformId(), user.id(), hash);
            // the caller's token is theirs, so it is kept; were it gone (pruned), every token ends
            int revoked = revocations
                    .revokeAllExcept(self, user, caller.tokenId(), AuditAction.PASSWORD_CHANGED, now)
                    .orElseGet(() -> revocations.revokeAll(self, user, AuditAction.PASSWORD_CHANGED, now));
            return new LogoutResult(revoked);
        });
    }

    @Override
    public LogoutResult setPassword(SetPasswordCommand command) {
        Actor actor = command.actor();
        long userId = command.userId();
        Password password = command.password();
        String hash = passwordHasher.hash(password.value());
        return transactions.inTransaction(() -> {
            var user = platformUsers.find(actor.platformId(), userId);
            users.setPasswordHash(user.platformId(), user.id(), hash);
            return new LogoutResult(revocations.revokeAll(actor, user, AuditAction.PASSWORD_CHANGED, clock.instant()));
        });
    }

    @Override
    public LogoutResult disable(Actor actor, long userId) {
        return transactions.inTransaction(() -> {
            var user = platformUsers.find(actor.platformId(), userId);
            var now = clock.instant();
            users.disable(user.platformId(), user.id(), now);
            return new LogoutResult(revocations.revokeAll(actor, user, AuditAction.USER_DISABLED, now));
        });
    }

    @Override
    public void enable(Actor actor, long userId) {
        transactions.inTransaction(() -> {
            User user = platformUsers.find(actor.platformId(), userId);
            Instant now = clock.instant();
            users.enable(user.platformId(), user.id());
            revocations.recordAccountChange(actor, user, AuditAction.USER_ENABLED, now);
            return null;
        });
    }

    @Override
    public LogoutResult delete(Actor actor, long userId) {
        return transactions.inTransaction(() -> {
            var user = platformUsers.find(actor.platformId(), userId);
            var now = clock.instant();
            int revoked = revocations.revokeAll(actor, user, AuditAction.USER_DELETED, now);
            tokens.forget(user.platformId(), user.id());
            // the failed logins under the email are kept by its hash, which is still personal data
            throttling.forget(user.platformId(), user.email());
            users.forget(user.platformId(), user.id(), now);
            return new LogoutResult(revoked);
        });
    }
}
