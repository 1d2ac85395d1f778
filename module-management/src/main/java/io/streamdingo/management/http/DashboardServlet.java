package io.streamdingo.management.http;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Serves the admin dashboard: a few static files kept in this jar (under {@code META-INF/streamdingo/dashboard})
 * and the uPlot chart library from its WebJar, under {@code {streamdingo.management.root}/}. The page reads
 * everything from the management API and its live feed; this servlet holds no data and no rule.
 *
 * <p>Only the files it knows are served (no path from the request reaches the class loader), with a content
 * security policy that lets the page talk to its own server only. Registered by {@link ManagementRegistration}
 * behind the same log-in and roles as the API.
 */
public class DashboardServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String OWN = "META-INF/streamdingo/dashboard/";
    private static final String UPLOT = "META-INF/resources/webjars/uplot/";
    private static final String UPLOT_VERSION = "META-INF/maven/org.webjars.npm/uplot/pom.properties";
    private static final String POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
            + " frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private transient Map<String, Asset> assets;

    /** A file the dashboard serves: where it lies on the class path and its media type. */
    private record Asset(String resource, String contentType) {}

    @Override
    public void init() {
        String uplot = UPLOT + uplotVersion() + "/dist/";
        assets = Map.of(
                "/", new Asset(OWN + "index.html", "text/html; charset=UTF-8"),
                "/index.html", new Asset(OWN + "index.html", "text/html; charset=UTF-8"),
                "/dashboard.js", new Asset(OWN + "dashboard.js", "text/javascript; charset=UTF-8"),
                "/dashboard.css", new Asset(OWN + "dashboard.css", "text/css; charset=UTF-8"),
                "/lib/uPlot.iife.min.js", new Asset(uplot + "uPlot.iife.min.js", "text/javascript; charset=UTF-8"),
                "/lib/uPlot.min.css", new Asset(uplot + "uPlot.min.css", "text/css; charset=UTF-8"));
    }

    private static String uplotVersion() {
        Properties properties = new Properties();
        try (InputStream in = resource(UPLOT_VERSION)
                .orElseThrow(() -> new IllegalStateException("the uPlot WebJar (org.webjars.npm:uplot) is not on the"
                        + " class path: the dashboard cannot draw its charts; deploy it beside this jar"))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + UPLOT_VERSION, e);
        }
        return properties.getProperty("version");
    }

    private static Optional<InputStream> resource(String name) {
        return Optional.ofNullable(DashboardServlet.class.getClassLoader().getResourceAsStream(name));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null) {
            // {root} without the slash: the page's relative links need it
            response.sendRedirect(request.getRequestURI() + "/");
            return;
        }
        Asset asset = assets.get(path);
        if (asset == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "the dashboard has no " + path);
            return;
        }
        byte[] bytes;
        try (InputStream in = resource(asset.resource())
                .orElseThrow(() -> new IllegalStateException(asset.resource() + " is missing from the jar"))) {
            bytes = in.readAllBytes();
        }
        response.setContentType(asset.contentType());
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
