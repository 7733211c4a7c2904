package dev.whitelabel.bootstrap;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Log lines to standard error, as Logback's ConsoleAppender writes them, except that the access log's
 * lines are gathered and written together: at most {@link #setFlushMillis flushMillis} later (200 ms
 * by default), when 64 KB have gathered, or with the next line of any other logger, whichever comes
 * first. Every other line is written at once, as before. The console appender made one write system
 * call per request, and an asynchronous appender a queue hand-off per line (what each cost:
 * bench/README.md). The price, as with nginx's
 * {@code access_log ... buffer= flush=}: a {@code kill -9} loses the access lines of the last
 * moment. A normal exit, SIGTERM included, writes them first.
 */
public final class StderrAppender extends OutputStreamAppender<ILoggingEvent> {

    static final String ACCESS_LOG = "whitelabel.access";
    private static final int BUFFER_BYTES = 64 * 1024;

    private final OutputStream target;
    private long flushMillis = 200;
    private ScheduledExecutorService flusher;
    private Thread atExit;
    private volatile boolean exiting;

    public StderrAppender() {
        // fd 2 itself, buffered here: System.err flushes on every write
        this(new FileOutputStream(FileDescriptor.err));
    }

    /** Writing to {@code target} instead; for tests. */
    StderrAppender(OutputStream target) {
        this.target = target;
    }

    public void setFlushMillis(long flushMillis) {
        this.flushMillis = flushMillis;
    }

    @Override
    public void start() {
        // closing the appender (Logback does on stop) must not close fd 2
        setOutputStream(new BufferedOutputStream(target, BUFFER_BYTES) {
            @Override
            public void close() throws IOException {
                flush();
            }
        });
        setImmediateFlush(false);
        super.start();
        flusher = Executors.newSingleThreadScheduledExecutor(task -> {
            var thread = new Thread(task, "access-log-flush");
            thread.setDaemon(true);
            return thread;
        });
        flusher.scheduleWithFixedDelay(this::flush, flushMillis, flushMillis, TimeUnit.MILLISECONDS);
        atExit = new Thread(
                () -> {
                    exiting = true;
                    flush();
                },
                "access-log-flush-at-exit");
        Runtime.getRuntime().addShutdownHook(atExit);
    }

    @Override
    protected void subAppend(ILoggingEvent event) {
        super.subAppend(event);
        if (exiting || !ACCESS_LOG.equals(event.getLoggerName())) {
            flush();
        }
    }

    /** Writes what has gathered, under the lock every line is written under. */
    void flush() {
        streamWriteLock.lock();
        try {
            if (getOutputStream() != null) {
                getOutputStream().flush();
            }
        } catch (IOException e) {
            addStatus(new ch.qos.logback.core.status.ErrorStatus("flushing standard error failed", this, e));
        } finally {
            streamWriteLock.unlock();
        }
    }

    @Override
    public void stop() {
        if (flusher != null) {
            flusher.shutdownNow();
        }
        if (atExit != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(atExit);
            } catch (IllegalStateException alreadyExiting) {
                // the hook runs, or ran: it writes what is left
            }
        }
        flush();
        super.stop();
    }
}
