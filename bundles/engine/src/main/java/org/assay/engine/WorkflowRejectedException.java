package org.assay.engine;

import java.util.List;

/** A workflow document failed validation; nothing was deployed. */
public class WorkflowRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String origin;
    private final transient List<ValidationProblem> problems;

    public WorkflowRejectedException(String origin, List<ValidationProblem> problems) {
        super(format(origin, problems));
        this.origin = origin;
        this.problems = List.copyOf(problems);
    }

    public String origin() {
        return origin;
    }

    public List<ValidationProblem> problems() {
        return problems;
    }

    private static String format(String origin, List<ValidationProblem> problems) {
        StringBuilder b = new StringBuilder(origin).append(" is not a valid workflow (")
                .append(problems.size()).append(problems.size() == 1 ? " problem):" : " problems):");
        for (ValidationProblem p : problems) {
            b.append(System.lineSeparator()).append("  ").append(p);
        }
        return b.toString();
    }
}
