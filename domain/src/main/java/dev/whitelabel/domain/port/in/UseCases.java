package dev.whitelabel.domain.port.in;

/** Every use case of the product, as the adapters that drive it (HTTP, command line, Java) see them. */
public interface UseCases {
    AuthenticateTokenUseCase authenticateToken();

    LogoutPlatformUserUseCase logoutPlatformUser();

    LogoutSelfUseCase logoutSelf();

    CreatePlatformUseCase createPlatform();

    CreatePlatformUserUseCase createPlatformUser();

    RegisterPlatformUserUseCase registerPlatformUser();

    LoginPlatformUserUseCase loginPlatformUser();

    CreateTokenUseCase createToken();

    ListPlatformUsersUseCase listPlatformUsers();

    ListUserTokensUseCase listUserTokens();

    ReadAuditTrailUseCase readAuditTrail();

    ManageApiKeysUseCase manageApiKeys();

    PruneTokensUseCase pruneTokens();

    CheckHealthUseCase checkHealth();

    ManageServiceClientsUseCase manageServiceClients();

    ServiceClientDoorsUseCase serviceClientDoors();

    ManageWebhooksUseCase manageWebhooks();

    ManageAccountsUseCase manageAccounts();

    ManageSettingsUseCase manageSettings();
}
