package io.streamdingo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A real database outage on the PostgreSQL server (run there only): its role is locked out and its sessions
 * ended, so readiness goes DOWN naming the database; let in again, readiness is UP without a restart.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DatabaseOutageIT {

    private static final String READY = "http://localhost:9080/health/ready";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> readiness() throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(READY)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> awaitReadiness(Predicate<HttpResponse<String>> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        HttpResponse<String> response = readiness();
        while (!condition.test(response) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            response = readiness();
        }
        return response;
    }

    /** As the database's superuser (the server's own role is the one locked out). */
    private static void asSuperuser(String sql) throws SQLException {
        try (Connection connection =
                        DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Test
    void readinessIsDownWhileTheDatabaseRefusesTheServerAndUpAgainWithoutARestart() throws Exception {
        assertThat(awaitReadiness(r -> r.statusCode() == 200).statusCode()).isEqualTo(200);

        HttpResponse<String> during;
        try {
            asSuperuser("ALTER ROLE sd_it NOLOGIN");
            asSuperuser("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'sd_it'");
            during = awaitReadiness(r -> r.statusCode() == 503 && r.body().contains("reason"));
        } finally {
            asSuperuser("ALTER ROLE sd_it LOGIN");
        }
        HttpResponse<String> after = awaitReadiness(r -> r.statusCode() == 200);

        assertThat(during.statusCode()).isEqualTo(503);
        assertThat(during.body()).contains("streamdingo-database").contains("\"status\":\"DOWN\"");
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).contains("streamdingo-database").contains("headPosition");
    }
}
