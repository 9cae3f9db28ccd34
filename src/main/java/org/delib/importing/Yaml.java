package org.delib.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import java.util.Map;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The YAML reading shared by programmes, rules profiles and job definitions: snake_case keys, no unknown key. */
public final class Yaml {

    /** Strict: a misspelt key is an error, never a silently ignored setting. */
    public static final YAMLMapper MAPPER = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private Yaml() {}

    public static <T> T read(Path file, Class<T> type) {
        if (!Files.isRegularFile(file)) {
            throw new InputException(file + ": file not found");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.getFileName().toString(), type);
        } catch (IOException e) {
            throw new InputException(file + ": " + e.getMessage());
        }
    }

    public static <T> T read(InputStream in, String name, Class<T> type) {
        try {
            T value = MAPPER.readValue(in, type);
            if (value == null) {
                throw new InputException(name + ": empty document");
            }
            return value;
        } catch (JacksonException e) {
            throw new InputException(name + ": " + oneLine(e));
        }
    }

    public static <T> T convert(JsonNode tree, String name, Class<T> type) {
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (JacksonException e) {
            throw new InputException(name + ": " + oneLine(e));
        }
    }

    /**
     * Settings of {@code type}: {@code defaults}, overlaid by a file — {@code file}, or else the shipped
     * {@code folder/name.yml} — then by {@code overrides}. Every key is checked: a misspelt one fails.
     */
    public static <T> T settings(T defaults, Class<T> type, String folder, String name, Path file, JsonNode overrides) {
        ObjectNode tree = MAPPER.valueToTree(defaults);
        String source;
        if (file != null) {
            source = file.toString();
            try (InputStream in = Files.newInputStream(file)) {
                overlay(tree, MAPPER.readTree(in), source);
            } catch (IOException e) {
                throw new InputException(source + ": cannot read (" + e.getMessage() + ")");
            }
        } else {
            source = folder + "/" + name + ".yml";
            try (InputStream in = Yaml.class.getResourceAsStream("/" + source)) {
                if (in == null) {
                    throw new InputException(folder + " " + name + " not found");
                }
                overlay(tree, MAPPER.readTree(in), source);
            } catch (IOException e) {
                throw new InputException(source + ": " + e.getMessage());
            }
        }
        overlay(tree, overrides, source + " overrides");
        return convert(tree, source, type);
    }

    /**
     * Deep overlay of settings, key by key, onto {@code base}; an unknown key is kept so that the conversion to
     * the settings' type names it. Maps named {@code codes} or {@code columns} are replaced whole.
     */
    public static void overlay(ObjectNode base, JsonNode over, String source) {
        if (over == null || over.isNull() || over.isMissingNode()) {
            return;
        }
        if (!over.isObject()) {
            throw new InputException(source + ": expected a map of settings");
        }
        for (Map.Entry<String, JsonNode> e : over.properties()) {
            JsonNode current = base.get(e.getKey());
            if (current instanceof ObjectNode object && e.getValue().isObject()
                    && !e.getKey().equals("codes") && !e.getKey().equals("columns")) {
                overlay(object, e.getValue(), source);
            } else {
                base.set(e.getKey(), e.getValue());
            }
        }
    }

    /** Jackson's message without its multi-line source excerpt, with where the problem is. */
    private static String oneLine(JacksonException e) {
        String message = e.getOriginalMessage().lines().findFirst().orElse("invalid YAML")
                .replaceAll(" \\(set `[^`]*` to [^)]*\\)", "")
                .replaceAll(" \\(class [^)]*\\)", "")
                .replaceAll(", not marked as ignorable", "")
                .replaceAll("(of )?type `[^`]*\\.([A-Za-z]+)`", "$1$2");
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference r : e.getPath()) {
            path.append(r.getPropertyName() != null ? (path.isEmpty() ? "" : ".") + r.getPropertyName() : "[" + r.getIndex() + "]");
        }
        String line = e.getLocation() == null || e.getLocation().getLineNr() < 1 ? ""
                : ", line " + e.getLocation().getLineNr();
        return message + (path.isEmpty() && line.isEmpty() ? "" : " (at " + path + line + ")").replace("(at , ", "(at ");
    }
}
