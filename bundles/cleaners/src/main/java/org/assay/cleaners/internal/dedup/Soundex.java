package org.assay.cleaners.internal.dedup;

import org.assay.cleaners.internal.text.TextForm;

/**
 * American Soundex (letter, three digits) of a name, for blocking: "Robert" and "Rupert" are
 * both R163. Accents are folded first. A value without a Latin letter (a Chinese name) has no
 * Soundex: its key form is used instead, so it still blocks with its exact spellings.
 */
final class Soundex {

    //                                      ABCDEFGHIJKLMNOPQRSTUVWXYZ
    private static final String CODES = "01230120022455012623010202";

    private Soundex() {
    }

    static String of(String value) {
        if (value == null) {
            return null;
        }
        String key = TextForm.key(value);
        StringBuilder out = new StringBuilder(4);
        char last = 0;
        for (int i = 0; i < key.length() && out.length() < 4; i++) {
            char c = key.charAt(i);
            if (c < 'a' || c > 'z') {
                continue;
            }
            char code = CODES.charAt(c - 'a');
            if (out.length() == 0) {
                out.append(Character.toUpperCase(c));
                last = code;
            } else if (code != '0' && code != last) {
                out.append(code);
                last = code;
            } else if (c != 'h' && c != 'w') {
                // A vowel separates two letters of the same code; h and w do not.
                last = code;
            }
        }
        if (out.length() == 0) {
            return key.isEmpty() ? null : key;
        }
        while (out.length() < 4) {
            out.append('0');
        }
        return out.toString();
    }
}
