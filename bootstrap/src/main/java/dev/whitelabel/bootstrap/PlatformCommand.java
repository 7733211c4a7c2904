package dev.whitelabel.bootstrap;

import dev.whitelabel.adapters.http.WireNames;
import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.EmailAddress;
import dev.whitelabel.domain.model.NewPlatform;
import dev.whitelabel.domain.port.in.ChangeSessionCapCommand;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "platform",
        description = "Manage platforms.",
        subcommands = {PlatformCommand.Create.class, PlatformCommand.Settings.class})
final class PlatformCommand {

    @Command(name = "settings", description = "Show a platform's settings, or change the ones given.")
    static final class Settings implements Callable<Integer> {

        @Mixin
        DatabaseOptions database;

        @Option(names = "--platform", required = true, paramLabel = "ID", description = "The platform's id.")
        long platformId;

        @Option(
                names = "--max-tokens-per-user",
                paramLabel = "N|none",
                description = "The most live tokens a user may hold; none lifts the cap.")
        String maxTokensPerUser;

        @Option(
                names = "--session-cap-policy",
                paramLabel = "evict_oldest|reject",
                description = "What issuing one more token past the cap does.")
        String policy;

        @Override
        public Integer call() {
            Optional<OptionalInt> max = Optional.ofNullable(maxTokensPerUser).map(Settings::max);
            return database.printResultOf(useCases -> {
                var actor = Actor.operator(platformId);
                var cap = max.isEmpty() && policy == null
                        ? useCases.readSessionCap().sessionCap(actor)
                        : useCases.changeSessionCap()
                                .changeSessionCap(new ChangeSessionCapCommand(
                                        actor, max, Optional.ofNullable(policy).map(WireNames::policy)));
                return CommandResults.PlatformSettings.of(cap);
            });
        }

        private static OptionalInt max(String value) {
            if (value.equals("none")) {
                return OptionalInt.empty();
            }
            try {
                return OptionalInt.of(Integer.parseInt(value));
            } catch (NumberFormatException e) {
                throw CommandErrorMapper.invalid(Map.of(
                        "max_tokens_per_user", List.of("The max tokens per user field must be an integer or none.")));
            }
        }
    }

    @Command(name = "create", description = "Create a platform with its first admin and the admin's token.")
    static final class Create implements Callable<Integer> {

        @Mixin
        DatabaseOptions database;

        @Option(names = "--name", required = true, description = "The platform's name.")
        String name;

        @Option(
                names = "--admin-email",
                required = true,
                description = "The first admin's email; the admin's token is printed this once.")
        String adminEmail;

        @Option(
                names = "--admin-name",
                defaultValue = "Platform admin",
                description = "The first admin's name. Default: ${DEFAULT-VALUE}")
        String adminName;

        @Override
        public Integer call() {
            var request = new NewPlatform(name, new EmailAddress(adminEmail), adminName);
            return database.printResultOf(useCases -> CommandResults.PlatformCreatedResult.of(
                    useCases.createPlatform().create(request)));
        }
    }
}
