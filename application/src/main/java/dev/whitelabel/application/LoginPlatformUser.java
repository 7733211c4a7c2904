package dev.whitelabel.application;

import dev.whitelabel.domain.error.InvalidCredentials;
import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.EmailAddress;
import dev.whitelabel.domain.model.NewToken;
import dev.whitelabel.domain.model.Password;
import dev.whitelabel.domain.model.PasswordCredential;
import dev.whitelabel.domain.model.SignedIn;
import dev.whitelabel.domain.port.in.LoginPlatformUserUseCase;
import dev.whitelabel.domain.port.out.PasswordHasher;
import dev.whitelabel.domain.port.out.Transactions;
import dev.whitelabel.domain.port.out.UserDirectory;
import java.time.Clock;
import java.util.Optional;

final class LoginPlatformUser implements LoginPlatformUserUseCase {

    private final UserDirectory users;
    private final PasswordHasher passwordHasher;
    private final TokenIssuer tokenIssuer;
    private final LoginThrottling throttling;
    private final Transactions transactions;
    private final Clock clock;
    // Checked against when the email is unknown, so that both refusals cost one hash comparison. Made
    // by the first login, not here: a command-line call never logs in, and would pay for the hash.
    private volatile String decoyHash;

    LoginPlatformUser(
            UserDirectory users,
            PasswordHasher passwordHasher,
            TokenIssuer tokenIssuer,
            LoginThrottling throttling,
            Transactions transactions,
            Clock clock) {
        this.users = users;
        this.passwordHasher = passwordHasher;
        this.tokenIssuer = tokenIssuer;
        this.throttling = throttling;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public SignedIn login(
            Actor actor, EmailAddress email, String password, NewToken token, Optional<String> personAddress) {
        // first, whether the email is known or not: the first login's extra hash tells nothing either
        String decoy = decoyHash();
        var attempt = throttling.begin(actor.platformId(), email, personAddress);
        Optional<PasswordCredential> credential = users.findPasswordCredential(actor.platformId(), email)
                .filter(found -> found.user().isPlatformUser());
        boolean matches = passwordHasher.matches(
                password, credential.map(PasswordCredential::passwordHash).orElse(decoy));
        // BCrypt compares the first 72 bytes only: a longer password would match on its prefix alone
        // a disabled user is told what a wrong password is told, after the same work
        // the attempt's place stays taken: it is the failure counted
        if (credential.isEmpty()
                || !matches
                || !Password.fitsTheHash(password)
                || credential.get().user().isDisabled()) {
            throw new InvalidCredentials();
        }
        var user = credential.get().user();
        String verified = credential.get().passwordHash();
        return transactions.inTransaction(() -> {
            // a password changed, or the user disabled or deleted, while the hash ran ends this login
            users.lockPasswordHash(user.platformId(), user.id())
                    .filter(verified::equals)
                    .orElseThrow(InvalidCredentials::new);
            throttling.succeeded(attempt);
            return new SignedIn(user, tokenIssuer.issue(actor, user, token, clock.instant()));
        });
    }

    private String decoyHash() {
        String decoy = decoyHash;
        if (decoy == null) {
            synchronized (this) {
                decoy = decoyHash;
                if (decoy == null) {
                    decoy = passwordHasher.hash("decoy password, never anyone's");
                    decoyHash = decoy;
                }
            }
        }
        return decoy;
    }
}
