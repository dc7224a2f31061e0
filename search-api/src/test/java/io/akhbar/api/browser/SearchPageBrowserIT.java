package io.akhbar.api.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.akhbar.api.SeededApp;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The journalists' page in a real browser (Debian's headless Chromium through /usr/bin/chromedriver; nothing is
 * downloaded) against the real service over a real Elasticsearch node holding the five seed articles.
 *
 * <p>Every wait is explicit: the page marks {@code #results-area} with {@code data-state} (loading, results, empty,
 * error) and {@code data-query} (the query string the shown results answer), so "the page has caught up with the
 * URL" is one condition. Screenshots of the main states go to {@code target/screenshots/}.
 */
class SearchPageBrowserIT {

  static final String CHROMIUM = "/usr/bin/chromium";
  static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  static final Path SHOTS = Path.of("target", "screenshots");
  static final ObjectMapper JSON = new ObjectMapper();
  static final String DAESH = "داعش";

  static SeededApp app;
  static ChromeDriverService service;
  static ChromeDriver driver;
  static Path profile;

  @BeforeAll
  static void start() throws IOException {
    assertTrue(new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
        "The browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER
            + "): ./test.sh installs them, or apt-get install -y chromium chromium-driver");
    // Selenium Manager must never try to download a browser or a driver
    System.setProperty("SE_OFFLINE", "true");
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
    app = SeededApp.withSeeds("it-browser");
    profile = Files.createTempDirectory("akhbar-chromium-profile");
    Files.createDirectories(SHOTS);

    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--window-size=1366,900", "--lang=ar", "--user-data-dir=" + profile.toAbsolutePath());
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER))
        .usingAnyFreePort()
        .build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
  }

  @AfterAll
  static void stop() throws IOException {
    try {
      if (driver != null) {
        driver.quit();
      }
    } finally {
      if (service != null) {
        service.stop();
      }
      if (app != null) {
        app.close();
      }
      if (profile != null) {
        try (Stream<Path> files = Files.walk(profile)) {
          files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }

  /** Every test starts in Arabic, with nothing remembered from the previous one. */
  @BeforeEach
  void freshPage() {
    driver.get(app.baseUrl() + "/health");
    js("localStorage.clear(); sessionStorage.clear();");
    browserErrors(); // drop what earlier tests logged
  }

  /** The page must never throw: a script error is a failed test even when the assertions passed. */
  @AfterEach
  void noScriptErrors() {
    List<String> errors = browserErrors();
    assertTrue(errors.isEmpty(), "The page logged script errors: " + errors);
  }

  // ------------------------------------------------------------------------------------------------ the tests

  @Test
  void typingAQueryShowsResultsWithHighlightedSnippetsAndATotalCount() {
    open("/");
    assertEquals("rtl", driver.findElement(By.tagName("html")).getDomAttribute("dir"));
    assertEquals("ar", driver.findElement(By.tagName("html")).getDomAttribute("lang"));
    long everything = total();

    fullPageScreenshot("00-home-full");

    WebElement box = driver.findElement(By.id("q"));
    box.sendKeys(DAESH, Keys.ENTER);
    waitForUrlParam("q", DAESH);
    waitUntilLoaded();

    long hits = total();
    assertTrue(hits > 0 && hits <= everything, "a total between 1 and " + everything + ", not " + hits);
    assertEquals("results", state());
    List<WebElement> results = driver.findElements(By.cssSelector("#results > li.hit"));
    assertEquals(Math.min(hits, 10), results.size());
    List<WebElement> marks = driver.findElements(By.cssSelector("#results .snippet mark"));
    assertFalse(marks.isEmpty(), "the snippets highlight the query with <mark>");
    assertTrue(marks.stream().anyMatch(m -> m.getText().contains(DAESH)), "a highlighted word is the query");
    String summary = driver.findElement(By.id("summary")).getText();
    assertFalse(summary.isBlank(), "the total is written out");
    for (WebElement title : driver.findElements(By.cssSelector(".hit-title"))) {
      assertEquals("auto", title.getDomAttribute("dir"), "titles are bidi-safe");
    }
    for (WebElement snippet : driver.findElements(By.cssSelector(".snippet"))) {
      assertEquals("auto", snippet.getDomAttribute("dir"), "snippets are bidi-safe");
    }
    assertEquals(api("q=" + enc(DAESH)).get("total").asLong(), hits, "the page shows what the API answers");
    screenshot("01-results");
  }

  @Test
  void tickingAProvinceNarrowsTheResultsPutsItInTheUrlAndKeepsTheOtherProvincesCounts() {
    open("/");
    long before = total();
    Map<String, Long> countsBefore = provinceCounts();
    assertTrue(countsBefore.containsKey("IQ-BA"), "Basra is among the seeds' provinces: " + countsBefore);
    assertTrue(countsBefore.size() > 1, "the seeds name more than one province: " + countsBefore);
    long basra = countsBefore.get("IQ-BA");
    assertTrue(basra < before, "Basra narrows the search");

    provinceCheckbox("IQ-BA").click();
    waitForUrlParam("province", "IQ-BA");
    waitUntilLoaded();

    assertEquals(basra, total(), "the total is Basra's count");
    assertTrue(provinceCheckbox("IQ-BA").isSelected());
    Map<String, Long> countsAfter = provinceCounts();
    assertEquals(countsBefore, countsAfter, "disjunctive: every province keeps its count when one is selected");
    assertTrue(driver.findElements(By.cssSelector("#active-filters .filter-pill[data-param='province'][data-value='IQ-BA']"))
        .size() == 1, "the selection is shown above the results");
    for (WebElement hit : driver.findElements(By.cssSelector("#results > li.hit"))) {
      assertFalse(hit.findElements(By.cssSelector(".chip-province[data-value='IQ-BA']")).isEmpty(),
          "every hit is tagged with Basra");
    }
    screenshot("02-province-selected");
  }

  @Test
  void theBackButtonRestoresThePreviousSearch() {
    open("/?q=" + enc(DAESH));
    long first = total();
    String firstUrl = driver.getCurrentUrl();
    String province = provinceCounts().entrySet().stream().filter(e -> e.getValue() < first).map(Map.Entry::getKey)
        .findFirst().orElseThrow(() -> new AssertionError("no province narrows " + DAESH));

    provinceCheckbox(province).click();
    waitForUrlParam("province", province);
    waitUntilLoaded();
    assertNotEquals(first, total());

    driver.navigate().back();
    new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> firstUrl.equals(d.getCurrentUrl()));
    waitUntilLoaded();
    assertEquals(first, total(), "the first search's results are back");
    assertFalse(provinceCheckbox(province).isSelected(), "the province is unticked again");
    assertEquals(DAESH, driver.findElement(By.id("q")).getDomProperty("value"));

    driver.navigate().forward();
    waitForUrlParam("province", province);
    waitUntilLoaded();
    assertTrue(provinceCheckbox(province).isSelected(), "forward restores the selection");
  }

  @Test
  void openingAnArticleShowsItsFullTextAndTagsAndGoesBackToTheResults() throws IOException {
    open("/?q=" + enc(DAESH));
    String search = URI.create(driver.getCurrentUrl()).getRawQuery();
    WebElement link = driver.findElement(By.cssSelector("#results > li.hit .hit-title-link"));
    String id = link.getDomAttribute("data-article");
    link.click();

    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    wait.until(d -> "loaded".equals(d.findElement(By.id("article-view")).getDomAttribute("data-state")));
    assertTrue(driver.findElement(By.id("article-view")).isDisplayed());
    URI url = URI.create(driver.getCurrentUrl());
    assertEquals("article=" + id, url.getRawFragment(), "the article is the hash");
    assertEquals(search, url.getRawQuery(), "the query string is still the search's");

    JsonNode article = JSON.readTree(app.get("/api/articles/" + id).body());
    String body = driver.findElement(By.id("article-body")).getText();
    String expected = article.get("body").asText();
    String firstLine = expected.strip().lines().filter(l -> !l.isBlank()).findFirst().orElseThrow().strip();
    String lastLine = expected.strip().lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElseThrow().strip();
    assertTrue(body.contains(firstLine) && body.contains(lastLine), "the full text, from the first line to the last");
    assertTrue(body.length() > 300, "the full text, not a snippet");
    assertEquals(article.get("title").asText().strip(), driver.findElement(By.id("article-title")).getText().strip());
    int tags = article.get("provinces").size() + article.get("districts").size() + article.get("actors").size();
    assertEquals(tags, driver.findElements(By.cssSelector("#article-content .chip")).size(), "its tags");
    WebElement taggedBy = driver.findElement(By.cssSelector("#article-content .tagged-by"));
    assertTrue(taggedBy.getText().contains(article.get("tagged_by").asText()), "which version tagged it");
    assertEquals(article.get("tagged_at").asText(), taggedBy.findElement(By.tagName("time")).getDomAttribute("datetime"),
        "and when");
    screenshot("03-article");

    driver.findElement(By.id("article-back")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("article-view")));
    assertNull(URI.create(driver.getCurrentUrl()).getRawFragment(), "back to the results' URL");
    assertTrue(driver.findElement(By.cssSelector("#results > li.hit")).isDisplayed(), "the results are still there");
  }

  @Test
  void withKeysOnThePageAsksForAKeyRefusesAWrongOneAndSearchesWithTheRightOne() throws Exception {
    io.akhbar.core.ApiKeys[] keys = new io.akhbar.core.ApiKeys[1];
    try (SeededApp keyed = SeededApp.withKeys("it-browser-keys", a -> {
      keys[0] = new io.akhbar.core.ApiKeys(a.es.client(), a.alias);
      return io.akhbar.api.Access.keys(keys[0], 0);
    }, io.akhbar.api.SearchApp.Admin.NONE, List.of())) {
      keyed.es.client().indices().delete(d -> d.index(keys[0].index()).ignoreUnavailable(true));
      String key = keys[0].create("desk", io.akhbar.core.ApiKeys.Role.SEARCH).token();
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
      driver.get(keyed.baseUrl() + "/?q=" + enc(DAESH));
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login")));
      wait.until(d -> "error".equals(d.findElement(By.id("results-area")).getDomAttribute("data-state")));
      assertEquals("auth", driver.findElement(By.id("message")).getDomAttribute("data-kind"), "no results without a key");

      driver.findElement(By.id("login-key")).sendKeys("akh_AAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB");
      driver.findElement(By.id("login-submit")).click();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));

      driver.findElement(By.id("login-key")).sendKeys(key);
      driver.findElement(By.id("login-submit")).click();
      wait.until(d -> "results".equals(d.findElement(By.id("results-area")).getDomAttribute("data-state")));
      assertTrue(!driver.findElement(By.id("login")).isDisplayed(), "the form is gone");
      assertTrue(total() > 0, "the search ran with the key");
      screenshot("12-signed-in-with-a-key");
      keyed.es.client().indices().delete(d -> d.index(keys[0].index()).ignoreUnavailable(true));
    }
  }

  @Test
  void copiesOfOneWireTextShowAsOneHitAlsoInTheOtherPapersAndEveryCopyOnRequest() throws Exception {
    Path feed = Files.createTempFile("copies", ".jsonl");
    Files.writeString(feed, String.join("", List.of(
        copyLine("c1", "okaz", io.akhbar.core.testing.StoryTexts.WIRE),
        copyLine("c2", "alriyadh", io.akhbar.core.testing.StoryTexts.WIRE_COPY),
        copyLine("c3", "alwatan", io.akhbar.core.testing.StoryTexts.WIRE_THIRD))), StandardCharsets.UTF_8);
    try (SeededApp copies = SeededApp.with("it-browser-copies", List.of(feed))) {
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
      driver.get(copies.baseUrl() + "/?q=" + enc("مستشفى"));
      wait.until(d -> "results".equals(d.findElement(By.id("results-area")).getDomAttribute("data-state")));
      assertEquals(1, driver.findElements(By.cssSelector("#results > li.hit")).size(), "one story, one hit");
      WebElement summary = driver.findElement(By.cssSelector("#results > li.hit .copies-summary"));
      assertTrue(summary.getText().contains("+") || summary.getText().contains("،"), summary.getText());
      String stories = driver.findElement(By.id("stories")).getText();
      assertTrue(stories.contains("1") || stories.contains("١"), "3 articles in 1 story: " + stories);
      summary.click();
      List<WebElement> listed = driver.findElements(By.cssSelector("#results > li.hit .copies-list li.copy"));
      assertEquals(2, listed.size());
      screenshot("14-copies-of-one-story");
      driver.findElement(By.id("collapse-toggle")).click();
      wait.until(d -> d.getCurrentUrl().contains("collapse=false"));
      wait.until(d -> d.findElements(By.cssSelector("#results > li.hit")).size() == 3);
      assertTrue(driver.findElements(By.cssSelector(".copies")).isEmpty(), "every copy on its own, none grouped");
    }
  }

  static String copyLine(String id, String source, String body) throws IOException {
    com.fasterxml.jackson.databind.node.ObjectNode o = JSON.createObjectNode();
    o.put("id", id).put("title", "مستشفى جديد " + id).put("body", body).put("source", source).put("language", "ar");
    return JSON.writeValueAsString(o) + "\n";
  }

  @Test
  void theBatchPageSearchesAListOfNamesAndEachRowLinksToItsSearch() throws Exception {
    open("/");
    driver.findElement(By.id("batch-link")).click();
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("batch-names")));
    driver.findElement(By.id("batch-names")).sendKeys(DAESH + "\nالبصرة\nNo Such Person Anywhere");
    driver.findElement(By.id("batch-submit")).click();
    wait.until(d -> d.findElements(By.cssSelector("#batch-rows tr")).size() == 3);
    List<WebElement> rows = driver.findElements(By.cssSelector("#batch-rows tr"));
    long daesh = JSON.readTree(app.get("/api/search?q=" + enc(DAESH)).body()).get("total").asLong();
    assertEquals(String.valueOf(daesh), rows.get(0).findElements(By.tagName("td")).get(1).getText(),
        "the same count as the search");
    assertEquals("0", rows.get(2).findElements(By.tagName("td")).get(1).getText());
    assertTrue(driver.findElement(By.id("batch-csv")).isDisplayed(), "the table can be downloaded");
    screenshot("13-batch-search");
    rows.get(0).findElement(By.tagName("a")).click();
    waitUntilLoaded();
    assertEquals(daesh, total(), "the row's link opens its search");
  }

  @Test
  void aSearchIsSavedUnderANameListedWithItsFeedAndDeleted() throws Exception {
    app.es.client().indices().delete(d -> d.index(app.search.savedSearches().index()).ignoreUnavailable(true));
    open("/?q=" + enc(DAESH) + "&province=IQ-BG");
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    driver.findElement(By.id("save-name")).sendKeys("داعش في بغداد");
    driver.findElement(By.id("save-submit")).click();
    wait.until(d -> !d.findElements(By.cssSelector("#saved-list .saved-item")).isEmpty());
    WebElement item = driver.findElement(By.cssSelector("#saved-list .saved-item"));
    assertEquals("داعش في بغداد", item.findElement(By.className("saved-name")).getText());
    String page = item.findElement(By.className("saved-name")).getDomAttribute("href");
    assertEquals(query(URI.create(app.baseUrl() + page)), query(URI.create(driver.getCurrentUrl())), "the saved search is this one");
    String feed = item.findElement(By.className("saved-feed")).getDomAttribute("href");
    assertTrue(feed.matches("/feeds/[A-Za-z0-9_-]+\\.atom"), feed);
    assertEquals(200, app.get(feed).statusCode());
    screenshot("14-saved-search");
    item.findElement(By.className("saved-delete")).click();
    wait.until(d -> d.findElements(By.cssSelector("#saved-list .saved-item")).isEmpty());
    app.es.client().indices().delete(d -> d.index(app.search.savedSearches().index()).ignoreUnavailable(true));
  }

  @Test
  void switchingToEnglishFlipsTheDirectionToLtrAndKeepsTheQuery() {
    open("/?q=" + enc(DAESH) + "&sort=date_desc");
    String url = driver.getCurrentUrl();
    long hits = total();
    String arabicSummary = driver.findElement(By.id("summary")).getText();

    driver.findElement(By.id("lang-toggle")).click();
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
    wait.until(d -> "ltr".equals(d.findElement(By.tagName("html")).getDomAttribute("dir")));
    assertEquals("en", driver.findElement(By.tagName("html")).getDomAttribute("lang"));
    assertEquals(DAESH, driver.findElement(By.id("q")).getDomProperty("value"), "the query is kept");
    assertEquals(url, driver.getCurrentUrl(), "the URL carries only the API's parameters, no language");
    assertEquals(hits, total());
    assertEquals("date_desc", driver.findElement(By.id("sort")).getDomProperty("value"), "the state is kept");
    String englishSummary = driver.findElement(By.id("summary")).getText();
    assertNotEquals(arabicSummary, englishSummary);
    assertTrue(englishSummary.contains("result"), englishSummary);
    assertEquals("Search", driver.findElement(By.id("search-button")).getText());
    // facets on the left in English: the facet column starts left of the results column
    assertTrue(driver.findElement(By.id("facets")).getRect().getX() < driver.findElement(By.id("results-area")).getRect().getX());
    screenshot("04-english");

    driver.navigate().refresh();
    waitUntilLoaded();
    assertEquals("ltr", driver.findElement(By.tagName("html")).getDomAttribute("dir"), "the choice is remembered");
    driver.findElement(By.id("lang-toggle")).click();
    wait.until(d -> "rtl".equals(d.findElement(By.tagName("html")).getDomAttribute("dir")));
    assertTrue(driver.findElement(By.id("facets")).getRect().getX() > driver.findElement(By.id("results-area")).getRect().getX(),
        "facets on the right in Arabic");
  }

  @Test
  void aSharedUrlRestoresTheWholeState() {
    String qs = "q=" + enc(DAESH) + "&province=IQ-BA&sort=date_asc&size=20";
    open("/?" + qs);

    assertEquals(DAESH, driver.findElement(By.id("q")).getDomProperty("value"));
    assertTrue(provinceCheckbox("IQ-BA").isSelected());
    assertEquals("date_asc", driver.findElement(By.id("sort")).getDomProperty("value"));
    assertEquals("20", driver.findElement(By.id("size")).getDomProperty("value"));
    assertEquals(1, driver.findElements(By.cssSelector("#active-filters [data-param='province'][data-value='IQ-BA']")).size());
    JsonNode api = api(qs);
    assertEquals(api.get("total").asLong(), total(), "the page and the API answer the same link alike");
    List<String> pageIds = driver.findElements(By.cssSelector("#results > li.hit")).stream()
        .map(e -> e.getDomAttribute("data-id")).toList();
    List<String> apiIds = new ArrayList<>();
    api.get("hits").forEach(h -> apiIds.add(h.get("id").asText()));
    assertEquals(apiIds, pageIds, "in the same order");
  }

  @Test
  void aBadParameterInTheUrlShowsTheErrorMessageNotABlankPage() {
    open("/?from=notadate");
    assertEquals("error", state());
    WebElement message = driver.findElement(By.id("message"));
    assertTrue(message.isDisplayed());
    assertEquals("400", message.getDomAttribute("data-status"));
    assertFalse(driver.findElement(By.id("error-title")).getText().isBlank());
    assertTrue(driver.findElement(By.cssSelector("#message .error-param")).getText().contains("from"),
        "which parameter is wrong");
    assertTrue(driver.findElement(By.id("error-message")).getText().contains("notadate"), "the API's message");
    assertTrue(driver.findElement(By.id("q")).isDisplayed(), "the search box is still there");
    screenshot("05-error");

    driver.findElement(By.id("error-fix")).click();
    new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.getCurrentUrl().contains("from="));
    waitUntilLoaded();
    assertEquals("results", state(), "removing the bad parameter searches again");
  }

  @Test
  void aQueryWithNoResultsShowsTheEmptyStateMessage() {
    open("/?q=" + enc("زقزقةلاتوجد"));
    assertEquals("empty", state());
    assertEquals(0, total());
    assertTrue(driver.findElement(By.id("empty-title")).isDisplayed());
    assertTrue(driver.findElement(By.id("message")).getText().contains("زقزقةلاتوجد"), "it names the query");
    assertTrue(driver.findElements(By.cssSelector("#results > li")).isEmpty());
  }

  @Test
  void theExportLinkCarriesTheCurrentParameters() {
    open("/?q=" + enc(DAESH) + "&province=IQ-BA&sort=date_desc&size=20&page=1");
    String href = driver.findElement(By.id("export-link")).getDomProperty("href");
    URI uri = URI.create(href);
    assertEquals("/api/export", uri.getPath());
    Map<String, List<String>> p = query(uri);
    assertEquals(List.of(DAESH), p.get("q"));
    assertEquals(List.of("IQ-BA"), p.get("province"));
    assertEquals(List.of("date_desc"), p.get("sort"));
    assertEquals(List.of("csv"), p.get("format"));
    assertFalse(p.containsKey("page") || p.containsKey("size") || p.containsKey("cursor"), "no paging: " + p);

    HttpResponse<String> csv = app.get(uri.getRawPath() + "?" + uri.getRawQuery());
    assertEquals(200, csv.statusCode());
    assertTrue(csv.headers().firstValue("content-type").orElse("").startsWith("text/csv"));
    JsonNode matches = api("q=" + enc(DAESH) + "&province=IQ-BA&size=100");
    assertTrue(matches.get("total").asLong() >= 1);
    matches.get("hits").forEach(h -> assertTrue(csv.body().contains(h.get("id").asText()), "the CSV holds every match"));

    // the link follows the state
    provinceCheckbox("IQ-BA").click();
    new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.getCurrentUrl().contains("province="));
    waitUntilLoaded();
    assertFalse(query(URI.create(driver.findElement(By.id("export-link")).getDomProperty("href"))).containsKey("province"));
  }

  @Test
  void clickingAChipOrAHistogramBarFiltersByIt() {
    open("/");
    WebElement chip = driver.findElement(By.cssSelector("#results .chip-actor"));
    String actor = chip.getDomAttribute("data-value");
    chip.click();
    waitForUrlParam("actor", actor);
    waitUntilLoaded();
    assertTrue(driver.findElement(By.cssSelector("#actor-list input[value='" + actor + "']")).isSelected());

    WebElement bar = driver.findElement(By.cssSelector("#histogram .bar"));
    String key = bar.getDomAttribute("data-key");
    long count = Long.parseLong(bar.getDomAttribute("data-count"));
    bar.click();
    waitForUrlParam("from", key.length() == 7 ? key + "-01" : key);
    waitUntilLoaded();
    assertEquals(count, total(), "the bar's count is the new total");
    assertTrue(query(URI.create(driver.getCurrentUrl())).containsKey("to"));
    assertEquals(key.length() == 7 ? key + "-01" : key, driver.findElement(By.id("from")).getDomProperty("value"),
        "the range picker shows the bar's period");
  }

  @Test
  void expandingAProvinceShowsItsDistrictsAndTickingOneFiltersByDistrict() {
    open("/");
    WebElement baghdad = driver.findElement(By.cssSelector("#province-list > li.province-item[data-id='IQ-BG']"));
    assertTrue(baghdad.findElements(By.cssSelector(".facet-sublist")).isEmpty(), "districts start folded");
    baghdad.findElement(By.cssSelector(".expander")).click();
    WebElement district = new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElements(
        By.cssSelector("#province-list li[data-id='IQ-BG'] .facet-sublist li.district-item")).stream()
        .filter(li -> Long.parseLong(li.findElement(By.cssSelector(".count")).getDomAttribute("data-count")) > 0)
        .findFirst().orElse(null));
    String id = district.getDomAttribute("data-id");
    long count = Long.parseLong(district.findElement(By.cssSelector(".count")).getDomAttribute("data-count"));
    assertTrue(id.startsWith("IQ-BG."), "a district of Baghdad: " + id);

    district.findElement(By.cssSelector("input[name='district']")).click();
    waitForUrlParam("district", id);
    waitUntilLoaded();
    assertEquals(count, total(), "the district's count is the new total");
    assertTrue(driver.findElement(By.cssSelector("#province-list input[name='district'][value='" + id + "']")).isSelected(),
        "the province stays open with its ticked district");
  }

  @Test
  void theActorFilterBoxNarrowsTheActorList() {
    open("/");
    int all = driver.findElements(By.cssSelector("#actor-list li.actor-item")).size();
    assertTrue(all > 3, "the seeds mention several actors");
    driver.findElement(By.id("actor-filter")).sendKeys("الكاظمي");
    // the list re-renders while the filter and the archive-wide suggestions settle: wait for a stable, narrowed list
    // in which every item matches, re-finding elements rather than holding on to stale ones
    String id = new WebDriverWait(driver, Duration.ofSeconds(10))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .withMessage("only actors matching الكاظمي remain, fewer than before")
        .until(d -> {
          List<WebElement> items = d.findElements(By.cssSelector("#actor-list li.actor-item"));
          if (items.isEmpty() || items.size() >= all) {
            return null;
          }
          for (WebElement item : items) {
            if (!item.getText().contains("الكاظمي")) {
              return null;
            }
          }
          return items.get(0).getDomAttribute("data-id");
        });
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(d -> {
          d.findElement(By.cssSelector("#actor-list li.actor-item[data-id='" + id + "'] input[name='actor']")).click();
          return true;
        });
    waitForUrlParam("actor", id);
    waitUntilLoaded();
    assertEquals("results", state());
  }

  @Test
  void theQueryBoxSuggestsTheCanonicalNameOfAnotherSpellingAndSearchesIt() {
    open("/");
    driver.findElement(By.id("q")).sendKeys("Kathimi");
    WebElement suggestion = new WebDriverWait(driver, Duration.ofSeconds(10))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .withMessage("the query box suggests the gazetteer's spelling of Kathimi")
        .until(d -> d.findElements(By.cssSelector("#q-suggest .q-suggestion")).stream()
            .filter(e -> e.getText().equals("Mustafa al-Kadhimi")).findFirst().orElse(null));
    String name = suggestion.getText();
    suggestion.click();
    waitForUrlParam("q", name);
    waitUntilLoaded();
    assertEquals("results", state());
    assertEquals(name, driver.findElement(By.id("q")).getDomProperty("value"));
  }

  @Test
  void pagingMovesThroughTheResultsAndKeepsTheOtherParameters() {
    open("/?size=2&sort=date_asc");
    long hits = total();
    assertTrue(hits > 2, "more than one page of seeds");
    List<String> first = ids();
    driver.findElement(By.cssSelector("#pager .page-next")).click();
    waitForUrlParam("page", "2");
    waitUntilLoaded();
    Map<String, List<String>> p = query(URI.create(driver.getCurrentUrl()));
    assertEquals(List.of("2"), p.get("size"));
    assertEquals(List.of("date_asc"), p.get("sort"));
    List<String> second = ids();
    assertFalse(second.isEmpty());
    assertTrue(second.stream().noneMatch(first::contains), "the second page holds other articles");
    assertEquals("page", driver.findElement(By.cssSelector("#pager [aria-current]")).getDomAttribute("aria-current"));
    driver.findElement(By.cssSelector("#pager .page-prev")).click();
    new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !query(URI.create(d.getCurrentUrl())).containsKey("page"));
    waitUntilLoaded();
    assertEquals(first, ids());
  }

  @Test
  void anUnreachableEngineOrServerShowsAClearMessage() throws IOException {
    try (SeededApp down = SeededApp.withSeeds("it-browser-down")) {
      down.indices.deleteAll(); // the engine answers, but there is nothing to search: 503
      driver.get(down.baseUrl() + "/?q=" + enc(DAESH));
      waitUntilLoaded();
      assertEquals("error", state());
      assertEquals("503", driver.findElement(By.id("message")).getDomAttribute("data-status"));
      assertEquals("unavailable", driver.findElement(By.id("message")).getDomAttribute("data-kind"));
      assertTrue(driver.findElement(By.id("retry")).isDisplayed());
      screenshot("06-unavailable");

      down.app.stop(); // now the server itself is gone
      driver.findElement(By.id("retry")).click();
      new WebDriverWait(driver, Duration.ofSeconds(20))
          .until(d -> "network".equals(d.findElement(By.id("message")).getDomAttribute("data-kind")));
      assertFalse(driver.findElement(By.id("error-title")).getText().isBlank());
    }
    browserErrors(); // the failed loads are logged by the browser itself, on purpose here
  }

  // ------------------------------------------------------------------------------------------------ helpers

  void open(String pathAndQuery) {
    driver.get(app.baseUrl() + pathAndQuery);
    waitUntilLoaded();
  }

  /** The page has shown the answer to the query string in its address bar. */
  void waitUntilLoaded() {
    new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
        "const a = document.getElementById('results-area');"
            + "return !!a && a.dataset.state !== 'loading' && a.dataset.query === location.search.replace(/^\\?/, '');")));
  }

  void waitForUrlParam(String name, String value) {
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(d -> query(URI.create(d.getCurrentUrl())).getOrDefault(name, List.of()).contains(value));
  }

  List<String> ids() {
    return driver.findElements(By.cssSelector("#results > li.hit")).stream().map(e -> e.getDomAttribute("data-id")).toList();
  }

  String state() {
    return driver.findElement(By.id("results-area")).getDomAttribute("data-state");
  }

  long total() {
    String total = driver.findElement(By.id("summary")).getDomAttribute("data-total");
    return total == null ? -1 : Long.parseLong(total);
  }

  WebElement provinceCheckbox(String id) {
    return driver.findElement(By.cssSelector("#province-list input[name='province'][value='" + id + "']"));
  }

  /** The province facet as the page shows it: id → count (read from the data attribute, not the Arabic digits). */
  Map<String, Long> provinceCounts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (WebElement item : driver.findElements(By.cssSelector("#province-list > li.province-item"))) {
      String count = item.findElement(By.cssSelector(":scope > .facet-row .count")).getDomAttribute("data-count");
      counts.put(item.getDomAttribute("data-id"), Long.parseLong(count));
    }
    return counts;
  }

  JsonNode api(String query) {
    HttpResponse<String> r = app.get("/api/search?" + query);
    assertEquals(200, r.statusCode(), r.body());
    try {
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  Object js(String script) {
    return ((JavascriptExecutor) driver).executeScript(script);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static Map<String, List<String>> query(URI uri) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    String raw = uri.getRawQuery();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }
    return out;
  }

  static void screenshot(String name) {
    try {
      File shot = driver.getScreenshotAs(OutputType.FILE);
      Files.copy(shot.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The whole page at once: the window grows to the document's height for one picture, then shrinks back. */
  static void fullPageScreenshot(String name) {
    org.openqa.selenium.Dimension size = driver.manage().window().getSize();
    Number height = (Number) ((JavascriptExecutor) driver).executeScript(
        "return Math.max(document.documentElement.scrollHeight, document.getElementById('facets').scrollHeight + 260);");
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(size.getWidth(), Math.min(4000, height.intValue() + 140)));
    try {
      screenshot(name);
    } finally {
      driver.manage().window().setSize(size);
    }
  }

  /** Script errors the page logged (failed requests are the browser's own log lines, not the page's errors). */
  static List<String> browserErrors() {
    List<String> errors = new ArrayList<>();
    for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
      if (e.getLevel().intValue() >= Level.SEVERE.intValue() && !e.getMessage().contains("Failed to load resource")) {
        errors.add(e.getMessage());
      }
    }
    return errors;
  }
}
