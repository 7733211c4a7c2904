package dev.whitelabel.bootstrap;

/**
 * A refusal as the command line answers it: what is printed on stderr and the exit code, 1 unless
 * {@link CommandErrorMapper} says otherwise.
 */
final class CommandFailure extends RuntimeException {

    private final transient Object answer;
    private final int exitCode;

    /** A refusal the command line words itself, printed as {@code {"error":"..."}}. */
    CommandFailure(String message) {
        this(message, new CommandResults.Refusal(message), Main.REFUSED);
    }

    CommandFailure(Object answer, int exitCode) {
        this(null, answer, exitCode);
    }

    private CommandFailure(String message, Object answer, int exitCode) {
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
