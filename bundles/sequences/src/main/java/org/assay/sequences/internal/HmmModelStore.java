package org.assay.sequences.internal;

import java.io.IOException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where {@code hmm} puts a trained model when the workflow names it: the platform's model
 * store (the one {@code weka-classify} uses), kept behind this one-method seam so the step does
 * not depend on where that store's interface lives.
 */
interface HmmModelStore {

    /** The model store's name rule (ModelStore.NAME). */
    Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    /** No store: saving fails with advice. */
    HmmModelStore NONE = (name, content, metadata, promote) -> {
        throw new IOException("no model store is running; install the feature assay-miners (it provides the store"
                + " weka-classify uses), or leave out modelName");
    };

    static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches() && !name.contains("..");
    }

    /**
     * Stores a new version and, when {@code promote}, makes it the champion.
     *
     * @return the stored version as the store labels it ("engagement v3")
     */
    String save(String name, byte[] content, Map<String, String> metadata, boolean promote) throws IOException;
}
