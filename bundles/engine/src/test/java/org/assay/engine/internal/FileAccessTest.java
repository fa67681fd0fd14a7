package org.assay.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exploits of issue 5 against the file policy, and what stays allowed. */
class FileAccessTest {

    @TempDir
    Path dir;
    private Path karaf;
    private Path workflows;
    private Path runFolder;
    private Path artifacts;
    private FileAccess files;

    @BeforeEach
    void setUp() throws Exception {
        karaf = Files.createDirectories(dir.resolve("karaf"));
        Files.createDirectories(karaf.resolve("etc"));
        Files.writeString(karaf.resolve("etc/users.properties"), "karaf = secret,_g_:admingroup\n");
        workflows = Files.createDirectories(karaf.resolve("workflows/data"));
        workflows = workflows.getParent();
        runFolder = Files.createDirectories(karaf.resolve("data/assay/runs/0001"));
        artifacts = Files.createDirectories(runFolder.resolve("writer"));
        files = new FileAccess(workflows, karaf.resolve("data/assay"), List.of(), List.of(), List.of(karaf));
    }

    private String refusedRead(String given) {
        return assertThrows(FileAccess.Refused.class, () -> files.read(given, runFolder)).getMessage();
    }

    private String refusedWrite(String given) {
        return assertThrows(FileAccess.Refused.class, () -> files.write(given, runFolder, artifacts)).getMessage();
    }

    @Test
    void writingKarafsUsersFileIsRefused() {
        String m = refusedWrite(karaf.resolve("etc/users.properties").toString());
        assertTrue(m.contains("is inside Karaf's etc folder"), m);
    }

    @Test
    void karafsOwnFoldersAreNeverWritableEvenWhenARootSaysSo() throws Exception {
        FileAccess generous = new FileAccess(workflows, karaf.resolve("data/assay"), List.of(), List.of(karaf, dir),
                List.of(karaf));
        for (String d : List.of("etc/users.properties", "deploy/evil.xml", "system/x.jar", "lib/boot/x.jar",
                "bin/setenv", "data/cache/bundle1/x.jar", "data/assay/runs/0002/run.json",
                "data/assay/workflows/w/v1.json")) {
            Path target = karaf.resolve(d);
            assertThrows(FileAccess.Refused.class, () -> generous.write(target.toString(), runFolder, artifacts), d);
        }
    }

    @Test
    void writingOutsideTheRootsIsRefused() {
        String m = refusedWrite(dir.resolve("home/.ssh/authorized_keys").toString());
        assertTrue(m.contains("is outside the folders workflows may write"), m);
        assertTrue(m.contains("writeRoots in etc/org.assay.engine.cfg"), m);
    }

    @Test
    void relativeWritesStayInTheArtifactFolder() throws Exception {
        assertEquals(FileAccess.real(artifacts).resolve("out/clean.csv"),
                files.write("out/clean.csv", runFolder, artifacts));
        String m = refusedWrite("../../../../etc/users.properties");
        assertTrue(m.contains("leaves the run folder"), m);
    }

    @Test
    void workflowFilesCannotBeWrittenButTheDataFolderCan() throws Exception {
        String m = refusedWrite(workflows.resolve("evil.json").toString());
        assertTrue(m.contains("where files are deployed as workflows"), m);
        Path data = workflows.resolve("data/exports/clean.csv");
        assertEquals(FileAccess.real(data), files.write(data.toString(), runFolder, artifacts));
    }

    @Test
    void relativeAndAbsoluteEscapesFromTheReadRootsAreRefused() {
        assertTrue(refusedRead("../../../../../../../../etc/passwd").contains("outside the folders workflows may read"));
        assertTrue(refusedRead("/etc/shadow").contains("outside the folders workflows may read"));
    }

    @Test
    void karafsEtcIsNeverReadable() {
        FileAccess generous = new FileAccess(workflows, karaf.resolve("data/assay"), List.of(karaf), List.of(),
                List.of(karaf));
        String m = assertThrows(FileAccess.Refused.class,
                () -> generous.read(karaf.resolve("etc/users.properties").toString(), runFolder)).getMessage();
        assertTrue(m.contains("which holds Karaf's configuration or credentials: workflows may never read it"), m);
    }

    @Test
    void aLinkInsideARootDoesNotLeadOut() throws Exception {
        Files.createSymbolicLink(workflows.resolve("data/passwd"), Path.of("/etc/passwd"));
        Files.createSymbolicLink(workflows.resolve("data/karaf-etc"), karaf.resolve("etc"));
        assertTrue(refusedRead("data/passwd").contains("outside the folders workflows may read"));
        assertTrue(refusedRead("data/karaf-etc/users.properties").contains("workflows may never read it"));
        assertTrue(refusedWrite(workflows.resolve("data/karaf-etc/users.properties").toString())
                .contains("is inside Karaf's etc folder"));
        // A dangling link is judged by where it would point.
        Files.createSymbolicLink(workflows.resolve("data/new-key"), dir.resolve("home/.ssh/authorized_keys"));
        assertTrue(refusedWrite(workflows.resolve("data/new-key").toString()).contains("outside the folders"));
    }

    @Test
    void readsInsideTheRootsResolve() throws Exception {
        Path csv = Files.writeString(workflows.resolve("data/customers.csv"), "a\n1\n");
        assertEquals(csv.toRealPath(), files.read("data/customers.csv", runFolder));
        assertEquals(csv.toRealPath(), files.read(csv.toString(), runFolder));
        Path own = Files.writeString(artifacts.resolve("model.bin"), "m");
        assertEquals(own.toRealPath(), files.read(own.toString(), runFolder));
        Path extra = Files.createDirectories(dir.resolve("shared"));
        FileAccess more = new FileAccess(workflows, karaf.resolve("data/assay"), List.of(extra), List.of(),
                List.of(karaf));
        assertEquals(FileAccess.real(extra).resolve("x.csv"), more.read(extra.resolve("x.csv").toString(), runFolder));
    }

    @Test
    void theAdminCredentialsInAssayHomeAreNeverReadOrWritten() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home/.assay"));
        Files.writeString(home.resolve("admin.password"), "secret");
        System.setProperty("assay.home", home.toString());
        FileAccess generous;
        try {
            generous = new FileAccess(home.resolve("workflows"), home.resolve("data"), List.of(home), List.of(home),
                    List.of(karaf));
        } finally {
            System.clearProperty("assay.home");
        }
        for (String secret : List.of("admin.password", "client.key")) {
            String path = home.resolve(secret).toString();
            assertThrows(FileAccess.Refused.class, () -> generous.read(path, runFolder), secret);
            assertThrows(FileAccess.Refused.class, () -> generous.write(path, runFolder, artifacts), secret);
        }
        assertEquals(FileAccess.real(home).resolve("notes.txt"), generous.read(home.resolve("notes.txt").toString(), runFolder));
    }

    @Test
    void aPathThatIsNotAPathIsRefusedPlainly() {
        assertTrue(refusedRead("data/\0x.csv").contains("is not a valid path"));
    }
}
