package org.assay.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Assay REST API", description = "Limits and login of /assay/api/v1.")
@interface RestConfig {

    @AttributeDefinition(description = "Largest request body, in KiB; a larger one is refused with 413.")
    int maxBodyKib() default 1024;

    @AttributeDefinition(description = "Server-Sent Event streams open at once (GET /runs/{id}/events); more get 503.")
    int maxEventStreams() default 32;

    @AttributeDefinition(description = "Failed logins in a row an address or a user name may make before each further"
            + " failure locks it out (1 s, then twice as long each time); while locked out logins get 429.")
    int loginFreeFailures() default 5;

    @AttributeDefinition(description = "Longest lockout after failed logins, in seconds.")
    int loginMaxLockoutSeconds() default 300;

    @AttributeDefinition(description = "JAAS realm that checks the Basic credentials; the shell's realm by default.")
    String realm() default "karaf";
}
