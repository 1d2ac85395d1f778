package io.streamdingo.demo.bank;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness (OPS-1): the event store's database answers. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Resource(lookup = "jdbc/streamdingo")
    DataSource dataSource;

    /** Points the check at another data source (tests check the DOWN answer against one that leads nowhere). */
    public void useDataSource(DataSource other) {
        this.dataSource = other;
    }

    @Override
    public HealthCheckResponse call() {
        try (Connection connection = dataSource.getConnection()) {
            boolean valid = connection.isValid(2);
            return HealthCheckResponse.named("streamdingo-database")
                    .status(valid)
                    .withData("database", connection.getMetaData().getDatabaseProductName())
                    .build();
        } catch (SQLException | RuntimeException e) {
            return HealthCheckResponse.named("streamdingo-database")
                    .down()
                    .withData("reason", String.valueOf(e.getMessage()))
                    .build();
        }
    }
}
