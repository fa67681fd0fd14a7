package org.assay.connectors.web.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.typed.CheckedParameters;
import org.assay.api.step.typed.Param;

/** The parameters of {@code access-log-reader}. */
record AccessLogReaderParameters(
        @Param(description = "The log file, plain or gzip-compressed (told by its first bytes, not its name).",
                path = Param.PathUse.READ)
        String path,
        @Param(description = "\"combined\" (Apache's and Nginx's default), \"common\", or an Apache LogFormat "
                + "pattern such as \"%h %l %u %t \\\"%r\\\" %>s %b \\\"%{Referer}i\\\" \\\"%{User-Agent}i\\\" %D\".",
                defaultValue = "combined")
        String format,
        @Param(description = "What to do with requests from robots, told by their user agent.", defaultValue = "flag")
        BotPolicy bots,
        @Param(description = "A cookie that identifies the visitor (e.g. \"_ga\" or \"visitor_id\"), read from the "
                + "Cookie header (%{Cookie}i) or a %{name}C field. Without it, or when a request lacks it, the visitor "
                + "is the logged-in user (%u), else a hash of client address and user agent.")
        Optional<String> visitorCookie) implements CheckedParameters {

    @Override
    public List<ParameterProblem> problems() {
        List<ParameterProblem> problems = new ArrayList<>();
        if (path == null || path.isBlank()) {
            problems.add(ParameterProblem.of("path", "give the log file, e.g. \"logs/access.log.gz\""));
        }
        try {
            LogFormat.of(format);
        } catch (IllegalArgumentException e) {
            problems.add(ParameterProblem.of("format", e.getMessage()));
        }
        return problems;
    }
}
