package org.assay.cleaners.internal.dedup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assay.api.data.ColumnNotFound;
import org.assay.api.data.Field;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.PortSpec;
import org.assay.api.step.Step;
import org.assay.api.step.StepCategory;
import org.assay.api.step.StepDescriptor;
import org.assay.api.step.StepType;
import org.assay.api.step.typed.AssayStepType;
import org.assay.api.step.typed.TypedStepType;
import org.osgi.service.component.annotations.Component;

/** The {@code dedup} step type: one golden record per entity, with the rows it came from. */
@Component(service = StepType.class)
@AssayStepType("dedup")
public final class DedupStepType extends TypedStepType<DedupParameters> {

    public DedupStepType() {
        super(DedupParameters.class);
    }

    @Override
    protected void describe(StepDescriptor.Builder b) {
        b.category(StepCategory.CLEANER).title("Remove duplicates (entity resolution)")
                .tags("deduplication", "entity resolution", "record linkage", "golden record", "data quality")
                .description("Finds rows that describe the same entity and writes one golden record per entity. "
                        + "Exact mode compares normalised keys; fuzzy mode compares the rows that share a blocking "
                        + "key field by field (Jaro-Winkler, Levenshtein, token set, digits, numeric, date) and "
                        + "links pairs whose weighted score reaches threshold. Linked rows form clusters "
                        + "(transitively); survivorship picks each column's value. Every output row carries "
                        + "cluster_id (the position of its cluster's first row), cluster_size and source_rows "
                        + "(the rows it came from); merged-away rows count as filtered. Reads the input twice: "
                        + "the first pass keeps only the compared fields and blocking keys of each row, the "
                        + "second the full rows of clusters. Writes matched-pairs.csv (row names, score, fields "
                        + "that agreed, no values), review-pairs.csv with reviewThreshold, and dedup-summary.csv "
                        + "(pairs compared against all pairs, cluster sizes).")
                .input(PortSpec.IN, "Rows that may describe the same entity more than once.")
                .input(new PortSpec(DedupStep.OTHER, "Link mode: a second table (a shop's customers against a CRM"
                        + " export) with the compared and blocking columns under the same names and types. Only"
                        + " pairs of one row of each input are compared and linked; rows of one input become one"
                        + " entity only through a row of the other. Its rows join the output in the columns of"
                        + " 'in' (columns 'in' lacks are dropped, columns 'other' lacks are empty); source_rows"
                        + " names them other:<id>.", true))
                .output(PortSpec.OUT, "Rows that had no duplicate, then one golden record per cluster, each with "
                        + "cluster_id, cluster_size and source_rows.")
                .output(DedupStep.LINKS, "The linked pairs: id_a and id_b (idColumn's value, else the row's"
                        + " position in its input; in link mode id_a names a row of 'in' and id_b one of"
                        + " 'other'), score, match (false: a possible match at or above reviewThreshold, not"
                        + " merged) and agreed (the fields that agreed). Exact mode links each row to the first"
                        + " row with its key (of the other input in link mode), with score 1.");
    }

    static final Schema LINKS_SCHEMA = Schema.of(Field.of("id_a", FieldType.STRING), Field.of("id_b", FieldType.STRING),
            Field.of("score", FieldType.DECIMAL), Field.of("match", FieldType.BOOLEAN),
            Field.of("agreed", FieldType.STRING));

    @Override
    protected Step newStep(DedupParameters p) {
        return new DedupStep(p);
    }

    @Override
    protected List<ParameterProblem> check(DedupParameters p, Map<String, Schema> inputs) {
        Schema in = inputs.get(PortSpec.IN);
        if (in == null) {
            return List.of();
        }
        List<ParameterProblem> problems = new ArrayList<>(problems(p, in));
        Schema other = inputs.get(DedupStep.OTHER);
        if (other != null) {
            problems.addAll(otherProblems(p, in, other));
        }
        return problems;
    }

