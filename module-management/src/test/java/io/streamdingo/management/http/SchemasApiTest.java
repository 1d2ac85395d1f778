package io.streamdingo.management.http;

import static io.streamdingo.management.http.ManagementFixture.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /schemas}: the schema registry page by page, and one schema with its JSON Schema. */
class SchemasApiTest {

    private final ManagementFixture app = new ManagementFixture();

    @AfterEach
    void close() {
        app.close();
    }

    private JsonNode page(String limit, String after) {
        Map<String, List<String>> query = after == null
                ? Map.of("limit", List.of(limit))
                : Map.of("limit", List.of(limit), "after", List.of(after));
        return app.body(app.call(VIEWER, "GET", "/schemas", query, ""));
    }

    @Test
    void theRegistryComesAPageAtATimeByNameThenVersion() {
        JsonNode first = page("1", null);
        JsonNode second = page("1", first.get("next").asText());

        assertThat(first.get("items").findValuesAsText("name")).containsExactly("tck.ItemAdded");
        assertThat(first.get("next").asText()).isEqualTo("tck.ItemAdded@1");
        assertThat(second.get("items").findValuesAsText("name")).containsExactly("tck.NoteAdded");
        assertThat(second.get("next")).isNull();
    }

    @Test
    void aListedSchemaNamesItsJavaTypeAndFingerprintButNotTheWholeSchema() {
        JsonNode item = page("10", null).get("items").get(0);

        assertThat(item.get("version").asInt()).isEqualTo(1);
        assertThat(item.get("javaType").asText()).endsWith("CartEvents$ItemAdded");
        assertThat(item.get("fingerprint").asText()).hasSize(64);
        assertThat(item.get("upcastPath").isArray()).isTrue();
        assertThat(item.has("jsonSchema")).isFalse();
    }

    @Test
    void oneSchemaCarriesItsJsonSchemaAsAJsonDocument() {
        JsonNode schema = app.body(app.call(VIEWER, "GET", "/schemas/tck.ItemAdded/1"));

        assertThat(schema.get("jsonSchema")
                        .get("properties")
                        .get("sku")
                        .get("type")
                        .asText())
                .isEqualTo("string");
        assertThat(schema.get("jsonSchema")
                        .get("properties")
                        .get("quantity")
                        .get("type")
                        .asText())
                .isEqualTo("integer");
    }

    @Test
    void anUnregisteredTypeOrVersionIsNotFound() {
        assertThat(app.call(VIEWER, "GET", "/schemas/tck.ItemAdded/2").status()).isEqualTo(404);
        assertThat(app.call(VIEWER, "GET", "/schemas/tck.Nothing/1").status()).isEqualTo(404);
    }

    @Test
    void aVersionThatIsNotANumberIsAProblemNamingIt() {
        ApiAnswer answer = app.call(VIEWER, "GET", "/schemas/tck.ItemAdded/latest");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(app.body(answer).get("field").asText()).isEqualTo("version");
    }

    @Test
    void aCursorWithoutAVersionIsAProblemNamingAfter() {
        ApiAnswer answer = app.call(VIEWER, "GET", "/schemas", Map.of("after", List.of("tck.ItemAdded")), "");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(app.body(answer).get("field").asText()).isEqualTo("after");
    }

    @Test
    void changingTheRegistryIsNotAllowed() {
        assertThat(app.call(ManagementFixture.ADMIN, "DELETE", "/schemas/tck.ItemAdded/1")
                        .status())
                .isEqualTo(405);
    }
}
