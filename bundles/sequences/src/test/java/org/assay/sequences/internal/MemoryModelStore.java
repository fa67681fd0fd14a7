package org.assay.sequences.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.assay.api.model.ModelStore;

/** A model store in memory for step tests: versions and contents kept in save order, promotions recorded. */
final class MemoryModelStore implements ModelStore {

    record Saved(String name, byte[] content, Map<String, String> metadata) {
    }

    record Promotion(String name, int version, String principal) {
    }

    final List<Saved> saved = new ArrayList<>();
    final List<Promotion> promotions = new ArrayList<>();

    @Override
    public synchronized Version save(String name, byte[] content, Map<String, String> metadata) {
        if (!ModelStore.validName(name)) {
            throw new IllegalArgumentException("'" + name + "' is not a model name");
        }
        saved.add(new Saved(name, content.clone(), Map.copyOf(metadata)));
        return versions(name).get(versions(name).size() - 1);
    }

    @Override
    public synchronized List<String> names() {
        return List.copyOf(new TreeSet<>(saved.stream().map(Saved::name).toList()));
    }

    @Override
    public synchronized List<Version> versions(String name) {
        List<Version> versions = new ArrayList<>();
        Optional<Promotion> champion = promotions.stream().filter(p -> p.name().equals(name))
                .reduce((a, b) -> b);
        for (Saved s : saved) {
            if (s.name().equals(name)) {
                int number = versions.size() + 1;
                versions.add(new Version(name, number, Instant.EPOCH,
                        champion.map(p -> p.version() == number).orElse(false), s.metadata()));
            }
        }
        return versions;
    }

    @Override
    public synchronized Optional<Version> version(String name, int version) {
        return versions(name).stream().filter(v -> v.version() == version).findFirst();
    }

    @Override
    public synchronized Optional<Version> champion(String name) {
        return versions(name).stream().filter(Version::champion).findFirst();
    }

    @Override
    public synchronized Version promote(String name, int version, String principal) {
        if (version(name, version).isEmpty()) {
            throw new IllegalArgumentException("model " + name + " has no version " + version);
        }
        promotions.add(new Promotion(name, version, principal));
        return version(name, version).orElseThrow();
    }

    @Override
    public Version rollback(String name, String principal) {
        throw new UnsupportedOperationException("hmm never rolls back");
    }

    @Override
    public synchronized InputStream open(String name, int version) throws IOException {
        List<Saved> mine = saved.stream().filter(s -> s.name().equals(name)).toList();
        if (version < 1 || version > mine.size()) {
            throw new IOException("model " + name + " has no version " + version);
        }
        return new ByteArrayInputStream(mine.get(version - 1).content());
    }
}
