package dev.whitelabel.application;

import dev.whitelabel.domain.port.in.AuthenticateTokenUseCase;
import dev.whitelabel.domain.port.in.CreatePlatformUseCase;
import dev.whitelabel.domain.port.in.CreatePlatformUserUseCase;
import dev.whitelabel.domain.port.in.IssueTokenUseCase;
import dev.whitelabel.domain.port.in.LogoutPlatformUserUseCase;
import dev.whitelabel.domain.port.in.UseCases;
import dev.whitelabel.domain.port.out.PasswordHasher;
import dev.whitelabel.domain.port.out.Storage;
import java.time.Clock;

/** Every use case over one storage, built with plain constructors: the whole product, minus its adapters. */
public final class WhitelabelUseCases implements UseCases {

    private final AuthenticateTokenUseCase authenticateToken;
    private final LogoutPlatformUserUseCase logoutPlatformUser;
    private final CreatePlatformUseCase createPlatform;
    private final CreatePlatformUserUseCase createPlatformUser;
    private final IssueTokenUseCase issueToken;

    public WhitelabelUseCases(Storage storage, PasswordHasher passwordHasher, Clock clock) {
        var tokenIssuer = new TokenIssuer(storage.tokens(), storage.auditLog(), clock);
        this.authenticateToken = new AuthenticateToken(storage.tokens(), clock);
        this.logoutPlatformUser = new LogoutPlatformUser(
                storage.users(), storage.tokens(), storage.auditLog(), storage.transactions(), clock);
        this.createPlatform = new CreatePlatform(
                storage.platforms(), storage.users(), tokenIssuer, storage.transactions(), clock);
        this.createPlatformUser = new CreatePlatformUser(storage.platforms(), storage.users(), passwordHasher, clock);
        this.issueToken = new IssueToken(storage.users(), tokenIssuer, storage.transactions());
    }

    @Override
    public AuthenticateTokenUseCase authenticateToken() {
        return authenticateToken;
    }

    @Override
    public LogoutPlatformUserUseCase logoutPlatformUser() {
        return logoutPlatformUser;
    }

    @Override
    public CreatePlatformUseCase createPlatform() {
        return createPlatform;
    }

    @Override
    public CreatePlatformUserUseCase createPlatformUser() {
        return createPlatformUser;
    }

    @Override
    public IssueTokenUseCase issueToken() {
        return issueToken;
    }
}
