package dev.whitelabel.domain.port.in;

/** Every use case of the product, as the adapters that drive it (HTTP, command line, Java) see them. */
public interface UseCases {
    AuthenticateTokenUseCase authenticateToken();

    LogoutPlatformUserUseCase logoutPlatformUser();

    CreatePlatformUseCase createPlatform();

    CreatePlatformUserUseCase createPlatformUser();

    IssueTokenUseCase issueToken();
}
