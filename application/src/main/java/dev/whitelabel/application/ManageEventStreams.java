package dev.whitelabel.application;

import dev.whitelabel.domain.error.Input;
import dev.whitelabel.domain.error.InvalidInput;
import dev.whitelabel.domain.error.NotWhiteLabelAdmin;
import dev.whitelabel.domain.error.PlatformNotFound;
import dev.whitelabel.domain.error.StreamNotFound;
import dev.whitelabel.domain.error.Violation.Rule;
import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.EventStream;
import dev.whitelabel.domain.model.SecurityEvent;
import dev.whitelabel.domain.model.StreamDelivery;
import dev.whitelabel.domain.model.StreamPush;
import dev.whitelabel.domain.model.StreamStatus;
import dev.whitelabel.domain.model.Text;
import dev.whitelabel.domain.port.in.ChangeStreamStatusCommand;
import dev.whitelabel.domain.port.in.ChangeStreamStatusUseCase;
import dev.whitelabel.domain.port.in.ChangeStreamSubjectsUseCase;
import dev.whitelabel.domain.port.in.CreateEventStreamUseCase;
import dev.whitelabel.domain.port.in.DeleteEventStreamUseCase;
import dev.whitelabel.domain.port.in.FindEventStreamUseCase;
import dev.whitelabel.domain.port.in.ListEventStreamsUseCase;
import dev.whitelabel.domain.port.in.StreamSettings;
import dev.whitelabel.domain.port.in.StreamSubjectCommand;
import dev.whitelabel.domain.port.in.UpdateEventStreamCommand;
import dev.whitelabel.domain.port.in.UpdateEventStreamUseCase;
import dev.whitelabel.domain.port.in.VerifyEventStreamCommand;
import dev.whitelabel.domain.port.in.VerifyEventStreamUseCase;
import dev.whitelabel.domain.port.out.EventStreamEntry;
import dev.whitelabel.domain.port.out.EventStreamStore;
import dev.whitelabel.domain.port.out.PlatformStore;
import dev.whitelabel.domain.port.out.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A platform's Shared Signals streams, managed by their receivers (the platform's service clients), its
 * admins and the operator. Each stream gets an audience of its own, a URN no other stream has.
 */
