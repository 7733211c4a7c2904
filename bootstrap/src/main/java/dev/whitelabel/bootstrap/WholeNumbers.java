package dev.whitelabel.bootstrap;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * A whole number from a flag or its environment variable, read as operators set variables: blank is the
 * default and spaces around the number do not count.
 */
final class WholeNumbers {

    private WholeNumbers() {}

    static int of(CommandSpec spec, String option, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new ParameterException(
                    spec.commandLine(), "Invalid value for option '" + option + "': '" + value + "' is not an int");
        }
    }
}
