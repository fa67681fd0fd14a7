package org.assay.miners.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.assay.api.audit.AuditAction;
import org.assay.api.audit.AuditLog;
import org.assay.api.audit.DataProvenance;
import org.assay.api.model.ModelStore;
import org.assay.api.audit.ModelTaint;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The model store on disk: {@code <folder>/<name>/v<N>/model.bin} (the serialised model) and
 * {@code model.properties} beside it (metadata, including {@code sha256} of model.bin, checked
 * on every open), and {@code <folder>/<name>/champion.properties} with the champion and the
 * promotion history. Properties files, so an administrator can read them without tools. A version
 * marked tainted (its data subject was erased, see {@link ModelTaint}) is neither opened nor promoted.
 * Files are written to a temporary name and moved into place, so a crash leaves no half
 * version. One lock for the store: saves and promotions are rare and fast.
 */
@Component(service = ModelStore.class, configurationPid = "org.assay.models")
@Designate(ocd = FileModelStore.Config.class)
public final class FileModelStore implements ModelStore {

    static final String MODEL_FILE = "model.bin";
    static final String META_FILE = "model.properties";
    static final String CHAMPION_FILE = "champion.properties";

    /** Configuration PID {@code org.assay.models} (etc/org.assay.models.cfg). */
    @ObjectClassDefinition(name = "Assay model store", description = "Where weka-classify stores model versions.")
    public @interface Config {
        @AttributeDefinition(description = "Folder of the model store. Empty means ${karaf.data}/assay/models.")
        String folder() default "";
    }

    private final Path root;
    /** Purposes and consent basis of a training run's data, when the governance bundle is installed. */
    private volatile DataProvenance provenance;
    private volatile AuditLog audit;

    @Activate
    public FileModelStore(Config config) {
        this(config.folder().isBlank()
                ? Path.of(System.getProperty("karaf.data", System.getProperty("java.io.tmpdir")), "assay", "models")
                : Path.of(config.folder()));
    }

    FileModelStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setProvenance(DataProvenance p) {
        provenance = p;
    }

    void unsetProvenance(DataProvenance p) {
        if (provenance == p) {
            provenance = null;
        }
    }

    /** The audit log, when the governance bundle provides one: promotions and rollbacks go there. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setAudit(AuditLog log) {
        audit = log;
    }

    void unsetAudit(AuditLog log) {
        if (audit == log) {
            audit = null;
        }
    }

    Path root() {
        return root;
    }

    @Override
    public synchronized Version save(String name, byte[] content, Map<String, String> metadata) throws IOException {
        Path dir = folder(name);
        Files.createDirectories(dir);
        int next = versionNumbers(dir).stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        Path tmp = Files.createTempDirectory(dir, ".saving-");
        Files.write(tmp.resolve(MODEL_FILE), content);
        Map<String, String> meta = new TreeMap<>(metadata);
        DataProvenance p = provenance;
        if (p != null && metadata.get("run") != null) {
            meta.putAll(p.ofRun(metadata.get("run")));
        }
        meta.put("name", name);
        meta.put("version", Integer.toString(next));
        meta.put("created", Instant.now().toString());
        meta.put("sha256", sha256(content));
        writeProperties(tmp.resolve(META_FILE), meta);
        move(tmp, dir.resolve("v" + next));
        return version(name, next).orElseThrow();
    }

    @Override
    public synchronized List<String> names() throws IOException {
        List<String> names = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return names;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path d : dirs) {
                if (ModelStore.validName(d.getFileName().toString()) && !versionNumbers(d).isEmpty()) {
                    names.add(d.getFileName().toString());
                }
            }
        }
        names.sort(null);
        return names;
    }

    @Override
    public synchronized List<Version> versions(String name) throws IOException {
        List<Version> out = new ArrayList<>();
        Path dir = folder(name);
        if (!Files.isDirectory(dir)) {
            return out;
        }
        int champion = championNumber(name);
        for (int v : versionNumbers(dir)) {
            out.add(read(name, v, champion));
        }
        return out;
    }

    @Override
    public synchronized Optional<Version> version(String name, int version) throws IOException {
        Path dir = folder(name).resolve("v" + version);
        if (!Files.isRegularFile(dir.resolve(META_FILE))) {
            return Optional.empty();
        }
        return Optional.of(read(name, version, championNumber(name)));
    }

    @Override
    public synchronized Optional<Version> champion(String name) throws IOException {
        int champion = championNumber(name);
        return champion <= 0 ? Optional.empty() : version(name, champion);
    }

    @Override
    public synchronized Version promote(String name, int version, String principal) throws IOException {
        Optional<Version> target = version(name, version);
        if (target.isEmpty()) {
            throw new IllegalArgumentException("model " + name + " has no version " + version + "; versions: "
                    + versions(name).stream().map(v -> "v" + v.version()).toList());
        }
        Optional<String> tainted = ModelTaint.refusal(name, version, target.get().metadata());
        if (tainted.isPresent()) {
            throw new IllegalArgumentException(tainted.get());
        }
        String by = principal == null || principal.isBlank() ? SYSTEM : principal;
        List<Integer> history = history(name);
        if (history.isEmpty() || history.get(history.size() - 1) != version) {
            history.add(version);
        }
        writeHistory(name, history);
        Instant now = Instant.now();
        annotate(name, version, Map.of("promotedBy", by, "promotedAt", now.toString(), "promotedHow", "promote"));
        audit(by, name, "change", "promoted", "version", Integer.toString(version));
        return version(name, version).orElseThrow();
    }

    @Override
    public synchronized Version rollback(String name, String principal) throws IOException {
        List<Integer> history = history(name);
        if (history.size() < 2) {
            throw new IllegalStateException("model " + name + " has no earlier champion to roll back to"
                    + (history.isEmpty() ? " (it has no champion)" : " (v" + history.get(0) + " is its first)"));
        }
        int previous = history.get(history.size() - 2);
        Optional<String> tainted = ModelTaint.refusal(name, previous, version(name, previous)
                .map(Version::metadata).orElse(Map.of()));
        if (tainted.isPresent()) {
            throw new IllegalStateException("cannot roll back: " + tainted.get());
        }
        String by = principal == null || principal.isBlank() ? SYSTEM : principal;
        int from = history.remove(history.size() - 1);
        writeHistory(name, history);
        int to = history.get(history.size() - 1);
        String now = Instant.now().toString();
        annotate(name, from, Map.of("demotedBy", by, "demotedAt", now));
        annotate(name, to, Map.of("promotedBy", by, "promotedAt", now, "promotedHow", "rollback"));
        audit(by, name, "change", "rolled back", "from", Integer.toString(from), "version", Integer.toString(to));
        return version(name, to).orElseThrow();
    }

    /**
     * Adds keys to a version's metadata (who changed its standing, and when). The sha256 there
     * covers model.bin only, so the check on open is not disturbed.
     */
    private void annotate(String name, int version, Map<String, String> keys) throws IOException {
        Path file = folder(name).resolve("v" + version).resolve(META_FILE);
        Map<String, String> meta = new TreeMap<>(readProperties(file));
        meta.putAll(keys);
        Path tmp = Files.createTempFile(file.getParent(), ".meta-", ".tmp");
        writeProperties(tmp, meta);
        move(tmp, file);
    }

