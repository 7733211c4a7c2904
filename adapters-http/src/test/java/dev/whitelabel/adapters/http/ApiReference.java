package dev.whitelabel.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * docs/api.md, rendered from the OpenAPI document the server serves at {@code /openapi.json}: every
 * route with its parameters, body fields and answers, then every schema. Plain Markdown, so that it
 * reads in a clone and on any Git host; {@code ApiReferenceTest} keeps the file equal to this rendering.
 */
final class ApiReference {

    private static final String REF_PREFIX = "#/components/schemas/";

    private final JsonNode document;
    private final StringBuilder out = new StringBuilder();

    private ApiReference(JsonNode document) {
        this.document = document;
    }

    static String render(JsonNode document) {
        return new ApiReference(document).renderAll();
    }

    private String renderAll() {
        JsonNode info = document.path("info");
        line("# HTTP API reference");
        line("");
        line(
                "<!-- Generated from adapters-http/src/main/resources/openapi.json by ApiReferenceTest: do not edit by hand."
                        + " Change openapi.json, run the test, and copy adapters-http/target/api.md here. -->");
        line("");
        line(text(info.path("description")));
        line("");
        line("This is the OpenAPI " + document.path("openapi").asText() + " document of " + text(info.path("title"))
                + " "
                + text(info.path("version"))
                + ", as the server serves it at `GET /openapi.json` (with Swagger UI over it at"
                + " `GET /docs`), written out as Markdown. Every route answers JSON errors in the shapes of the schemas"
                + " [Message](#message), [Error](#error) and [Validation](#validation) below.");
        line("");
        renderAuthentication();
        renderIndex();
        renderRoutes();
        renderSchemas();
        return out.toString();
    }

    private void renderAuthentication() {
        line("## Authentication");
        line("");
        Set<String> defaults = securityNames(document.path("security"));
        document.path("components").path("securitySchemes").properties().forEach(scheme -> {
            JsonNode value = scheme.getValue();
            String kind = value.path("type").asText()
                    + (value.has("scheme") ? " " + value.path("scheme").asText() : "");
            line("- `" + scheme.getKey() + "` (" + kind + "): " + text(value.path("description"))
                    + (defaults.contains(scheme.getKey())
                            ? ". Every route needs it unless its section says otherwise."
                            : "."));
        });
        line("");
    }

    private void renderIndex() {
        line("## Routes");
        line("");
        line("| method | path | what |");
        line("|---|---|---|");
        forEachOperation((method, path, operation) ->
                line("| " + method + " | `" + path + "` | " + cell(text(operation.path("summary"))) + " |"));
        line("");
    }

    private void renderRoutes() {
        Map<String, List<Runnable>> byTag = new LinkedHashMap<>();
        document.path("paths").properties().forEach(path -> {
            // methods of one path that do the same (forward auth answers them all alike) share a section
            Map<JsonNode, List<String>> methodsByOperation = new LinkedHashMap<>();
            path.getValue()
                    .properties()
                    .forEach(operation -> methodsByOperation
                            .computeIfAbsent(withoutOperationId(operation.getValue()), ignored -> new ArrayList<>())
                            .add(operation.getKey().toUpperCase()));
            methodsByOperation.forEach((operation, methods) -> {
                String tag = operation.path("tags").path(0).asText("other");
                byTag.computeIfAbsent(tag, ignored -> new ArrayList<>())
                        .add(() -> renderOperation(String.join(", ", methods), path.getKey(), operation));
            });
        });
        byTag.forEach((tag, operations) -> {
            line("## Routes: " + tag);
            line("");
            operations.forEach(Runnable::run);
        });
    }

    private static JsonNode withoutOperationId(JsonNode operation) {
        var copy = ((ObjectNode) operation).deepCopy();
        copy.remove("operationId");
        return copy;
    }

