package org.delib.importing;

import java.nio.file.Path;
import org.delib.rules.RulesProfile;
import tools.jackson.databind.JsonNode;

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
        RulesProfile profile = Yaml.settings(RulesProfile.defaults(), RulesProfile.class, "profiles", name, file,
                settings);
        if (!profile.problems().isEmpty()) {
            throw new InputException("rules profile " + profile.name() + ": " + String.join("; ", profile.problems()));
        }
        return profile;
    }
}