    /** @param details key, value, key, value ... in the order the log shows them */
    private void audit(String principal, String name, String... details) {
        AuditLog log = audit;
        if (log != null) {
            Map<String, String> d = new LinkedHashMap<>();
            for (int i = 0; i + 1 < details.length; i += 2) {
                d.put(details[i], details[i + 1]);
            }
            log.record(principal, AuditAction.MODEL, name, d);
        }
    }

    @Override
    public synchronized InputStream open(String name, int version) throws IOException {
        Version v = version(name, version).orElseThrow(() -> new IOException("model " + name + " has no version "
                + version));
        Optional<String> tainted = ModelTaint.refusal(name, version, v.metadata());
        if (tainted.isPresent()) {
            throw new IOException(tainted.get());
        }
        Path file = folder(name).resolve("v" + version).resolve(MODEL_FILE);
        byte[] content = Files.readAllBytes(file);
        if (!sha256(content).equals(v.metadata().get("sha256"))) {
            throw new IOException("model " + v.label() + " was changed after it was stored (its sha256 differs from"
                    + " " + META_FILE + "); restore it or store the model again");
        }
        return new java.io.ByteArrayInputStream(content);
    }

    private Path folder(String name) {
        if (!ModelStore.validName(name)) {
            throw new IllegalArgumentException("'" + name + "' is not a model name; use letters, digits, '-', '_' and"
                    + " '.'");
        }
        return root.resolve(name);
    }

    private static List<Integer> versionNumbers(Path dir) throws IOException {
        List<Integer> numbers = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(dir, "v*")) {
            for (Path d : dirs) {
                try {
                    int v = Integer.parseInt(d.getFileName().toString().substring(1));
                    if (Files.isRegularFile(d.resolve(META_FILE))) {
                        numbers.add(v);
                    }
                } catch (NumberFormatException e) {
                    // not a version folder
                }
            }
        }
        numbers.sort(null);
        return numbers;
    }

    private Version read(String name, int version, int champion) throws IOException {
        Map<String, String> meta = readProperties(folder(name).resolve("v" + version).resolve(META_FILE));
        Instant created;
        try {
            created = Instant.parse(meta.getOrDefault("created", ""));
        } catch (RuntimeException e) {
            created = Instant.EPOCH;
        }
        return new Version(name, version, created, version == champion, Map.copyOf(meta));
    }

    private int championNumber(String name) throws IOException {
        List<Integer> history = history(name);
        return history.isEmpty() ? 0 : history.get(history.size() - 1);
    }

    private List<Integer> history(String name) throws IOException {
        Path file = folder(name).resolve(CHAMPION_FILE);
        List<Integer> history = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return history;
        }
        String text = readProperties(file).getOrDefault("history", "");
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                history.add(Integer.parseInt(part.strip()));
            }
        }
        return history;
    }

    private void writeHistory(String name, List<Integer> history) throws IOException {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("champion", history.isEmpty() ? "" : Integer.toString(history.get(history.size() - 1)));
        p.put("history", String.join(",", history.stream().map(String::valueOf).toList()));
        Path file = folder(name).resolve(CHAMPION_FILE);
        Path tmp = Files.createTempFile(file.getParent(), ".champion-", ".tmp");
        writeProperties(tmp, p);
        move(tmp, file);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Map<String, String> readProperties(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        Map<String, String> out = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
        return out;
    }

    private static void writeProperties(Path file, Map<String, String> values) throws IOException {
        Properties p = new Properties();
        values.forEach(p::setProperty);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(w, "Assay model store");
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
