package io.possync.testkit.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.possync.api.internal.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A vendor's OpenAPI 3 document, to check the bodies a connector sends and the answers a sandbox
 * gives against the vendor's own schemas: {@code $ref}, {@code type}, {@code nullable},
 * {@code properties}, {@code required}, {@code items} and {@code enum} are checked.
 *
 * <pre>{@code
 * OpenApiDocument spec = OpenApiDocument.read(Path.of("vendor-specs/lightspeed/specs/xseries-api-2.0.openapi.json"));
 * JsonNode schema = spec.requestSchema("post", "/customers").orElseThrow();
 * assertThat(spec.problems(body, schema, true)).isEmpty();     // strict: no field the schema does not name
 * }</pre>
 */
public final class OpenApiDocument {

    private final JsonNode document;

    private OpenApiDocument(JsonNode document) {
        this.document = document;
    }

    /** Reads the document at {@code file}. */
    public static OpenApiDocument read(Path file) {
        try {
            return new OpenApiDocument(Json.MAPPER.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OpenAPI document " + file, e);
        }
    }

    /** The JSON schema of the request body of {@code method} (lower case) on {@code path} as the document names it. */
    public Optional<JsonNode> requestSchema(String method, String path) {
        JsonNode schema = document.path("paths").path(path).path(method).path("requestBody").path("content")
                .path("application/json").path("schema");
        return schema.isMissingNode() ? Optional.empty() : Optional.of(schema);
    }

    /** The JSON schema of the {@code status} answer of {@code method} on {@code path}. */
    public Optional<JsonNode> responseSchema(String method, String path, int status) {
        JsonNode schema = document.path("paths").path(path).path(method).path("responses").path(String.valueOf(status))
                .path("content").path("application/json").path("schema");
        return schema.isMissingNode() ? Optional.empty() : Optional.of(schema);
    }

    /** The path template of the document that {@code concretePath} (e.g. {@code /customers/42}) is an instance of. */
    public Optional<String> pathTemplate(String concretePath) {
        Iterator<String> paths = document.path("paths").fieldNames();
        while (paths.hasNext()) {
            String template = paths.next();
            if (concretePath.matches(template.replaceAll("\\{[^}]+}", "[^/]+"))) {
                return Optional.of(template);
            }
        }
        return Optional.empty();
    }

    /**
     * What is wrong with {@code value} against {@code schema}, one line per problem with its JSON path
     * ({@code $.line_items[0].quantity: expected number, was "1"}); empty when it conforms. With
     * {@code strict}, a field the schema does not name is a problem too (for what a client sends).
     */
    public List<String> problems(JsonNode value, JsonNode schema, boolean strict) {
        List<String> problems = new ArrayList<>();
        check(value, schema, "$", strict, problems);
        return problems;
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        for (int depth = 0; s.has("$ref") && depth < 32; depth++) {
            String ref = s.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalArgumentException("only local references are supported, not " + ref);
            }
            s = document.at(ref.substring(1));
        }
        return s;
    }

    private void check(JsonNode value, JsonNode rawSchema, String at, boolean strict, List<String> problems) {
        JsonNode schema = resolve(rawSchema);
        if (value.isNull()) {
            if (schema.has("type") && !schema.path("nullable").asBoolean(false)) {
                problems.add(at + ": null where the schema allows none");
            }
            return;
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode option : schema.get("enum")) {
                listed |= option.asText().equals(value.asText());
            }
            if (!listed) {
                problems.add(at + ": " + value + " is none of " + schema.get("enum"));
            }
        }
        String type = schema.path("type").asText("");
        switch (type) {
            case "object" -> {
                if (!value.isObject()) {
                    problems.add(at + ": expected an object, was " + shape(value));
                    return;
                }
                for (JsonNode required : schema.path("required")) {
                    if (!value.has(required.asText())) {
                        problems.add(at + ": required field " + required.asText() + " is missing");
                    }
                }
                JsonNode properties = schema.path("properties");
                Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    if (properties.has(field.getKey())) {
                        check(field.getValue(), properties.get(field.getKey()), at + "." + field.getKey(), strict, problems);
                    } else if (strict && properties.size() > 0) {
                        problems.add(at + "." + field.getKey() + ": a field the schema does not name");
                    }
                }
            }
            case "array" -> {
                if (!value.isArray()) {
                    problems.add(at + ": expected an array, was " + shape(value));
                    return;
                }
                for (int i = 0; i < value.size(); i++) {
                    check(value.get(i), schema.path("items"), at + "[" + i + "]", strict, problems);
                }
            }
            case "string" -> {
                if (!value.isTextual()) {
                    problems.add(at + ": expected a string, was " + shape(value));
                }
            }
            case "number" -> {
                if (!value.isNumber()) {
                    problems.add(at + ": expected a number, was " + shape(value));
                }
            }
            case "integer" -> {
                if (!value.isIntegralNumber()) {
                    problems.add(at + ": expected an integer, was " + shape(value));
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    problems.add(at + ": expected a boolean, was " + shape(value));
                }
            }
            default -> { }
        }
    }

    private static String shape(JsonNode value) {
        String text = value.toString();
        return value.getNodeType().name().toLowerCase() + " " + (text.length() > 40 ? text.substring(0, 40) + "…" : text);
    }
}
