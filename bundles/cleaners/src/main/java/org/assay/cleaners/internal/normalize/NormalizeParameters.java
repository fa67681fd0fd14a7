package org.assay.cleaners.internal.normalize;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.assay.api.step.ParameterProblem;
import org.assay.api.step.typed.CheckedParameters;
import org.assay.api.step.typed.Columns;
import org.assay.api.step.typed.Param;

/** The parameters of {@code normalize}, and the rules between them. */
record NormalizeParameters(
        @Param(description = "Column to rule: text[:lower|upper|title|fold-accents], phone, email, date, "
                + "timestamp, boolean, unit[:<unit column>], map. E.g. {\"phone\": \"phone\", \"signup\": "
                + "\"date\", \"city\": \"map\", \"name\": \"text:title\"}.")
        @Columns
        Map<String, String> columns,
        @Param(description = "What happens to a value a rule cannot read.", defaultValue = "quarantine")
        InvalidPolicy onInvalid,
        @Param(description = "phone: the region (ISO 3166 code such as US, DE, CN, NZ) of numbers written without "
                + "a country code.", defaultValue = "US")
        String defaultRegion,
        @Param(description = "date: java.time patterns tried in order; the first that reads the whole value wins. "
                + "Empty: the built-in list yyyy-MM-dd, yyyy/MM/dd, dd.MM.yyyy, MM/dd/yyyy, d MMM yyyy, "
                + "MMM d, yyyy, yyyyMMdd, yyyy年M月d日. dd/MM/yyyy and MM/dd/yyyy cannot both be right for one "
                + "file: list the one it uses.", defaultValue = "[]")
        List<String> dateFormats,
        @Param(description = "timestamp: patterns tried after ISO 8601 with an offset; read in timeZone.",
                defaultValue = "[\"yyyy-MM-dd HH:mm:ss\", \"yyyy-MM-dd'T'HH:mm:ss\", \"yyyy-MM-dd HH:mm\", "
                        + "\"dd.MM.yyyy HH:mm\", \"MM/dd/yyyy HH:mm\"]")
        List<String> timestampFormats,
        @Param(description = "timestamp: the zone of timestamps written without an offset, e.g. Europe/Berlin.",
                defaultValue = "UTC")
        String timeZone,
        @Param(description = "unit: unit name to the factor that converts it to the target unit, e.g. for kg "
                + "{\"kg\": \"1\", \"g\": \"0.001\", \"lb\": \"0.45359237\"}; for currencies the rates of one "
                + "day, {\"EUR\": \"1\", \"USD\": \"0.92\"}. Names match ignoring case.", defaultValue = "{}")
        Map<String, String> units,
        @Param(description = "unit: the target unit's name, written into the unit column of converted rows; "
                + "without it the unit column is left as it was.")
        Optional<String> unitName,
        @Param(description = "map: value to its canonical form, e.g. {\"NY\": \"New York\", \"New York City\": "
                + "\"New York\"}; matched ignoring case, accents, punctuation and spaces.", defaultValue = "{}")
        Map<String, String> mapping) implements CheckedParameters {

    @Override
    public List<ParameterProblem> problems() {
        List<ParameterProblem> problems = new ArrayList<>();
        if (columns.isEmpty()) {
            problems.add(ParameterProblem.of("columns", "name the columns to normalise and how, e.g. "
                    + "{\"phone\": \"phone\", \"signup\": \"date\"}"));
        }
        boolean unit = false;
        boolean map = false;
        for (Map.Entry<String, String> e : columns.entrySet()) {
            try {
                ColumnNormalization n = ColumnNormalization.parse(e.getKey(), e.getValue());
                unit |= n.kind() == RuleKind.UNIT;
                map |= n.kind() == RuleKind.MAP;
            } catch (IllegalArgumentException bad) {
                problems.add(ParameterProblem.of("columns", bad.getMessage()));
            }
        }
        if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(defaultRegion.toUpperCase(Locale.ROOT))) {
            problems.add(ParameterProblem.of("defaultRegion", "'" + defaultRegion + "' is not a region libphonenumber "
                    + "knows; write an ISO 3166 code such as US, GB, DE, CN"));
        }
        patterns("dateFormats", dateFormats, problems);
        patterns("timestampFormats", timestampFormats, problems);
        try {
            ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            problems.add(ParameterProblem.of("timeZone", "'" + timeZone + "' is not a time zone; write e.g. UTC, "
                    + "Europe/Berlin, Asia/Shanghai"));
        }
        if (unit && units.isEmpty()) {
            problems.add(ParameterProblem.of("units", "a unit rule needs the conversion table, e.g. {\"kg\": \"1\", "
                    + "\"lb\": \"0.45359237\"}"));
        }
        for (Map.Entry<String, String> e : units.entrySet()) {
            try {
                double f = Double.parseDouble(e.getValue().strip());
                if (!(f > 0) || Double.isInfinite(f)) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException bad) {
                problems.add(ParameterProblem.of("units", "unit '" + e.getKey() + "': the factor '" + e.getValue()
                        + "' must be a number above 0"));
            }
        }
        if (map && mapping.isEmpty()) {
            problems.add(ParameterProblem.of("mapping", "a map rule needs the mapping, e.g. {\"NY\": \"New York\"}"));
        }
        return problems;
    }

    private static void patterns(String name, List<String> patterns, List<ParameterProblem> problems) {
        for (String p : patterns) {
            try {
                ValueNormalizer.formatter(p);
            } catch (IllegalArgumentException bad) {
                problems.add(ParameterProblem.of(name, "'" + p + "' is not a java.time pattern (" + bad.getMessage()
                        + "); write e.g. dd.MM.yyyy"));
            }
        }
    }

    /** Read when dateFormats is empty; a list default cannot hold the comma of "MMM d, yyyy". */
    static final List<String> DEFAULT_DATE_FORMATS = List.of("yyyy-MM-dd", "yyyy/MM/dd", "dd.MM.yyyy", "MM/dd/yyyy",
            "d MMM yyyy", "MMM d, yyyy", "yyyyMMdd", "yyyy年M月d日");

    List<String> effectiveDateFormats() {
        return dateFormats.isEmpty() ? DEFAULT_DATE_FORMATS : dateFormats;
    }

    List<ColumnNormalization> rules() {
        return columns.entrySet().stream().map(e -> ColumnNormalization.parse(e.getKey(), e.getValue())).toList();
    }
}
