package dev.whitelabel.adapters.http;

import com.nimbusds.jose.jwk.JWK;
import dev.whitelabel.adapters.http.ssf.SecurityEventNames;
import dev.whitelabel.domain.error.PlatformNotFound;
import dev.whitelabel.domain.error.StreamNotFound;
import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.EventStream;
import dev.whitelabel.domain.model.SecurityEventType;
import dev.whitelabel.domain.model.SigningKey;
import dev.whitelabel.domain.model.StreamDelivery;
import dev.whitelabel.domain.model.StreamStatus;
import dev.whitelabel.domain.port.in.AuthenticateReceiverUseCase;
import dev.whitelabel.domain.port.in.ChangeStreamStatusCommand;
import dev.whitelabel.domain.port.in.ChangeStreamStatusUseCase;
import dev.whitelabel.domain.port.in.ChangeStreamSubjectsUseCase;
import dev.whitelabel.domain.port.in.CreateEventStreamUseCase;
import dev.whitelabel.domain.port.in.DeleteEventStreamUseCase;
import dev.whitelabel.domain.port.in.FindEventStreamUseCase;
import dev.whitelabel.domain.port.in.FindTransmitterUseCase;
import dev.whitelabel.domain.port.in.ListEventStreamsUseCase;
import dev.whitelabel.domain.port.in.PollSecurityEventsCommand;
import dev.whitelabel.domain.port.in.PollSecurityEventsUseCase;
import dev.whitelabel.domain.port.in.PolledSecurityEvents;
import dev.whitelabel.domain.port.in.PublishSigningKeysUseCase;
import dev.whitelabel.domain.port.in.StreamSettings;
import dev.whitelabel.domain.port.in.StreamSubjectCommand;
import dev.whitelabel.domain.port.in.UpdateEventStreamCommand;
import dev.whitelabel.domain.port.in.UpdateEventStreamUseCase;
import dev.whitelabel.domain.port.in.VerifyEventStreamCommand;
import dev.whitelabel.domain.port.in.VerifyEventStreamUseCase;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.text.ParseException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Each platform as an OpenID Shared Signals 1.0 transmitter: its discovery document (RFC 8615 path
 * insertion after the issuer's host), its JWK set, the stream configuration, status and verification
 * endpoints, and the poll endpoint of RFC 8936. Receivers authenticate with a service client's Basic
 * credentials of the platform, or the platform's admin with a bearer token; a stream of another platform
 * is 404.
 */
public final class SharedSignalsRoutes implements RouteGroup {

    static final String DISCOVERY = "/.well-known/ssf-configuration/platforms/{platform}";
    static final String BASE = "/platforms/{platform}/ssf";
    static final String PUSH = "urn:ietf:rfc:8935";
    static final String POLL = "urn:ietf:rfc:8936";
    /** How long a poll that asked to wait holds its request when the stream holds nothing. */
    static final Duration LONG_POLL = Duration.ofSeconds(10);

    private static final Duration LONG_POLL_STEP = Duration.ofMillis(200);
    private static final QueryParameters STREAM_ID = QueryParameters.of("stream_id");

    private final FindTransmitterUseCase findTransmitter;
    private final PublishSigningKeysUseCase publishSigningKeys;
    private final CreateEventStreamUseCase createStream;
    private final ListEventStreamsUseCase listStreams;
    private final FindEventStreamUseCase findStream;
    private final UpdateEventStreamUseCase updateStream;
    private final DeleteEventStreamUseCase deleteStream;
    private final ChangeStreamStatusUseCase changeStatus;
    private final ChangeStreamSubjectsUseCase changeSubjects;
    private final VerifyEventStreamUseCase verifyStream;
    private final PollSecurityEventsUseCase pollEvents;
    private final AuthenticateReceiverUseCase authenticateReceiver;
    private final PublicUrl publicUrl;
    private final RequestBody requestBody;
    private final BearerAuthentication bearer;

    public SharedSignalsRoutes(
            FindTransmitterUseCase findTransmitter,
            PublishSigningKeysUseCase publishSigningKeys,
            CreateEventStreamUseCase createStream,
            ListEventStreamsUseCase listStreams,
            FindEventStreamUseCase findStream,
            UpdateEventStreamUseCase updateStream,
            DeleteEventStreamUseCase deleteStream,
            ChangeStreamStatusUseCase changeStatus,
            ChangeStreamSubjectsUseCase changeSubjects,
            VerifyEventStreamUseCase verifyStream,
            PollSecurityEventsUseCase pollEvents,
            AuthenticateReceiverUseCase authenticateReceiver,
            PublicUrl publicUrl,
            RouteSupport support) {
        this.findTransmitter = findTransmitter;
        this.publishSigningKeys = publishSigningKeys;
        this.createStream = createStream;
        this.listStreams = listStreams;
        this.findStream = findStream;
        this.updateStream = updateStream;
        this.deleteStream = deleteStream;
        this.changeStatus = changeStatus;
        this.changeSubjects = changeSubjects;
        this.verifyStream = verifyStream;
        this.pollEvents = pollEvents;
        this.authenticateReceiver = authenticateReceiver;
        this.publicUrl = publicUrl;
        this.requestBody = support.requestBody;
        this.bearer = support.bearer;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(DISCOVERY, this::discovery);
        routes.get(BASE + "/jwks", this::jwks);
        routes.post(BASE + "/stream", this::create);
        routes.get(BASE + "/stream", STREAM_ID.around(this::read));
        routes.patch(BASE + "/stream", ctx -> update(ctx, false));
        routes.put(BASE + "/stream", ctx -> update(ctx, true));
        routes.delete(BASE + "/stream", STREAM_ID.around(this::delete));
        routes.get(BASE + "/status", STREAM_ID.around(this::status));
        routes.post(BASE + "/status", this::changeStatus);
        routes.post(BASE + "/subjects/add", ctx -> changeSubject(ctx, true));
        routes.post(BASE + "/subjects/remove", ctx -> changeSubject(ctx, false));
        routes.post(BASE + "/verify", this::verify);
        routes.post(BASE + "/poll/{stream}", this::poll);
    }

    /**
     * SSF 1.0 section 7.1. Every user of the platform is a stream's subject until its receiver removes
     * one ({@code default_subjects} ALL).
     */
    private void discovery(Context ctx) {
        long platformId = findTransmitter.find(platformId(ctx)).id();
        var configuration = new LinkedHashMap<String, Object>();
        configuration.put("spec_version", "1_0");
        configuration.put("issuer", publicUrl.issuer(platformId));
        configuration.put("jwks_uri", publicUrl.endpoint(platformId, "jwks"));
        configuration.put("delivery_methods_supported", List.of(PUSH, POLL));
        configuration.put("configuration_endpoint", publicUrl.endpoint(platformId, "stream"));
        configuration.put("status_endpoint", publicUrl.endpoint(platformId, "status"));
        configuration.put("add_subject_endpoint", publicUrl.endpoint(platformId, "subjects/add"));
        configuration.put("remove_subject_endpoint", publicUrl.endpoint(platformId, "subjects/remove"));
        configuration.put("verification_endpoint", publicUrl.endpoint(platformId, "verify"));
        configuration.put(
                "authorization_schemes",
                List.of(Map.of("spec_urn", "urn:ietf:rfc:6749"), Map.of("spec_urn", "urn:ietf:rfc:6750")));
        configuration.put("default_subjects", "ALL");
        ctx.json(configuration);
    }

    private void jwks(Context ctx) {
        var keys = publishSigningKeys.published(platformId(ctx)).stream()
                .map(SharedSignalsRoutes::publicJwk)
                .toList();
        ctx.header("Cache-Control", "max-age=300").json(Map.of("keys", keys));
    }

    private void create(Context ctx) {
        long platformId = platformId(ctx);
        Actor receiver = receiver(ctx, platformId);
        var body = requestBody.read(ctx);
        var settings = settings(body, Optional.empty());
        ctx.status(201).json(configuration(receiver, createStream.create(receiver, settings)));
    }

    private void read(Context ctx) {
        long platformId = platformId(ctx);
        Actor receiver = receiver(ctx, platformId);
        Optional<String> streamId = Optional.ofNullable(ctx.queryParam("stream_id"));
        if (streamId.isEmpty()) {
            ctx.json(listStreams.list(receiver).stream()
                    .map(stream -> configuration(receiver, stream))
                    .toList());
            return;
        }
        ctx.json(configuration(receiver, findStream.find(receiver, streamId(streamId.get()))));
    }

    /** PATCH changes the fields given; PUT replaces the stream's settings with those given, the others their defaults. */
    private void update(Context ctx, boolean replace) {
        long platformId = platformId(ctx);
        Actor receiver = receiver(ctx, platformId);
        var body = requestBody.read(ctx);
        long streamId = streamId(body);
        EventStream current = findStream.find(receiver, streamId);
        var settings = settings(body, replace ? Optional.empty() : Optional.of(current));
        ctx.json(configuration(
                receiver, updateStream.update(new UpdateEventStreamCommand(receiver, streamId, settings))));
    }

    private void delete(Context ctx) {
        long platformId = platformId(ctx);
        Actor receiver = receiver(ctx, platformId);
        deleteStream.delete(receiver, queriedStreamId(ctx));
        ctx.status(204);
    }

    private void status(Context ctx) {
        long platformId = platformId(ctx);
        Actor receiver = receiver(ctx, platformId);
        var stream = findStream.find(receiver, queriedStreamId(ctx));
        ctx.json(status(stream));
    }

    /** The stream named by the query's {@code stream_id}, which DELETE and the status read require. */
    private static long queriedStreamId(Context ctx) {
        return streamId(Optional.ofNullable(ctx.queryParam("stream_id")).orElse(""));
    }

    private void changeStatus(Context ctx) {
        long platformId = platformId(ctx);
        Actor receiver = receiver(ctx, platformId);
        var body = requestBody.read(ctx);
        long streamId = streamId(body);
        var status = body.valid(body.requiredText("status"), SharedSignalsRoutes::streamStatus);
        var reason = body.optionalText("reason");
        body.requireValid();
        var changed =
                changeStatus.change(new ChangeStreamStatusCommand(receiver, streamId, status.orElseThrow(), reason));
        ctx.json(status(changed));
    }

    /**
     * SSF 1.0 section 8.1.3: 200 once a subject is added, 204 once removed. A receiver's {@code verified}
     * is checked but not kept: it changes nothing of what this transmitter sends.
     */
    private void changeSubject(Context ctx, boolean add) {
        long platformId = platformId(ctx);
        Actor receiver = receiver(ctx, platformId);
        var body = requestBody.read(ctx);
        long streamId = streamId(body);
        var subject = body.optionalObject("subject");
        body.optionalBoolean("verified");
        body.requireValid();
        var command = new StreamSubjectCommand(receiver, streamId, SubjectIdentifiers.user(subject, platformId));
        if (add) {
            changeSubjects.add(command);
            ctx.status(200);
        } else {
            changeSubjects.remove(command);
            ctx.status(204);
        }
    }

    private void verify(Context ctx) {
        long platformId = platformId(ctx);
        Actor receiver = receiver(ctx, platformId);
        var body = requestBody.read(ctx);
        long streamId = streamId(body);
        var state = body.optionalText("state");
        body.requireValid();
        verifyStream.verify(new VerifyEventStreamCommand(receiver, streamId, state));
        ctx.status(204);
    }

    /**
     * RFC 8936 section 2.4: acknowledgements and errors first, then the events; an empty stream holds a
     * poll that did not ask to return at once up to {@link #LONG_POLL}.
     */
    private void poll(Context ctx) throws InterruptedException {
        long platformId = platformId(ctx);
        Actor receiver = receiver(ctx, platformId);
        long streamId = PathIds.positive(ctx.pathParam("stream")).orElseThrow(StreamNotFound::new);
        var body = requestBody.read(ctx);
        var max = body.optionalInteger("maxEvents");
        boolean returnImmediately = body.optionalBoolean("returnImmediately");
        var acknowledged = body.valid(body.optionalTextList("ack"), SharedSignalsRoutes::eventIds);
        var refused = body.optionalObject("setErrs").map(errors -> eventIds(errors.names()));
        body.requireValid();
        int maxEvents = (int)
                Math.max(0, Math.min(max.orElse((long) PollSecurityEventsUseCase.MOST_EVENTS), Integer.MAX_VALUE));

        PolledSecurityEvents answer = pollEvents.poll(new PollSecurityEventsCommand(
                receiver, streamId, acknowledged.orElse(Set.of()), refused.orElse(Set.of()), maxEvents));
        long until = System.nanoTime() + LONG_POLL.toNanos();
        while (!returnImmediately && maxEvents > 0 && answer.tokens().isEmpty() && System.nanoTime() < until) {
            Thread.sleep(LONG_POLL_STEP.toMillis());
            answer = pollEvents.poll(new PollSecurityEventsCommand(receiver, streamId, Set.of(), Set.of(), maxEvents));
        }
        var sets = new LinkedHashMap<String, String>();
        answer.tokens().forEach((id, token) -> sets.put(Long.toString(id), token));
        var polled = new LinkedHashMap<String, Object>();
        polled.put("sets", sets);
        polled.put("moreAvailable", answer.moreAvailable());
        ctx.json(polled);
    }

    /**
     * The platform's service client, by its Basic credentials, or its admin, by a bearer token of that
     * platform: a receiver of another platform reads no stream here.
     */
    private Actor receiver(Context ctx, long platformId) {
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String[] client = BasicCredentials.parse(authorization).orElseThrow(OAuthError::invalidClient);
            Actor actor =
                    authenticateReceiver.authenticate(client[0], client[1]).orElseThrow(OAuthError::invalidClient);
            if (actor.platformId() != platformId) {
                throw new StreamNotFound();
            }
            return actor;
        }
        return Actor.whiteLabelAdmin(bearer.holder(ctx, OptionalLong.of(platformId)));
    }

    private StreamSettings settings(BodyFields body, Optional<EventStream> current) {
        var deliveryFields = body.optionalObject("delivery");
        var events = body.valid(body.optionalTextList("events_requested"), SharedSignalsRoutes::eventTypes);
        var description = body.optionalText("description");
        body.requireValid();
        Optional<StreamDelivery> delivery = deliveryFields.map(SharedSignalsRoutes::delivery);
        return new StreamSettings(
                delivery.or(() -> current.map(EventStream::delivery)).orElse(StreamDelivery.POLL),
                events.or(() -> current.map(EventStream::eventsRequested)).orElse(Set.of()),
                description.or(() -> current.flatMap(EventStream::description)));
    }

    private static StreamDelivery delivery(BodyFields fields) {
        var method = fields.requiredText("method");
        var endpoint = fields.optionalText("endpoint_url");
        var authorization = fields.optionalText("authorization_header");
        fields.requireValid();
        return switch (method.orElseThrow()) {
            case PUSH ->
                StreamDelivery.push(
                        endpoint.orElseThrow(
                                () -> InvalidRequest.of("endpoint_url", "The endpoint url field is required.")),
                        authorization);
            // the transmitter names the poll endpoint: one a receiver gives is ignored (SSF 1.0 section 8.1.1)
            case POLL -> StreamDelivery.POLL;
            default -> throw InvalidRequest.of("method", "The method field must be " + PUSH + " or " + POLL + ".");
        };
    }

    /** Types this transmitter does not send are left out of what it delivers, as SSF 1.0 allows. */
    private static Set<SecurityEventType> eventTypes(List<String> uris) {
        Set<SecurityEventType> types = EnumSet.noneOf(SecurityEventType.class);
        uris.forEach(uri -> SecurityEventNames.type(uri)
                .filter(SecurityEventType.REQUESTABLE::contains)
                .ifPresent(types::add));
        return types;
    }

    private static Set<Long> eventIds(List<String> jtis) {
        Set<Long> ids = new HashSet<>();
        for (String jti : jtis) {
            // an id this transmitter never gave is nobody's event: nothing to acknowledge
            PathIds.positive(jti).ifPresent(ids::add);
        }
        return ids;
    }

    private static StreamStatus streamStatus(String name) {
        return switch (name) {
            case "enabled" -> StreamStatus.ENABLED;
            case "paused" -> StreamStatus.PAUSED;
            case "disabled" -> StreamStatus.DISABLED;
            default -> throw InvalidRequest.of("status", "The status field must be enabled, paused or disabled.");
        };
    }

    /**
     * SSF 1.0 section 8.1.1's members, then read-only members of this transmitter's own, which a receiver
     * may ignore and PATCH and PUT ignore as they do {@code iss}: the stream's {@code status} and
     * {@code reason} as the status endpoint answers them, and its {@code last_push} (when, and the
     * {@code error} if it failed).
     */
    private Map<String, Object> configuration(Actor receiver, EventStream stream) {
        var configuration = new LinkedHashMap<String, Object>();
        configuration.put("stream_id", Long.toString(stream.id()));
        configuration.put("iss", publicUrl.issuer(stream.platformId()));
        configuration.put("aud", stream.audience());
        configuration.put("events_supported", names(SecurityEventType.REQUESTABLE));
        configuration.put("events_requested", names(stream.eventsRequested()));
        configuration.put("events_delivered", names(stream.eventsDelivered()));
        var delivery = new LinkedHashMap<String, Object>();
        // the authorization header is the receiver's secret: taken, never shown again
        delivery.put("method", stream.delivery().isPush() ? PUSH : POLL);
        delivery.put(
                "endpoint_url",
                stream.delivery()
                        .endpointUrl()
                        .orElseGet(() -> publicUrl.endpoint(stream.platformId(), "poll/" + stream.id())));
        configuration.put("delivery", delivery);
        stream.description().ifPresent(description -> configuration.put("description", description));
        configuration.put("status", WireNames.of(stream.status()));
        stream.statusReason().ifPresent(reason -> configuration.put("reason", reason));
        findStream.lastPush(receiver, stream.id()).ifPresent(push -> {
            var lastPush = new LinkedHashMap<String, Object>();
            lastPush.put("at", push.at().toString());
            push.error().ifPresent(error -> lastPush.put("error", error));
            configuration.put("last_push", lastPush);
        });
        return configuration;
    }

    private static Map<String, Object> status(EventStream stream) {
        var status = new LinkedHashMap<String, Object>();
        status.put("stream_id", Long.toString(stream.id()));
        status.put("status", WireNames.of(stream.status()));
        stream.statusReason().ifPresent(reason -> status.put("reason", reason));
        return status;
    }

    private static List<String> names(Set<SecurityEventType> types) {
        return types.stream().map(SecurityEventNames::of).toList();
    }

    private static Map<String, Object> publicJwk(SigningKey key) {
        try {
            return JWK.parse(key.publicKey()).toPublicJWK().toJSONObject();
        } catch (ParseException e) {
            throw new IllegalStateException("a stored public key is not a JWK", e);
        }
    }

    private static long platformId(Context ctx) {
        return PathIds.positive(ctx.pathParam("platform")).orElseThrow(PlatformNotFound::new);
    }

    private static long streamId(BodyFields body) {
        var id = body.requiredText("stream_id");
        body.requireValid();
        return streamId(id.orElseThrow());
    }

    private static long streamId(String id) {
        return PathIds.positive(id).orElseThrow(StreamNotFound::new);
    }
}
