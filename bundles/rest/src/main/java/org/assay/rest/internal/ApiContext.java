package org.assay.rest.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.context.ServletContextHelper;

/**
 * The API's own servlet context at /assay/api/v1. Being its own context with the longest path
 * keeps it reachable whatever a web UI registers at /assay; security is checked per endpoint
 * by {@link ApiServlet}, which knows each endpoint's role.
 */
@Component(service = ServletContextHelper.class, property = {
        "osgi.http.whiteboard.context.name=" + ApiContext.NAME,
        "osgi.http.whiteboard.context.path=" + ApiContext.PATH})
public final class ApiContext extends ServletContextHelper {

    static final String NAME = "assay-rest";
    static final String PATH = "/assay/api/v1";
    static final String SELECT = "(osgi.http.whiteboard.context.name=" + NAME + ")";
}
