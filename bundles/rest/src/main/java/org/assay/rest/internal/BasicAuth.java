package org.assay.rest.internal;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

/**
 * HTTP Basic against a Karaf JAAS realm: the same users, passwords and roles as the shell and
 * SSH (etc/users.properties by default).
 */
final class BasicAuth {

    /** Karaf's principal classes, matched by name so this bundle needs no Karaf import. */
    private static final String ROLE_PRINCIPAL = "org.apache.karaf.jaas.boot.principal.RolePrincipal";
    private static final String USER_PRINCIPAL = "org.apache.karaf.jaas.boot.principal.UserPrincipal";

    private final String realm;

    BasicAuth(String realm) {
        this.realm = realm;
    }

    /** The user name of Basic credentials, or null when the header holds none. */
    static String userOf(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Logs the Authorization header's user in.
     *
     * @return empty when the header is missing, not Basic, malformed or the login fails
     */
    Optional<Caller> login(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String user = decoded.substring(0, colon);
        char[] password = decoded.substring(colon + 1).toCharArray();
        Subject subject = new Subject();
        // LoginContext loads the realm's login modules through the context class loader; Karaf's
        // ProxyLoginModule is on the system class path (lib/boot), a web thread's loader may not see it.
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(ClassLoader.getSystemClassLoader());
        try {
            LoginContext context = new LoginContext(realm, subject, callbacks -> answer(callbacks, user, password));
            context.login();
            Caller caller = caller(subject, user);
            context.logout();
            return Optional.of(caller);
        } catch (LoginException e) {
            return Optional.empty();
        } finally {
            t.setContextClassLoader(previous);
            java.util.Arrays.fill(password, '\0');
        }
    }

    private static void answer(Callback[] callbacks, String user, char[] password)
            throws UnsupportedCallbackException {
        for (Callback c : callbacks) {
            if (c instanceof NameCallback n) {
                n.setName(user);
            } else if (c instanceof PasswordCallback p) {
                p.setPassword(password);
            } else {
                throw new UnsupportedCallbackException(c);
            }
        }
    }

    static Caller caller(Subject subject, String fallbackUser) {
        Set<String> roles = new HashSet<>();
        String user = fallbackUser;
        for (Principal p : subject.getPrincipals()) {
            String type = p.getClass().getName();
            if (ROLE_PRINCIPAL.equals(type)) {
                roles.add(p.getName());
            } else if (USER_PRINCIPAL.equals(type)) {
                user = p.getName();
            }
        }
        return new Caller(user, roles);
    }
}
