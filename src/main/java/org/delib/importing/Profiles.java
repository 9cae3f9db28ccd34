package org.delib.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.delib.rules.RulesProfile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rules profiles (RULES: every setting): the spec's values, overlaid by a profile file, then by the programme's
 * own {@code settings}. Validated before anything is read: a misspelt key or a bad value fails the run.
 */
public final class Profiles {

    private Profiles() {}

    /**
     * @param name     the profile a programme names ({@code rules:}), shipped under {@code profiles/}
     * @param file     a profile file given by the job definition instead, or null
     * @param settings the programme's overrides, or null
     */
    public static RulesProfile load(String name, Path file, JsonNode settings) {
        ObjectNode tree = Yaml.MAPPER.valueToTree(RulesProfile.defaults());
        String source;
        if (file != null) {
            source = file.toString();
            overlay(tree, readTree(file), source);
        } else {
            source = "profiles/" + name + ".yml";
            try (InputStream in = Profiles.class.getResourceAsStream("/" + source)) {
                if (in == null) {
                    throw new InputException("rules profile " + name + " not found (shipped: lmd-unipro)");
                }
                overlay(tree, Yaml.MAPPER.readTree(in), source);
            } catch (IOException e) {
                throw new InputException(source + ": " + e.getMessage());
            }
        }
        if (settings != null && !settings.isNull()) {
            overlay(tree, settings, "programme settings");
        }
        RulesProfile profile = Yaml.convert(tree, source, RulesProfile.class);
        if (!profile.problems().isEmpty()) {
            throw new InputException(source + ": " + String.join("; ", profile.problems()));
        }
        return profile;
    }

    private static JsonNode readTree(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Yaml.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new InputException(file + ": " + e.getMessage());
        }
    }

    /** Deep overlay, key by key; an unknown key is kept so that the conversion names it. */
    private static void overlay(ObjectNode base, JsonNode over, String source) {
        if (over == null || over.isNull() || over.isMissingNode()) {
            return;
        }
        if (!over.isObject()) {
            throw new InputException(source + ": expected a map of settings");
        }
        for (Map.Entry<String, JsonNode> e : over.properties()) {
            JsonNode current = base.get(e.getKey());
            if (current instanceof ObjectNode object && e.getValue().isObject()
                    && !e.getKey().equals("codes")) {
                overlay(object, e.getValue(), source);
            } else {
                base.set(e.getKey(), e.getValue());
            }
        }
    }
}