    /** Link mode: the compared, key and blocking columns must be in 'other' too, with the same types. */
    static List<ParameterProblem> otherProblems(DedupParameters p, Schema in, Schema other) {
        List<ParameterProblem> problems = new ArrayList<>();
        List<String> needed = new ArrayList<>(p.mode() == DedupMode.EXACT ? p.keys() : List.copyOf(p.fields().keySet()));
        if (p.mode() == DedupMode.FUZZY) {
            for (String key : p.blocking()) {
                try {
                    needed.addAll(BlockingKey.parse(key).columns());
                } catch (IllegalArgumentException bad) {
                    // reported by the parameters' own check
                }
            }
        }
        for (String c : new java.util.LinkedHashSet<>(needed)) {
            if (!other.contains(c)) {
                problems.add(ParameterProblem.general("input '" + DedupStep.OTHER + "' has no column '" + c + "',"
                        + " which dedup compares; rename its column to '" + c + "' with a select step first"));
            }
        }
        for (Field f : in) {
            if (other.contains(f.name()) && other.field(f.name()).type() != f.type()) {
                problems.add(ParameterProblem.general("column '" + f.name() + "' is " + f.type().jsonName()
                        + " in input 'in' but " + other.field(f.name()).type().jsonName() + " in input '"
                        + DedupStep.OTHER + "'; convert one with a derive step so both rows fit one output"));
            }
        }
        p.otherIdColumn().ifPresent(c -> {
            if (!other.contains(c)) {
                problems.add(ParameterProblem.of("otherIdColumn", ColumnNotFound.message(c, other, "input '"
                        + DedupStep.OTHER + "'")));
            } else if (other.field(c).has(org.assay.api.data.FieldTag.PII)) {
                problems.add(ParameterProblem.of("otherIdColumn", "'" + c + "' is personal data (pii); name an id"
                        + " column instead"));
            }
        });
        return problems;
    }

    /** The column naming rows of input 'other': otherIdColumn, else idColumn's name when 'other' has it; -1. */
    static int otherIdColumn(DedupParameters p, Schema other) {
        Optional<String> name = p.otherIdColumn().or(p::idColumn);
        int i = name.map(other::indexOf).orElse(-1);
        return i >= 0 && other.field(i).has(org.assay.api.data.FieldTag.PII) ? -1 : i;
    }

    /** Checks against the input's columns, at deploy and again when the step runs. */
    static List<ParameterProblem> problems(DedupParameters p, Schema in) {
        List<ParameterProblem> problems = new ArrayList<>();
        for (String c : DedupParameters.OUTPUT_COLUMNS) {
            if (in.contains(c)) {
                problems.add(ParameterProblem.general("the input already has a column '" + c + "', which dedup "
                        + "writes; rename it with a select step first"));
            }
        }
        if (p.mode() != DedupMode.FUZZY) {
            return problems;
        }
        for (String key : p.blocking()) {
            try {
                for (String c : BlockingKey.parse(key).columns()) {
                    if (!in.contains(c)) {
                        problems.add(ParameterProblem.of("blocking", ColumnNotFound.message(c, in, "the input")));
                    }
                }
            } catch (IllegalArgumentException bad) {
                // reported by the parameters' own check
            }
        }
        for (Map.Entry<String, String> e : p.fields().entrySet()) {
            if (!in.contains(e.getKey())) {
                continue; // @Columns reports it
            }
            try {
                FieldRule r = FieldRule.parse(e.getKey(), e.getValue());
                FieldType t = in.field(e.getKey()).type();
                if (!r.comparator().fits(t)) {
                    problems.add(ParameterProblem.of("fields", "column '" + e.getKey() + "' is " + t.jsonName()
                            + ", and " + r.comparator().jsonName() + " compares " + (r.comparator() == FieldComparator.DATE
                            ? "dates and timestamps" : "integers and decimals") + "; use a text comparator"));
                }
            } catch (IllegalArgumentException bad) {
                // reported by the parameters' own check
            }
        }
        return problems;
    }

    @Override
    protected Optional<Map<String, Schema>> outputSchemas(DedupParameters p, Map<String, Schema> inputs) {
        Schema in = inputs.get(PortSpec.IN);
        if (in == null || !problems(p, in).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Map.of(PortSpec.OUT, outputSchema(in), DedupStep.LINKS, LINKS_SCHEMA));
    }

    static Schema outputSchema(Schema in) {
        return in.with(Field.of(DedupStep.CLUSTER_ID, FieldType.INTEGER))
                .with(Field.of(DedupStep.CLUSTER_SIZE, FieldType.INTEGER))
                .with(Field.of(DedupStep.SOURCE_ROWS, FieldType.STRING));
    }
}
