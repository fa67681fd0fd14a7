package org.assay.rest.internal;

import java.util.Locale;

/**
 * Who may call an endpoint: the roles of the assay:* shell commands
 * (etc/org.apache.karaf.command.acl.assay.cfg), from the JAAS realm karaf.
 */
enum Role {
    /** No login needed (the OpenAPI document). */
    PUBLIC,
    /** Any user who logs in (GET /me). */
    AUTHENTICATED,
    /** Reads. */
    VIEWER,
    /** Also starts and cancels runs. */
    OPERATOR,
    /** Also deploys and undeploys workflows and promotes models. */
    ADMIN;

    /** The JAAS role name, e.g. {@code operator}; null for the two that need no role. */
    String roleName() {
        return this == PUBLIC || this == AUTHENTICATED ? null : name().toLowerCase(Locale.ROOT);
    }
}
