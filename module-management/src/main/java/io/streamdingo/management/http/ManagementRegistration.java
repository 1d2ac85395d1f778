package io.streamdingo.management.http;

import jakarta.servlet.HttpConstraintElement;
import jakarta.servlet.HttpMethodConstraintElement;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.ServletSecurityElement;
import jakarta.servlet.annotation.ServletSecurity.TransportGuarantee;
import java.util.List;
import java.util.Set;

/**
 * Serves the management API when the application deploys this jar: registers {@link ManagementServlet} under
 * {@code {streamdingo.management.root}/api/*} with the server's security on it — reading ({@code GET},
 * {@code HEAD}) for {@value Roles#VIEWER} and {@value Roles#ADMIN}, every other method for
 * {@value Roles#ADMIN} only; and {@link DashboardServlet} under {@code {root}/*} for both roles, unless
 * {@code streamdingo.management.dashboard.enabled} is false. Nothing is served when
 * {@code streamdingo.management.enabled} is false.
 */
public final class ManagementRegistration implements ServletContainerInitializer {

    private static final System.Logger LOG = System.getLogger(ManagementRegistration.class.getName());

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        ManagementSettings settings = ManagementSettings.fromConfig();
        if (!settings.enabled()) {
            LOG.log(System.Logger.Level.INFO, "management API off (streamdingo.management.enabled=false)");
            return;
        }
        ServletRegistration.Dynamic api = register(context, "streamdingo-management", ManagementServlet.class);
        if (api == null) {
            return;
        }
        api.setAsyncSupported(true);
        api.setLoadOnStartup(1);
        map(api, settings.root() + "/api/*", "the management API");
        HttpConstraintElement readers = new HttpConstraintElement(TransportGuarantee.NONE, Roles.VIEWER, Roles.ADMIN);
        api.setServletSecurity(new ServletSecurityElement(
                new HttpConstraintElement(TransportGuarantee.NONE, Roles.ADMIN),
                List.of(
                        new HttpMethodConstraintElement("GET", readers),
                        new HttpMethodConstraintElement("HEAD", readers))));
        if (settings.dashboard()) {
            ServletRegistration.Dynamic dashboard = register(context, "streamdingo-dashboard", DashboardServlet.class);
            if (dashboard != null) {
                map(dashboard, settings.root() + "/*", "the dashboard");
                // the page is static; who may see what is the API's business, so both roles may load it
                dashboard.setServletSecurity(new ServletSecurityElement(readers));
                LOG.log(System.Logger.Level.INFO, "dashboard at {0}{1}/", context.getContextPath(), settings.root());
            }
        }
        context.declareRoles(Roles.VIEWER, Roles.ADMIN);
        LOG.log(System.Logger.Level.INFO, "management API at {0}{1}/api", context.getContextPath(), settings.root());
    }

    private static ServletRegistration.Dynamic register(
            ServletContext context, String name, Class<? extends jakarta.servlet.Servlet> type) {
        ServletRegistration.Dynamic servlet = context.addServlet(name, type);
        if (servlet == null) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "the application already has a servlet named {0}: it is not served by StreamDingo",
                    name);
        }
        return servlet;
    }

    private static void map(ServletRegistration.Dynamic servlet, String mapping, String what) {
        Set<String> taken = servlet.addMapping(mapping);
        if (!taken.isEmpty()) {
            throw new IllegalStateException(what + " cannot be served at " + mapping + ": another servlet"
                    + " of the application is mapped there; set streamdingo.management.root to a free path");
        }
    }
}
