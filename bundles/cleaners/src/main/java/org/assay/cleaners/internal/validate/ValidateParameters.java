package org.assay.cleaners.internal.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.typed.CheckedParameters;
import org.assay.api.step.typed.Param;

/** The parameters of {@code validate}, and the rules between them. */
record ValidateParameters(
        @Param(description = "Rule name to rule, e.g. {\"adult\": \"age between 18 and 120\", \"email_ok\": \"email "
                + "matches '[^@ ]+@[^@ ]+[.][^@ ]+'\", \"ordered\": \"signup_date <= last_purchase\", \"one_id\": "
                + "\"customer_id is unique\"}. Forms: " + RuleParser.SYNTAX + ".")
        Map<String, String> rules,
        @Param(description = "Rule name to " + Severity.SYNTAX + "; rules not named get defaultSeverity.",
                defaultValue = "{}")
        Map<String, String> severity,
        @Param(description = "The severity of rules not in severity: reject or warn.", defaultValue = "reject")
        String defaultSeverity,
        @Param(description = "Rule name to the message given when it breaks (in the quarantine reason and the "
                + "summary); {column} and {value} are replaced (a pii value by ***).", defaultValue = "{}")
        Map<String, String> messages) implements CheckedParameters {

    @Override
    public List<ParameterProblem> problems() {
        List<ParameterProblem> problems = new ArrayList<>();
        if (rules.isEmpty()) {
            problems.add(ParameterProblem.of("rules", "give at least one rule, e.g. {\"adult\": \"age between 18 and "
                    + "120\"}"));
        }
        for (Map.Entry<String, String> e : rules.entrySet()) {
            try {
                RuleParser.parse(e.getValue());
            } catch (IllegalArgumentException bad) {
                problems.add(ParameterProblem.of("rules", "rule '" + e.getKey() + "': " + bad.getMessage()));
            }
        }
        for (Map.Entry<String, String> e : severity.entrySet()) {
            if (!rules.containsKey(e.getKey())) {
                problems.add(ParameterProblem.of("severity", "there is no rule '" + e.getKey() + "' in rules"));
            }
            try {
                Severity.parse(e.getKey(), e.getValue());
            } catch (IllegalArgumentException bad) {
                problems.add(ParameterProblem.of("severity", bad.getMessage()));
            }
        }
        if (!defaultSeverity.equals("reject") && !defaultSeverity.equals("warn")) {
            problems.add(ParameterProblem.of("defaultSeverity", "write reject or warn; fail:<share> is given per rule"
                    + " in severity"));
        }
        for (String m : messages.keySet()) {
            if (!rules.containsKey(m)) {
                problems.add(ParameterProblem.of("messages", "there is no rule '" + m + "' in rules"));
            }
        }
        return problems;
    }

    Severity severityOf(String rule) {
        String s = severity.get(rule);
        return Severity.parse(rule, s == null ? defaultSeverity : s);
    }

    /** Whether some rule keeps its rows and so needs the violations column. */
    boolean flags() {
        return rules.keySet().stream().anyMatch(r -> {
            try {
                return severityOf(r).kind() != Severity.Kind.REJECT;
            } catch (IllegalArgumentException bad) {
                return false;
            }
        });
    }
}
