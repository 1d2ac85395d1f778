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
 * {@value Roles#ADMIN} only. Nothing is served when {@code streamdingo.management.enabled} is false.
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
        String mapping = settings.root() + "/api/*";
        ServletRegistration.Dynamic servlet = context.addServlet("streamdingo-management", ManagementServlet.class);
        if (servlet == null) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "the application already has a servlet named streamdingo-management:"
                            + " the management API is not served");
            return;
        }
        servlet.setAsyncSupported(true);
        servlet.setLoadOnStartup(1);
        Set<String> taken = servlet.addMapping(mapping);
        if (!taken.isEmpty()) {
            throw new IllegalStateException("the management API cannot be served at " + mapping + ": another servlet"
                    + " of the application is mapped there; set streamdingo.management.root to a free path");
        }
        HttpConstraintElement readers = new HttpConstraintElement(TransportGuarantee.NONE, Roles.VIEWER, Roles.ADMIN);
        servlet.setServletSecurity(new ServletSecurityElement(
                new HttpConstraintElement(TransportGuarantee.NONE, Roles.ADMIN),
                List.of(
                        new HttpMethodConstraintElement("GET", readers),
                        new HttpMethodConstraintElement("HEAD", readers))));
        context.declareRoles(Roles.VIEWER, Roles.ADMIN);
        LOG.log(System.Logger.Level.INFO, "management API at {0}{1}", context.getContextPath(), mapping);
    }
}