final class ManageEventStreams
        implements CreateEventStreamUseCase,
                ListEventStreamsUseCase,
                FindEventStreamUseCase,
                UpdateEventStreamUseCase,
                DeleteEventStreamUseCase,
                ChangeStreamStatusUseCase,
                ChangeStreamSubjectsUseCase,
                VerifyEventStreamUseCase {

    static final int MOST_STREAMS = 20;
    static final int MOST_TEXT = 255;
    static final int MOST_AUTHORIZATION = 4096;

    private final PlatformStore platforms;
    private final EventStreamStore store;
    private final WebhookTargets targets;
    private final Transactions transactions;
    private final DeliveryActivity activity;
    private final Clock clock;

    ManageEventStreams(
            PlatformStore platforms,
            EventStreamStore store,
            WebhookTargets targets,
            Transactions transactions,
            DeliveryActivity activity,
            Clock clock) {
        this.platforms = platforms;
        this.store = store;
        this.targets = targets;
        this.transactions = transactions;
        this.activity = activity;
        this.clock = clock;
    }

    @Override
    public EventStream create(Actor actor, StreamSettings settings) {
        requireReceiver(actor);
        StreamSettings valid = valid(settings);
        platforms.find(actor.platformId()).orElseThrow(PlatformNotFound::new);
        return transactions.inTransaction(() -> {
            if (store.list(actor.platformId()).size() >= MOST_STREAMS) {
                throw InvalidInput.of(Input.STREAM, Rule.AT_MOST_PER_PLATFORM, MOST_STREAMS);
            }
            return store.add(new EventStreamEntry(
                    actor.platformId(),
                    "urn:uuid:" + UUID.randomUUID(),
                    valid.delivery(),
                    valid.eventsRequested(),
                    valid.description(),
                    clock.instant()));
        });
    }

    @Override
    public List<EventStream> list(Actor actor) {
        requireReceiver(actor);
        return store.list(actor.platformId());
    }

    @Override
    public EventStream find(Actor actor, long streamId) {
        requireReceiver(actor);
        return store.find(actor.platformId(), streamId).orElseThrow(StreamNotFound::new);
    }

    @Override
    public Optional<StreamPush> lastPush(Actor actor, long streamId) {
        requireReceiver(actor);
        return store.lastPush(actor.platformId(), streamId);
    }

    @Override
    public EventStream update(UpdateEventStreamCommand command) {
        StreamSettings valid = valid(command.settings());
        EventStream updated = find(command.actor(), command.streamId())
                .withSettings(valid.delivery(), valid.eventsRequested(), valid.description());
        if (!store.update(updated)) {
            throw new StreamNotFound();
        }
        return updated;
    }

    @Override
    public void delete(Actor actor, long streamId) {
        requireReceiver(actor);
        if (!store.delete(actor.platformId(), streamId)) {
            throw new StreamNotFound();
        }
    }

    @Override
    public EventStream change(ChangeStreamStatusCommand command) {
        Optional<String> reason = command.reason().map(text -> limited(Input.STATUS_REASON, text));
        return transactions.inTransaction(() -> {
            EventStream before = find(command.actor(), command.streamId());
            EventStream changed = before.withStatus(command.status(), reason);
            if (!store.update(changed)) {
                throw new StreamNotFound();
            }
            if (command.status() == StreamStatus.DISABLED) {
                store.dropPending(changed.platformId(), changed.id());
            } else if (before.status() != command.status() && !(command.actor() instanceof Actor.OfServiceClient)) {
                // SSF 1.0 section 8.1.5: the receiver did not ask for it, so it is told; a paused
                // stream holds this too, and hands it over once enabled, before the enabled one
                Instant now = clock.instant();
                store.enqueueTo(
                        changed.id(),
                        SecurityEvent.streamUpdated(
                                changed.platformId(), new SecurityEvent.StatusChange(command.status(), reason), now),
                        now);
            }
            if (command.status() == StreamStatus.ENABLED) {
                transactions.afterCommit(activity::signal);
            }
            return changed;
        });
    }

    @Override
    public void add(StreamSubjectCommand command) {
        EventStream stream = find(command.actor(), command.streamId());
        if (!store.addSubject(stream.platformId(), stream.id(), command.subject())) {
            throw new StreamNotFound();
        }
    }

    @Override
    public void remove(StreamSubjectCommand command) {
        EventStream stream = find(command.actor(), command.streamId());
        if (!store.removeSubject(stream.platformId(), stream.id(), command.subject())) {
            throw new StreamNotFound();
        }
    }

    @Override
    public void verify(VerifyEventStreamCommand command) {
        Optional<String> state = command.state().map(text -> limited(Input.VERIFICATION_STATE, text));
        EventStream stream = find(command.actor(), command.streamId());
        // a disabled stream drops every event, this one too
        if (stream.status() != StreamStatus.DISABLED) {
            Instant now = clock.instant();
            store.enqueueTo(stream.id(), SecurityEvent.verification(stream.platformId(), state, now), now);
            activity.signal();
        }
    }

    /** A platform's receivers (its service clients), its admins and the operator; never a user of the platform. */
    static void requireReceiver(Actor actor) {
        if (actor instanceof Actor.TokenOwner) {
            throw new NotWhiteLabelAdmin();
        }
    }

    private StreamSettings valid(StreamSettings settings) {
        StreamDelivery delivery = settings.delivery();
        if (delivery.isPush()) {
            delivery = StreamDelivery.push(
                    targets.require(Input.ENDPOINT_URL, delivery.endpointUrl().orElseThrow()),
                    delivery.authorization().map(ManageEventStreams::authorization));
        }
        return new StreamSettings(
                delivery,
                settings.eventsRequested(),
                settings.description().map(text -> limited(Input.DESCRIPTION, text)));
    }

    /** Sent as a header: printable ASCII only, so that it can neither end the header nor add another. */
    private static String authorization(String header) {
        if (header.isEmpty() || header.length() > MOST_AUTHORIZATION) {
            throw InvalidInput.of(Input.AUTHORIZATION_HEADER, Rule.BETWEEN_ONE_AND, MOST_AUTHORIZATION);
        }
        if (!header.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw InvalidInput.of(Input.AUTHORIZATION_HEADER, Rule.CONTROL_CHARACTERS);
        }
        return header;
    }

    private static String limited(Input input, String text) {
        Text.requireStorable(input, text);
        if (Text.length(text) > MOST_TEXT) {
            throw InvalidInput.of(input, Rule.MORE_CHARACTERS_THAN, MOST_TEXT);
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw InvalidInput.of(input, Rule.CONTROL_CHARACTERS);
        }
        return text;
    }
}
