package org.assay.privacy.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.typed.CheckedParameters;
import org.assay.api.step.typed.Columns;
import org.assay.api.step.typed.Param;
import org.assay.privacy.internal.keys.SecretKeys;

/** The parameters of {@code pseudonymize}. */
record PseudonymizeParameters(
        @Param(description = "Columns to replace by their pseudonyms.")
        @Columns
        List<String> columns,
        @Param(description = "Name of the secret that keys the pseudonyms (set with assay:secret-set NAME, at least "
                + "16 characters). The same secret gives the same pseudonyms in every workflow; never the key itself.")
        String key,
        @Param(description = "Text put before every pseudonym, e.g. \"c_\".")
        Optional<String> prefix,
        @Param(description = "Hex characters of the pseudonym (4 bits each): 16 gives 64 bits, collision-free in "
                + "practice below a few hundred million values.", defaultValue = "16", min = 8, max = 64)
        int length,
        @Param(description = "Trim and lower-case each value before it is keyed, so e-mails that differ only in "
                + "case get one pseudonym.", defaultValue = "false")
        boolean normalize) implements CheckedParameters {

    @Override
    public List<ParameterProblem> problems() {
        List<ParameterProblem> problems = new ArrayList<>();
        if (columns.isEmpty()) {
            problems.add(ParameterProblem.of("columns", "name at least one column to pseudonymise"));
        }
        if (!SecretKeys.validName(key)) {
            problems.add(ParameterProblem.of("key", "'" + key + "' is not a secret name: give the name of a secret "
                    + "set with assay:secret-set (lower-case letters, digits and _), never the key itself"));
        }
        if (prefix.orElse("").length() > 32) {
            problems.add(ParameterProblem.of("prefix", "keep the prefix to 32 characters or fewer"));
        }
        return problems;
    }
}
