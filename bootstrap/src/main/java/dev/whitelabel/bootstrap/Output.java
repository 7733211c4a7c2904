package dev.whitelabel.bootstrap;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;

/**
 * Every command prints exactly one JSON object: the result on stdout, a refusal on stderr.
 *
 * <p>Written here rather than by Jackson, which the server uses: the results are a few flat records,
 * and building an {@code ObjectMapper} would be paid by every command-line call (bench/README.md).
 * {@code OutputTest} holds this to what Jackson writes for the same values (names in snake_case,
 * components in declaration order, the same escapes).
 */
final class Output {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Output() {}

    /** One line ended by {@code \n} as the HTTP API's answers are, on every system: println ends it with the system's. */
    static void print(PrintWriter out, Object result) {
        out.print(json(result) + "\n");
        out.flush();
    }

    static String json(Object value) {
        var json = new StringBuilder(128);
        write(json, value);
        return json.toString();
    }

    private static void write(StringBuilder json, Object value) {
        if (value == null) {
            json.append("null");
        } else if (value instanceof String text) {
            string(json, text);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Boolean) {
            json.append(value);
        } else if (value instanceof Record record) {
            json.append('{');
            RecordComponent[] components = record.getClass().getRecordComponents();
            for (int i = 0; i < components.length; i++) {
                if (i > 0) {
                    json.append(',');
                }
                string(json, snakeCase(components[i].getName()));
                json.append(':');
                write(json, valueOf(components[i], record));
            }
            json.append('}');
        } else if (value instanceof Collection<?> items) {
            json.append('[');
            boolean first = true;
            for (Object item : items) {
                if (!first) {
                    json.append(',');
                }
                first = false;
                write(json, item);
            }
            json.append(']');
        } else if (value instanceof Map<?, ?> entries) {
            json.append('{');
            boolean first = true;
            for (var entry : entries.entrySet()) {
                if (!first) {
                    json.append(',');
                }
                first = false;
                string(json, String.valueOf(entry.getKey()));
                json.append(':');
                write(json, entry.getValue());
            }
            json.append('}');
        } else {
            throw new IllegalArgumentException(
                    "not a command result: " + value.getClass().getName());
        }
    }

    private static Object valueOf(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("command results are plain records", e);
        }
    }

    /** As Jackson escapes: quote, backslash, the short forms of five controls, the other controls as {@code \}u00XX. */
    private static void string(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\b' -> json.append("\\b");
                case '\t' -> json.append("\\t");
                case '\n' -> json.append("\\n");
                case '\f' -> json.append("\\f");
                case '\r' -> json.append("\\r");
                default -> {
                    if (c < 0x20) {
                        json.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }

    /** Jackson's SNAKE_CASE: {@code tokenId} is {@code token_id}. */
    static String snakeCase(String name) {
        var snake = new StringBuilder(name.length() + 4);
        boolean previousUpper = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (i > 0 || c != '_') {
                if (Character.isUpperCase(c)) {
                    if (!previousUpper && snake.length() > 0 && snake.charAt(snake.length() - 1) != '_') {
                        snake.append('_');
                    }
                    c = Character.toLowerCase(c);
                    previousUpper = true;
                } else {
                    previousUpper = false;
                }
                snake.append(c);
            }
        }
        return snake.toString();
    }
}
