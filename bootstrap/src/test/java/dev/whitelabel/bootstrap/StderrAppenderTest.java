package dev.whitelabel.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Access lines gathered and written together, soon; every other line at once, and all of them at stop. */
class StderrAppenderTest {

    final ByteArrayOutputStream written = new ByteArrayOutputStream();
    final LoggerContext context = new LoggerContext();
    final StderrAppender appender = new StderrAppender(written);
    Logger access;
    Logger other;

    @BeforeEach
    void logging() {
        context.setMDCAdapter(new LogbackMDCAdapter());
        var encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%msg%n");
        encoder.start();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setFlushMillis(300);
        appender.start();
        access = context.getLogger(StderrAppender.ACCESS_LOG);
        other = context.getLogger("dev.whitelabel.bootstrap.ServeCommand");
        for (Logger logger : new Logger[] {access, other}) {
            logger.setAdditive(false);
            logger.addAppender(appender);
        }
    }

    @AfterEach
    void stop() {
        appender.stop();
    }

    String written() {
        synchronized (written) {
            return written.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void an_access_line_is_written_within_the_flush_interval() throws Exception {
        access.info("GET /health/live 200 0ms");
        assertThat(written()).as("at once").isEmpty();

        long deadline = System.nanoTime() + 5_000_000_000L;
        while (written().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }

        assertThat(written()).isEqualTo("GET /health/live 200 0ms\n");
    }

    @Test
    void any_other_line_is_written_at_once_after_the_access_lines_before_it() {
        access.info("GET /api/user/me 200 1ms");
        other.info("stopping");

        assertThat(written()).isEqualTo("GET /api/user/me 200 1ms\nstopping\n");
    }

    @Test
    void stopping_writes_what_has_gathered() {
        access.info("POST /api/white-label/login 200 80ms");

        appender.stop();

        assertThat(written()).isEqualTo("POST /api/white-label/login 200 80ms\n");
    }
}
