package org.assay.cleaners.internal.normalize;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assay.cleaners.internal.text.TextForm;

/**
 * The value functions of normalize. Each takes a non-null text and returns the normalised value,
 * or null when the text cannot be read as that kind of value (the caller applies onInvalid).
 * Built once per run from the parameters; used by one thread.
 */
final class ValueNormalizer {

    /** The HTML5 specification's "valid e-mail address", in ASCII (a willful violation of RFC 5322, as it says). */
    private static final Pattern EMAIL = Pattern.compile("[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}"
            + "[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+");
    private static final Pattern NUMBER_WITH_UNIT = Pattern.compile("([-+]?[0-9]*[.,]?[0-9]+(?:[eE][-+]?[0-9]+)?)"
            + "\\s*(\\S.*)?");
    private static final Map<String, Boolean> BOOLEANS = new HashMap<>();

    static {
        for (String t : List.of("true", "yes", "y", "1", "on", "t", "ja", "j", "oui", "si", "sí", "是", "对", "真")) {
            BOOLEANS.put(t, true);
        }
        for (String f : List.of("false", "no", "n", "0", "off", "f", "nein", "non", "否", "错", "假")) {
            BOOLEANS.put(f, false);
        }
    }

    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    private final String region;
    private final List<DateTimeFormatter> dateFormats;
    private final List<DateTimeFormatter> timestampFormats;
    private final ZoneId zone;
    private final Map<String, Double> units;
    private final Map<String, String> mapping;

    ValueNormalizer(NormalizeParameters p) {
        this.region = p.defaultRegion().toUpperCase(Locale.ROOT);
        this.dateFormats = p.effectiveDateFormats().stream().map(ValueNormalizer::formatter).toList();
        this.timestampFormats = p.timestampFormats().stream().map(ValueNormalizer::formatter).toList();
        this.zone = ZoneId.of(p.timeZone());
        this.units = new HashMap<>();
        p.units().forEach((u, f) -> units.put(TextForm.key(u), Double.parseDouble(f.strip())));
        this.mapping = new HashMap<>();
        p.mapping().forEach((from, to) -> mapping.put(mapKey(from), to));
    }

    /**
     * A strict formatter for a pattern: {@code yyyy} read as the proleptic year, so strict
     * resolving refuses 31 February instead of moving it to 3 March; month names in English.
     * @throws IllegalArgumentException for a pattern java.time does not accept
     */
    static DateTimeFormatter formatter(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern.replace('y', 'u'))
                .toFormatter(Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT);
    }

    String text(String v, List<String> options) {
        String s = TextForm.collapseSpaces(TextForm.nfkc(v));
        for (String o : options) {
            s = switch (o) {
                case "lower" -> s.toLowerCase(Locale.ROOT);
                case "upper" -> s.toUpperCase(Locale.ROOT);
                case "title" -> title(s);
                case "fold-accents" -> TextForm.foldAccents(s);
                default -> s;
            };
        }
        return s;
    }

    private static String title(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean start = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(start ? Character.toTitleCase(c) : Character.toLowerCase(c));
            start = Character.isWhitespace(c) || c == '-' || c == '\'';
        }
        return b.toString();
    }

    String phone(String v) {
        String s = TextForm.nfkc(v).strip();
        if (s.isEmpty()) {
            return null;
        }
        try {
            Phonenumber.PhoneNumber n = phones.parse(s, region);
            return phones.isValidNumber(n) ? phones.format(n, PhoneNumberUtil.PhoneNumberFormat.E164) : null;
        } catch (NumberParseException e) {
            return null;
        }
    }

    static String email(String v) {
        String s = TextForm.nfkc(v).strip().toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(s).matches()) {
            return null;
        }
        String local = s.substring(0, s.indexOf('@'));
        // The HTML5 pattern lets these through; no mail system accepts them unquoted.
        return local.startsWith(".") || local.endsWith(".") || local.contains("..") ? null : s;
    }

    /** Epoch day, or null. */
    Long date(String v) {
        String s = TextForm.collapseSpaces(TextForm.nfkc(v));
        for (DateTimeFormatter f : dateFormats) {
            try {
                return LocalDate.parse(s, f).toEpochDay();
            } catch (DateTimeParseException e) {
                // the next format may read it
            }
        }
        return null;
    }

    /** Epoch millisecond, or null. */
    Long timestamp(String v) {
        String s = TextForm.collapseSpaces(TextForm.nfkc(v));
        try {
            return OffsetDateTime.parse(s).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            // not ISO with an offset
        }
        try {
            return Instant.parse(s).toEpochMilli();
        } catch (DateTimeParseException e) {
            // nor an instant
        }
        for (DateTimeFormatter f : timestampFormats) {
            try {
                return LocalDateTime.parse(s, f).atZone(zone).toInstant().toEpochMilli();
            } catch (DateTimeParseException e) {
                // the next format may read it
            }
        }
        return null;
    }

    /** 1 or 0, or null. */
    static Long bool(String v) {
        Boolean b = BOOLEANS.get(TextForm.nfkc(v).strip().toLowerCase(Locale.ROOT));
        return b == null ? null : b ? 1L : 0L;
    }

    /** The value in the target unit, or null when the number or the unit is unknown. */
    Double unit(String value, String unit) {
        String s = TextForm.nfkc(value).strip();
        String u = unit;
        if (unit == null) {
            Matcher m = NUMBER_WITH_UNIT.matcher(s);
            if (!m.matches() || m.group(2) == null) {
                return null;
            }
            s = m.group(1);
            u = m.group(2);
        }
        Double factor = units.get(TextForm.key(u));
        if (factor == null) {
            return null;
        }
        try {
            return Double.parseDouble(s.replace(',', '.')) * factor;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    String map(String v) {
        String to = mapping.get(mapKey(v));
        return to == null ? v : to;
    }

    /** The key form without spaces, so "N.Y." meets "NY" and "New-York" meets "new york". */
    private static String mapKey(String v) {
        return TextForm.key(v).replace(" ", "");
    }
}
