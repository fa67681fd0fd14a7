package org.assay.cleaners.internal.dedup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assay.api.data.FieldType;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.typed.CheckedParameters;
import org.assay.api.step.typed.Columns;
import org.assay.api.step.typed.Param;

/** The parameters of {@code dedup}, and the rules between them. */
record DedupParameters(
        @Param(description = "exact: rows with equal keys are one entity; fuzzy: rows that share a blocking key "
                + "and score at least threshold over fields are one entity.", defaultValue = "exact")
        DedupMode mode,
        @Param(description = "exact mode: the key columns, compared after normalisation (NFKC, case, accents, "
                + "punctuation, spaces). A row with a missing key cell is kept as it is.", defaultValue = "[]")
        @Columns
        List<String> keys,
        @Param(description = "fuzzy mode: column to comparator " + FieldRule.SYNTAX + "; the score is the "
                + "weighted mean similarity over the fields both rows have, e.g. {\"last_name\": "
                + "\"jaro-winkler:3\", \"email\": \"levenshtein:3\", \"birth_date\": \"date:2\"}.",
                defaultValue = "{}")
        @Columns
        Map<String, String> fields,
        @Param(description = "fuzzy mode: blocking keys; rows are compared only when one key gives both the "
                + "same value. Each key is " + BlockingKey.SYNTAX + ". Give several so a typo in one field "
                + "does not hide a duplicate.", defaultValue = "[]")
        List<String> blocking,
        @Param(description = "fuzzy mode: how pairs are picked from the blocking keys.", defaultValue = "blocks")
        BlockingMethod method,
        @Param(description = "sorted-neighbourhood: rows compared with each row; blocks: the window inside a "
                + "block larger than maxBlockSize.", defaultValue = "10", min = 2, max = 1000)
        int window,
        @Param(description = "blocks: the largest block compared pair by pair (its work is size squared / 2).",
                defaultValue = "1000", min = 2, max = 100000)
        int maxBlockSize,
        @Param(description = "fuzzy mode: the score (0 to 1) from which two rows are one entity.",
                defaultValue = "0.85", min = 0, max = 1)
        double threshold,
        @Param(description = "fuzzy mode: pairs scoring from this up to threshold are possible matches: not "
                + "merged, listed in review-pairs.csv for a person to decide.", min = 0, max = 1)
        Optional<Double> reviewThreshold,
        @Param(description = "fuzzy mode: pairs of text fields that are often swapped, \"first_name/last_name\": "
                + "the pair also scores crossed and the better way counts.", defaultValue = "[]")
        List<String> swappable,
        @Param(description = "Per column, which value the golden record keeps: " + "column to one of "
                + "most-complete, most-frequent, most-recent, max, min, preferred-source, first.",
                defaultValue = "{}")
        @Columns
        Map<String, String> survivorship,
        @Param(description = "Survivorship for the columns not in survivorship.", defaultValue = "most-complete")
        Survivorship defaultSurvivorship,
        @Param(description = "The column most-recent looks at (a date, timestamp or number).")
        @Columns(types = {FieldType.DATE, FieldType.TIMESTAMP, FieldType.INTEGER, FieldType.DECIMAL})
        Optional<String> recencyColumn,
        @Param(description = "The column preferred-source looks at: which system a row came from.")
        @Columns
        Optional<String> sourceColumn,
        @Param(description = "preferred-source: the sources, most trusted first, e.g. [\"crm\", \"shop\"].",
                defaultValue = "[]")
        List<String> sourcePriority,
        @Param(description = "The column whose values name rows in source_rows and the pair tables (not a pii "
                + "column); without it rows are named by their 1-based position in the input.")
        @Columns(pii = false)
        Optional<String> idColumn,
        @Param(description = "Link mode (input 'other' connected): the column of input 'other' that names its rows"
                + " in the links output; default the column named like idColumn when 'other' has one, else the"
                + " row's position in 'other'. Not a pii column.")
        Optional<String> otherIdColumn) implements CheckedParameters {

    static final List<String> OUTPUT_COLUMNS = List.of(DedupStep.CLUSTER_ID, DedupStep.CLUSTER_SIZE,
            DedupStep.SOURCE_ROWS);

    @Override
    public List<ParameterProblem> problems() {
        List<ParameterProblem> problems = new ArrayList<>();
        if (mode == DedupMode.EXACT && keys.isEmpty()) {
            problems.add(ParameterProblem.of("keys", "mode exact needs the key columns, e.g. \"keys\": [\"email\"]"));
        }
        if (mode == DedupMode.FUZZY) {
            if (fields.isEmpty()) {
                problems.add(ParameterProblem.of("fields", "mode fuzzy needs the fields to compare, e.g. "
                        + "{\"last_name\": \"jaro-winkler:3\", \"email\": \"levenshtein:2\"}"));
            }
            if (blocking.isEmpty()) {
                problems.add(ParameterProblem.of("blocking", "mode fuzzy needs at least one blocking key, e.g. "
                        + "[\"soundex(last_name)+postcode\", \"email\"], or it would compare every pair"));
            }
            if (!keys.isEmpty()) {
                problems.add(ParameterProblem.of("keys", "keys is for mode exact; in mode fuzzy use fields"));
            }
        } else if (!fields.isEmpty() || !blocking.isEmpty()) {
            problems.add(ParameterProblem.of(fields.isEmpty() ? "blocking" : "fields",
                    "fields and blocking are for mode fuzzy; set \"mode\": \"fuzzy\" or remove them"));
        }
        problems.addAll(ruleProblems());
        if (reviewThreshold.isPresent() && reviewThreshold.get() >= threshold) {
            problems.add(ParameterProblem.of("reviewThreshold", "must be below threshold (" + threshold
                    + "): pairs between the two are listed for review"));
        }
        List<Survivorship> used = new ArrayList<>(survivorshipRules().values());
        used.add(defaultSurvivorship);
        if (used.contains(Survivorship.MOST_RECENT) && recencyColumn.isEmpty()) {
            problems.add(ParameterProblem.of("recencyColumn", "most-recent needs the column that dates a row, e.g. "
                    + "\"recencyColumn\": \"updated_at\""));
        }
        if (used.contains(Survivorship.PREFERRED_SOURCE) && (sourceColumn.isEmpty() || sourcePriority.isEmpty())) {
            problems.add(ParameterProblem.of(sourceColumn.isEmpty() ? "sourceColumn" : "sourcePriority",
                    "preferred-source needs sourceColumn and sourcePriority, e.g. \"sourceColumn\": \"source\", "
                            + "\"sourcePriority\": [\"crm\", \"shop\"]"));
        }
        return problems;
    }

    private List<ParameterProblem> ruleProblems() {
        List<ParameterProblem> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : fields.entrySet()) {
            try {
                FieldRule.parse(e.getKey(), e.getValue());
            } catch (IllegalArgumentException bad) {
                problems.add(ParameterProblem.of("fields", bad.getMessage()));
            }
        }
        for (String b : blocking) {
            try {
                BlockingKey.parse(b);
            } catch (IllegalArgumentException bad) {
                problems.add(ParameterProblem.of("blocking", bad.getMessage()));
            }
        }
        for (String s : swappable) {
            String[] two = s.split("/", -1);
            if (two.length != 2 || !fields.containsKey(two[0].strip()) || !fields.containsKey(two[1].strip())) {
                problems.add(ParameterProblem.of("swappable", "'" + s + "' must be two columns of fields joined by /,"
                        + " e.g. \"first_name/last_name\""));
            } else if (numericRule(two[0].strip()) || numericRule(two[1].strip())) {
                problems.add(ParameterProblem.of("swappable", "'" + s + "': only fields with a text comparator can be"
                        + " swapped"));
            }
        }
        for (Map.Entry<String, String> e : survivorship.entrySet()) {
            if (Survivorship.parse(e.getValue()) == null) {
                problems.add(ParameterProblem.of("survivorship", "column '" + e.getKey() + "': '" + e.getValue()
                        + "' is not a rule; use one of " + Survivorship.names()));
            }
        }
        return problems;
    }

    private boolean numericRule(String column) {
        try {
            return FieldRule.parse(column, fields.get(column)).comparator().numeric();
        } catch (IllegalArgumentException bad) {
            return false; // reported under fields
        }
    }

    List<FieldRule> fieldRules() {
        return fields.entrySet().stream().map(e -> FieldRule.parse(e.getKey(), e.getValue())).toList();
    }

    List<BlockingKey> blockingKeys() {
        return blocking.stream().map(BlockingKey::parse).toList();
    }

    /** Survivorship rules that parse, by column. */
    Map<String, Survivorship> survivorshipRules() {
        Map<String, Survivorship> out = new LinkedHashMap<>();
        survivorship.forEach((c, r) -> {
            Survivorship s = Survivorship.parse(r);
            if (s != null) {
                out.put(c, s);
            }
        });
        return out;
    }
}
