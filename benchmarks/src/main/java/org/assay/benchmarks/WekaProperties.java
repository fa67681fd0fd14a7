package org.assay.benchmarks;

/** What the distribution sets for Weka (see the assay-weka pom), for benchmarks that run Weka outside Karaf. */
public final class WekaProperties {

    private WekaProperties() {
    }

    /** Pure-Java BLAS, no package manager or package loading, headless AWT. */
    public static void set() {
        System.setProperty("com.github.fommil.netlib.BLAS", "com.github.fommil.netlib.F2jBLAS");
        System.setProperty("com.github.fommil.netlib.LAPACK", "com.github.fommil.netlib.F2jLAPACK");
        System.setProperty("com.github.fommil.netlib.ARPACK", "com.github.fommil.netlib.F2jARPACK");
        System.setProperty("weka.packageManager.offline", "true");
        System.setProperty("weka.packageManager.loadPackages", "false");
        System.setProperty("weka.core.loadPackages", "false");
        System.setProperty("weka.test.maventest", "true");
        System.setProperty("java.awt.headless", "true");
    }
}
