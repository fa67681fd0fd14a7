package org.assay.governance.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Assay governance", description = "Audit log and data subject requests")
public @interface GovernanceConfig {

    @AttributeDefinition(description = "The audit log file (hash-chained JSON lines; a .head file beside it). "
            + "Empty means ${karaf.data}/audit/audit.jsonl. Keep it out of the engine's data folder, so that "
            + "clearing runs never clears the audit.")
    String auditFile() default "";

    @AttributeDefinition(description = "Where assay:subject-export writes its files. Empty means "
            + "${karaf.data}/subject-requests (readable by the Karaf user only).")
    String exportDir() default "";

    @AttributeDefinition(description = "Folder searched for data files about a data subject (CSV files, recursively). "
            + "Empty means the engine's workflow folder, ${karaf.base}/workflows, whose data/ the sample workflows read.")
    String dataFolder() default "";

    @AttributeDefinition(description = "The model store's folder, where models trained on an erased subject are "
            + "marked tainted. Empty means ${karaf.data}/assay/models (the default of etc/org.assay.models.cfg).")
    String modelFolder() default "";
}
