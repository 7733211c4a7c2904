package dev.whitelabel.testing;

import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Prints one line to the build output for each test or class that did not run, with why: Surefire
 * and Failsafe count skipped tests but never say which nor why, so a machine without PostgreSQL,
 * Chromium, nginx or python3 would pass quietly with tests it never ran. A launcher listener rather
 * than a Jupiter extension, since a class disabled by a condition reaches no extension of its tests.
 * Registered by META-INF/services; this module's test jar carries it to the modules that use it.
 */
public final class SkipReasons implements TestExecutionListener {

    private static final String ASSUMPTION_PREFIX = "Assumption failed: ";

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        report(test, reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            String reason = result.getThrowable()
                    .map(Throwable::getMessage)
                    .map(message -> message.startsWith(ASSUMPTION_PREFIX)
                            ? message.substring(ASSUMPTION_PREFIX.length())
                            : message)
                    .orElse("aborted");
            report(test, reason);
        }
    }

    private static void report(TestIdentifier test, String reason) {
        name(test).ifPresent(name -> System.out.println("SKIPPED " + name + ": " + reason));
    }

    /** {@code Class.method}, with the invocation's name for a parameterized one; empty for an engine's own nodes. */
    static Optional<String> name(TestIdentifier test) {
        var source = test.getSource().orElse(null);
        if (source instanceof MethodSource method) {
            String name = simpleName(method.getClassName()) + "." + method.getMethodName();
            String shown = test.getDisplayName();
            return Optional.of(shown.startsWith(method.getMethodName() + "(") ? name : name + " " + shown);
        }
        if (source instanceof ClassSource type) {
            return Optional.of(simpleName(type.getClassName()));
        }
        return Optional.empty();
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
