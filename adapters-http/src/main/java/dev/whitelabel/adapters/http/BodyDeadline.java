package dev.whitelabel.adapters.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Reads a request's body in full before any route sees it, without holding a server thread while
 * the bytes arrive: the routes read bodies with blocking reads, so a client that withholds its body
 * would otherwise keep a thread for as long as it likes, and a few hundred such clients would take
 * every thread. A body still incomplete at the deadline is answered 408 and its connection closed.
 * At most one byte over the body limit is kept, so a larger body is still refused 413 by the route.
 * All bodies kept at once share a budget: past it a request is answered 503 at once, so that many
 * connections each sending a large body cannot exhaust the heap.
 */
final class BodyDeadline extends Handler.Wrapper {

    private final long maxBytes;
    private final Duration deadline;
    private final long budget;
    private final AtomicLong kept = new AtomicLong();

    BodyDeadline(long maxBytes, Duration deadline, long budget) {
        this.maxBytes = maxBytes;
        this.deadline = deadline;
        this.budget = budget;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long declared = declaredLength(request);
        // Nothing to wait for; a body the route refuses from its Content-Length without reading it; or a
        // request without credentials, which every route that reads a body refuses first (so neither
        // is an unauthenticated client sent "100 Continue" nor its body kept).
        if (declared == 0 || declared > maxBytes || !request.getHeaders().contains(HttpHeader.AUTHORIZATION)) {
            return super.handle(request, response, callback);
        }
        new Arrival(request, response, callback).start();
        return true;
    }

    /** The Content-Length, -1 for a chunked body, 0 for none. */
    private static long declaredLength(Request request) {
        for (HttpField field : request.getHeaders()) {
            if (field.getHeader() == HttpHeader.CONTENT_LENGTH) {
                return Math.max(0, field.getLongValue());
            }
            if (field.getHeader() == HttpHeader.TRANSFER_ENCODING
                    && field.contains(HttpHeaderValue.CHUNKED.asString())) {
                return -1;
            }
        }
        return 0;
    }

    /** One body on its way in: read whenever bytes are there, then handed on or refused, exactly once. */
    private final class Arrival implements Invocable.Task {

        private final Request request;
        private final Response response;
        private final Callback callback;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final AtomicBoolean settled = new AtomicBoolean();
        private final long startedAt = System.nanoTime();
        private volatile Scheduler.Task timer;
        private long reserved;
        private boolean released;

        Arrival(Request request, Response response, Callback callback) {
            this.request = request;
            this.response = response;
            // the bytes are the route's until the request completes, one way or another
            this.callback = Callback.from(callback, this::release);
        }

        void start() {
            read(false);
        }

        /** Only a body that has not all come with its headers, the rare case, is given a timer. */
        private void awaitMore() {
            if (timer == null) {
                long left = deadline.toNanos() - (System.nanoTime() - startedAt);
                timer = request.getComponents().getScheduler().schedule(this::expire, left, TimeUnit.NANOSECONDS);
            }
            request.demand(this);
        }

        /** Called by Jetty when more bytes have come, on whichever thread it likes: never block here. */
        @Override
        public void run() {
            read(true);
        }

        @Override
        public InvocationType getInvocationType() {
            return InvocationType.NON_BLOCKING;
        }

        private void read(boolean fromDemand) {
            while (!settled.get()) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    awaitMore();
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    // a truncated or badly framed body: the route's read fails and answers 400
                    handOn(chunk, fromDemand);
                    return;
                }
                boolean kept = keep(chunk);
                boolean last = chunk.isLast();
                chunk.release();
                if (!kept) {
                    refuse(503);
                    return;
                }
                if (last) {
                    handOn(Content.Chunk.EOF, fromDemand);
                    return;
                }
                if (bytes.size() > maxBytes) {
                    handOn(null, fromDemand);
                    return;
                }
            }
        }

        /** Keeps the chunk's bytes if the budget has room for them; false when it has not. */
        private synchronized boolean keep(Content.Chunk chunk) {
            ByteBuffer buffer = chunk.getByteBuffer().slice();
            int take = (int) Math.min(buffer.remaining(), maxBytes + 1 - bytes.size());
            if (released || kept.addAndGet(take) > budget) {
                kept.addAndGet(-take);
                return false;
            }
            reserved += take;
            byte[] part = new byte[take];
            buffer.get(part);
            bytes.writeBytes(part);
            return true;
        }

        private synchronized void release() {
            released = true;
            kept.addAndGet(-reserved);
            reserved = 0;
        }

        /** {@code end} follows the bytes read: EOF, a failure, or null to go on reading the rest from the connection. */
        private void handOn(Content.Chunk end, boolean fromDemand) {
            if (!settled.compareAndSet(false, true)) {
                return;
            }
            cancelTimer();
            var arrived = new ArrivedBody(request, bytes.toByteArray(), end);
            Runnable next = () -> {
                try {
                    if (!BodyDeadline.super.handle(arrived, response, callback)) {
                        Response.writeError(request, response, callback, 404);
                    }
                } catch (Throwable failure) {
                    Response.writeError(request, response, callback, failure);
                }
            };
            if (fromDemand) {
                request.getContext().execute(next);
            } else {
                next.run();
            }
        }

        private void cancelTimer() {
            if (timer != null) {
                timer.cancel();
            }
        }

        private void expire() {
            refuse(408);
        }

        /** 408 at the deadline, 503 past the budget; the connection closes, its unread bytes with it. */
        private void refuse(int status) {
            if (settled.compareAndSet(false, true)) {
                cancelTimer();
                response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
                if (status == 503) {
                    response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
                }
                Response.writeError(request, response, callback, status);
            }
        }
    }

    /** The request as the routes see it: the body that arrived, then how it ended. */
    private static final class ArrivedBody extends Request.Wrapper {

        private Content.Chunk body;
        private final Content.Chunk end;

        ArrivedBody(Request request, byte[] body, Content.Chunk end) {
            super(request);
            this.body = Content.Chunk.from(ByteBuffer.wrap(body), false);
            this.end = end;
        }

        @Override
        public Content.Chunk read() {
            if (body != null) {
                Content.Chunk first = body;
                body = null;
                return first;
            }
            return end != null ? end : super.read();
        }

        @Override
        public void demand(Runnable demandCallback) {
            if (body != null || end != null) {
                getContext().execute(demandCallback);
            } else {
                super.demand(demandCallback);
            }
        }
    }
}
