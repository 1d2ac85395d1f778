package io.streamdingo.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The admin dashboard in a real browser (headless Chromium) against the demo on Open Liberty, with two test
 * consumers beside the demo's ({@link DashboardNotes}): what an operator sees and may do, and what a viewer may
 * not. Every test leaves a screenshot under {@code target/screenshots}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DashboardIT {

    private static final String APP = "dashboard-it";
    private static final String BASE = "http://localhost:9080/" + APP;
    private static final String DASHBOARD = BASE + "/streamdingo/";
    private static final String API = BASE + "/streamdingo/api";
    private static final String ADMIN_PASSWORD = "it-operator-secret";
    private static final String VIEWER_PASSWORD = "it-observer-secret";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private HeadlessChromium browser;
    private String testName;

    @Deployment(testable = false)
    static WebArchive demoWithTwoMoreConsumers() {
        return DemoDeployment.with(
                APP,
                "streamdingo.subscriptions.fragile-notes.start=latest\n"
                        + "streamdingo.subscriptions.fragile-notes.event-types=bank.NoteAdded\n"
                        + "streamdingo.subscriptions.fragile-notes.retry.max-attempts=2\n"
                        + "streamdingo.subscriptions.fragile-notes.retry.initial-backoff=PT0.2S\n"
                        + "streamdingo.subscriptions.slow-notes.start=latest\n"
                        + "streamdingo.subscriptions.slow-notes.event-types=bank.NoteAdded\n",
                DashboardNotes.class);
    }

    @BeforeEach
    void openBrowser(TestInfo test) throws Exception {
        BankCalls.awaitReady("http://localhost:9080");
        testName = test.getTestMethod().orElseThrow().getName();
        browser = HeadlessChromium.start();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.screenshot("dashboard-" + testName);
            browser.close();
        }
    }

    @Test
    void anAdminSeesTheDemosStreamsAndSubscriptionsWithTheCountsTheApiGives() throws Exception {
        // given an account with two events
        String account = openAccount("Counted");
        deposit(account, 3);

        // when an operator opens the dashboard
        openAs("operator", ADMIN_PASSWORD);

        // then every declared category shows the API's stream and event counts, and every subscription is listed
        JsonNode catalog = api("/streams", "operator", ADMIN_PASSWORD);
        for (JsonNode category : catalog.path("categories")) {
            if (category.has("events")) {
                String name = category.get("category").asText();
                browser.await(10, page -> text(streamsRow(name), ".events")
                        .equals(category.get("events").asText()));
                assertThat(text(streamsRow(name), ".streams"))
                        .isEqualTo(category.get("streams").asText());
            }
        }
        List<String> subscriptions = new ArrayList<>();
        api("/subscriptions", "operator", ADMIN_PASSWORD)
                .path("items")
                .forEach(item -> subscriptions.add(item.get("name").asText()));
        assertThat(subscriptions).contains("account-activity", "fragile-notes", "slow-notes");
        browser.await(
                10, page -> cells("#subscriptions tbody tr td:first-child").containsAll(subscriptions));
        assertThat(text(browser.driver.findElement(By.id("role")), null)).isEqualTo("admin");
    }

    @Test
    void anAppendShowsInTheEventCountAndTheLagWithoutReloadingThePage() throws Exception {
        // given the dashboard open on an account's stream counts
        String account = openAccount("Watched");
        openAs("operator", ADMIN_PASSWORD);
        browser.driver.executeScript("window.sameDocument = 'yes';");
        long before = Long.parseLong(browser.await(10, page -> nonEmpty(text(streamsRow("account"), ".events"))));

        // when ten notes are appended through the demo's API (the slow consumer takes 4 s for them)
        for (int i = 0; i < 10; i++) {
            BankCalls.post(BASE + "/api/accounts/" + account + "/notes", "{\"text\":\"watched " + i + "\"}");
        }

        // then the count grows by ten, the slow subscription's lag rises and falls back, in the same document
        browser.await(10, page -> Long.parseLong(text(subscriptionRow("slow-notes"), ".lag")) > 0);
        browser.await(15, page -> Long.parseLong(text(streamsRow("account"), ".events")) >= before + 10);
        browser.await(30, page -> text(subscriptionRow("slow-notes"), ".lag").equals("0"));
        assertThat(browser.driver.executeScript("return window.sameDocument;")).isEqualTo("yes");
        Object sampledLag = browser.driver.executeScript(
                "return Array.from(document.querySelectorAll('#lag-chart .u-legend .u-series th'))"
                        + ".map(function (e) { return e.textContent; }).join(',');");
        assertThat(String.valueOf(sampledLag)).contains("slow-notes");
        assertThat(browser.driver.findElements(By.cssSelector("#lag-chart canvas")))
                .isNotEmpty();
    }

    @Test
    void anAdminReplaysADeadLetterAndSeesItGone() throws Exception {
        // given a note the fragile consumer failed twice: a dead letter, shown to the operator
        String account = deadLetterShownTo("operator", ADMIN_PASSWORD);

        // when the operator replays it
        browser.await(10, page -> {
            letterRowOf(account)
                    .findElement(By.cssSelector("button[data-action=replay]"))
                    .click();
            return true;
        });

        // then the row goes, and the API holds no dead letter for the account any more
        browser.await(30, page -> letterRowOf(account) == null);
        assertThat(api("/subscriptions/fragile-notes/dead-letters", "operator", ADMIN_PASSWORD)
                        .path("items")
                        .findValuesAsText("streamId"))
                .doesNotContain(account);
    }

    @Test
    void anAdminVerifiesAStreamsHashChain() throws Exception {
        // given an account with three events
        String account = openAccount("Verified");
        deposit(account, 1);
        deposit(account, 2);
        openAs("operator", ADMIN_PASSWORD);

        // when the operator verifies its stream
        browser.await(10, page -> !cells("#verify-category option").isEmpty());
        new Select(browser.driver.findElement(By.id("verify-category"))).selectByValue("account");
        browser.driver.findElement(By.id("verify-stream")).sendKeys(account);
        browser.driver.findElement(By.id("verify")).click();

        // then the page says the chain is intact over its three events
        WebElement result = browser.await(10, page -> {
            WebElement shown = page.findElement(By.id("verify-result"));
            return shown.getAttribute("class").equals("intact") ? shown : null;
        });
        assertThat(result.getText())
                .contains("account/" + account)
                .contains("intact")
                .contains("3 events checked");
    }

    @Test
    void theLiveFeedShowsEventsAsTheyAreAppended() throws Exception {
        // given the dashboard following the activity subscription
        String account = openAccount("Followed");
        openAs("operator", ADMIN_PASSWORD);
        browser.await(10, page -> cells("#feed-subscription option").contains("account-activity"));
        new Select(browser.driver.findElement(By.id("feed-subscription"))).selectByValue("account-activity");
        browser.driver.findElement(By.id("feed-toggle")).click();
        browser.await(
                10, page -> text(page.findElement(By.id("feed-status")), null).equals("following account-activity"));

        // when a deposit is made
        deposit(account, 7);

        // then it appears at the top of the feed
        browser.await(10, page -> cells("#feed tbody tr td:nth-child(3)").stream()
                .anyMatch(stream -> stream.startsWith("account/" + account + " v2")));
    }

    @Test
    void aViewerSeesReplayDisabledAndTheApiRefusesThemWith403() throws Exception {
        // given a dead letter, shown to a viewer on the dashboard
        String account = deadLetterShownTo("observer", VIEWER_PASSWORD);
        String letter = browser.await(10, page -> {
            WebElement row = letterRowOf(account);
            return row == null ? null : row.getAttribute("data-key");
        });

        // when the viewer's browser asks the API to replay it anyway
        Object status = browser.driver.executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "fetch(new URL('api/subscriptions/fragile-notes/dead-letters/' + arguments[0] + '/replay',"
                        + " location.origin + location.pathname), {method: 'POST'})"
                        + ".then(function (r) { done(r.status); }, function (e) { done(String(e)); });",
                letter);

        // then the buttons that change things are disabled, and the API answers 403
        assertThat(text(browser.driver.findElement(By.id("role")), null)).isEqualTo("viewer");
        List<String> enabled = browser.await(10, page -> enabledButtonsOf(account));
        assertThat(enabled).containsExactly("inspect");
        assertThat(browser.driver.findElement(By.id("replay-all")).isEnabled()).isFalse();
        assertThat(status).isEqualTo(403L);
    }

    /** The actions of the enabled buttons in the dead letter row of {@code account}'s event, once it is shown. */
    private List<String> enabledButtonsOf(String account) {
        WebElement row = letterRowOf(account);
        if (row == null) {
            return null;
        }
        return row.findElements(By.tagName("button")).stream()
                .filter(WebElement::isEnabled)
                .map(button -> button.getAttribute("data-action"))
                .toList();
    }

    /**
     * Makes a dead letter (a note the fragile consumer fails twice) and opens the dashboard as {@code user} on
     * the fragile consumer's dead letters until it is listed; returns the note's account.
     */
    private String deadLetterShownTo(String user, String password) throws Exception {
        String account = openAccount("Fragile");
        BankCalls.post(
                BASE + "/api/accounts/" + account + "/notes", "{\"text\":\"fragile " + UUID.randomUUID() + "\"}");
        openAs(user, password);
        new Select(browser.driver.findElement(By.id("dead-letter-subscription"))).selectByValue("fragile-notes");
        browser.await(30, page -> letterRowOf(account));
        return account;
    }

    private void openAs(String user, String password) {
        browser.logInAndOpen(DASHBOARD, user, password);
        browser.await(
                15, page -> "true".equals(page.findElement(By.tagName("body")).getAttribute("data-ready")));
        browser.await(15, page -> !page.findElements(By.cssSelector("#subscriptions tbody tr"))
                .isEmpty());
    }

    private WebElement streamsRow(String category) {
        return browser.driver.findElement(By.cssSelector("#streams tr[data-category='" + category + "']"));
    }

    private WebElement subscriptionRow(String name) {
        return browser.driver.findElement(By.cssSelector("#subscriptions tr[data-subscription='" + name + "']"));
    }

    /** The dead letters table's row of {@code account}'s event, or null. */
    private WebElement letterRowOf(String account) {
        for (WebElement row : browser.driver.findElements(By.cssSelector("#dead-letters tbody tr"))) {
            if (row.findElements(By.tagName("td")).get(1).getText().startsWith("account/" + account + " ")) {
                return row;
            }
        }
        return null;
    }

    private List<String> cells(String selector) {
        return browser.driver.findElements(By.cssSelector(selector)).stream()
                .map(element -> element.getAttribute("textContent").trim())
                .toList();
    }

    private static String text(WebElement element, String selector) {
        WebElement target = selector == null ? element : element.findElement(By.cssSelector(selector));
        return target.getAttribute("textContent").trim();
    }

    private static String nonEmpty(String text) {
        return text.isEmpty() || text.equals("–") ? null : text;
    }

    private static String openAccount(String owner) throws Exception {
        return BankCalls.idOf(
                BankCalls.post(BASE + "/api/accounts", "{\"owner\":\"" + owner + "\",\"currency\":\"EUR\"}"));
    }

    private static void deposit(String account, int amount) throws Exception {
        BankCalls.post(BASE + "/api/accounts/" + account + "/deposits", "{\"amount\": " + amount + "}");
    }

    private static JsonNode api(String path, String user, String password) throws Exception {
        String credentials =
                Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(API + path))
                        .header("Authorization", "Basic " + credentials)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
