package org.assay.rest.internal;

import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A user who logged in with HTTP Basic through JAAS.
 *
 * @param user  the Karaf user name, recorded as the principal of every write
 * @param roles every role the realm gave the user (viewer, operator, admin, ssh, ...)
 */
record Caller(String user, Set<String> roles) {

    Caller {
        roles = Set.copyOf(roles);
    }

    /** Whether the caller may use an endpoint that needs this role. */
    boolean has(Role role) {
        String name = role.roleName();
        return name == null || roles.contains(name);
    }

    /** The caller's assay roles, sorted: what the dashboard shows and hides buttons by. */
    SortedSet<String> assayRoles() {
        SortedSet<String> out = new TreeSet<>();
        for (Role r : new Role[] {Role.VIEWER, Role.OPERATOR, Role.ADMIN}) {
            if (roles.contains(r.roleName())) {
                out.add(r.roleName());
            }
        }
        return out;
    }
}
