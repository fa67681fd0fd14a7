package org.assay.secrets.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretStoreTest {

    @TempDir
    Path etc;

    @Test
    void aSecretIsAnOwnerOnlyFileTheInterpolationReads() throws Exception {
        SecretStore store = new SecretStore(etc);
        store.set("crm_db_password", "s3cr3t-ü".toCharArray());
        Path f = etc.resolve("crm_db_password");
        assertEquals("s3cr3t-ü", Files.readString(f), "the value as Karaf's $[secret:...] reads it, no newline");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        store.set("crm_db_password", "new".toCharArray());
        assertEquals("new", Files.readString(f));
        assertEquals(List.of("crm_db_password"), Files.list(etc).map(p -> p.getFileName().toString()).toList(),
                "no temporary file is left");
    }

    @Test
    void listShowsNamesAndUsersNeverValues() throws Exception {
        SecretStore store = new SecretStore(etc);
        store.set("crm_db_password", "hunter2".toCharArray());
        Files.writeString(etc.resolve("org.ops4j.datasource-crm.cfg"), "password = $[secret:crm_db_password]\n"
                + "user = $[secret:crm_db_user]\n");
        Files.writeString(etc.resolve("users.properties"), "karaf = x\n");
        List<SecretStore.Info> list = store.list();
        assertEquals(List.of("crm_db_password", "crm_db_user"), list.stream().map(SecretStore.Info::name).toList());
        assertEquals(List.of("org.ops4j.datasource-crm.cfg"), list.get(0).usedBy());
        assertNull(list.get(1).modified(), "used but not set: shown as missing");
        assertFalse(list.toString().contains("hunter2"));
    }

    @Test
    void namesCannotReachOtherFiles() throws Exception {
        SecretStore store = new SecretStore(etc);
        for (String bad : List.of("../x", "users.properties", "org.ops4j.datasource-crm.cfg", "A", "", "x/y")) {
            assertThrows(IllegalArgumentException.class, () -> store.set(bad, "v".toCharArray()), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> store.set("empty", new char[0]));
        Files.createSymbolicLink(etc.resolve("linked"), etc.resolve("elsewhere"));
        assertThrows(IllegalArgumentException.class, () -> store.set("linked", "v".toCharArray()));
        assertTrue(store.delete("linked"));
        assertFalse(store.delete("linked"));
    }
}
