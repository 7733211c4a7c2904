package dev.whitelabel.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Whole numbers as operators set them in the environment: blank is the default, spaces do not count. */
class WholeNumbersTest {

    final CommandLine.Model.CommandSpec spec = new CommandLine(new Main()).getCommandSpec();

    @Test
    void blank_is_the_default_and_spaces_around_a_number_are_ignored() {
        assertThat(WholeNumbers.of(spec, "--n", "", 5)).isEqualTo(5);
        assertThat(WholeNumbers.of(spec, "--n", "  ", 5)).isEqualTo(5);
        assertThat(WholeNumbers.of(spec, "--n", " 7 ", 5)).isEqualTo(7);
    }

    @Test
    void anything_else_is_a_usage_error_naming_the_option() {
        assertThatThrownBy(() -> WholeNumbers.of(spec, "--n", "7x", 5))
                .isInstanceOf(ParameterException.class)
                .hasMessage("Invalid value for option '--n': '7x' is not an int");
    }
}