    private void renderOperation(String method, String path, JsonNode operation) {
        line("### " + method + " " + path);
        line("");
        String summary = text(operation.path("summary"));
        line(summary.matches(".*[.?!]") ? summary : summary + ".");
        if (operation.has("description")) {
            line("");
            line(text(operation.path("description")));
        }
        line("");
        JsonNode security = operation.has("security") ? operation.path("security") : document.path("security");
        Set<String> schemes = securityNames(security);
        line("Authentication: "
                + (schemes.isEmpty()
                        ? "none"
                        : schemes.stream().map(name -> "`" + name + "`").collect(Collectors.joining(" or ")))
                + ".");
        line("");
        if (operation.path("parameters").size() > 0) {
            line("| parameter | in | type | required | description |");
            line("|---|---|---|---|---|");
            for (JsonNode parameter : operation.path("parameters")) {
                line("| `" + parameter.path("name").asText() + "` | "
                        + parameter.path("in").asText() + " | "
                        + cell(type(parameter.path("schema"))) + " | "
                        + (parameter.path("required").asBoolean() ? "yes" : "no")
                        + " | " + cell(describe(parameter)) + " |");
            }
            line("");
        }
        JsonNode body = operation.path("requestBody");
        if (!body.isMissingNode()) {
            List<String> mediaTypes = new ArrayList<>();
            body.path("content").fieldNames().forEachRemaining(mediaTypes::add);
            line("Body: " + mediaTypes.stream().map(type -> "`" + type + "`").collect(Collectors.joining(" or "))
                    + ".");
            line("");
            // the same fields in every media type, as the routes read them; a different one is shown apart
            JsonNode first = body.path("content").path(mediaTypes.get(0)).path("schema");
            renderBodySchema(first);
            for (String mediaType : mediaTypes.subList(1, mediaTypes.size())) {
                JsonNode schema = body.path("content").path(mediaType).path("schema");
                if (!schema.equals(first)) {
                    line("As `" + mediaType + "`:");
                    line("");
                    renderBodySchema(schema);
                }
            }
        }
        line("| answer | body | what |");
        line("|---|---|---|");
        List<Map.Entry<String, JsonNode>> responses = new ArrayList<>();
        operation.path("responses").properties().forEach(responses::add);
        responses.sort(Map.Entry.comparingByKey());
        responses.forEach(response -> {
            JsonNode value = response.getValue();
            List<String> bodies = new ArrayList<>();
            value.path("content")
                    .properties()
                    .forEach(content -> bodies.add(
                            content.getValue().has("schema")
                                    ? type(content.getValue().path("schema"))
                                    : "`" + content.getKey() + "`"));
            List<String> headers = new ArrayList<>();
            value.path("headers").fieldNames().forEachRemaining(header -> headers.add("`" + header + "`"));
            String what = text(value.path("description"))
                    + (headers.isEmpty() ? "" : " (headers " + String.join(", ", headers) + ")");
            line("| " + response.getKey() + " | " + cell(bodies.isEmpty() ? "none" : String.join("; ", bodies)) + " | "
                    + cell(what) + " |");
        });
        line("");
    }

    private void renderBodySchema(JsonNode schema) {
        if (schema.has("$ref")) {
            line("Fields: " + type(schema) + ".");
            line("");
            return;
        }
        List<String[]> rows = new ArrayList<>();
        fields("", schema, rows);
        if (rows.isEmpty()) {
            line("Body schema: " + cell(type(schema)) + ".");
            line("");
            return;
        }
        fieldTable(rows);
    }

    private void renderSchemas() {
        line("## Schemas");
        line("");
        document.path("components").path("schemas").properties().forEach(schema -> {
            line("### " + schema.getKey());
            line("");
            JsonNode value = schema.getValue();
            if (value.has("description")) {
                line(text(value.path("description")));
                line("");
            }
            List<String[]> rows = new ArrayList<>();
            if (value.has("allOf")) {
                List<String> parts = new ArrayList<>();
                for (JsonNode part : value.path("allOf")) {
                    if (part.has("$ref")) {
                        parts.add(type(part));
                    } else {
                        fields("", part, rows);
                    }
                }
                line("Every field of " + String.join(" and ", parts) + (rows.isEmpty() ? "." : ", and:"));
                line("");
            } else {
                fields("", value, rows);
            }
            if (rows.isEmpty() && !value.has("allOf")) {
                line("A value of type " + cell(type(value)) + ".");
                line("");
            } else if (!rows.isEmpty()) {
                fieldTable(rows);
            }
        });
    }

    private void fieldTable(List<String[]> rows) {
        line("| field | type | required | description |");
        line("|---|---|---|---|");
        for (String[] row : rows) {
            line("| `" + row[0] + "` | " + cell(row[1]) + " | " + row[2] + " | " + cell(row[3]) + " |");
        }
        line("");
    }

