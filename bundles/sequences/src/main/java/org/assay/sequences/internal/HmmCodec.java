package org.assay.sequences.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The hmm model format: a versioned binary layout of plain numbers and strings (no Java
 * serialisation, so reading a model runs no code), with every count checked before anything is
 * allocated.
 */
final class HmmCodec {

    static final String FORMAT = "assay-hmm/1";
    private static final int MAX_STATES = 10;
    private static final int MAX_COLUMNS = 1000;
    private static final int MAX_CATEGORIES = 100000;

    /** A model and its state names, most active first. */
    record Named(Hmm model, List<String> names) {
    }

    private HmmCodec() {
    }

    static byte[] write(Hmm h, List<String> names) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(FORMAT);
            out.writeInt(h.states);
            out.writeInt(h.dims());
            for (String n : names) {
                out.writeUTF(n);
            }
            for (int d = 0; d < h.dims(); d++) {
                out.writeUTF(h.columns.get(d));
                out.writeBoolean(h.categorical[d]);
                out.writeBoolean(h.count[d]);
                List<String> c = h.categorical[d] ? h.categories.get(d) : List.of();
                out.writeInt(c.size());
                for (String v : c) {
                    out.writeUTF(v);
                }
            }
            for (int k = 0; k < h.states; k++) {
                out.writeDouble(h.initial[k]);
                for (int j = 0; j < h.states; j++) {
                    out.writeDouble(h.transition[k][j]);
                }
                for (int d = 0; d < h.dims(); d++) {
                    if (h.categorical[d]) {
                        for (double p : h.probability[k][d]) {
                            out.writeDouble(p);
                        }
                    } else {
                        out.writeDouble(h.mean[k][d]);
                        out.writeDouble(h.variance[k][d]);
                    }
                }
            }
        }
        return bytes.toByteArray();
    }

    static Named read(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        String format = in.readUTF();
        if (!FORMAT.equals(format)) {
            throw new IOException("not an hmm model (" + format + ")");
        }
        int states = bounded(in.readInt(), 1, MAX_STATES, "states");
        int dims = bounded(in.readInt(), 1, MAX_COLUMNS, "columns");
        List<String> names = new ArrayList<>();
        for (int k = 0; k < states; k++) {
            names.add(in.readUTF());
        }
        List<String> columns = new ArrayList<>();
        boolean[] categorical = new boolean[dims];
        boolean[] count = new boolean[dims];
        List<List<String>> categories = new ArrayList<>();
        for (int d = 0; d < dims; d++) {
            columns.add(in.readUTF());
            categorical[d] = in.readBoolean();
            count[d] = in.readBoolean();
            int n = bounded(in.readInt(), 0, MAX_CATEGORIES, "categories");
            List<String> c = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                c.add(in.readUTF());
            }
            categories.add(c);
        }
        Hmm h = new Hmm(states, categorical, count, columns, categories);
        for (int k = 0; k < states; k++) {
            h.initial[k] = in.readDouble();
            for (int j = 0; j < states; j++) {
                h.transition[k][j] = in.readDouble();
            }
            for (int d = 0; d < dims; d++) {
                if (categorical[d]) {
                    for (int c = 0; c < h.probability[k][d].length; c++) {
                        h.probability[k][d][c] = in.readDouble();
                    }
                } else {
                    h.mean[k][d] = in.readDouble();
                    h.variance[k][d] = in.readDouble();
                }
            }
        }
        return new Named(h, names);
    }

    private static int bounded(int value, int min, int max, String what) throws IOException {
        if (value < min || value > max) {
            throw new IOException("the model's " + what + " count " + value + " is outside " + min + ".." + max);
        }
        return value;
    }
}
