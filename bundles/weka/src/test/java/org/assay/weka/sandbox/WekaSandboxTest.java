package org.assay.weka.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import weka.core.Utils;

/** The shared checks; the steps' abuse tests (ModelSafetyTest, AssociateStepTest) cover them end to end. */
class WekaSandboxTest {

    private static WekaSandbox.ForeignClass scan(String options, boolean numbers) throws Exception {
        return WekaSandbox.firstForeignClass(Utils.splitOptions(options), Set.of("-W", "-F"), numbers);
    }

    @Test
    void findsForeignClassesHoweverDeeplyQuoted() throws Exception {
        assertNull(scan("-W weka.classifiers.trees.J48 -- -C 0.25", true));
        assertEquals(new WekaSandbox.ForeignClass("java.lang.Runtime", "-W"), scan("-W java.lang.Runtime", true));
        assertEquals(new WekaSandbox.ForeignClass("evil.Gadget", "-F"),
                scan("-F \"weka.filters.MultiFilter -F \\\"evil.Gadget -x\\\"\"", true));
        assertEquals(new WekaSandbox.ForeignClass("com.x.Y", null), scan("-M \" com.x.Y \"", true),
                "a padded token is checked as the class Weka would load");
    }

    @Test
    void numbersAfterSchemeKeysOnlyWhenAllowed() throws Exception {
        assertNull(scan("-F 5", true));
        assertEquals(new WekaSandbox.ForeignClass("5", "-F"), scan("-F 5", false));
        assertNull(scan("-F -1", false), "another option");
    }

    @Test
    void unreadableNestedOptionsNameTheToken() {
        SandboxException e = assertThrows(SandboxException.class,
                () -> WekaSandbox.firstForeignClass(new String[] {"-F", "weka.X \"unclosed"}, Set.of("-F"), true));
        assertTrue(e.getMessage().startsWith("options: cannot read the nested options 'weka.X \"unclosed' ("),
                e.getMessage());
    }

    @Test
    void loadsWithoutInitialisingAndChecksNames() throws Exception {
        assertTrue(WekaSandbox.isClassIn("weka.clusterers.EM", "weka.clusterers."));
        assertFalse(WekaSandbox.isClassIn("weka.clusterers.", "weka.clusterers."));
        assertFalse(WekaSandbox.isClassIn("weka.clusterers.EM;x", "weka.clusterers."));
        Class<?> em = WekaSandbox.loadUninitialised("weka.clusterers.EM", "X");
        assertEquals("EM", WekaSandbox.newInstance(em, Object.class, "Use X").getClass().getSimpleName());
        SandboxException missing = assertThrows(SandboxException.class,
                () -> WekaSandbox.loadUninitialised("weka.clusterers.Nope", "weka.clusterers.EM"));
        assertEquals("algorithm: Weka has no class 'weka.clusterers.Nope'. Check the spelling (full class name, case"
                + " matters), e.g. weka.clusterers.EM.", missing.getMessage());
        Class<?> abstractType = WekaSandbox.loadUninitialised("weka.clusterers.AbstractClusterer", "X");
        SandboxException e = assertThrows(SandboxException.class,
                () -> WekaSandbox.newInstance(abstractType, Object.class, "Use X"));
        assertEquals("algorithm: weka.clusterers.AbstractClusterer cannot be created on its own (it is abstract or"
                + " needs arguments). Use X.", e.getMessage());
    }
}
