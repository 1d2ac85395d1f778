package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The application as built, on a real Open Liberty: REST in, events stored, replayed and consumed. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CartResourceIT {

    @Deployment(testable = false)
    static WebArchive application() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/${artifactId}.war"));
    }

    @ArquillianResource
    URL base;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI cart(String path) {
        return URI.create(base.toString()).resolve("api/carts/" + path);
    }

    @Test
    void itemsAddedAreReplayedIntoTheCartAndReachTheConsumer() throws Exception {
        // a cart of its own: the database may hold earlier runs' carts
        String id = "c-" + UUID.randomUUID();

        HttpResponse<String> added = send(HttpRequest.newBuilder(cart(id + "/items"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"item\":\"apple\",\"quantity\":2}")));
        send(HttpRequest.newBuilder(cart(id + "/items"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"item\":\"pear\",\"quantity\":3}")));
        HttpResponse<String> read = send(HttpRequest.newBuilder(cart(id)).GET());

        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"items\":5");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        String seen = "";
        while (Instant.now().isBefore(deadline) && !seen.equals("5")) {
            seen = send(HttpRequest.newBuilder(cart(id + "/seen")).GET()).body();
            Thread.sleep(200);
        }
        assertThat(seen).isEqualTo("5");
    }

    @Test
    void anItemWithoutAQuantityIsRefused() throws Exception {
        HttpResponse<String> refused = send(HttpRequest.newBuilder(cart("c-" + UUID.randomUUID() + "/items"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"item\":\"apple\"}")));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("quantity of at least 1");
    }
}
