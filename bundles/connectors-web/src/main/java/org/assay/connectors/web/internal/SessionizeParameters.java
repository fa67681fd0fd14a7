package org.assay.connectors.web.internal;

import java.util.List;
import java.util.Optional;
import org.assay.api.data.FieldType;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.typed.CheckedParameters;
import org.assay.api.step.typed.Columns;
import org.assay.api.step.typed.Param;

/** The parameters of {@code sessionize}. */
record SessionizeParameters(
        @Param(description = "Minutes without a request after which a visitor's next request starts a new session.",
                defaultValue = "30", min = 1, max = 1440)
        int timeoutMinutes,
        @Param(description = "The column that identifies the visitor.", defaultValue = "visitor")
        @Columns String visitor,
        @Param(description = "The column with each request's time.", defaultValue = "time")
        @Columns(types = FieldType.TIMESTAMP) String time,
        @Param(description = "The column with the requested path.", defaultValue = "path")
        @Columns(types = {FieldType.STRING, FieldType.CATEGORICAL}) String path,
        @Param(description = "A path that counts as a conversion when a session reaches it, e.g. \"/checkout/done\"; "
                + "a trailing * matches every path that starts so (\"/order/*\").")
        Optional<String> goal,
        @Param(description = "Whether to leave out requests for static files (styles, scripts, images, fonts), "
                + "which a browser fetches by itself: they would count as pages and end sessions on an image.",
                defaultValue = "true")
        boolean pagesOnly,
        @Param(description = "Whether to leave out rows whose is_bot column is true (when the input has one).",
                defaultValue = "true")
        boolean skipBots) implements CheckedParameters {

    @Override
    public List<ParameterProblem> problems() {
        return goal.filter(g -> !g.startsWith("/"))
                .map(g -> List.of(ParameterProblem.of("goal", "a goal is a path starting with /, e.g. \"/checkout/done\"")))
                .orElse(List.of());
    }

    boolean reachesGoal(String p) {
        if (goal.isEmpty() || p == null) {
            return false;
        }
        String g = goal.get();
        return g.endsWith("*") ? p.startsWith(g.substring(0, g.length() - 1)) : p.equals(g);
    }
}
