package ng.risiti.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium driven by Selenium, from Debian's {@code chromium} and {@code chromium-driver} packages (.ci/run
 * installs them; nothing is downloaded at run time). Where they are absent, the test that asks is skipped with a
 * message saying so, never passed.
 */
final class Browser {

    private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
    private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    private Browser() {
    }

    /** A headless Chromium with a phone-sized window (the pay page is for payers on phones). */
    static ChromeDriver start() {
        return start(414, 896);
    }

    /** A headless Chromium with a window of this size (Swagger UI is read on a desktop). */
    static ChromeDriver start(int width, int height) {
        Optional<String> binary = firstExisting(BROWSERS);
        Optional<String> driver = firstExisting(DRIVERS);
        Assumptions.assumeTrue(binary.isPresent() && driver.isPresent(),
                "Chromium and its driver are not installed (apt-get install chromium chromium-driver; .ci/run does): skipping the browser test");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary.get());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(driver.get()).toFile())
                .usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return browser;
    }

    /** Saves what the browser shows under target/ (kept by CI with the test reports). */
    static Path screenshot(ChromeDriver browser, String name) {
        Path file = Path.of("target", "screenshots", name + ".png");
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The screenshot and the page's HTML as it is now (name.png, name.html): what a failed wait was looking at. */
    static Path snapshot(ChromeDriver browser, String name) {
        Path shot = screenshot(browser, name);
        try {
            Files.writeString(shot.resolveSibling(name + ".html"), browser.getPageSource());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return shot;
    }

    private static Optional<String> firstExisting(List<String> paths) {
        return paths.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst();
    }
}
