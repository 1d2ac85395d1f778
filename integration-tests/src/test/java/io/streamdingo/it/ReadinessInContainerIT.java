package io.streamdingo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamdingo.demo.bank.DatabaseReadiness;
import jakarta.annotation.Resource;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** OPS-1 inside Liberty: the demo's database readiness check on a real data source that points nowhere. */
@ExtendWith(ArquillianExtension.class)
class ReadinessInContainerIT {

    @Deployment
    static WebArchive deployment() {
        return DemoDeployment.with(ReadinessInContainerIT.class, "readiness");
    }

    @Resource(lookup = "jdbc/nowhere")
    DataSource nowhere;

    @Test
    void readinessIsDownWithTheReasonWhenTheDatabaseCannotBeReached() {
        DatabaseReadiness check = new DatabaseReadiness();
        check.useDataSource(nowhere);

        HealthCheckResponse response = check.call();

        assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
        String reason = String.valueOf(response.getData().orElseThrow().get("reason"));
        assertTrue(reason.contains("127.0.0.1:1") || reason.toLowerCase().contains("connect"), reason);
    }
}
