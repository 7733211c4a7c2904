package dev.whitelabel.bootstrap;

import dev.whitelabel.adapters.http.ssf.SecurityEventNames;
import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.SecurityEventType;
import dev.whitelabel.domain.model.StreamDelivery;
import dev.whitelabel.domain.port.in.StreamSettings;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
        name = "ssf",
        description = "Manage a platform's OpenID Shared Signals streams and signing keys.",
        subcommands = {SsfCommand.Stream.class, SsfCommand.Keys.class})
final class SsfCommand {

    @Command(
            name = "stream",
            description = "List, create or delete a platform's streams.",
            subcommands = {SsfCommand.ListStreams.class, SsfCommand.CreateStream.class, SsfCommand.DeleteStream.class})
    static final class Stream {}

    @Command(name = "list", description = "The platform's streams, oldest first.")
    static final class ListStreams implements Callable<Integer> {

        @Mixin
        DatabaseOptions database;

        @Option(names = "--platform", required = true, paramLabel = "ID", description = "The platform's id.")
        long platformId;

        @Override
        public Integer call() {
            return database.printResultOf(useCases ->
                    new CommandResults.Streams(useCases.listEventStreams().list(Actor.operator(platformId)).stream()
                            .map(CommandResults.StreamResult::of)
                            .toList()));
        }
    }

    @Command(
            name = "create",
            description = "Create a stream, polled by its receiver unless --push-url is given; it carries the events"
                    + " named with --event, every one when none is.")
    static final class CreateStream implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        DatabaseOptions database;

        @Mixin
        WebhookPolicyOptions webhooks;

        @Option(names = "--platform", required = true, paramLabel = "ID", description = "The platform's id.")
        long platformId;

        @Option(
                names = "--event",
                paramLabel = "URI",
                description = "An event type's URI, such as"
                        + " https://schemas.openid.net/secevent/caep/event-type/session-revoked; repeatable.")
        List<String> events = new ArrayList<>();

        @Option(names = "--description", paramLabel = "TEXT", description = "What the stream is for.")
        Optional<String> description;

        @Option(
                names = "--push-url",
                paramLabel = "URL",
                description = "The receiver's push endpoint (RFC 8935); without it, the receiver polls (RFC 8936).")
        Optional<String> pushUrl;

        @Override
        public Integer call() {
            var settings = new StreamSettings(
                    pushUrl.map(url -> StreamDelivery.push(url, Optional.empty()))
                            .orElse(StreamDelivery.POLL),
                    eventTypes(),
                    description);
            return database.printResultOf(
                    ProductSettings.DEFAULTS.with(webhooks.policy()),
                    useCases -> CommandResults.StreamResult.of(
                            useCases.createEventStream().create(Actor.operator(platformId), settings)));
        }

        private EnumSet<SecurityEventType> eventTypes() {
            if (events.isEmpty()) {
                return EnumSet.copyOf(SecurityEventType.REQUESTABLE);
            }
            var types = EnumSet.noneOf(SecurityEventType.class);
            for (String uri : events) {
                types.add(SecurityEventNames.type(uri)
                        .filter(SecurityEventType.REQUESTABLE::contains)
                        .orElseThrow(() ->
                                new ParameterException(spec.commandLine(), "Unknown event type for --event: " + uri)));
            }
            return types;
        }
    }

    @Command(name = "delete", description = "Delete a stream and every event it holds.")
    static final class DeleteStream implements Callable<Integer> {

        @Mixin
        DatabaseOptions database;

        @Option(names = "--platform", required = true, paramLabel = "ID", description = "The platform's id.")
        long platformId;

        @Option(names = "--stream", required = true, paramLabel = "ID", description = "The stream's id.")
        long streamId;

        @Override
        public Integer call() {
            return database.printResultOf(useCases -> {
                useCases.deleteEventStream().delete(Actor.operator(platformId), streamId);
                return new CommandResults.StreamDeleted("Stream deleted.");
            });
        }
    }

    @Command(name = "keys", description = "The platform's signing keys.", subcommands = SsfCommand.Rotate.class)
    static final class Keys {}

    @Command(
            name = "rotate",
            description = "Give the platform a new signing key; the old ones sign nothing more and stay published"
                    + " for a day.")
    static final class Rotate implements Callable<Integer> {

        @Mixin
        DatabaseOptions database;

        @Mixin
        SharedSignalsOptions sharedSignals;

        @Option(names = "--platform", required = true, paramLabel = "ID", description = "The platform's id.")
        long platformId;

        @Override
        public Integer call() {
            var signer = sharedSignals.sharedSignals(ServeCommand.DEFAULT_PORT).signer();
            return database.printResultOf(useCases -> new CommandResults.KeyRotated(
                    "Signing key rotated.",
                    useCases.transmitter(signer)
                            .rotateSigningKey()
                            .rotate(Actor.operator(platformId))
                            .keyId()));
        }
    }
}
