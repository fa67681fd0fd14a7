package org.assay.cleaners.internal.dedup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.assay.api.data.Field;
import org.assay.api.data.FieldTag;
import org.assay.api.data.FieldType;
import org.assay.api.data.Schema;

/**
 * A customer table with planted duplicates and the truth about them: each entity has one clean
 * record and maybe one or two more, each changed in one or two ways seen in real CRM exports (a
 * typo in a name or e-mail, first and last name swapped, a nickname, an e-mail or phone missing,
 * the phone written another way, a name in capitals, day and month of the birth date swapped).
 * One entity in seven shares surname, postcode and phone with an earlier one (a household): the
 * near-duplicates that are not. Deterministic for a seed.
 */
final class PlantedDuplicates {

    static final Schema SCHEMA = Schema.of(Field.of("record_id", FieldType.INTEGER).withTags(FieldTag.ID),
            Field.of("first_name", FieldType.STRING).withTags(FieldTag.PII),
            Field.of("last_name", FieldType.STRING).withTags(FieldTag.PII),
            Field.of("email", FieldType.STRING).withTags(FieldTag.PII),
            Field.of("phone", FieldType.STRING).withTags(FieldTag.PII),
            Field.of("birth_date", FieldType.DATE), Field.of("postcode", FieldType.STRING),
            Field.of("updated", FieldType.DATE));

    private static final String[] FIRST = {"James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael",
        "Linda", "William", "Elizabeth", "David", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas",
        "Sarah", "Charles", "Karen", "Christopher", "Nancy", "Daniel", "Lisa", "Matthew", "Margaret", "Anthony",
        "Sandra", "Mark", "Ashley", "Steven", "Emily", "Andrew", "Donna", "Joshua", "Michelle", "Kenneth", "Carol",
        "Kevin", "Amanda", "Brian", "Melissa", "George", "Deborah", "Edward", "Stephanie", "Ronald", "Rebecca",
        "Timothy", "Laura", "José", "Zoë", "Wei", "Aiko", "Søren", "Ana", "Luis", "Fatima", "Omar", "Ingrid"};
    private static final String[] LAST = {"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller",
        "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas",
        "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark",
        "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen",
        "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter",
        "Roberts", "Müller", "O'Brien", "Schmidt", "Kowalski", "Novak", "Rossi", "Dubois", "Jensen", "Silva",
        "Wang"};
    private static final String[][] NICKNAMES = {{"Robert", "Bob"}, {"William", "Bill"}, {"Elizabeth", "Liz"},
        {"Richard", "Dick"}, {"Margaret", "Peggy"}, {"James", "Jim"}, {"Michael", "Mike"}, {"Jennifer", "Jenny"},
        {"Thomas", "Tom"}, {"Joseph", "Joe"}, {"Christopher", "Chris"}, {"Daniel", "Dan"}, {"Matthew", "Matt"},
        {"Anthony", "Tony"}, {"Steven", "Steve"}, {"Andrew", "Andy"}, {"Kenneth", "Ken"}, {"Edward", "Ed"},
        {"Timothy", "Tim"}, {"Rebecca", "Becky"}, {"Patricia", "Pat"}, {"Susan", "Sue"}, {"Deborah", "Debbie"}};

    /** The rows and, for each, the entity it belongs to. */
    record Table(List<Object[]> rows, int[] entity) {
    }

