package dev.whitelabel.adapters.http.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whitelabel.domain.model.WebhookPolicy;
import dev.whitelabel.domain.port.out.WebhookSender.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Receivers that hold a connection in every way they can: each attempt ends by its one deadline
 * (connect, send, headers and the part of the body read), with an outcome that says it did not
 * arrive, and the receiver's socket closed.
 */
class HostileReceiversTest {

    static final Duration DEADLINE = Duration.ofSeconds(1);
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    /** What the receiver does once the request's first bytes have arrived. */
    enum Receiver {
        NEVER_ANSWERS(out -> {}),
        TRICKLES_HEADERS(out -> {
            write(out, "HTTP/1.1 200 OK\r\n");
            for (int i = 0; ; i++) {
                write(out, i % 2 == 0 ? "X" : "-");
                Thread.sleep(100);
            }
        }),
        TRICKLES_BODY(out -> {
            write(out, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
            while (true) {
                write(out, "1\r\nx\r\n");
                Thread.sleep(100);
            }
        }),
        ANSWERS_200_AND_KEEPS_THE_SOCKET_OPEN(out -> write(out, "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n")),
        STALLS_THE_TLS_HANDSHAKE(out -> {});

        final Behaviour behaviour;

        Receiver(Behaviour behaviour) {
            this.behaviour = behaviour;
        }

        String scheme() {
            return this == STALLS_THE_TLS_HANDSHAKE ? "https" : "http";
        }
    }

    @FunctionalInterface
    interface Behaviour {
        void answer(OutputStream out) throws IOException, InterruptedException;
    }

    static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    final ExecutorService connections = Executors.newCachedThreadPool();
    final HttpWebhookSender sender =
            new HttpWebhookSender(new WebhookPolicy(true), host -> List.of(LOOPBACK), DEADLINE, Clock.systemUTC());

    @AfterEach
    void close() {
        sender.close();
        connections.shutdownNow();
    }

    @ParameterizedTest
    @EnumSource(Receiver.class)
    void an_attempt_ends_by_its_deadline_whatever_the_receiver_does(Receiver receiver) throws Exception {
        try (var server = new ServerSocket(0, 50, LOOPBACK)) {
            var connectionClosed = new java.util.concurrent.CompletableFuture<Boolean>();
            connections.submit(() -> serve(server, receiver, connectionClosed));
            String url = receiver.scheme() + "://hooks.acme.test:" + server.getLocalPort() + "/hook";

            long started = System.nanoTime();
            Outcome outcome = sender.post(url, Map.of("Content-Type", "application/json"), "{}")
                    .get(DEADLINE.multipliedBy(5).toMillis(), TimeUnit.MILLISECONDS);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(took).isLessThan(DEADLINE.plusMillis(700));
            assertThat(outcome.delivered()).isFalse();
            assertThat(outcome.error()).isPresent();
            assertThat(connectionClosed.get(5, TimeUnit.SECONDS))
                    .as("the sender hung up")
                    .isTrue();
        }
    }

    private static Void serve(
            ServerSocket server, Receiver receiver, java.util.concurrent.CompletableFuture<Boolean> closed)
            throws IOException {
        try (Socket socket = server.accept()) {
            InputStream in = socket.getInputStream();
            in.read();
            var answering = new Thread(() -> {
                try {
                    receiver.behaviour.answer(socket.getOutputStream());
                } catch (IOException | InterruptedException hungUp) {
                    // the sender closed the connection, or the test is over
                }
            });
            answering.setDaemon(true);
            answering.start();
            // the request's bytes, then the end of the stream once the sender hangs up
            while (in.read() >= 0) {}
            closed.complete(true);
            answering.interrupt();
        } catch (IOException e) {
            closed.complete(true);
        }
        return null;
    }
}
