/**
 * Report sections: how a step tells the run report what its run found, in words, figures,
 * tables and charts, instead of leaving the reader a file to open. A step builds a
 * {@link org.assay.api.report.ReportSection} from what it saw while running and hands it to
 * {@link org.assay.api.report.ReportSections#publish}; the engine puts the sections of a run
 * into {@code report.html} (their summaries first, then the sections by
 * {@link org.assay.api.report.ReportSection#order()}, appendices last), and the
 * {@code report} step puts chosen ones into a report of its own. Any step bundle, a
 * third-party one too, may publish sections; the engine needs nothing registered.
 */
@Version("1.0.0")
package org.assay.api.report;

import org.osgi.annotation.versioning.Version;
