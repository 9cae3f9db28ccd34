package org.delib.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
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