    static Table generate(int entities, long seed) {
        Random random = new Random(seed);
        List<Object[]> rows = new ArrayList<>();
        List<Integer> owner = new ArrayList<>();
        for (int e = 0; e < entities; e++) {
            String first = FIRST[random.nextInt(FIRST.length)];
            String last = LAST[random.nextInt(LAST.length)];
            Object[] household = null;
            if (e > 0 && random.nextDouble() < 0.15) {
                // Another person of a household seen before: same surname, postcode and landline.
                household = rows.get(random.nextInt(rows.size()));
                last = ((String) household[2]).strip();
            }
            String email = (ascii(first) + "." + ascii(last) + random.nextInt(1000) + "@"
                    + (random.nextBoolean() ? "example.com" : "mail.example.org")).toLowerCase(Locale.ROOT);
            String phone = String.format(Locale.ROOT, "%03d-%03d-%04d", 200 + random.nextInt(800),
                    random.nextInt(1000), random.nextInt(10000));
            LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(365 * 60));
            String postcode = String.format(Locale.ROOT, "%05d", 10000 + random.nextInt(300));
            LocalDate updated = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(600));
            if (household != null && household[4] != null && household[6] != null) {
                phone = (String) household[4];
                postcode = (String) household[6];
            }
            Object[] clean = {null, first, last, email, phone, birth, postcode, updated};
            add(rows, owner, clean, e);
            double u = random.nextDouble();
            int copies = u < 0.1 ? 2 : u < 0.4 ? 1 : 0;
            for (int c = 0; c < copies; c++) {
                Object[] dup = clean.clone();
                dup[7] = updated.plusDays(1 + random.nextInt(300));
                int changes = 1 + random.nextInt(3);
                for (int k = 0; k < changes; k++) {
                    perturb(dup, random);
                }
                add(rows, owner, dup, e);
            }
        }
        // Shuffle so duplicates are not neighbours, then number the rows.
        for (int i = rows.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Object[] t = rows.get(i);
            rows.set(i, rows.get(j));
            rows.set(j, t);
            Integer o = owner.get(i);
            owner.set(i, owner.get(j));
            owner.set(j, o);
        }
        int[] entity = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i)[0] = (long) (i + 1);
            entity[i] = owner.get(i);
        }
        return new Table(rows, entity);
    }

    private static void add(List<Object[]> rows, List<Integer> owner, Object[] row, int e) {
        rows.add(row);
        owner.add(e);
    }

    private static void perturb(Object[] r, Random random) {
        switch (random.nextInt(11)) {
            case 0 -> r[2] = typo((String) r[2], random);
            case 1 -> r[1] = typo((String) r[1], random);
            case 2 -> {
                Object t = r[1];
                r[1] = r[2];
                r[2] = t;
            }
            case 3 -> r[1] = nickname((String) r[1]);
            case 4 -> r[3] = null;
            case 7 -> r[2] = ((String) r[2]).toUpperCase(Locale.ROOT) + "  ";
            case 5 -> {
                if (r[4] == null) {
                    return;
                }
                String d = ((String) r[4]).replace("-", "");
                r[4] = random.nextBoolean() ? "+1 (" + d.substring(0, 3) + ") " + d.substring(3, 6) + " "
                        + d.substring(6) : d.substring(0, 3) + "." + d.substring(3, 6) + "." + d.substring(6);
            }
            case 6 -> r[4] = null;
            case 8 -> r[1] = " " + r[1];
            case 9 -> r[3] = r[3] == null ? null : typo((String) r[3], random);
            default -> {
                // Day and month swapped, as a US/European format mix-up does.
                LocalDate d = (LocalDate) r[5];
                if (d.getDayOfMonth() <= 12) {
                    r[5] = LocalDate.of(d.getYear(), d.getDayOfMonth(), d.getMonthValue());
                }
            }
        }
    }

    private static String nickname(String first) {
        for (String[] n : NICKNAMES) {
            if (n[0].equals(first)) {
                return n[1];
            }
        }
        return first;
    }

    /** One edit: a letter replaced, dropped, doubled or swapped with its neighbour. */
    private static String typo(String s, Random random) {
        if (s.length() < 3) {
            return s;
        }
        int i = 1 + random.nextInt(s.length() - 2);
        char[] c = s.toCharArray();
        return switch (random.nextInt(4)) {
            case 0 -> s.substring(0, i) + (char) ('a' + random.nextInt(26)) + s.substring(i + 1);
            case 1 -> s.substring(0, i) + s.substring(i + 1);
            case 2 -> s.substring(0, i) + c[i] + s.substring(i);
            default -> {
                char t = c[i];
                c[i] = c[i + 1 < c.length ? i + 1 : i - 1];
                c[i + 1 < c.length ? i + 1 : i - 1] = t;
                yield new String(c);
            }
        };
    }

    private static String ascii(String s) {
        return org.assay.cleaners.internal.text.TextForm.foldAccents(s).replace("'", "").replace("ø", "o");
    }
}
