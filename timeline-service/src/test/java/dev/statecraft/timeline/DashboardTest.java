package dev.statecraft.timeline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.statecraft.infra.quarkus.KafkaTestResource;
import dev.statecraft.infra.quarkus.PostgresTestResource;
import dev.statecraft.model.Announcement;
import dev.statecraft.model.CountryMention;
import dev.statecraft.model.Kind;
import dev.statecraft.model.PersonMention;
import dev.statecraft.model.Source;
import dev.statecraft.model.Span;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class DashboardTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TestHTTPResource("/")
    URL root;

    static Announcement withEvidence(String id, String day, int hour, String country, String person, Kind kind) {
        String body = person + " met partners in " + country + " today.";
        return new Announcement(id, 1, new Source("https://www.gov.uk/government/news/" + id, "FCDO", "text"),
                TimelineTest.at(day, hour), false, Instant.now(), "1.0.0", person + " in " + country,
                "summary", body, kind,
                List.of(new CountryMention(country, List.of(new Span(body.indexOf(country),
                        body.indexOf(country) + country.length())))),
                List.of(), List.of(new PersonMention(person, "Minister", List.of(new Span(0, person.length())))),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    @Test
    void thePageAndItsDataAreServed() {
        given().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("Statecraft Feed"), containsString("dashboard.js"));
        given().get("/dashboard.js").then().statusCode(200);
        given().get("/dashboard.css").then().statusCode(200);

        String day = "2031-03-05"; // a Wednesday: its week starts on Monday 2031-03-03
        Events.send(withEvidence(Events.newId(), day, 9, "NO", "Anna Berg", Kind.VISIT));
        Events.send(withEvidence(Events.newId(), day, 10, "SE", "Olof Lind", Kind.MEETING));
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> TimelineTest.timeline(day).getList("items").size() == 2);
        given().queryParam("from", day).queryParam("to", day).get("/api/histogram").then().statusCode(200)
                .body("weeks.size()", equalTo(1), "weeks[0].week", equalTo("2031-03-03"),
                        "weeks[0].total", equalTo(2), "weeks[0].kinds.visit", equalTo(1));
        given().queryParam("from", day).queryParam("to", day).queryParam("country", "NO").get("/api/histogram")
                .then().statusCode(200).body("weeks[0].total", equalTo(1));
        given().queryParam("nope", "1").get("/api/histogram").then().statusCode(400);
    }

    @Test
    void filteringInARealBrowser() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs Debian's chromium and chromium-driver");
        String day = TimelineTest.uniqueDay();
        String norway = Events.newId();
        Events.send(withEvidence(norway, day, 9, "NO", "Anna Berg", Kind.VISIT));
        Events.send(withEvidence(Events.newId(), day, 10, "SE", "Olof Lind", Kind.MEETING));
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> TimelineTest.timeline(day).getList("items").size() == 2);

        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        Path profile = Files.createTempDirectory("dashboard-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,1000", "--user-data-dir=" + profile);
        WebDriver driver = new ChromeDriver(options);
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
            driver.get(root + "?from=" + day + "&to=" + day);
            wait.until(d -> d.findElements(By.cssSelector("#list > li[data-id]")).size() == 2);
            wait.until(d -> !d.findElements(By.cssSelector("#chart rect.bar")).isEmpty());
            Select country = new Select(driver.findElement(By.id("f-country")));
            wait.until(d -> country.getOptions().stream().anyMatch(o -> o.getText().equals("NO (1)")));

            country.selectByValue("NO");
            wait.until(d -> d.findElements(By.cssSelector("#list > li[data-id]")).size() == 1);
            assertThat(driver.findElement(By.cssSelector("#list > li[data-id]")).getAttribute("data-id"))
                    .isEqualTo(norway);
            assertThat(driver.getCurrentUrl()).contains("country=NO");

            // The evidence: the extracted facts and the spans marked in the body text.
            driver.findElement(By.cssSelector("#list > li[data-id] .item-title")).click();
            wait.until(d -> !d.findElements(By.cssSelector(".detail mark")).isEmpty());
            assertThat(driver.findElements(By.cssSelector(".detail mark")).stream().map(e -> e.getText()).toList())
                    .containsExactly("Anna Berg", "NO");

            // Live: a new matching announcement appears without reloading.
            String later = Events.newId();
            Events.send(withEvidence(later, day, 11, "NO", "Kari Dahl", Kind.AID));
            wait.withTimeout(Duration.ofSeconds(30))
                    .until(d -> d.findElements(By.cssSelector("#list > li[data-id='" + later + "']")).size() == 1);

            Path shot = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, Path.of("target", "dashboard.png"), StandardCopyOption.REPLACE_EXISTING);
            assertThat(Files.size(Path.of("target", "dashboard.png"))).isPositive();
        } finally {
            driver.quit();
        }
    }
}