    /** The properties of an inline object, nested inline objects as {@code parent.child}, arrays of them as {@code parent[].child}. */
    private void fields(String prefix, JsonNode schema, List<String[]> rows) {
        Set<String> required = new LinkedHashSet<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        schema.path("properties").properties().forEach(property -> {
            String name = prefix + property.getKey();
            JsonNode value = property.getValue();
            rows.add(new String[] {
                name, type(value), required.contains(property.getKey()) ? "yes" : "no", describe(value)
            });
            if (isInlineObject(value)) {
                fields(name + ".", value, rows);
            } else if (isInlineObject(value.path("items"))) {
                fields(name + "[].", value.path("items"), rows);
            }
        });
    }

    private static boolean isInlineObject(JsonNode schema) {
        return schema.has("properties");
    }

    /** A schema's type in words: references are links to their schema below. */
    private String type(JsonNode schema) {
        if (schema.has("$ref")) {
            String name = schema.path("$ref").asText().substring(REF_PREFIX.length());
            return "[" + name + "](#" + name.toLowerCase() + ")";
        }
        if (schema.has("oneOf")) {
            List<String> options = new ArrayList<>();
            schema.path("oneOf").forEach(option -> options.add(type(option)));
            return String.join(" or ", options);
        }
        if (schema.has("allOf")) {
            List<String> parts = new ArrayList<>();
            schema.path("allOf").forEach(part -> parts.add(type(part)));
            return String.join(" and ", parts);
        }
        List<String> types = new ArrayList<>();
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            type.forEach(each -> types.add(each.asText()));
        } else if (!type.isMissingNode()) {
            types.add(type.asText());
        }
        List<String> words = new ArrayList<>();
        for (String each : types) {
            if (each.equals("array")) {
                words.add("array of " + type(schema.path("items")));
            } else if (each.equals("object") && schema.has("additionalProperties")) {
                words.add("object of " + type(schema.path("additionalProperties")) + " by name");
            } else {
                words.add(each);
            }
        }
        String word = words.isEmpty() ? "any" : String.join(" or ", words);
        List<String> details = new ArrayList<>();
        if (schema.has("format")) {
            details.add(schema.path("format").asText());
        }
        if (schema.has("enum")) {
            List<String> values = new ArrayList<>();
            schema.path("enum").forEach(value -> values.add("`" + value.asText() + "`"));
            details.add("one of " + String.join(", ", values));
        }
        if (schema.has("minimum")) {
            details.add(">= " + schema.path("minimum").asText());
        }
        if (schema.has("maximum")) {
            details.add("<= " + schema.path("maximum").asText());
        }
        if (schema.has("minLength")) {
            details.add("at least " + schema.path("minLength").asText() + " characters");
        }
        if (schema.has("maxLength")) {
            details.add("at most " + schema.path("maxLength").asText() + " characters");
        }
        if (schema.has("default")) {
            details.add("default `" + schema.path("default").toString().replace("\"", "") + "`");
        }
        return details.isEmpty() ? word : word + " (" + String.join(", ", details) + ")";
    }

    private static String describe(JsonNode node) {
        String description = text(node.path("description"));
        JsonNode example =
                node.has("example") ? node.path("example") : node.path("schema").path("example");
        if (!example.isMissingNode()) {
            description += (description.isEmpty() ? "" : "; ") + "for example `" + example.asText() + "`";
        }
        return description;
    }

    private interface OperationVisitor {
        void visit(String method, String path, JsonNode operation);
    }

    private void forEachOperation(OperationVisitor visitor) {
        document.path("paths")
                .properties()
                .forEach(path -> path.getValue()
                        .properties()
                        .forEach(operation ->
                                visitor.visit(operation.getKey().toUpperCase(), path.getKey(), operation.getValue())));
    }

    private static Set<String> securityNames(JsonNode security) {
        Set<String> names = new LinkedHashSet<>();
        security.forEach(requirement -> requirement.fieldNames().forEachRemaining(names::add));
        return names;
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull()
                ? ""
                : node.asText().replaceAll("\\s*\\R\\s*", " ").strip();
    }

    /** Text in a table cell: a pipe would end the cell. */
    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    private void line(String text) {
        out.append(text.stripTrailing()).append('\n');
    }
}
