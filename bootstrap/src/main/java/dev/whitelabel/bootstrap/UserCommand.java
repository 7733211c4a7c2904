package dev.whitelabel.bootstrap;

import dev.whitelabel.adapters.http.ResponseBodies;
import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.EmailAddress;
import dev.whitelabel.domain.model.LogoutScope;
import dev.whitelabel.domain.model.LogoutTarget;
import dev.whitelabel.domain.model.NewPlatformUser;
import dev.whitelabel.domain.model.Password;
import dev.whitelabel.domain.model.Timezone;
import dev.whitelabel.domain.model.UserReference;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "user",
        description = "Manage platform users.",
        subcommands = {UserCommand.Create.class, UserCommand.Logout.class})
final class UserCommand {

    @Command(name = "create", description = "Add a user to a platform.")
    static final class Create implements Callable<Integer> {

        @Mixin
        DatabaseOptions database;

        @Option(names = "--platform", required = true, paramLabel = "ID", description = "The platform's id.")
        long platformId;

        @Option(names = "--name", required = true, description = "The user's name.")
        String name;

        @Option(
                names = "--email",
                required = true,
                description = "The user's email, unique in the platform (trimmed, any case).")
        String email;

        @Option(names = "--password", description = "Optional; hashed with BCrypt before it is stored.")
        String password;

        @Option(names = "--timezone", description = "Optional IANA timezone, such as Europe/Paris.")
        String timezone;

        @Override
        public Integer call() {
            var request = new NewPlatformUser(
                    name,
                    new EmailAddress(email),
                    Optional.ofNullable(password).map(Password::new),
                    Optional.ofNullable(timezone).map(Timezone::new));
            return database.printResultOf(useCases ->
                    CommandResults.UserSummary.of(useCases.createPlatformUser().create(platformId, request)));
        }
    }

    @Command(name = "logout", description = "Revoke one token of a platform user, or all of them.")
    static final class Logout implements Callable<Integer> {

        @Mixin
        DatabaseOptions database;

        @Option(names = "--platform", required = true, paramLabel = "ID", description = "The platform's id.")
        long platformId;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Who who;

        @Option(names = "--token-id", paramLabel = "N", description = "Only this token; without it, every token.")
        Long tokenId;

        @Option(names = "--except-token-id", paramLabel = "N", description = "Every token but this one.")
        Long exceptTokenId;

        static final class Who {
            @Option(names = "--user-id", required = true, paramLabel = "N", description = "The user's id.")
            Long userId;

            @Option(names = "--email", required = true, description = "The user's email (trimmed, any case).")
            String email;
        }

        @Override
        public Integer call() {
            var target = new LogoutTarget(
                    new UserReference(
                            Optional.ofNullable(who.userId),
                            Optional.ofNullable(who.email).map(EmailAddress::new)),
                    LogoutScope.of(Optional.ofNullable(tokenId), Optional.ofNullable(exceptTokenId)));
            return database.printResultOf(useCases -> new CommandResults.LoggedOut(
                    ResponseBodies.ADMIN_LOGOUT_MESSAGE,
                    useCases.logoutPlatformUser()
                            .logout(Actor.operator(platformId), target)
                            .revokedTokens()));
        }
    }
}
