package dev.whitelabel.bootstrap;

/**
 * A refusal as the command line answers it: what is printed on stderr and the exit code, 1 unless
 * {@link CommandRefusals} says otherwise.
 */
final class Refused extends RuntimeException {

    private final transient Object answer;
    private final int exitCode;

    /** A refusal the command line words itself, printed as {@code {"error":"..."}}. */
    Refused(String message) {
        this(message, new CommandResults.Refusal(message), Main.REFUSED);
    }

    Refused(Object answer, int exitCode) {
        this(null, answer, exitCode);
    }

    private Refused(String message, Object answer, int exitCode) {
        super(message, null, false, false);
        this.answer = answer;
        this.exitCode = exitCode;
    }

    Object answer() {
        return answer;
    }

    int exitCode() {
        return exitCode;
    }
}
