package org.assay.shell.internal;

import org.assay.engine.RunService;
import org.apache.karaf.shell.support.ShellUtil;

/** Who is typing: the Karaf user the command session logged in as (its JAAS Subject). */
final class Principals {

    private Principals() {
    }

    /**
     * The user name of the current JAAS Subject, which Karaf sets around every command of a
     * logged-in session (console, SSH, bin/client); {@value RunService#SYSTEM} when there is
     * none (a command run by a script inside the container).
     */
    static String current() {
        String user = ShellUtil.getCurrentUserName();
        return user == null || user.isBlank() ? RunService.SYSTEM : user;
    }
}
