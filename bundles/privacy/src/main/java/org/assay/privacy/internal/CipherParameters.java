package org.assay.privacy.internal;

import java.util.ArrayList;
import java.util.List;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.typed.CheckedParameters;
import org.assay.api.step.typed.Columns;
import org.assay.api.step.typed.Param;
import org.assay.privacy.internal.keys.SecretKeys;

/** The parameters of {@code encrypt} and {@code decrypt}. */
record CipherParameters(
        @Param(description = "Columns to encrypt or decrypt.")
        @Columns
        List<String> columns,
        @Param(description = "Name of the secret the AES-256 key is derived from (set with assay:secret-set NAME); "
                + "encrypt uses it, decrypt uses it or one of previousKeys, whichever each value names.")
        String key,
        @Param(description = "decrypt only: names of earlier secrets still accepted while values are re-encrypted "
                + "under key (a key rotation).", defaultValue = "[]")
        List<String> previousKeys) implements CheckedParameters {

    @Override
    public List<ParameterProblem> problems() {
        List<ParameterProblem> problems = new ArrayList<>();
        if (columns.isEmpty()) {
            problems.add(ParameterProblem.of("columns", "name at least one column"));
        }
        if (!SecretKeys.validName(key)) {
            problems.add(ParameterProblem.of("key", "'" + key + "' is not a secret name: give the name of a secret "
                    + "set with assay:secret-set (lower-case letters, digits and _), never the key itself"));
        }
        for (String k : previousKeys) {
            if (!SecretKeys.validName(k)) {
                problems.add(ParameterProblem.of("previousKeys", "'" + k + "' is not a secret name"));
            } else if (k.equals(key)) {
                problems.add(ParameterProblem.of("previousKeys", "'" + k + "' is key already"));
            }
        }
        return problems;
    }

    List<String> allKeys() {
        List<String> all = new ArrayList<>(List.of(key));
        all.addAll(previousKeys);
        return all;
    }
}
